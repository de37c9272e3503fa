"""The boxes of a paper form (ReportLab flowables) and the canvas that writes each page's footer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import Flowable

INK = colors.black
TICK = 5 * mm  # a box to tick: big enough for a cross made with a shaky pen
DIGIT = 7.5 * mm  # a box for one handwritten digit
GAP = 1.2 * mm


class TickBox(Flowable):  # type: ignore[misc]  # ReportLab ships no types
    """An empty square to tick."""

    def __init__(self, size: float = TICK) -> None:
        super().__init__()
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(1)
        self.canv.rect(0, 0, self.size, self.size)


class DigitBoxes(Flowable):  # type: ignore[misc]  # ReportLab ships no types
    """A row of one-digit boxes, in groups separated by a printed mark ("/" of a date, "," of a
    decimal), with a caption under each group (JJ, MM, AAAA) when given."""

    def __init__(self, groups: Sequence[int], separator: str = "", captions: Sequence[str] = ()) -> None:
        super().__init__()
        self.groups = list(groups)
        self.separator = separator
        self.captions = list(captions)

    def _width(self) -> float:
        digits = sum(self.groups)
        return float(digits * DIGIT + (len(self.groups) - 1) * 4 * mm)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self._width(), DIGIT + (4 * mm if self.captions else 0)

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(INK)
        c.setLineWidth(1)
        base = 4 * mm if self.captions else 0
        x = 0.0
        for index, count in enumerate(self.groups):
            start = x
            for _ in range(count):
                c.rect(x, base, DIGIT, DIGIT)
                x += DIGIT
            if index < len(self.captions):
                c.setFont("Helvetica", 8)
                c.drawCentredString((start + x) / 2, 0.8 * mm, self.captions[index])
            if index < len(self.groups) - 1:
                c.setFont("Helvetica-Bold", 13)
                c.drawCentredString(x + 2 * mm, base + 2 * mm, self.separator)
                x += 4 * mm


class WritingLines(Flowable):  # type: ignore[misc]  # ReportLab ships no types
    """Ruled lines to write an answer on."""

    def __init__(self, count: int = 3, spacing: float = 9 * mm) -> None:
        super().__init__()
        self.count = count
        self.spacing = spacing
        self.width = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.count * self.spacing

    def draw(self) -> None:
        self.canv.setStrokeColor(colors.HexColor("#555555"))
        self.canv.setLineWidth(0.6)
        for n in range(self.count):
            y = n * self.spacing + 1
            self.canv.line(0, y, self.width, y)


def footer_canvas(footer: str, header: str) -> type[pdf_canvas.Canvas]:
    """A canvas class that writes « page X / Y » and `footer` on every page, `header` from page 2
    (the total is known only at the end: pages are kept, then written)."""

    class FooterCanvas(pdf_canvas.Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, _height = self._pagesize
            self.setFont("Helvetica", 9)
            self.setFillColor(INK)
            self.drawString(18 * mm, 9 * mm, footer)
            self.drawRightString(width - 18 * mm, 9 * mm, f"page {self._pageNumber} / {total}")
            if self._pageNumber > 1 and header:
                self.drawRightString(width - 18 * mm, self._pagesize[1] - 10 * mm, header)

    return FooterCanvas
