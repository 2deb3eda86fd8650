"""Build the Datasette app that `newsprov serve` runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from datasette.app import Datasette

from .config import build_metadata
from .guards import CONFIG_KEY, allowed_hosts

# Facets on tables of millions of rows need more than Datasette's 200 ms default, and
# suggested facets (one query per column) are skipped: they cost time on every table page.
SETTINGS: dict[str, Any] = {
    "facet_time_limit_ms": 1000,
    "sql_time_limit_ms": 3000,
    "suggest_facets": False,
    "allow_download": False,
}


def database_name(db_path: str | Path) -> str:
    """The name Datasette gives a database file: its stem."""
    return Path(db_path).stem


def metadata(db_name: str = "newsprov") -> dict[str, Any]:
    """The metadata dict for a database served under `db_name` (the file's stem)."""
    return build_metadata(db_name)


def make_datasette(
    db_path: str | Path,
    bind: str | None = None,
    host_names: tuple[str, ...] = (),
    debug: bool = False,
    **kwargs: Any,
) -> Datasette:
    """A Datasette serving `db_path` with newsprov's metadata, plugin and dashboards.

    Requests are answered only for the Host names localhost, `bind` (the address
    listened on) and `host_names`; debug pages only with `debug`. The plugin itself is
    loaded through its entry point; extra keyword arguments go to Datasette (e.g.
    `settings=`).
    """
    settings = {**SETTINGS, **kwargs.pop("settings", {})}
    meta = metadata(database_name(db_path))
    meta.setdefault("plugins", {})[CONFIG_KEY] = {
        "hosts": allowed_hosts(bind, host_names),
        "debug": debug,
    }
    return Datasette(
        [str(db_path)],
        metadata=meta,
        settings=settings,
        **kwargs,
    )
