"""Lazy table models: the row count comes from one COUNT, rows from pages fetched on demand.

`PagedTableModel` knows nothing of SQL: it is given a `count()` and a `page(offset, limit)`
callable (storage.browse, closed over the vault and the query). Only the pages the view paints
are read, and at most `max_pages` stay cached, so 100,000 rows cost a few hundred in memory.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from etudes_desktop.gui.views.labels import phone_text, respondent_status_label, status_colour
from etudes_desktop.storage.browse import RespondentRow

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 100
MAX_PAGES = 40


@dataclass(frozen=True)
class Column(Generic[Row]):
    """One column: its header, its text, optionally its tooltip and colour."""

    header: str
    text: Callable[[Row], str]
    colour: Callable[[Row], Any] | None = None


class PagedTableModel(QAbstractTableModel, Generic[Row]):
    """A read-only table over a paged source; `set_source` swaps the query (a model reset)."""

    def __init__(self, columns: Sequence[Column[Row]], parent: Any = None, page_size: int = PAGE_SIZE,
                 max_pages: int = MAX_PAGES) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._page_size = page_size
        self._max_pages = max_pages
        self._count = 0
        self._fetch: Callable[[int, int, Row | None], list[Row]] | None = None
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self.pages_fetched = 0  # for the benchmark and tests: how many pages were read
        self._frozen = False

    # -- the source ---------------------------------------------------------------------------
    def set_source(self, count: Callable[[], int], fetch: Callable[[int, int, Row | None], list[Row]]) -> None:
        """Show another query: count now, rows when painted.

        `fetch(offset, limit, after)` gets, in `after`, the row just before `offset` when the
        previous page is cached (a keyset seek for the source), else None.
        """
        self.beginResetModel()
        self._pages.clear()
        self._fetch = fetch
        self._count = count()
        self.endResetModel()

    def clear(self) -> None:
        """Drop every row (the vault was locked): nothing personal stays in memory."""
        self.beginResetModel()
        self._pages.clear()
        self._fetch = None
        self._count = 0
        self.endResetModel()

    def row_at(self, row: int) -> Row | None:
        """The row object shown at `row`, fetched if needed."""
        if not 0 <= row < self._count or self._fetch is None:
            return None
        number, within = divmod(row, self._page_size)
        page = self._pages.get(number)
        if page is None and self._frozen:
            return None
        if page is None:
            previous = self._pages.get(number - 1)
            after = previous[-1] if previous is not None and len(previous) == self._page_size else None
            page = self._fetch(number * self._page_size, self._page_size, after)
            self.pages_fetched += 1
            self._pages[number] = page
            while len(self._pages) > self._max_pages:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[within] if within < len(page) else None

    def set_frozen(self, frozen: bool) -> None:
        """While frozen, pages not yet read stay blank: the vault's connection is busy elsewhere
        (a sample import writing from the pool); painting must not read from it meanwhile."""
        self._frozen = frozen
        if not frozen and self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(self._columns) - 1))

    def cached_rows(self) -> int:
        return sum(len(p) for p in self._pages.values())

    # -- Qt's model interface ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        item = self.row_at(index.row())
        if item is None:
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            return column.colour(item) if column.colour else None
        return column.text(item)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _status_text(row: RespondentRow) -> str:
    """The status, and the callback agreed when there is one: « Rendez-vous le 05/12 à 14:30 »."""
    status = respondent_status_label(row.status)
    if not row.appointment_at or row.status not in ("to_contact", "in_progress"):
        return status
    try:
        moment = datetime.fromisoformat(row.appointment_at)
    except ValueError:
        return status
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    when = QCoreApplication.translate("RespondentsModel", "Rendez-vous le %1 à %2").replace(
        "%1", moment.strftime("%d/%m")).replace("%2", moment.strftime("%H:%M"))
    return f"{status} · {when}"


def respondent_columns() -> list[Column[RespondentRow]]:
    """Name first (what the interviewer looks for), then where and how to reach the person."""
    return [
        Column(QCoreApplication.translate("RespondentsModel", "Personne"), lambda r: r.display_name or QCoreApplication.translate("RespondentsModel", "(coordonnées effacées)")),
        Column(QCoreApplication.translate("RespondentsModel", "Identifiant"), lambda r: r.sample_id),
        Column(QCoreApplication.translate("RespondentsModel", "Commune"), lambda r: " ".join(p for p in (r.postcode, r.town) if p)),
        Column(QCoreApplication.translate("RespondentsModel", "Téléphone"), lambda r: phone_text(r.phone)),
        Column(QCoreApplication.translate("RespondentsModel", "Statut"), _status_text, lambda r: status_colour(r.status)),
    ]


class RespondentsModel(PagedTableModel[RespondentRow]):
    """The respondents of one study, as storage.browse pages them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(respondent_columns(), parent)
