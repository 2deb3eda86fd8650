"""Shared check for the Datasette tests (test_plugin*.py): a page carries none of the
hostile payloads planted in the test database as live markup."""

from __future__ import annotations


def assert_no_raw_payload(html: str) -> None:
    assert "<script>document.title" not in html
    assert "<img src=x" not in html
    assert "<svg onload" not in html
    assert 'href="javascript:' not in html.lower()
    assert '" onmouseover="' not in html
