"""Excel-safe CSV for everything Datasette serves as `.csv` (tables, rows, canned and
arbitrary queries, `?_stream=on`): an ASGI wrapper that rewrites the stream on its way out.

Datasette's own CSV passes cells such as `=HYPERLINK(...)` or `@cmd` through as written,
and has no byte-order mark, so Excel on Windows garbles accents. The wrapper decodes the
stream incrementally (a UTF-8 character or a quoted field may be split across chunks),
cuts it only at record ends outside quotes, parses those records with the csv module,
prefixes every cell that a spreadsheet would evaluate with an apostrophe (as
`newsprov export` does) and writes them back with the same dialect, after a UTF-8 BOM.
Plain numbers (`-12.5`) are left alone so numeric columns stay numeric.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from typing import Any
from urllib.parse import parse_qs

from db.csvguard import FORMULA_PREFIXES, safe_cell  # noqa: F401 - re-exported

BOM = "\ufeff"
_QUOTE_OR_NEWLINE = re.compile(r'["\n]')


class CsvRewriter:
    """Feed it bytes of Datasette's CSV in any chunking; get back safe CSV bytes."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""  # text after the last complete record
        self._scanned = 0  # how far into _pending the quote state is known
        self._in_quotes = False
        self._started = False
        self._out = io.StringIO()
        self._writer = csv.writer(self._out, lineterminator="\r\n")

    def _records(self, text: str) -> str:
        """Rewrite complete records (text ending at a record end outside quotes)."""
        if not text:
            return ""
        for row in csv.reader(io.StringIO(text, newline="")):
            self._writer.writerow([safe_cell(cell) for cell in row])
        out = self._out.getvalue()
        self._out.seek(0)
        self._out.truncate()
        return out

    def feed(self, chunk: bytes, final: bool = False) -> bytes:
        self._pending += self._decoder.decode(chunk, final)
        cut = 0
        for m in _QUOTE_OR_NEWLINE.finditer(self._pending, self._scanned):
            if m.group() == '"':
                # A doubled quote inside a quoted field toggles twice: the state stays right.
                self._in_quotes = not self._in_quotes
            elif not self._in_quotes:
                cut = m.end()
        self._scanned = len(self._pending)
        if final:
            cut = len(self._pending)
        done, self._pending = self._pending[:cut], self._pending[cut:]
        self._scanned -= cut
        out = self._records(done)
        if not self._started and (out or final):
            out = BOM + out
            self._started = True
        return out.encode("utf-8")


def is_csv_path(scope: dict) -> bool:
    if scope.get("path", "").endswith(".csv"):
        return True
    query = parse_qs((scope.get("query_string") or b"").decode("latin-1"))
    return query.get("_format") == ["csv"]


def csv_safety(app: Any) -> Any:
    """ASGI wrapper: rewrite Datasette's CSV responses (not the HTML `_trace` page, not
    error pages) so no cell is a formula and the file starts with a BOM."""

    async def wrapped(scope: dict, receive: Any, send: Any) -> None:
        if scope.get("type") != "http" or not is_csv_path(scope):
            await app(scope, receive, send)
            return
        rewriter: CsvRewriter | None = None

        async def send_safe(message: dict) -> None:
            nonlocal rewriter
            if message.get("type") == "http.response.start":
                headers = message.get("headers", [])
                ctype = next(
                    (bytes(v).lower() for k, v in headers if bytes(k).lower() == b"content-type"),
                    b"",
                )
                if message.get("status") == 200 and ctype.startswith((b"text/plain", b"text/csv")):
                    rewriter = CsvRewriter()
                    # The body changes length; Datasette streams CSV without one anyway.
                    headers = [(k, v) for k, v in headers if bytes(k).lower() != b"content-length"]
                    message = {**message, "headers": headers}
                await send(message)
                return
            if rewriter is not None and message.get("type") == "http.response.body":
                more = message.get("more_body", False)
                body = rewriter.feed(message.get("body", b""), final=not more)
                message = {**message, "body": body}
            await send(message)

        await app(scope, receive, send_safe)

    return wrapped
