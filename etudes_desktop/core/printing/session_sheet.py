"""A focus group's session sheet (PDF): the notice to read aloud, verbatim; the attendance list by
pseudonym with boxes for presence and decision; the guide's themes and group questions. It
carries no name: a sheet left on a table identifies nobody."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle


@dataclass(frozen=True)
class SheetRow:
    pseudonym: str
    present: bool = False
    decision: str | None = None  # agrees | objects | None (to be asked)


@dataclass(frozen=True)
class SessionSheet:
    study_title: str
    held_on: str  # ISO date
    place: str
    moderator: str
    notice_text: str
    notice_version: str
    rows: Sequence[SheetRow]
    themes: Sequence[str] = ()
    questions: Sequence[str] = field(default_factory=tuple)  # labels of the questions by a show of hands
    blank_rows: int = 0  # extra lines for walk-ins


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _day(iso: str) -> str:
    parts = iso.split("-")
    return f"{parts[2]}/{parts[1]}/{parts[0]}" if len(parts) == 3 else iso


def render_session_sheet(sheet: SessionSheet) -> bytes:
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontName="Helvetica", fontSize=11, leading=15,
                          alignment=TA_LEFT)
    notice = ParagraphStyle("notice", parent=body, fontSize=12, leading=17, leftIndent=6 * mm, rightIndent=6 * mm,
                            borderColor=colors.HexColor("#2F5597"), borderWidth=0.8, borderPadding=4 * mm,
                            spaceBefore=3 * mm, spaceAfter=6 * mm)
    h1 = ParagraphStyle("h1", parent=styles["Heading1"], fontName="Helvetica-Bold", fontSize=17, spaceAfter=2 * mm)
    h2 = ParagraphStyle("h2", parent=styles["Heading2"], fontName="Helvetica-Bold", fontSize=13,
                        spaceBefore=5 * mm, spaceAfter=2 * mm)
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                            bottomMargin=16 * mm, title=f"Fiche de séance — {sheet.study_title}",
                            author="Études terrain", creator="Études terrain")
    story: list[object] = [
        Paragraph(_escape(f"Fiche de séance : {sheet.study_title}"), h1),
        Paragraph(_escape(f"Réunion du {_day(sheet.held_on)}, {sheet.place} — animée par {sheet.moderator}"), body),
        Paragraph("À lire à voix haute au groupe, mot pour mot, avant toute question "
                  f"(mention version {_escape(sheet.notice_version)}) :", h2),
    ]
    story += [Paragraph(_escape(part).replace("\n", "<br/>"), notice) for part in sheet.notice_text.split("\n\n")]
    story.append(Paragraph("Présence et décision de chacun (pseudonyme donné à l'arrivée)", h2))
    data = [["Pseudonyme", "Présent", "Accepte", "S'oppose"]]
    for row in sheet.rows:
        data.append([row.pseudonym, "X" if row.present else "", "X" if row.decision == "agrees" else "",
                     "X" if row.decision == "objects" else ""])
    next_number = len(sheet.rows) + 1
    for n in range(sheet.blank_rows):
        data.append([f"P{next_number + n}", "", "", ""])
    table = Table(data, colWidths=[45 * mm, 35 * mm, 35 * mm, 35 * mm], repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 11), ("FONT", (0, 1), (-1, -1), "Helvetica", 11),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDE5F3")), ("ROWHEIGHT", (0, 0), (-1, -1), 8 * mm),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    story.append(table)
    story.append(Paragraph("Une personne qui s'oppose quitte la réunion : rien d'elle n'est noté.", body))
    if sheet.themes:
        story.append(Paragraph("Thèmes du guide", h2))
        story += [Paragraph(_escape(f"{n}. {theme}"), body) for n, theme in enumerate(sheet.themes, start=1)]
    if sheet.questions:
        block: list[object] = [Paragraph("Questions posées à main levée", h2)]
        block += [Paragraph(_escape(f"• {label}"), body) for label in sheet.questions]
        story.append(KeepTogether(block))
    story.append(Spacer(1, 4 * mm))
    doc.build(story)
    return out.getvalue()
