"""Starting Datasette with the project's plugin, and reader-page URLs."""

from __future__ import annotations

import click
import sqlite_utils


def reader_url(host: str, port: int, article_id: int) -> str:
    return f"http://{host}:{port}/-/article/{article_id}"


def resolve_article(db: sqlite_utils.Database, ref: str) -> int | None:
    """'latest' (most recently stored seed, else any article), an id, or a URL."""
    if ref == "latest":
        row = next(
            db.query(
                "SELECT article_id FROM articles ORDER BY is_seed DESC, updated_at DESC, article_id DESC LIMIT 1"
            ),
            None,
        )
        return row["article_id"] if row else None
    from db import store

    return store.find_article(db, ref)


def _check_port_free(host: str, port: int) -> None:
    """Fail before printing URLs that would point at somebody else's server."""
    import socket

    with socket.socket() as sock:
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise click.ClickException(
                f"cannot listen on {host}:{port} ({exc.strerror or exc}): pass another --port"
            ) from None


def run_datasette(
    db_path: str,
    host: str,
    port: int,
    desk_options=None,
    host_names: tuple[str, ...] = (),
    debug: bool = False,
) -> None:
    """Serve until interrupted; prints where to look first."""
    import uvicorn

    from db.plugin.app import make_datasette
    from newsprov.desk import attach_desk

    _check_port_free(host, port)
    ds = make_datasette(db_path, bind=host, host_names=host_names, debug=debug)
    signin = attach_desk(ds, db_path, desk_options)
    latest = resolve_article(sqlite_utils.Database(db_path), "latest")
    click.echo(f"Datasette: http://{host}:{port}/")
    if latest is not None:
        click.echo(f"Reader page of the latest article: {reader_url(host, port, latest)}")
    click.echo(f"Check a story (one-time sign-in link): http://{host}:{port}{signin}")
    click.echo("Press Ctrl+C to stop.")
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")
