"""The editor CSV as a Datasette output renderer (`.xlcsv`): one row per flag, the same
rows and columns as `newsprov export`, Excel-safe, and every matching row rather than one
page of them. Offered on the articles, outlets, sentences and framing tables and rows."""

from __future__ import annotations

import asyncio
import tempfile
from typing import IO, Any

from datasette.utils.asgi import Request, Response

from db.export import FLAG_TYPES, FRAMING_TIER_CHOICES, export_rows, iter_csv, tiers

TABLES = {"articles", "outlets", "sentences", "framing"}
_CHUNK = 64 * 1024


class SpooledFileResponse(Response):
    """Streams a spooled temporary file, so a large export is never one bytes object."""

    def __init__(self, fh: IO[bytes], headers: dict[str, str], content_type: str) -> None:
        super().__init__(body=b"", status=200, headers=headers, content_type=content_type)
        self.fh = fh

    async def asgi_send(self, send: Any) -> None:
        headers = {k: v for k, v in self.headers.items() if k.lower() != "content-type"}
        headers["content-type"] = self.content_type
        await send(
            {
                "type": "http.response.start",
                "status": self.status,
                "headers": [[k.encode(), str(v).encode()] for k, v in headers.items()],
            }
        )
        try:
            self.fh.seek(0)
            while chunk := await asyncio.to_thread(self.fh.read, _CHUNK):
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
        finally:
            self.fh.close()
        await send({"type": "http.response.body", "body": b""})


def can_render_flags(table: str | None, view_name: str, query_name: str | None) -> bool:
    return table in TABLES and view_name in ("table", "row")


def export_filters(request: Request, table: str | None, view_name: str) -> dict[str, Any]:
    """Map what the page shows (a row, or ?column=value filters) onto export_rows()."""
    args = request.args
    pk = request.url_vars.get("pks") if view_name == "row" else None
    article = args.get("article_id") or args.get("article_id__exact")
    outlet = args.get("outlet_id") or args.get("outlet_id__exact") or args.get("outlet")
    if pk and table == "articles":
        article = pk
    if pk and table == "outlets":
        outlet = pk
    flags: tuple[str, ...] | str = FLAG_TYPES
    if table == "sentences":
        flags = ("unsourced",)
    elif table == "framing":
        flags = ("framing",)
    if args.get("flags"):
        flags = args["flags"]
    # the same tiers as `newsprov export`: query sentences and strong phrases unless the
    # page asks for more (?tier=all, ?tier=routine, ?framing_tier=mild); on the framing
    # table ?tier= is its own column's value (strong, mild)
    tier, framing_tier = args.get("tier") or args.get("tier__exact"), args.get("framing_tier")
    if table == "framing" and tier in FRAMING_TIER_CHOICES and tier != "all":
        tier, framing_tier = None, tier
    tier, framing_tier = tiers(tier, framing_tier)
    return {
        "article": int(article) if article and str(article).isdigit() else None,
        "outlet": outlet or None,
        "since": args.get("published__gte") or args.get("since") or None,
        "flags": flags,
        "tier": tier,
        "framing_tier": framing_tier,
    }


async def render_flags_csv(
    datasette: Any, request: Request, database: str, table: str | None, view_name: str
) -> Response:
    try:
        filters = export_filters(request, table, view_name)
    except ValueError as exc:
        return Response.text(f"{exc}\n", status=400)
    fh = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 - closed by the response

    def write(conn: Any) -> None:
        for chunk in iter_csv(export_rows(conn, **filters)):
            fh.write(chunk.encode("utf-8"))

    try:
        await datasette.get_database(database).execute_fn(write)
    except ValueError as exc:
        fh.close()
        return Response.text(f"{exc}\n", status=400)
    name = "newsprov-flags"
    if filters["article"] is not None:
        name += f"-article-{filters['article']}"
    return SpooledFileResponse(
        fh,
        headers={"content-disposition": f'attachment; filename="{name}.csv"'},
        content_type="text/csv; charset=utf-8",
    )
