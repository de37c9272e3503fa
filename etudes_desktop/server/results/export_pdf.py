"""The deliverable as a PDF report: a cover page (method, threshold, legend), then for each
question a bar chart of its answers and its crossed tables, in words a reader who never saw the
questionnaire understands. Matplotlib's own PDF backend, no screen, no pyplot state."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Iterator

import matplotlib
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from etudes_desktop.server.results.deliverable import Deliverable
from etudes_desktop.server.results.export_csv import french_number
from etudes_desktop.server.results.layout import count_grid, crossing, extra_rows, legend, percent_grid
from etudes_desktop.server.results.tables import Table

A4 = (8.27, 11.69)
BLUE, GREY = "#2F5597", "#BFBFBF"
KIND_WORDS = {"choices": "une réponse possible", "multiple": "plusieurs réponses possibles : les pourcentages "
              "peuvent dépasser 100 au total", "number": "réponse chiffrée", "nps": "note de 0 à 10 regroupée "
              "en détracteurs, passifs et promoteurs"}
CROSSED_PER_PAGE = 2


def render_pdf(deliverable: Deliverable) -> bytes:
    out = io.BytesIO()
    metadata = {"Title": f"Résultats agrégés {deliverable.study_id}", "Creator": "Études terrain",
                "Producer": "Études terrain", "CreationDate": None}
    # TrueType fonts embedded (type 42): the report's text can be searched and read aloud
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(out, metadata=metadata) as pdf:
        pdf.savefig(_cover(deliverable))
        for family in question_families(deliverable.tables):
            for page in _question_pages(deliverable, family):
                pdf.savefig(page)
    return out.getvalue()


def question_families(tables: list[Table]) -> Iterator[list[Table]]:
    """A question's one-way table followed by its crossings (the order the tables come in)."""
    family: list[Table] = []
    for table in tables:
        if not table.by and family:
            yield family
            family = []
        family.append(table)
    if family:
        yield family


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or " "


def _cover(d: Deliverable) -> Figure:
    fig = Figure(figsize=A4)
    fig.text(0.08, 0.92, _wrap(f"Résultats agrégés : {d.title}", 55), fontsize=18, weight="bold", va="top")
    lines = [f"Étude {d.study_id}, pour {d.sponsor}", f"Produits le {d.generated_at:%d/%m/%Y}",
             "", f"Seuil de diffusion : {d.threshold} personnes", "", "Légende"] + legend(d) + ["", "Méthode"]
    y = 0.84
    for line in lines:
        weight = "bold" if line in ("Légende", "Méthode") else "normal"
        fig.text(0.08, y, _wrap(line, 95), fontsize=9.5, weight=weight, va="top")
        y -= 0.022 * max(1, _wrap(line, 95).count("\n") + 1)
    fig.text(0.08, y, _wrap(d.method + " " + " ".join(d.notes), 100), fontsize=8.5, va="top")
    return fig


def _question_pages(d: Deliverable, family: list[Table]) -> Iterator[Figure]:
    head, crossed = family[0], family[1:]
    fig = Figure(figsize=A4)
    fig.text(0.08, 0.95, _wrap(head.question, 70), fontsize=13, weight="bold", va="top")
    fig.text(0.08, 0.905, f"Question « {head.name} » ({KIND_WORDS[head.kind]})", fontsize=8.5, color="#555555",
             va="top")
    _chart(fig.add_axes((0.34, 0.62, 0.58, 0.25)), d, head)
    _summary(fig, d, head)
    first, rest = crossed[:1], crossed[1:]
    for k, table in enumerate(first):
        _grid(fig.add_axes((0.08, 0.12, 0.84, 0.36)), d, table)
    yield fig
    for start in range(0, len(rest), CROSSED_PER_PAGE):
        page = Figure(figsize=A4)
        page.text(0.08, 0.95, _wrap(head.question, 70), fontsize=11, weight="bold", va="top")
        for k, table in enumerate(rest[start:start + CROSSED_PER_PAGE]):
            _grid(page.add_axes((0.08, 0.52 - 0.44 * k, 0.84, 0.36)), d, table)
        yield page


def _chart(ax: object, d: Deliverable, table: Table) -> None:
    """Horizontal bars of the answers' shares; a suppressed count has no bar, only its marker."""
    labels = [textwrap.shorten(label, 40) for label in table.rows]
    shares = [d.total_percent(table, i) for i in range(len(table.rows))]
    positions = list(range(len(labels)))[::-1]
    ax.barh(positions, [s or 0 for s in shares], color=[BLUE if s is not None else GREY for s in shares])  # type: ignore[attr-defined]
    for y, share, var in zip(positions, shares, table.row_vars):
        text = f"{french_number(share)} %" if share is not None else (d.marker(var) if d.status(var) else "")
        ax.text((share or 0) + 1, y, text, va="center", fontsize=8)  # type: ignore[attr-defined]
    ax.set_yticks(positions, labels, fontsize=8)  # type: ignore[attr-defined]
    ax.set_xlim(0, 110)  # type: ignore[attr-defined]
    ax.set_xlabel("% des personnes ayant répondu", fontsize=8)  # type: ignore[attr-defined]
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)  # type: ignore[attr-defined]


def _summary(fig: Figure, d: Deliverable, table: Table) -> None:
    total = count_grid(d, table)[1][-1][1][0]
    lines = [f"Personnes ayant répondu : {total.text}"]
    for label, values in extra_rows(d, table):
        value = values[-1]
        lines.append(f"{label} : {french_number(value) if value is not None else 'non publié (effectif masqué)'}")
    fig.text(0.08, 0.56, "\n".join(lines), fontsize=9, va="top")


def _grid(ax: object, d: Deliverable, table: Table) -> None:
    """A crossed table: effectif and column percentage in each cell."""
    header, counts = count_grid(d, table)
    _, percents = percent_grid(d, table)
    body = []
    for (label, cells), (_, shares) in zip(counts, percents + [("", [None] * len(header))]):
        body.append([textwrap.shorten(label, 28)] + [
            c.text if s is None else f"{c.text} ({french_number(s)} %)" for c, s in zip(cells, shares)])
    ax.axis("off")  # type: ignore[attr-defined]
    ax.set_title(f"Selon : {crossing(d, table)}", fontsize=10, loc="left")  # type: ignore[attr-defined]
    grid = ax.table(cellText=body, colLabels=[""] + [textwrap.shorten(h, 16) for h in header],  # type: ignore[attr-defined]
                    loc="upper left", cellLoc="center")
    grid.auto_set_font_size(False)
    grid.set_fontsize(7 if len(header) < 6 else 5.5)
    grid.scale(1, 1.3)
