"""The "check a story" page (/-/check), its JSON API (/-/check.json), job status pages
(/-/check/job/ID[.json]) and sign-in (/-/check/signin?token=...).

Checking fetches and writes, so only an actor with the `newsprov-check` permission may
do it: the local user signed in with the one-time URL `newsprov serve` prints, or a script
sending `Authorization: Bearer $NEWSPROV_TOKEN`. Everyone else sees the form disabled and
gets 403 for a POST. Datasette's CSRF protection stays on for the form; the JSON API takes
the bearer token only (a cookie is never enough there).

The work itself (annotate, fetch, store) is done by a desk object that `newsprov serve`
attaches (newsprov/desk.py); the plugin only knows its two calls, `paste` and `submit`.
"""

from __future__ import annotations

import asyncio
import json
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from datasette.utils.asgi import Forbidden, NotFound, Request, Response

from .reader import articles_database, reader_path

if TYPE_CHECKING:
    from datasette.app import Datasette

PERMISSION = "newsprov-check"
TOKEN_ACTOR = "newsprov-token"
LOCAL_ACTOR = "desk"
HOW_TO_SIGN_IN = (
    "To check stories, sign in with the one-time sign-in URL that `newsprov serve` printed "
    "in its terminal (scripts send `Authorization: Bearer $NEWSPROV_TOKEN`)."
)
MAX_JSON_BYTES = 4_000_000


class Desk(Protocol):
    def paste(
        self,
        text: str,
        title: str | None = None,
        outlet: str | None = None,
        opinion: bool = False,
    ) -> int: ...

    def submit(self, url: str, actor: str | None = None) -> int: ...


@dataclass
class Auth:
    """Who may check: a one-time sign-in token for the local user, and a bearer token."""

    signin_token: str | None = None
    api_token: str | None = None


def attach(datasette: Datasette, desk: Desk, api_token: str | None = None) -> str:
    """Give this Datasette a desk to check with; returns the one-time sign-in path."""
    token = secrets.token_urlsafe(32)
    datasette._newsprov_desk = desk  # type: ignore[attr-defined]
    datasette._newsprov_auth = Auth(signin_token=token, api_token=api_token or None)  # type: ignore[attr-defined]
    return f"/-/check/signin?token={token}"


def _auth(datasette: Any) -> Auth:
    return getattr(datasette, "_newsprov_auth", None) or Auth()


def _desk(datasette: Any) -> Desk | None:
    return getattr(datasette, "_newsprov_desk", None)


def bearer_actor(datasette: Any, request: Request) -> dict | None:
    """The actor for a request carrying the right `Authorization: Bearer` token."""
    expected = _auth(datasette).api_token
    header = request.headers.get("authorization", "")
    if not expected or not header.startswith("Bearer "):
        return None
    if secrets.compare_digest(header[7:].strip().encode(), expected.encode()):
        return {"id": TOKEN_ACTOR, "token": "newsprov", PERMISSION: True}
    return None


def allowed(actor: dict | None, action: str) -> bool | None:
    """Grant `newsprov-check` to actors that carry it; say nothing otherwise, so the
    default (deny) or another permission plugin decides."""
    if action == PERMISSION and actor and actor.get(PERMISSION) is True:
        return True
    return None


async def can_check(datasette: Datasette, actor: dict | None) -> bool:
    return bool(await datasette.permission_allowed(actor, PERMISSION, default=False))


def _actor_id(actor: dict | None) -> str | None:
    return str(actor.get("id")) if actor else None


async def _render(
    datasette: Datasette, request: Request, template: str, context: dict, status: int = 200
) -> Response:
    html = await datasette.render_template(template, context, request=request)
    return Response.html(html, status=status)


async def _form(
    datasette: Datasette,
    request: Request,
    may: bool,
    error: str | None = None,
    values: dict | None = None,
    status: int = 200,
) -> Response:
    context = {
        "may_check": may and _desk(datasette) is not None,
        "has_desk": _desk(datasette) is not None,
        "error": error,
        "values": values or {},
    }
    return await _render(datasette, request, "newsprov_check.html", context, status)


def _warm_up(datasette: Any) -> None:
    # An editor is about to check: load the language model while they paste.
    warm = getattr(_desk(datasette), "warm_up", None)
    if warm is not None:
        warm()


async def check_page(request: Request, datasette: Datasette) -> Response:
    may = await can_check(datasette, request.actor)
    if may:
        _warm_up(datasette)
    if request.method != "POST":
        return await _form(datasette, request, may)
    if not may:
        return await _form(
            datasette, request, False, "You are not signed in. " + HOW_TO_SIGN_IN, status=403
        )
    desk = _desk(datasette)
    if desk is None:
        return await _form(
            datasette, request, False, "Checking needs `newsprov serve`.", status=503
        )
    try:
        form = await request.post_vars()
    except UnicodeDecodeError:
        return await _form(
            datasette,
            request,
            True,
            "the form was not sent as UTF-8: send it again from this page",
            status=400,
        )
    values = {k: form.get(k, "") for k in ("url", "text", "title", "outlet", "opinion")}
    try:
        kind, value = await _run(desk, values, _actor_id(request.actor))
    except ValueError as exc:
        return await _form(datasette, request, True, str(exc), values, status=400)
    if kind == "article":
        return Response.redirect(reader_path(datasette, value))
    return Response.redirect(datasette.urls.path(f"/-/check/job/{value}"))


async def _run(desk: Desk, values: dict, actor: str | None) -> tuple[str, int]:
    """("article", id) for pasted copy, ("job", id) for a URL; ValueError for bad input."""
    text = values.get("text") or ""
    url = (values.get("url") or "").strip()
    if text.strip() and url:
        raise ValueError(
            "give either a URL or the pasted copy, not both: clear one of the two fields"
        )
    if text.strip():
        # a ticked box sends "1"; the JSON API sends true
        opinion = values.get("opinion") in (True, "1", "on")
        article_id = await asyncio.to_thread(
            desk.paste,
            text,
            values.get("title") or None,
            values.get("outlet") or None,
            opinion,
        )
        return "article", article_id
    if url:
        return "job", await asyncio.to_thread(desk.submit, url, actor)
    raise ValueError("nothing to check: type the article's URL or paste its copy")


def _json_error(message: str, status: int) -> Response:
    return Response.json({"ok": False, "error": message}, status=status)


async def check_json(request: Request, datasette: Datasette) -> Response:
    if request.method != "POST":
        return _json_error('POST a JSON object: {"text", "title"} or {"url"}', 405)
    actor = request.actor
    if not (actor and actor.get("token") == "newsprov" and await can_check(datasette, actor)):
        return _json_error(
            "forbidden: send `Authorization: Bearer <token>` with the token set in "
            "NEWSPROV_TOKEN when `newsprov serve` started",
            403,
        )
    desk = _desk(datasette)
    if desk is None:
        return _json_error("checking needs `newsprov serve`", 503)
    body = await request.post_body()
    if len(body) > MAX_JSON_BYTES:
        return _json_error(f"the request is over {MAX_JSON_BYTES:,} bytes: send one article", 413)
    try:
        data = json.loads(body or b"null")
    except (ValueError, UnicodeDecodeError):
        return _json_error(
            'the body is not JSON: send {"text": ..., "title": ...} or {"url": ...}', 400
        )
    if not isinstance(data, dict) or not all(
        isinstance(data.get(k), (str, type(None))) for k in ("url", "text", "title", "outlet")
    ):
        return _json_error("send a JSON object whose url, text, title and outlet are strings", 400)
    if not isinstance(data.get("opinion"), (bool, type(None))):
        return _json_error('send "opinion" as true or false (is the pasted copy opinion?)', 400)
    try:
        kind, value = await _run(desk, data, _actor_id(actor))
    except ValueError as exc:
        return _json_error(str(exc), 400)
    if kind == "article":
        return Response.json({"article_id": value, "reader_url": reader_path(datasette, value)})
    status_url = datasette.urls.path(f"/-/check/job/{value}.json")
    return Response.json({"job_id": value, "status_url": status_url}, status=202)


async def _job(datasette: Datasette, job_id: int) -> dict | None:
    db = await articles_database(datasette)
    if db is None or not await db.table_exists("check_jobs"):
        return None
    row = (await db.execute("SELECT * FROM check_jobs WHERE job_id = ?", [job_id])).first()
    return dict(row) if row else None


def job_json(datasette: Datasette, job: dict) -> dict:
    aid = job["article_id"] if job["status"] == "done" else None
    return {
        "job_id": job["job_id"],
        "url": job["url"],
        "status": job["status"],
        "stage": job["stage"],
        "related_done": job["done"],
        "related_total": job["total"],
        "article_id": aid,
        "reader_url": reader_path(datasette, aid) if aid else None,
        "error": job["error"],
    }


async def job_page(request: Request, datasette: Datasette) -> Response:
    as_json = bool(request.url_vars.get("fmt"))
    actor = request.actor
    if not await can_check(datasette, actor):
        if as_json:
            return _json_error("forbidden: send `Authorization: Bearer <token>`", 403)
        raise Forbidden("Check jobs are shown to signed-in editors only. " + HOW_TO_SIGN_IN)
    job_id = int(request.url_vars["job_id"])
    job = await _job(datasette, job_id)
    if job is None:
        if as_json:
            return _json_error(f"no check job {job_id}", 404)
        raise NotFound(f"No check job {job_id}: start one from the check page.")
    info = job_json(datasette, job)
    if as_json:
        return Response.json(info)
    return await _render(datasette, request, "newsprov_job.html", {"job": info})


async def signin(request: Request, datasette: Datasette) -> Response:
    auth = _auth(datasette)
    token = request.args.get("token") or ""
    if not auth.signin_token:
        raise Forbidden(
            "This sign-in link has been used (or checking is off): restart `newsprov serve` "
            "for a new one."
        )
    if not secrets.compare_digest(token.encode(), auth.signin_token.encode()):
        raise Forbidden("Wrong sign-in token: open the URL exactly as `newsprov serve` printed it.")
    auth.signin_token = None  # one time only, like `datasette --root`
    _warm_up(datasette)
    response = Response.redirect(datasette.urls.path("/-/check"))
    actor = {"id": LOCAL_ACTOR, PERMISSION: True}
    response.set_cookie("ds_actor", datasette.sign({"a": actor}, "actor"), httponly=True)
    return response


ROUTES: list[tuple[str, Any]] = [
    (r"^/-/check$", check_page),
    (r"^/-/check\.json$", check_json),
    (r"^/-/check/job/(?P<job_id>\d{1,18})(?P<fmt>\.json)?$", job_page),
    (r"^/-/check/signin$", signin),
]
