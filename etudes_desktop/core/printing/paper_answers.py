"""The answer area of each question on a paper form: choices with codes and tick boxes, digit
boxes, lines to write on; and the type styles the form uses (11-12 pt, high contrast)."""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from etudes_desktop.core.paper.codes import choice_codes
from etudes_desktop.core.printing.paper_boxes import DigitBoxes, TickBox, WritingLines
from etudes_desktop.core.printing.paper_words import Wording, number_text, upper_bound
from etudes_desktop.core.questionnaire import Choice, Item, ItemType, Questionnaire
from etudes_desktop.core.special_answers import LABELS, SPECIAL_CODES

WIDTH = A4[0] - 36 * mm
INDENT = 14 * mm
DEFAULT_DIGITS = 5
MAX_SCALE = 11  # a range of at most 11 values is printed as a scale of boxes (0 to 10)


class Styles:
    """Paragraph styles: body 11.5 pt, labels 12 pt bold, nothing under 9 pt."""

    def __init__(self) -> None:
        base = ParagraphStyle("body", fontName="Helvetica", fontSize=11.5, leading=15, textColor=colors.black)
        self.body = base
        self.title = ParagraphStyle("title", parent=base, fontName="Helvetica-Bold", fontSize=18, leading=23,
                                    spaceAfter=2 * mm)
        self.h2 = ParagraphStyle("h2", parent=base, fontName="Helvetica-Bold", fontSize=13, leading=17,
                                 spaceBefore=4 * mm, spaceAfter=2 * mm)
        self.notice = ParagraphStyle("notice", parent=base, fontSize=12, leading=17, spaceBefore=2 * mm)
        self.section = ParagraphStyle("section", parent=base, fontName="Helvetica-Bold", fontSize=14, leading=18,
                                      spaceBefore=5 * mm, spaceAfter=3 * mm, textColor=colors.HexColor("#1F3864"),
                                      keepWithNext=True)
        self.number = ParagraphStyle("number", parent=base, fontName="Helvetica-Bold", fontSize=12.5, leading=16)
        self.label = ParagraphStyle("label", parent=base, fontName="Helvetica-Bold", fontSize=12, leading=16)
        self.hint = ParagraphStyle("hint", parent=base, fontName="Helvetica-Oblique", fontSize=11, leading=14,
                                   leftIndent=INDENT, spaceBefore=1 * mm)
        self.rule = ParagraphStyle("rule", parent=base, fontSize=11, leading=14, leftIndent=INDENT, spaceBefore=1 * mm)
        self.instruction = ParagraphStyle("instruction", parent=base, fontName="Helvetica-Bold", fontSize=11.5,
                                          leading=15, backColor=colors.HexColor("#FFF2CC"), borderPadding=2 * mm,
                                          borderColor=colors.HexColor("#7F6000"), borderWidth=0.6,
                                          spaceBefore=3 * mm, spaceAfter=7 * mm, leftIndent=2 * mm, rightIndent=2 * mm)
        self.note = ParagraphStyle("note", parent=base, fontName="Helvetica-Oblique", spaceBefore=2 * mm,
                                   spaceAfter=3 * mm)
        self.choice = ParagraphStyle("choice", parent=base, fontSize=11.5, leading=14)
        self.code = ParagraphStyle("code", parent=base, fontName="Courier-Bold", fontSize=10.5, leading=13,
                                   textColor=colors.HexColor("#333333"))
        self.small = ParagraphStyle("small", parent=base, fontSize=10, leading=12, alignment=1)


def _cell_style(extra: list[tuple[object, ...]] | None = None) -> TableStyle:
    return TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm),
                       ("TOPPADDING", (0, 0), (-1, -1), 1.2 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 * mm),
                       *(extra or [])])


class AnswerBoxes:
    """Builds the answer area of one question from its type."""

    def __init__(self, form: Questionnaire, words: Wording, styles: Styles, lang: str | None) -> None:
        self.form = form
        self.words = words
        self.s = styles
        self.lang = lang

    def for_item(self, item: Item, special_answers: bool, hint: str = "") -> list[Flowable]:
        kind = item.type
        parts: list[Flowable]
        if kind in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE, ItemType.RANK):
            parts = self._choices(item, hint)
        elif kind is ItemType.INTEGER:
            parts = [self._boxes([self._digits(item)])]
        elif kind is ItemType.DECIMAL:
            parts = [self._boxes([self._digits(item), 2], ",")]
        elif kind is ItemType.DATE:
            parts = [self._boxes([2, 2, 4], "/", ["JJ", "MM", "AAAA"], "(JJ/MM/AAAA)")]
        elif kind is ItemType.TIME:
            parts = [self._boxes([2, 2], ":", ["HH", "MM"], "(HH:MM)")]
        elif kind is ItemType.DATETIME:
            parts = [self._boxes([2, 2, 4], "/", ["JJ", "MM", "AAAA"], "(JJ/MM/AAAA)"),
                     self._boxes([2, 2], ":", ["HH", "MM"], "(HH:MM)")]
        elif kind is ItemType.RANGE:
            parts = self._range(item)
        elif kind is ItemType.ACKNOWLEDGE:
            parts = [self._ticks([("OK", "OK")])]
        elif kind is ItemType.GEOPOINT:
            parts = [self._indented(Paragraph("Latitude : ____________________  Longitude : ____________________",
                                              self.s.body))]
        else:  # text, barcode
            multiline = "multiline" in (item.appearance or "")
            parts = [self._indented(WritingLines(1 if kind is ItemType.BARCODE else (5 if multiline else 3)))]
        if special_answers:
            parts.append(self._ticks([(LABELS[code], code) for code in SPECIAL_CODES], columns=2))
        return parts

    # -- choices -----------------------------------------------------------------------------
    def _choices(self, item: Item, hint: str) -> list[Flowable]:
        options = self.form.choices_for(item)
        how = {ItemType.SELECT_ONE: "Une seule réponse.", ItemType.SELECT_MULTIPLE: "Plusieurs réponses possibles.",
               ItemType.RANK: f"Numérotez les choix de 1 à {len(options)} dans l'ordre de votre préférence."}
        said = " ".join(hint.lower().split())
        parts: list[Flowable] = []
        if how[item.type].lower().rstrip(".") not in said:  # the designer's hint may already say it
            parts.append(Paragraph(how[item.type], self.s.rule))
        if item.choice_filter:
            words = self.words.choice_filter(item.choice_filter)
            parts.append(Paragraph(escape(words[0].upper() + words[1:] + "."), self.s.rule))
        codes = {name: code for code, name in choice_codes(options).items()}  # what the operator keys back
        pairs = [(self._choice_label(c), codes[c.name]) for c in options]
        if item.type is ItemType.RANK:
            parts.append(self._ticks(pairs, rank_digits=len(str(len(options)))))
        elif pairs:
            parts.append(self._ticks(pairs))
        else:
            parts.append(self._indented(WritingLines(2)))
        return parts

    def _choice_label(self, choice: Choice) -> str:
        return self.form.text(choice.label, self.lang) or choice.name

    def _ticks(self, pairs: list[tuple[str, str]], columns: int = 0, rank_digits: int = 0) -> Flowable:
        """Choices as rows (box, label, code), in 1 to 3 columns by how many there are."""
        if not columns:
            columns = 1 if len(pairs) <= 12 else (2 if len(pairs) <= 40 else 3)
        per_column = math.ceil(len(pairs) / columns)
        longest_code = max((len(code) for _, code in pairs), default=1)
        width = (WIDTH - INDENT) / columns
        code_width = min(max(12 * mm, longest_code * 2.3 * mm + 4 * mm), width * 0.4)
        box_width = (rank_digits * 7.5 * mm + 2 * mm) if rank_digits else 8 * mm
        rows = []
        for row in range(per_column):
            cells: list[object] = []
            for column in range(columns):
                at = column * per_column + row
                if at < len(pairs):
                    label, code = pairs[at]
                    box: Flowable = DigitBoxes([rank_digits]) if rank_digits else TickBox()
                    cells += [box, Paragraph(escape(self.words.piped(label)), self.s.choice),
                              Paragraph(escape(code), self.s.code)]
                else:
                    cells += ["", "", ""]
            rows.append(cells)
        widths = [box_width, width - box_width - code_width, code_width] * columns
        table = Table(rows, colWidths=widths, hAlign="RIGHT", splitByRow=1)
        table.setStyle(_cell_style([("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#BBBBBB"))]))
        return table

    # -- numbers, dates, scales ----------------------------------------------------------------
    def _digits(self, item: Item) -> int:
        high = upper_bound(item)
        if high is None or not math.isfinite(high) or high < 1:
            return DEFAULT_DIGITS
        return max(1, len(str(int(abs(high)))))

    def _boxes(self, groups: list[int], separator: str = "", captions: list[str] | None = None,
               legend: str = "") -> Flowable:
        cells: list[object] = [DigitBoxes(groups, separator, captions or [])]
        if legend:
            cells.append(Paragraph(legend, self.s.choice))
        widths = [INDENT, sum(groups) * 7.5 * mm + (len(groups) - 1) * 4 * mm + 3 * mm] + [40 * mm] * (len(cells) - 1)
        table = Table([[""] + cells], colWidths=widths, hAlign="LEFT")
        table.setStyle(_cell_style([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        return table

    def _range(self, item: Item) -> list[Flowable]:
        spec = item.range
        start, end, step = (spec.start, spec.end, spec.step) if spec else (1.0, 10.0, 1.0)
        count = int(round((end - start) / step)) + 1 if step else 0
        if not 1 <= count <= MAX_SCALE:
            return [Paragraph(escape(f"Un nombre de {number_text(start)} à {number_text(end)}."), self.s.rule),
                    self._boxes([DEFAULT_DIGITS])]
        values = [number_text(start + n * step) for n in range(count)]
        cell = 12 * mm
        table = Table([[Paragraph(v, self.s.small) for v in values], [TickBox() for _ in values]],
                      colWidths=[cell] * count, hAlign="RIGHT")
        table.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        return [Paragraph(escape(f"Cochez une case, de {values[0]} à {values[-1]}."), self.s.rule),
                self._indented(table)]

    @staticmethod
    def _indented(flowable: Flowable) -> Flowable:
        table = Table([["", flowable]], colWidths=[INDENT, WIDTH - INDENT], hAlign="LEFT")
        table.setStyle(_cell_style([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        return table
