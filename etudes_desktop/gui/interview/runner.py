"""The interview runner: one page at a time, keyboard first, every answer committed as given.

View and local wiring only; what may be shown and what is saved is decided by InterviewFlow.
Keys: Enter or Tab go on, Shift+Tab or Page Up go back, digits pick a choice, Space ticks.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.core.questionnaire import ItemType
from etudes_desktop.core.special_answers import DONT_KNOW, REFUSED
from etudes_desktop.gui.interview.controller import REVIEW_POSITION, InterviewFlow
from etudes_desktop.gui.interview.signals import emit
from etudes_desktop.gui.interview.widgets import FieldWidget, LineField, make_field
from etudes_desktop.gui.style import set_role

FORMAT_MESSAGES = {
    ItemType.DATE: QT_TRANSLATE_NOOP("RunnerView", "Saisissez une date qui existe, au format JJ/MM/AAAA."),
    ItemType.TIME: QT_TRANSLATE_NOOP("RunnerView", "Saisissez une heure au format HH:MM."),
    ItemType.DATETIME: QT_TRANSLATE_NOOP("RunnerView", "Saisissez une date et une heure au format JJ/MM/AAAA HH:MM."),
}


class _PageScroll(QScrollArea):
    """A scroll area that leaves Page Up/Page Down to the runner (back and next)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            event.ignore()
            return
        super().keyPressEvent(event)


class RunnerView(QWidget):
    """Shows the flow's current page; reports `review_requested` after the last page."""

    review_requested = Signal()
    page_shown = Signal(str)  # page key
    answer_saved = Signal(str)  # answer key, emitted once its commit returned

    def __init__(self, flow: InterviewFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.page: Any = None
        self.fields: list[FieldWidget] = []
        self._refused: dict[str, str] = {}
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 16, 28, 16)
        top = QHBoxLayout()
        self.title_label = QLabel(self.flow.study.title, self)
        self.title_label.setProperty("role", "subtitle")
        self.progress_label = QLabel("", self)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.progress_label)
        layout.addLayout(top)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setTextVisible(False)
        layout.addWidget(self.progress_bar)
        self.scroll = _PageScroll(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.scroll, 1)
        self.page_message = QLabel("", self)
        self.page_message.setWordWrap(True)
        layout.addWidget(self.page_message)
        bottom = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Précédent (Page préc.)"), self)
        self.next_button = QPushButton(self.tr("Suivant (Entrée) →"), self)
        self.next_button.setProperty("role", "primary")
        for button in (self.back_button, self.next_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard path runs through the fields
        self.keys_label = QLabel(self.tr("Entrée ou Tab : suivant · Maj+Tab ou Page préc. : retour · "
                                         "chiffres : choisir · Espace : cocher"), self)
        self.keys_label.setProperty("role", "subtitle")
        self.keys_label.setWordWrap(True)
        self.keys_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_repeat_button = QPushButton("", self)
        self.add_repeat_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.add_repeat_button.setShortcut("Ctrl+Shift+A")
        # After a correction asked from the review, one key goes back to it (not one Enter a page).
        self.to_review_button = QPushButton(self.tr("Retour à la &relecture (Ctrl+R)"), self)
        self.to_review_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.to_review_button.hide()
        # « Ne sait pas » / « Refus » on the question being answered, when the study allows them.
        self.dont_know_button = QPushButton(self.tr("Ne sait pas (F8)"), self)
        self.refused_button = QPushButton(self.tr("Refus (F9)"), self)
        for button in (self.dont_know_button, self.refused_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setVisible(self.flow.study.special_answers)
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.dont_know_button)
        bottom.addWidget(self.refused_button)
        bottom.addStretch(1)
        bottom.addWidget(self.add_repeat_button)
        bottom.addWidget(self.to_review_button)
        bottom.addWidget(self.next_button)
        layout.addLayout(bottom)
        layout.addWidget(self.keys_label)

    def _connect_signals(self) -> None:
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.add_repeat_button.clicked.connect(self._on_add_repeat)
        self.to_review_button.clicked.connect(self.back_to_review)
        self.dont_know_button.clicked.connect(lambda: self.give_special(DONT_KNOW))
        self.refused_button.clicked.connect(lambda: self.give_special(REFUSED))

    # -- pages ------------------------------------------------------------------------------------
    def show_page(self, page: Any) -> None:
        """Build the page's fields from the session (answers as stored), focus the first."""
        self.page = page
        self.flow.go_to(page.key)
        container = QWidget()
        column = QVBoxLayout(container)
        column.setContentsMargins(0, 8, 8, 8)
        self.fields = []
        self._refused.clear()
        for key in page.keys:
            field = make_field(self.flow.session, key, container)
            field.given.connect(self._on_given)
            column.addWidget(field)
            self.fields.append(field)
        column.addStretch(1)
        self.scroll.setWidget(container)  # the previous page's widgets are deleted with it
        self.page_message.clear()
        self._update_progress()
        self.back_button.setEnabled(self.flow.previous_page(page.key) is not None)
        repeat = self.flow.repeat_of(page.key)
        self.add_repeat_button.setVisible(repeat is not None)
        if repeat is not None:
            self.add_repeat_button.setText(self.tr("+ Ajouter : %1 (Ctrl+Maj+A)").replace("%1", self.flow.repeat_label(repeat[0])))
        self.focus_field(0)
        emit(self.page_shown, page.key)

    def focus_field(self, position: int) -> None:
        inputs = [f for f in self.fields if f.focus_widgets()]
        if 0 <= position < len(inputs):
            inputs[position].focus_first()
        else:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def field(self, key: str) -> FieldWidget:
        return next(f for f in self.fields if f.key == key)

    def _update_progress(self) -> None:
        done, total = self.flow.progress(self.page.key if self.page else None)
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.progress_label.setText(self.tr("Page %1 sur %2").replace("%1", str(done + 1)).replace("%2", str(total)))

    # -- answers ------------------------------------------------------------------------------------
    def _on_given(self, key: str, value: Any) -> None:
        field = self.field(key)
        by_key = bool(getattr(field, "take_key_pick", lambda: False)())
        result = self.flow.answer(key, value, page_key=self.page.key if self.page else None)
        if not result.saved:
            message = (self._format_message(field) if field.kind in FORMAT_MESSAGES and value is not None
                       and "NIR" not in (result.error or "") else result.error or "")
            field.show_error(message)
            self._refused[key] = message
            if not isinstance(field, LineField):  # typed text stays for correction; choices revert
                field.set_value(self.flow.session.answer(key))
            return
        self._refused.pop(key, None)
        field.show_special(self.flow.session.answer(key))
        if self.page is not None and self._page_changed_shape():
            self._rebuild_keeping(key)
            field = self.field(key) if any(f.key == key for f in self.fields) else None
        if field is not None:
            error = self.flow.session.error(key)
            field.show_error(error) if error else field.show_saved()
            if by_key and not error and self.flow.study.auto_advance:
                QTimer.singleShot(0, lambda: self._advance_from(key))  # after the key press is done
        if self.page_message.text() and not self._refused and not self.flow.page_errors(
                tuple(f.key for f in self.fields)):
            self.page_message.clear()  # the page's message goes once what it asked for is fixed
        emit(self.answer_saved, key)

    def _advance_from(self, key: str) -> None:
        """Auto-advance: the next question of the page, or the next page after the last one."""
        inputs = [f.key for f in self.fields if f.focus_widgets()]
        if key not in inputs:
            return  # the page changed meanwhile
        position = inputs.index(key)
        if position < len(inputs) - 1:
            self.focus_field(position + 1)
        else:
            self.go_next()

    def _format_message(self, field: FieldWidget) -> str:
        return self.tr(FORMAT_MESSAGES[field.kind])

    def _page_changed_shape(self) -> bool:
        """Skip logic live: did this answer show or hide items of the current page?"""
        current = self.flow.page(self.page.key)
        return current is None or current.keys != tuple(f.key for f in self.fields)

    def _rebuild_keeping(self, key: str) -> None:
        page = self.flow.page(self.page.key)
        if page is None or not page.visible:
            return
        saved = {f.key for f in self.fields if f.is_saved_shown()}
        self.show_page(page)
        for field in self.fields:
            if field.key in saved:
                field.show_saved()
        keys = [f.key for f in self.fields if f.focus_widgets()]
        if key in keys:
            self.focus_field(keys.index(key))

    def _on_add_repeat(self) -> None:
        repeat = self.flow.repeat_of(self.page.key) if self.page is not None else None
        if repeat is None:
            return
        self.flush()
        page = self.flow.add_repeat(*repeat)
        if page is not None:
            self.show_page(page)

    # -- navigation ---------------------------------------------------------------------------------
    def flush(self) -> None:
        for field in list(self.fields):
            field.flush()

    def go_next(self) -> None:
        """Give pending input, refuse to leave a page with errors, else the next page or review."""
        if self.page is None:
            return
        self.flush()
        errors = self.flow.page_errors(tuple(f.key for f in self.fields))
        errors.update({k: m for k, m in self._refused.items() if any(f.key == k for f in self.fields)})
        if errors:
            for field in self.fields:
                if field.key in errors:
                    field.show_error(errors[field.key])
            self.page_message.setText(self.tr("Corrigez ou complétez la page avant de continuer."))
            set_role(self.page_message, "error")
            first = next(i for i, f in enumerate(f for f in self.fields if f.focus_widgets()) if f.key in errors)
            self.focus_field(first)
            return
        following = self.flow.next_page(self.page.key)
        if following is None:
            self.flow.go_to(REVIEW_POSITION)
            emit(self.review_requested)
        else:
            self.show_page(following)

    def give_special(self, code: str) -> None:
        """« Ne sait pas » / « Refus » for the question with the focus (the first one else)."""
        if self.page is None or not self.flow.study.special_answers:
            return
        inputs = [f for f in self.fields if f.focus_widgets()]
        if not inputs:
            return
        position = self._focused_position() or 0
        field = inputs[position]
        field.set_value(code)
        self._on_given(field.key, code)
        if position < len(inputs) - 1:
            self.focus_field(position + 1)

    def set_from_review(self, from_review: bool) -> None:
        """A page opened from the review offers "Retour à la relecture" until the review is back."""
        self.to_review_button.setVisible(from_review)

    def back_to_review(self) -> None:
        """Give pending input and, when the page is acceptable, go straight back to the review."""
        if self.page is None or not self.to_review_button.isVisible():
            return
        self.flush()
        errors = self.flow.page_errors(tuple(f.key for f in self.fields))
        if errors:
            self.go_next()  # shows the errors where they are, and stays
            return
        self.flow.go_to(REVIEW_POSITION)
        emit(self.review_requested)

    def go_back(self) -> None:
        if self.page is None:
            return
        self.flush()
        previous = self.flow.previous_page(self.page.key)
        if previous is not None:
            self.show_page(previous)

    # -- keyboard ---------------------------------------------------------------------------------
    def _focused_position(self) -> int | None:
        focus = self.focusWidget()
        inputs = [f for f in self.fields if f.focus_widgets()]
        for position, field in enumerate(inputs):
            if focus is not None and field.isAncestorOf(focus):
                return position
        return None

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override
        """Tab walks the page's fields, then goes on; Shift+Tab walks back, then goes back."""
        if self.page is None:
            return super().focusNextPrevChild(next)
        inputs = [f for f in self.fields if f.focus_widgets()]
        position = self._focused_position()
        if next:
            if position is None or position >= len(inputs) - 1:
                self.go_next()
            else:
                inputs[position].flush()
                self.focus_field(position + 1)
        else:
            if position is None or position == 0:
                self.go_back()
            else:
                self.focus_field(position - 1)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key == Qt.Key.Key_R and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.back_to_review()
        elif key in (Qt.Key.Key_F8, Qt.Key.Key_F9):
            self.give_special(DONT_KNOW if key == Qt.Key.Key_F8 else REFUSED)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_PageDown):
            self.go_next()
        elif key == Qt.Key.Key_PageUp:
            self.go_back()
        elif event.text().isdigit() and len([f for f in self.fields if f.focus_widgets()]) == 1:
            field = next(f for f in self.fields if f.focus_widgets())
            field.keyPressEvent(event)  # a lone choice list takes digits wherever the focus is
        else:
            super().keyPressEvent(event)
