"""The web questionnaire under load: a page answered and the next page served, p95 <= 50 ms with
200 concurrent respondents on one server process (issue 17, Measure); on SQLite and on PostgreSQL
(ETUDES_BENCH_DATABASE_URL or ETUDES_TEST_DATABASE_URL, in a schema of its own dropped afterwards).

The server: the demo study (resources/studies/satisfaction_assures_2026.xlsx: 23 questions over
about 15 pages, skip logic by channel, a region -> department choice filter, calculations)
published, a sample imported, one link per person, served by the real app in ONE process
(uvicorn in a thread of this process, EmbeddedServer), the per-address limit lifted since every
client comes from 127.0.0.1 (the per-link limit stays). The respondents: another process (so the
load generator does not share the server's interpreter), 200 httpx.AsyncClient coroutines; each
opens its link, accepts the notice, then answers every page from what the page's HTML offers
(a random choice, a number, a date, a short text: valid answers, so the path through the skip
logic varies) and finally sends. A step is timed from the POST of a page to the next page's HTML
in hand: the POST, its 303 and the GET it points to (Post/Redirect/Get, as a browser does).

Two loads: respondents who read (a pause of 5 to 15 s before each page, as people reading a
question and choosing; ETUDES_BENCH_WEB_READING="1,3" for a harsher crowd; 1 to 3 s in --quick),
on which the target is set; and respondents who never pause (each sends its next page as soon as
it has the previous one), which gives the server's capacity in pages per second (no target: a
queue, by design). The server's CPU time per page (this process's, the respondents run in
another) says what a faster or idle machine would do with it.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import random
import re
import statistics
import tempfile
import time
from collections import Counter
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

from benchmarks.bench_sample import generate_csv
from benchmarks.postgres import postgres_schema

ROOT = Path(__file__).resolve().parents[1]
FORM = ROOT / "resources" / "studies" / "satisfaction_assures_2026.xlsx"
STUDY = "satisfaction_assures_2026"
RESPONDENTS, QUICK_RESPONDENTS = 200, 20
READING, QUICK_READING = (5.0, 15.0), (1.0, 3.0)  # seconds before each page, uniform
INPUT = re.compile(r"<(input|textarea)\b([^>]*)>")
ATTR = re.compile(r'([a-zA-Z][\w-]*)(?:="([^"]*)")?')
FORM_TYPE = {"Content-Type": "application/x-www-form-urlencoded"}
TEXT_VALUE = {"numeric": "3", "decimal": "8", "date": "2026-06-15", "time": "09:30",
              "datetime-local": "2026-06-15T09:30"}


# -- the respondents (in their own process) ---------------------------------------------------
def fill(page: str, rng: random.Random) -> list[tuple[str, str]]:
    """Valid answers to every question of a page, from its HTML: one choice per radio group and
    per checkbox group, a number, a date, a time or a short text."""
    data: list[tuple[str, str]] = [("action", "next")]
    choices: dict[str, list[str]] = {}
    for tag, raw in INPUT.findall(page):
        attrs = {k: unescape(v or "") for k, v in ATTR.findall(raw)}
        name, kind = attrs.get("name", ""), attrs.get("type", "text")
        if not name:
            continue
        if kind == "hidden":
            data.append((name, attrs.get("value", "")))
        elif kind in ("radio", "checkbox"):
            choices.setdefault(name, []).append(attrs.get("value", ""))
        elif tag == "textarea" or kind == "text":
            data.append((name, TEXT_VALUE.get(attrs.get("inputmode", ""), "RAS")))
        else:
            data.append((name, TEXT_VALUE.get(kind, "RAS")))
    for name, values in choices.items():
        data.append((name, values[0] if values == ["OK"] else rng.choice(values)))
    return data


async def _step(client: httpx.AsyncClient, path: str, data: list[tuple[str, str]]) -> tuple[float, httpx.Response]:
    started = time.perf_counter()
    answer = await client.post(path, content=urlencode(data), headers=FORM_TYPE)  # a browser's form, repeated names
    if answer.status_code == 303:
        answer = await client.get(answer.headers["location"])
    return (time.perf_counter() - started) * 1000, answer


async def _respondent(url: str, token: str, rng: random.Random, reading: tuple[float, float],
                      out: dict[str, list[Any]]) -> None:
    """One person: their own connection (kept alive between pages, as a browser's)."""
    path = f"/q/{token}"
    await asyncio.sleep(rng.uniform(0, reading[1]))  # people arrive over a reading time, not all at once
    async with httpx.AsyncClient(base_url=url, timeout=120) as client:
        try:
            shown = await client.get(path)
            assert shown.status_code == 200 and "J'accepte" in unescape(shown.text), shown.status_code
            elapsed, page = await _step(client, path, [("action", "agree")])
            out["steps"].append(elapsed)
            for _ in range(60):
                if 'value="__end__"' in page.text:
                    break
                if reading[1]:
                    await asyncio.sleep(rng.uniform(*reading))
                elapsed, page = await _step(client, path, fill(page.text, rng))
                if page.status_code != 200 or 'class="summary"' in page.text:
                    out["errors"].append(f"HTTP {page.status_code}")
                    return
                out["steps"].append(elapsed)
            elapsed, page = await _step(client, path, [("page", "__end__"), ("action", "send")])
            assert page.status_code == 200 and "Merci" in page.text, page.status_code
            out["sends"].append(elapsed)
        except httpx.TransportError as exc:  # counted and reported: the person's browser would show an error
            out["errors"].append(type(exc).__name__)


async def _crowd(url: str, tokens: list[str], reading: tuple[float, float]) -> dict[str, Any]:
    out: dict[str, list[Any]] = {"steps": [], "sends": [], "errors": []}
    started = time.perf_counter()
    await asyncio.gather(*(_respondent(url, token, random.Random(n), reading, out) for n, token in enumerate(tokens)))
    out["seconds"] = time.perf_counter() - started  # type: ignore[assignment]
    return out


def crowd(url: str, tokens: list[str], reading: tuple[float, float]) -> dict[str, Any]:
    """Entry point of the respondents' process."""
    return asyncio.run(_crowd(url, tokens, reading))


# -- the server (this process) ----------------------------------------------------------------
def seed(url: str, folder: Path, people: int) -> tuple[Any, list[str]]:
    from etudes_desktop.server.cases_import_store import import_sample
    from etudes_desktop.server.cases_store import CasesStore
    from etudes_desktop.server.office_store import OfficeStore
    from etudes_desktop.server.publishing import publish_file
    from etudes_desktop.server.store import Store
    from etudes_desktop.server.web_store import WebStore

    store = Store(url)
    office = OfficeStore(store)
    publish_file(office, FORM.name, FORM.read_bytes(), actor="bench", role=None)
    report = import_sample(CasesStore(store, office), STUDY, generate_csv(folder / "echantillon.csv", people))
    assert report.imported == people, report.summary()
    tokens = [token for _, token in WebStore(store, office).issue(STUDY).links]
    return store, tokens


def _percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def measure(url: str, folder: Path, respondents: int, label: str) -> list[dict[str, Any]]:
    from etudes_desktop.server.embedded import EmbeddedServer
    from etudes_desktop.server.web.limits import Limits

    store, tokens = seed(url, folder, 2 * respondents)
    reading = READING if respondents > QUICK_RESPONDENTS else QUICK_READING
    if os.environ.get("ETUDES_BENCH_WEB_READING"):
        low, high = (float(x) for x in os.environ["ETUDES_BENCH_WEB_READING"].split(","))
        reading = (low, high)
    rows: list[dict[str, Any]] = []
    context = multiprocessing.get_context("spawn")  # never fork a process that runs a server thread
    try:
        with EmbeddedServer(store, web_limits=Limits(per_address=1_000_000)) as server, \
                context.Pool(1) as pool:
            for what, pause, share in ((f"reading {reading[0]:g}-{reading[1]:g} s", reading, tokens[:respondents]),
                                       ("no pause", (0.0, 0.0), tokens[respondents:])):
                cpu = time.process_time()  # this process is the server's (the respondents have theirs)
                got = pool.apply(crowd, (server.url, share, pause))
                cpu = (time.process_time() - cpu) * 1000 / max(1, len(got["steps"]) + len(got["sends"]))
                steps, sends = got["steps"], got["sends"]
                errors = Counter(got["errors"])
                if errors:
                    print(f"  {what}, {label}: {sum(errors.values())} respondents stopped: {dict(errors)}")
                p50, p95, p99 = (_percentile(steps, q) for q in (50, 95, 99))
                rate = len(steps) / got["seconds"]
                name = f"web page answered -> next page, p95, {respondents} respondents {what}, {label}"
                rows.append({"name": name, "value": p95, "unit": "ms",
                             "target": "<= 50" if what.startswith("reading") else "",
                             "note": f"p50 {p50:.1f} ms, p99 {p99:.1f} ms over {len(steps)} pages; "
                                     f"{rate:.0f} pages/s; send (ingest) p95 {_percentile(sends, 95):.0f} ms; "
                                     f"{len(sends)}/{respondents} sent, {sum(errors.values())} stopped"})
                print(f"  {name}: p50 {p50:.1f} / p95 {p95:.1f} / p99 {p99:.1f} ms, {rate:.0f} pages/s, "
                      f"server CPU {cpu:.1f} ms per page", flush=True)
                rows.append({"name": f"web pages served per second, {respondents} respondents {what}, {label}",
                             "value": rate, "unit": "pages/s",
                             "note": f"{len(steps)} pages (POST + 303 + GET) and {len(sends)} sends in "
                                     f"{got['seconds']:.1f} s; server CPU {cpu:.1f} ms per page"})
    finally:
        store.close()
    return rows


def run(quick: bool = False) -> list[dict[str, Any]]:
    respondents = QUICK_RESPONDENTS if quick else RESPONDENTS
    from etudes_desktop.server.store import sqlite_url

    with tempfile.TemporaryDirectory(prefix="bench-web-") as folder:
        rows = measure(sqlite_url(Path(folder) / "server"), Path(folder), respondents, "SQLite")
        with postgres_schema() as url:
            if url:
                rows += measure(url, Path(folder), respondents, "PostgreSQL")
    return rows


if __name__ == "__main__":
    for row in run(quick=bool(os.environ.get("QUICK"))):
        print(f"{row['name']:<90} {row['value']:>8.1f} {row['unit']:<8} {row.get('target', '')} {row.get('note', '')}")
