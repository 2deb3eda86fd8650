"""Error pages without console noise.

Datasette's default handler prints a rich traceback with every local variable (about 170
lines) to the console for each exception it handles, 404s included, when `rich` is
installed, and a second plain traceback for 500s. newsprov's handler replaces it (the
plugin's startup hook unregisters Datasette's): client errors (404 Not Found, 403
Forbidden, 400 Bad Request...) print nothing and get the same helpful error page; a real
500 prints one line naming the request, the error and where it was raised.
"""

from __future__ import annotations

import pdb
import sys
import traceback
from typing import Any

from datasette.utils import add_cors_headers
from datasette.utils.asgi import Base400, Response
from datasette.views.base import DatasetteError
from markupsafe import Markup

from scraper.guard import for_terminal

DEFAULT_HANDLER = "datasette.handle_exception"


def replace_default_handler(pm: Any) -> None:
    """Unregister Datasette's own handle_exception plugin: every handler's result is
    awaited, so its console output cannot be silenced while it stays registered."""
    if pm.get_plugin(DEFAULT_HANDLER) is not None:
        pm.unregister(name=DEFAULT_HANDLER)


def one_line(request: Any, exception: BaseException) -> str:
    """`500 GET /path?q: KeyError: 'x' (db/plugin/reader.py:12 in load)`."""
    where = ""
    frames = traceback.extract_tb(exception.__traceback__)
    # The innermost frame of our own code says more than one deep inside a library.
    ours = [f for f in frames if "site-packages" not in f.filename]
    if frames:
        last = (ours or frames)[-1]
        where = f" ({last.filename}:{last.lineno} in {last.name})"
    path = request.path + (f"?{request.query_string}" if request.query_string else "")
    message = str(exception).splitlines()[0] if str(exception) else ""
    # The path and the message carry request data (`?_sort=%1b]0;x%07` is decoded into
    # the error): never raw escapes on the server's console.
    line = f"500 {request.method} {path}: {type(exception).__name__}: {message}{where}"
    return for_terminal(line)


def quiet_handle_exception(datasette: Any, request: Any, exception: Exception) -> Any:
    async def inner() -> Response:
        if datasette.pdb:
            pdb.post_mortem(exception.__traceback__)
        title = None
        if isinstance(exception, Base400):
            status = exception.status
            info: dict[str, Any] = {}
            message: Any = exception.args[0] if exception.args else ""
        elif isinstance(exception, DatasetteError):
            status = exception.status
            info = dict(exception.error_dict or {})
            message = exception.message
            if exception.message_is_html:
                message = Markup(message)
            title = exception.title
        else:
            status = 500
            info = {}
            message = str(exception)
        if status >= 500:
            print(one_line(request, exception), file=sys.stderr, flush=True)
        info.update({"ok": False, "error": message, "status": status, "title": title})
        headers: dict[str, str] = {}
        if datasette.cors:
            add_cors_headers(headers)
        if request.path.split("?")[0].endswith(".json"):
            return Response.json(info, status=status, headers=headers)
        template = datasette.jinja_env.select_template([f"{status}.html", "error.html"])
        html = await template.render_async(
            dict(
                info,
                urls=datasette.urls,
                app_css_hash=datasette.app_css_hash(),
                menu_links=lambda: [],
            )
        )
        return Response.html(html, status=status, headers=headers)

    return inner
