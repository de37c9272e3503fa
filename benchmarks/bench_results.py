"""The insurer's deliverable: protection of one 20 x 20 table, and a whole delivery.

1. One 20 x 20 table with its margins (counts drawn so that about one cell in six is small):
   primary + secondary suppression and the attacker check, timed; the cells suppressed beyond
   the primary ones (information lost) against the plain heuristic « suppress the smallest
   cell of an exposed cell's equations », both checked by the same attacker, on the same table.
2. A delivery from 100,000 interviews of 50 questions stored (sealed) by the real server store
   on SQLite: 10 select_one questions tabulated overall and by mode (10 two-way tables), the
   40 others free text (read, decrypted, never counted); build_deliverable (read, count,
   protect, check) then JSON and XLSX, timed from the store to the bytes.
3. A small study (1,000 interviews, 30 questions, crossed by mode, age band and sex): hundreds
   of small cells in 120 tables linked by their margins, protected and checked together.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import numpy as np

from etudes_desktop.core.questionnaire import Choice, Item, ItemType, Questionnaire
from etudes_desktop.core.study import StudyPackage
from etudes_desktop.server.results.attacker import check
from etudes_desktop.server.results.deliverable import build_deliverable
from etudes_desktop.server.results.formats import render
from etudes_desktop.server.results.suppression import PRIMARY, SECONDARY, LinkedCells, protect, suppress_smallest
from etudes_desktop.server.store import Store, sqlite_url
from etudes_desktop.sync import protocol as p

STUDY = "bench-resultats"
COUNTED, TEXTS, CHOICES = 10, 40, 5
MODES = ["face_to_face", "phone", "paper", "group", "internet"]
NOTICE_SHA = hashlib.sha256(b"mention").hexdigest()


def grid(matrix: np.ndarray) -> LinkedCells:
    """A table, its row and column totals and its grand total, with their equations."""
    rows, cols = matrix.shape
    values = [*matrix.ravel(), *matrix.sum(axis=1), *matrix.sum(axis=0), matrix.sum()]
    cell = lambda i, j: i * cols + j  # noqa: E731
    row_total, col_total, total = rows * cols, rows * cols + rows, rows * cols + rows + cols
    equations = [{**{cell(i, j): 1 for j in range(cols)}, row_total + i: -1} for i in range(rows)]
    equations += [{**{cell(i, j): 1 for i in range(rows)}, col_total + j: -1} for j in range(cols)]
    equations.append({**{row_total + i: 1 for i in range(rows)}, total: -1})
    return LinkedCells.build([int(v) for v in values], equations)


def table_20x20(seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    matrix = rng.poisson(rng.uniform(5, 80, size=(20, 20)))
    return matrix


def _one_table(seed: int) -> dict[str, float]:
    cells = grid(table_20x20(seed))
    started = time.perf_counter()
    optimal = protect(cells)
    exposures, _, _ = check(cells, optimal)
    seconds = time.perf_counter() - started
    assert not exposures
    plain = suppress_smallest(cells)
    assert not [e for e in check(cells, plain)[0] if plain.status[e.var] == PRIMARY]
    values = cells.values
    return {"seconds": seconds, "primary": optimal.count(PRIMARY), "secondary": optimal.count(SECONDARY),
            "plain": plain.count(SECONDARY), "rounds": optimal.rounds,
            "hidden": float(values[optimal.status == SECONDARY].sum()),
            "plain_hidden": float(values[plain.status == SECONDARY].sum())}


def _package() -> StudyPackage:
    items = [Item(name=f"q{k:02d}", type=ItemType.SELECT_ONE, label={"default": f"Question {k}"}, list_name="echelle")
             for k in range(COUNTED)]
    items += [Item(name=f"t{k:02d}", type=ItemType.TEXT, label={"default": f"Texte {k}"}) for k in range(TEXTS)]
    choices = {"echelle": [Choice(name=str(c), label={"default": f"Niveau {c}"}) for c in range(1, CHOICES + 1)]}
    return StudyPackage(id=STUDY, title="Banc d'essai", questionnaire=Questionnaire(
        form_id=STUDY, title="Banc", items=items, choices=choices))


def _interviews(count: int, rng: np.random.Generator) -> list[dict[str, Any]]:
    answers = rng.integers(1, CHOICES + 1, size=(count, COUNTED))
    modes = rng.choice(MODES, size=count, p=[0.3, 0.4, 0.1, 0.05, 0.15])
    out = []
    for i in range(count):
        body = {"study_id": STUDY, "study_version": "1", "state": "completed", "mode": str(modes[i]),
                "interviewer": "enq-bench", "created_at": "2026-11-29T10:00:00Z", "completed_at": "2026-11-29T10:20:00Z",
                "consent": {"notice_id": "cnam", "notice_version": "1", "text_sha256": NOTICE_SHA, "mode": str(modes[i]),
                            "interviewer": "enq-bench", "delivered_at": "2026-11-29T10:00:00Z",
                            "decided_at": "2026-11-29T10:01:00Z", "decision": "agrees"},
                "answers": {**{f"q{k:02d}": str(answers[i, k]) for k in range(COUNTED)},
                            **{f"t{k:02d}": f"commentaire {k} de l'entretien {i}" for k in range(TEXTS)}},
                "attributes": {"age_band": "35-44"}}
        out.append({"id": str(uuid.uuid4()), "content_sha256": p.content_hash(body), "clock_offset_ms": 0,
                    "payload": body})
    return out


def _delivery(count: int) -> dict[str, float]:
    rng = np.random.default_rng(13)
    with tempfile.TemporaryDirectory(prefix="bench-results-") as tmp:
        store = Store(sqlite_url(Path(tmp) / "server"))
        device, _ = store.enroll(STUDY, "portable-bench")
        items = _interviews(count, rng)
        for start in range(0, count, p.MAX_INTERVIEWS_PER_BATCH):
            batch = p.Batch.model_validate({"batch_id": str(uuid.uuid4()), "study_id": STUDY,
                                            "sent_at": "2026-11-29T11:00:00Z",
                                            "interviews": items[start:start + p.MAX_INTERVIEWS_PER_BATCH]})
            store.ingest(device, batch)
        del items
        package = _package()
        started = time.perf_counter()
        deliverable = build_deliverable(store, package, by=["mode"])
        built = time.perf_counter() - started
        render(deliverable, "json")
        render(deliverable, "xlsx")
        total = time.perf_counter() - started
        pdf_started = time.perf_counter()
        render(deliverable, "pdf")
        pdf = time.perf_counter() - pdf_started
        store.close()
    two_way = sum(1 for t in deliverable.tables if t.by)
    return {"built": built, "total": total, "pdf": pdf, "two_way": two_way}


def _small_cells(questions: int, count: int) -> dict[str, float]:
    """A small study, crossed three ways: hundreds of small cells, all tables linked by margins."""
    from etudes_desktop.server.results.attacker import require_protected
    from etudes_desktop.server.results.tables import count_tables

    rng = np.random.default_rng(5)
    items = [Item(name=f"q{k:02d}", type=ItemType.SELECT_ONE, label={"default": f"Question {k}"}, list_name="echelle")
             for k in range(questions)]
    choices = {"echelle": [Choice(name=str(c), label={"default": f"Niveau {c}"}) for c in range(1, CHOICES + 1)]}
    package = StudyPackage(id=STUDY, title="Banc", special_answers=True, results_by=["age_band", "sex"],
                           questionnaire=Questionnaire(form_id=STUDY, title="Banc", items=items, choices=choices))
    codes = ["1", "2", "3", "4", "5", "_dk"]
    rows = [(str(rng.choice(MODES, p=[0.3, 0.4, 0.1, 0.05, 0.15])),
             {f"q{k:02d}": str(rng.choice(codes, p=[0.05, 0.1, 0.2, 0.4, 0.22, 0.03])) for k in range(questions)},
             {"age_band": str(rng.choice(["18-34", "35-54", "55-74", "75+"])), "sex": str(rng.choice(["F", "M"]))})
            for _ in range(count)]
    counted = count_tables(package, rows)
    started = time.perf_counter()
    protected = protect(counted.cells)
    require_protected(counted.cells, protected)
    return {"seconds": time.perf_counter() - started, "tables": len(counted.tables),
            "primary": protected.count(PRIMARY), "secondary": protected.count(SECONDARY)}


def run(quick: bool = False) -> list[dict]:
    seeds = [1] if quick else [1, 2, 3, 4, 5]
    tables = [_one_table(seed) for seed in seeds]
    worst = max(t["seconds"] for t in tables)
    mean = lambda key: float(np.mean([t[key] for t in tables]))  # noqa: E731
    count = 10_000 if quick else 100_000
    delivery = _delivery(count)
    questions, small_count = (10, 400) if quick else (30, 1000)
    small = _small_cells(questions, small_count)
    return [
        {"name": "20x20 table + margins: protection and attacker check (worst)", "value": worst, "unit": "s",
         "target": "<= 2", "note": f"{len(seeds)} tables, {mean('rounds'):.1f} rounds of cuts on average"},
        {"name": "20x20 table: primary suppressions (mean)", "value": mean("primary"), "unit": "cells"},
        {"name": "20x20 table: secondary suppressions, optimal (mean)", "value": mean("secondary"), "unit": "cells"},
        {"name": "20x20 table: secondary, 'suppress the smallest' (mean)", "value": mean("plain"), "unit": "cells"},
        {"name": "20x20 table: respondents hidden by secondary, optimal", "value": mean("hidden"), "unit": "people"},
        {"name": "20x20 table: respondents hidden, 'suppress the smallest'", "value": mean("plain_hidden"),
         "unit": "people"},
        {"name": f"deliverable, {count:,} itw x 50 questions: built (read, count, protect, check)",
         "value": delivery["built"], "unit": "s"},
        {"name": f"deliverable, {count:,} itw, {delivery['two_way']} two-way tables: + JSON and XLSX",
         "value": delivery["total"], "unit": "s", "target": "<= 10"},
        {"name": "deliverable: PDF report", "value": delivery["pdf"], "unit": "s"},
        {"name": f"small study, {small_count:,} itw x {questions} questions x 3 crossings: protect + check",
         "value": small["seconds"], "unit": "s",
         "note": f"{small['tables']} linked tables, {small['primary']} primary, {small['secondary']} secondary cells"},
    ]


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        print(f"{row['name']:<62} {row['value']:>10.4g} {row['unit']:<8} {row.get('target', '')}")
