"""The "check a story" page and its JSON API, through real Datasette requests on a real
SQLite file, with the real annotator and (for URLs) the real fetcher against the local
test server."""

from __future__ import annotations

import asyncio
import csv
import io
import re
import socket

import pytest

from db.plugin.app import make_datasette
from db.plugin.check import attach
from db.schema import open_db
from newsprov.desk import Desk, DeskOptions, pasted_url

TOKEN = "t0k3n-for-the-desk-tests-only"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
COPY = (
    "Officials familiar with the talks said the <script>document.title='PWNED'</script> "
    "deal would cost 4.2 billion dollars.\r\n\r\n"
    "Critics say the staggering price is a deceptive narrative.\r\n\r\n"
    "Finance Minister Olivia Grant told parliament the figure was under review."
)


@pytest.fixture
def desk_app(tmp_path, fetch_config):
    path = tmp_path / "desk.db"
    open_db(str(path)).close()
    ds = make_datasette(path)
    desk = Desk(str(path), DeskOptions(fetch=fetch_config, related=False, gdelt=False))
    signin = attach(ds, desk, TOKEN)
    yield ds, signin, path
    desk.stop()


async def signed_in(ds, signin) -> dict[str, str]:
    """Cookies of an editor who opened the one-time sign-in link, plus a CSRF token."""
    r = await ds.client.get(signin)
    assert r.status_code == 302 and r.headers["location"] == "/-/check"
    cookies = {"ds_actor": r.cookies["ds_actor"]}
    page = await ds.client.get("/-/check", cookies=cookies)
    cookies["ds_csrftoken"] = page.cookies.get("ds_csrftoken") or ""
    token = re.search(r'name="csrftoken" value="([^"]+)"', page.text).group(1)
    return {**cookies, "_form_token": token}


async def post_form(ds, cookies: dict, **fields: str):
    token = cookies.get("_form_token", "")
    jar = {k: v for k, v in cookies.items() if not k.startswith("_")}
    return await ds.client.post("/-/check", data={"csrftoken": token, **fields}, cookies=jar)


async def wait_job(ds, job_id: int, headers=AUTH) -> dict:
    for _ in range(300):
        r = await ds.client.get(f"/-/check/job/{job_id}.json", headers=headers)
        info = r.json()
        if info["status"] in ("done", "error"):
            return info
        await asyncio.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish: {info}")


async def test_check_anonymous_sees_disabled_form_and_post_refused(desk_app):
    ds, _signin, path = desk_app
    page = await ds.client.get("/-/check")
    assert page.status_code == 200
    assert "<fieldset disabled>" in page.text
    assert (
        "sign in with the one-time sign-in URL that <code>newsprov serve</code> printed"
        in page.text
    )
    r = await ds.client.post("/-/check", data={"text": "The mayor resigned."})
    assert r.status_code == 403
    assert open_db(str(path))["articles"].count == 0


async def test_check_pasted_copy_lands_on_escaped_reader_page(desk_app):
    ds, signin, path = desk_app
    cookies = await signed_in(ds, signin)
    form = await ds.client.get("/-/check", cookies={"ds_actor": cookies["ds_actor"]})
    assert "<fieldset>" in form.text and "disabled" not in form.text.split("<fieldset")[1][:20]
    r = await post_form(ds, cookies, text=COPY, title="Deal <b>talks</b>", outlet="Wire Desk")
    assert r.status_code == 302, r.text
    assert r.headers["location"] == "/-/article/1"
    reader = await ds.client.get("/-/article/1")
    html = reader.text
    assert "pasted copy, not fetched" in html
    assert "Deal &lt;b&gt;talks&lt;/b&gt;" in html and "<b>talks</b>" not in html
    assert "&lt;script&gt;document.title" in html and "<script>document.title" not in html
    assert 'class="snt src-anonymous-source' in html  # marks are on the page
    assert "staggering" in html
    db = open_db(str(path))
    art = db.execute("SELECT url, extractor, outlet_id, text FROM articles").fetchone()
    assert art[0] == pasted_url(art[3]) and art[1] == "pasted" and art[2] == "wire-desk"
    assert "\r" not in art[3]  # the browser's CRLF is normalised; offsets index this text
    assert db["sentences"].count >= 3
    # The editor CSV downloads for pasted copy like for any article.
    href = re.search(r'href="([^"]+\.xlcsv)"', html).group(1)
    export = await ds.client.get(href)
    assert export.status_code == 200
    rows = list(csv.DictReader(io.StringIO(export.content.decode("utf-8-sig"))))
    labels = {r["label"] for r in rows}
    assert {"anonymous_source", "weasel"} <= labels
    assert all(r["article_url"] == "pasted copy, not fetched" for r in rows)


async def test_check_form_keeps_csrf_protection(desk_app):
    ds, signin, path = desk_app
    cookies = await signed_in(ds, signin)
    cookies["_form_token"] = "forged"
    r = await post_form(ds, cookies, text="The mayor resigned on Monday.")
    assert r.status_code == 403
    assert "did not match cookie" in r.text  # refused by Datasette's CSRF protection
    assert open_db(str(path))["articles"].count == 0


async def test_check_signin_link_works_once(desk_app):
    ds, signin, _path = desk_app
    assert (await ds.client.get(signin)).status_code == 302
    again = await ds.client.get(signin)
    assert again.status_code == 403 and "has been used" in again.text
    wrong = await ds.client.get("/-/check/signin?token=nope")
    assert wrong.status_code == 403


async def test_check_form_errors_are_one_line(desk_app):
    ds, signin, _path = desk_app
    cookies = await signed_in(ds, signin)
    r = await post_form(ds, cookies, text="   ", url="")
    assert r.status_code == 400 and "nothing to check" in r.text
    r = await post_form(ds, cookies, text="Some copy.", url="http://example.org/x")
    assert r.status_code == 400 and "not both" in r.text


async def test_check_json_api_needs_the_token(desk_app):
    ds, _signin, path = desk_app
    body = {"text": "The council said the bridge will reopen in May.", "title": "Bridge"}
    for headers in ({}, {"Authorization": "Bearer wrong-token-of-the-same-size!!"}):
        r = await ds.client.post("/-/check.json", json=body, headers=headers)
        assert r.status_code == 403
        assert r.json()["ok"] is False and "Authorization: Bearer" in r.json()["error"]
    assert open_db(str(path))["articles"].count == 0
    r = await ds.client.post("/-/check.json", json=body, headers=AUTH)
    assert r.status_code == 200
    assert r.json() == {"article_id": 1, "reader_url": "/-/article/1"}
    bad = await ds.client.post("/-/check.json", content=b"{not json", headers=AUTH)
    assert bad.status_code == 400 and "not JSON" in bad.json()["error"]
    # A job's status is for signed-in users and scripts only.
    assert (await ds.client.get("/-/check/job/1.json")).status_code == 403


async def test_check_url_job_runs_in_background_and_survives_reload(desk_app, site):
    ds, signin, path = desk_app
    url = site.url("/news/2025/02/26/post-balakot-pakistan-concealment.html", "nationpress.test")
    r = await ds.client.post("/-/check.json", json={"url": url}, headers=AUTH)
    assert r.status_code == 202
    job_id = r.json()["job_id"]
    assert r.json()["status_url"] == f"/-/check/job/{job_id}.json"
    info = await wait_job(ds, job_id)
    assert info["status"] == "done", info
    assert info["article_id"] and info["reader_url"] == f"/-/article/{info['article_id']}"
    # A fresh server on the same file shows the same status (the job is a row).
    ds2 = make_datasette(path)
    desk2 = Desk(str(path))
    signin2 = attach(ds2, desk2, TOKEN)
    again = (await ds2.client.get(f"/-/check/job/{job_id}.json", headers=AUTH)).json()
    assert again == info
    cookies = await signed_in(ds2, signin2)
    page = await ds2.client.get(f"/-/check/job/{job_id}", cookies={"ds_actor": cookies["ds_actor"]})
    assert f'href="/-/article/{info["article_id"]}"' in page.text
    desk2.stop()


async def test_check_url_errors_are_the_cli_messages(desk_app, site):
    ds, _signin, _path = desk_app
    cases = {
        "http://10.0.0.1/x": "10.0.0.1 is a private address",
        site.url("/_status/404"): "HTTP 404 Not Found from",
        "ftp://example.org/x": "refused ftp://example.org/x",
        site.url("/_huge?mb=11"): "larger than the 10,000,000-byte cap",  # the CLI's cap
    }
    for url, expected in cases.items():
        r = await ds.client.post("/-/check.json", json={"url": url}, headers=AUTH)
        info = await wait_job(ds, r.json()["job_id"])
        assert info["status"] == "error" and expected in info["error"], info
        assert "\n" not in info["error"]


async def test_check_url_job_reports_related_coverage_progress(tmp_path, fetch_config, site):
    path = tmp_path / "desk.db"
    open_db(str(path)).close()
    ds = make_datasette(path)
    desk = Desk(str(path), DeskOptions(fetch=fetch_config, related=True, gdelt=False))
    attach(ds, desk, TOKEN)
    url = site.url("/news/2025/02/26/post-balakot-pakistan-concealment.html", "nationpress.test")
    r = await ds.client.post("/-/check.json", json={"url": url}, headers=AUTH)
    info = await wait_job(ds, r.json()["job_id"])
    desk.stop()
    assert info["status"] == "done", info
    assert info["related_total"] >= 3 and info["related_done"] == info["related_total"]
    assert open_db(str(path))["related"].count >= 3


async def test_check_job_page_shows_progress_and_refreshes(desk_app):
    ds, signin, path = desk_app
    cookies = await signed_in(ds, signin)  # starts the desk's worker
    db = open_db(str(path))
    db.execute(
        "INSERT INTO check_jobs (job_id, url, status, stage, done, total, created_at, updated_at)"
        " VALUES (7, 'http://example.org/<b>x</b>', 'running', 'related coverage', 2, 5, 'now', 'now')"
    )
    db.conn.commit()
    page = await ds.client.get("/-/check/job/7", cookies={"ds_actor": cookies["ds_actor"]})
    assert "related coverage: 2 of 5" in page.text
    assert '<meta http-equiv="refresh" content="1">' in page.text
    assert "http://example.org/&lt;b&gt;x&lt;/b&gt;" in page.text
    assert (await ds.client.get("/-/check/job/7")).status_code == 403  # anonymous


def test_serve_refuses_a_short_token(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from newsprov.cli import main

    db = tmp_path / "desk.db"
    open_db(str(db)).close()
    monkeypatch.setenv("NEWSPROV_TOKEN", "secret")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--port", str(port)])
    assert result.exit_code != 0
    assert "NEWSPROV_TOKEN is 6 characters, under 16" in result.output


async def test_check_jobs_left_running_by_a_stopped_server_are_closed(tmp_path):
    path = tmp_path / "desk.db"
    db = open_db(str(path))
    db.execute(
        "INSERT INTO check_jobs (job_id, url, status, created_at, updated_at)"
        " VALUES (1, 'http://example.org/a', 'running', 'now', 'now')"
    )
    db.conn.commit()
    desk = Desk(str(path))
    desk.start()
    desk.stop()
    status, error = db.execute("SELECT status, error FROM check_jobs").fetchone()
    assert status == "error" and "the server stopped before this check finished" in error


OPINION_COPY = (
    "The Ardley tram scheme was doomed by the council's reckless borrowing.\n\n"
    "The scheme has raised fares for 40 percent of Ardley households.\n\n"
    "Ardley deserves a council that listens before it spends."
)


def _tiers(path) -> dict[str, str | None]:
    db = open_db(str(path))
    rows = db.execute("SELECT text, tier FROM sentences WHERE tier IS NOT NULL").fetchall()
    return {t[:10]: tier for t, tier in rows}


async def test_check_pasted_copy_marked_opinion_tiers_the_writers_view(desk_app):
    ds, signin, path = desk_app
    # the JSON API: "opinion": true; anything but a boolean is refused in one line
    bad = await ds.client.post(
        "/-/check.json", json={"text": OPINION_COPY, "opinion": "yes"}, headers=AUTH
    )
    assert bad.status_code == 400 and '"opinion" as true or false' in bad.json()["error"]
    r = await ds.client.post(
        "/-/check.json", json={"text": OPINION_COPY, "opinion": True}, headers=AUTH
    )
    assert r.status_code == 200, r.text
    reader = (await ds.client.get(r.json()["reader_url"])).text
    assert "Opinion piece, marked as opinion by the editor" in reader
    assert _tiers(path) == {"The Ardley": "routine", "The scheme": "query"}
    # the form: the same copy without the box ticked is news, and its cause a query
    cookies = await signed_in(ds, signin)
    form = await ds.client.get("/-/check", cookies={"ds_actor": cookies["ds_actor"]})
    assert 'name="opinion"' in form.text
    r = await post_form(ds, cookies, text=OPINION_COPY + "\n\nIt will not be the last.")
    assert r.status_code == 302, r.text
    reader = (await ds.client.get(r.headers["location"])).text
    assert "says it is opinion" not in reader
    db = open_db(str(path))
    (tier, reason) = db.execute(
        "SELECT s.tier, s.reason FROM sentences s JOIN articles a USING (article_id)"
        " WHERE a.opinion IS NULL AND s.text LIKE 'The Ardley%'"
    ).fetchone()
    # as news, the cause names no source and waits for its kind alone (round 17), not as
    # the writer's view on an opinion page
    assert tier == "routine" and reason.endswith("(sourcing.tier.kind_only)"), reason
    assert "page marked opinion" not in reason
