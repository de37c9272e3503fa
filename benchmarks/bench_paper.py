"""The questionnaire printed as a paper form (issue 16): PDF of a 100-question form (target <= 2 s).

The form is made the way designers write them: ten sections of ten questions, single and multiple
choices (5 and 8 choices), numbers with bounds, dates, free text, and a skip rule every third
question (a yes/no, a choice ticked, a number compared, and/or combinations), so the words of
every instruction are computed too. The time runs from the package to the PDF bytes.
"""

from __future__ import annotations

import statistics
import time
from typing import Any


def _package(questions: int) -> Any:
    from etudes_desktop.core.questionnaire import Choice, Item, ItemType, Questionnaire
    from etudes_desktop.core.study import StudyPackage

    def label(text: str) -> dict[str, str]:
        return {"default": text}

    choices = {
        "yn": [Choice(name="oui", label=label("Oui")), Choice(name="non", label=label("Non"))],
        "satisf": [Choice(name=str(n), label=label(f"Niveau de satisfaction {n}")) for n in range(1, 6)],
        "canaux": [Choice(name=f"c{n}", label=label(f"Canal de contact numéro {n}")) for n in range(1, 9)],
    }
    kinds = [(ItemType.SELECT_ONE, "yn"), (ItemType.SELECT_ONE, "satisf"), (ItemType.SELECT_MULTIPLE, "canaux"),
             (ItemType.INTEGER, None), (ItemType.DATE, None), (ItemType.TEXT, None), (ItemType.DECIMAL, None)]
    sections: list[Item] = []
    previous: list[tuple[str, ItemType]] = []
    for start in range(0, questions, 10):
        children = []
        for n in range(start, min(start + 10, questions)):
            kind, list_name = kinds[n % len(kinds)]
            name = f"q{n + 1}"
            relevant = None
            if n % 3 == 2 and previous:
                before, before_kind = previous[-1]
                relevant = {ItemType.SELECT_ONE: f"${{{before}}} != 'non' and ${{{before}}} != '1'",
                            ItemType.SELECT_MULTIPLE: f"selected(${{{before}}}, 'c2') or selected(${{{before}}}, 'c5')",
                            ItemType.INTEGER: f"${{{before}}} > 3"}.get(before_kind, f"${{{before}}} != ''")
            children.append(Item(name=name, type=kind, list_name=list_name, relevant=relevant, required="yes",
                                 label=label(f"Question de l'enquête numéro {n + 1}, formulée sur une ligne ou deux "
                                             "comme le sont souvent les questions de satisfaction ?"),
                                 constraint=". >= 0 and . <= 120" if kind is ItemType.INTEGER else None))
            previous.append((name, kind))
        sections.append(Item(name=f"section{start // 10 + 1}", type=ItemType.GROUP,
                             label=label(f"Section {start // 10 + 1}"), children=children))
    form = Questionnaire(form_id="banc_papier", title="Banc papier", items=sections, choices=choices)
    return StudyPackage(id="banc_papier", title="Banc papier", questionnaire=form)


def run(quick: bool = False) -> list[dict[str, Any]]:
    from etudes_desktop.core.printing.paper_form import number_questions, render_paper_form

    package = _package(100)
    assert len(number_questions(package.questionnaire)) == 100
    render_paper_form(package)  # ReportLab's fonts and caches, as after the first print of a session
    times = []
    for _ in range(3 if quick else 7):
        started = time.perf_counter()
        assert render_paper_form(package).startswith(b"%PDF")
        times.append(time.perf_counter() - started)
    return [
        {"name": "paper form PDF, 100 questions (median)", "value": statistics.median(times), "unit": "s",
         "target": "<= 2", "note": "24 pages A4"},
        {"name": "paper form PDF, 100 questions (slowest)", "value": max(times), "unit": "s", "target": "<= 2"},
    ]
