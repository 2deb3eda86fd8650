"""newsprov's Datasette plugin: the article reader, links from article ids to it, an
Excel-friendly CSV of the flags, formula-safe CSV everywhere else, quiet 404s, and security
headers. Hooks only; nothing runs on import."""

from __future__ import annotations

from typing import Any

from datasette import hookimpl
from markupsafe import Markup

from . import check, edits
from .csvsafe import csv_safety
from .errors import quiet_handle_exception, replace_default_handler
from .guards import request_guard
from .headers import security_headers
from .queries import CANNED
from .reader import article_page, reader_path
from .renderer import can_render_flags, render_flags_csv

# Columns holding an article id: they link to the reader rather than to the raw row.
ARTICLE_ID_COLUMNS = {"article_id", "other_article_id", "syndicated_of"}


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(r"^/-/article/(?P<article_id>\d{1,18})$", article_page), *check.ROUTES, *edits.ROUTES]


@hookimpl
def actor_from_request(datasette: Any, request: Any) -> dict | None:
    # Scripts: `Authorization: Bearer $NEWSPROV_TOKEN` (db/plugin/check.py).
    return check.bearer_actor(datasette, request)


@hookimpl
def permission_allowed(actor: dict | None, action: str) -> bool | None:
    return check.allowed(actor, action)


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, datasette: Any
) -> Markup | None:
    if table == "articles" and column == "title" and isinstance(value, str):
        # Editors open an article by its headline; the row page stays one click away.
        try:
            article_id = row["article_id"]
        except (KeyError, IndexError, TypeError):
            return None
        if isinstance(article_id, int):
            return Markup('<a href="{}">{}</a>').format(reader_path(datasette, article_id), value)
        return None
    # Also on query results (table is None): canned queries name the column article_id.
    if column not in ARTICLE_ID_COLUMNS:
        return None
    label = None
    if isinstance(value, dict):  # an expanded foreign key: {"value": 3, "label": "Title"}
        label, value = value.get("label"), value.get("value")
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    href = reader_path(datasette, value)
    text = f"{label} ({value})" if label not in (None, "", value) else f"article {value}"
    return Markup('<a href="{}" title="Open in the newsprov reader">{}</a>').format(href, text)


@hookimpl
def asgi_wrapper(datasette: Any) -> Any:
    # Every CSV Datasette serves is made Excel-safe; every response gets the headers;
    # requests from foreign Host names, to debug pages or writing to canned queries stop
    # before Datasette sees them.
    guard = request_guard(datasette, set(CANNED))
    return lambda app: security_headers(guard(csv_safety(app)))


@hookimpl
def startup(datasette: Any) -> None:
    from datasette.plugins import pm

    # Ours (below) builds the same error pages without printing a traceback per 404.
    replace_default_handler(pm)


@hookimpl(tryfirst=True)
def handle_exception(datasette: Any, request: Any, exception: Exception) -> Any:
    return quiet_handle_exception(datasette, request, exception)


@hookimpl
def register_output_renderer(datasette: Any) -> dict[str, Any]:
    return {"extension": "xlcsv", "render": render_flags_csv, "can_render": can_render_flags}


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    # Only when served with newsprov's metadata (make_datasette), which defines the dashboard.
    if "newsprov-overview" not in (datasette.plugin_config("datasette-dashboards") or {}):
        return []
    return [
        {"href": datasette.urls.path("/-/dashboards/newsprov-overview"), "label": "Overview"},
        {"href": datasette.urls.path("/-/check"), "label": "Check a story"},
    ]
