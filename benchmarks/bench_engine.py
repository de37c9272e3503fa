"""Questionnaire engine: a generated form of 1,000 questions, 300 relevance expressions and
50 calculations. Import time, session creation, per-answer re-evaluation (p50, p99) and the
incremental / full re-evaluation ratio, measured side by side in the same run."""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from etudes_desktop.core.session import AnswerRefused, Session
from etudes_desktop.core.xlsform import load_xlsform
from etudes_desktop.core.xlsform_writer import write_xlsform

FR = "label::Français (fr)"


def build_form(path: Path, questions: int = 1000, relevances: int = 300, calculations: int = 50, seed: int = 7) -> Path:
    """A realistic big form: 50 groups, integers, selects and texts, skip logic and scores."""
    rng = random.Random(seed)
    survey: list[dict[str, str]] = []
    names: list[tuple[str, str]] = []
    relevant_at = set(rng.sample(range(10, questions), relevances))
    per_group = 20
    for index in range(questions):
        if index % per_group == 0:
            if index:
                survey.append({"type": "end_group"})
            survey.append({"type": "begin_group", "name": f"g{index // per_group}", FR: f"Partie {index // per_group + 1}"})
        kind = ("integer", "select_one note5", "text", "select_multiple canaux")[index % 4]
        name = f"q{index}"
        row = {"type": kind, "name": name, FR: f"Question {index}"}
        if index in relevant_at:
            ref_name, ref_kind = names[rng.randrange(max(0, len(names) - 60), len(names))]
            row["relevant"] = _condition(ref_name, ref_kind, rng)
        if kind == "integer":
            row["constraint"] = ". >= 0 and . <= 100"
        survey.append(row)
        names.append((name, kind))
    survey.append({"type": "end_group"})
    integers = [n for n, k in names if k == "integer"]
    for index in range(calculations):
        picked = rng.sample(integers, 3)
        survey.append({"type": "calculate", "name": f"score{index}",
                       "calculation": " + ".join(f"coalesce(${{{p}}}, 0)" for p in picked)})
    choices = [{"list_name": "note5", "name": str(i), FR: f"Note {i}"} for i in range(1, 6)]
    choices += [{"list_name": "canaux", "name": c, FR: c} for c in ("tel", "web", "guichet", "courrier")]
    return write_xlsform(path, survey, choices, {"form_id": "bench_engine", "default_language": "Français (fr)"})


def _condition(name: str, kind: str, rng: random.Random) -> str:
    if kind == "integer":
        return f"${{{name}}} > {rng.randint(0, 50)}"
    if kind.startswith("select_one"):
        return f"${{{name}}} = '{rng.randint(1, 5)}' or ${{{name}}} = ''"
    if kind.startswith("select_multiple"):
        return f"not(selected(${{{name}}}, 'courrier'))"
    return f"string-length(${{{name}}}) < 20"


def _answer(kind: str, rng: random.Random) -> object:
    if kind == "integer":
        return rng.randint(0, 100)
    if kind.startswith("select_one"):
        return str(rng.randint(1, 5))
    if kind.startswith("select_multiple"):
        return " ".join(rng.sample(["tel", "web", "guichet", "courrier"], rng.randint(1, 2)))
    return rng.choice(["Bien", "Accueil correct mais long", "Rien à signaler", ""])


def _clear_expression_cache() -> None:
    """Cold imports: forget expressions already parsed (the language caches them by text)."""
    from etudes_desktop.core import expressions

    for function in (getattr(expressions, "_parse", None), expressions.parse):
        clear = getattr(function, "cache_clear", None)
        if clear is not None:
            clear()


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def run(quick: bool = False) -> list[dict]:
    answers = 300 if quick else 2000
    fulls = 10 if quick else 40
    with tempfile.TemporaryDirectory() as tmp:
        path = build_form(Path(tmp) / "bench_engine.xlsx")
        load_xlsform(path)  # warm the modules, not the form: the expression cache is cleared below
        import_times = []
        for _ in range(3 if quick else 5):
            _clear_expression_cache()
            started = time.perf_counter()
            form = load_xlsform(path)
            import_times.append(time.perf_counter() - started)
        pyxform_times = []
        for _ in range(3):
            from pyxform.xls2json import workbook_to_json
            from pyxform.xls2json_backends import get_xlsform

            started = time.perf_counter()
            workbook = get_xlsform(str(path))
            workbook_to_json(workbook_dict=workbook, fallback_form_name="bench", warnings=[])
            pyxform_times.append(time.perf_counter() - started)
    questionnaire = form.questionnaire
    kinds = {item.name: item.type.value for item in questionnaire.walk() if item.is_input}
    started = time.perf_counter()
    session = Session(questionnaire)
    creation = time.perf_counter() - started
    relevances = sum(1 for item in questionnaire.walk() if item.relevant)
    calculations = sum(1 for item in questionnaire.walk() if item.calculation)

    rng = random.Random(11)
    names = list(kinds)
    per_answer: list[float] = []
    for _ in range(answers):
        name = rng.choice(names)
        value = _answer(kinds[name], rng)
        started = time.perf_counter()
        try:
            session.set_answer(name, value)
        except AnswerRefused:
            continue
        per_answer.append(time.perf_counter() - started)
    full: list[float] = []
    for _ in range(fulls):
        started = time.perf_counter()
        session.reevaluate_all()
        full.append(time.perf_counter() - started)
    incremental_mean = statistics.fmean(per_answer)
    full_mean = statistics.fmean(full)
    return [
        {"name": "form: questions / relevance expressions / calculations", "value": len(kinds), "unit": "questions",
         "note": f"{relevances} relevant, {calculations} calculations"},
        {"name": "import .xlsx (pyxform + model + expression checks), median", "value": statistics.median(import_times), "unit": "s", "target": "<= 0.5"},
        {"name": "import .xlsx, best of runs", "value": min(import_times), "unit": "s"},
        {"name": "pyxform alone (read + workbook_to_json), median", "value": statistics.median(pyxform_times), "unit": "s"},
        {"name": "session creation (compile + full evaluation)", "value": creation * 1000, "unit": "ms"},
        {"name": "per-answer re-evaluation p50", "value": _percentile(per_answer, 0.50) * 1000, "unit": "ms"},
        {"name": "per-answer re-evaluation p99", "value": _percentile(per_answer, 0.99) * 1000, "unit": "ms", "target": "<= 1"},
        {"name": "full re-evaluation, mean", "value": full_mean * 1000, "unit": "ms"},
        {"name": "incremental vs full re-evaluation (mean), ratio", "value": full_mean / incremental_mean, "unit": "x", "target": ">= 20"},
    ]


if __name__ == "__main__":
    for row in run(quick=False):
        print(f"{row['name']:<60} {row['value']:>10.4g} {row['unit']:<9} {row.get('target', '')}")
