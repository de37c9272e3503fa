"""One widget per engine type: the question, its input, and beside it the error or "Enregistré".

A field emits `given(key, value)` when the person has given an answer (Enter, Tab, a click, a
digit); the runner commits it and calls `show_saved()` only once the commit has returned.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.core.questionnaire import ItemType
from etudes_desktop.core.special_answers import is_special
from etudes_desktop.gui.interview.formats import PLACEHOLDERS, from_display, to_display
from etudes_desktop.gui.interview.labels import special_answer_label
from etudes_desktop.gui.interview.signals import emit
from etudes_desktop.gui.style import set_role

FIELD_STYLE = """
QLabel#question_label { font-size: 13pt; font-weight: bold; color: #12355b; }
QLabel#hint_label { color: #56606c; }
QLabel#message_label[role="error"] { color: #b00020; font-weight: bold; }
QLabel#message_label[role="ok"] { color: #1b6e20; font-weight: bold; }
QRadioButton, QCheckBox { padding: 3px; font-size: 12pt; }
QRadioButton:focus, QCheckBox:focus { background: #e3edf9; border-radius: 4px; }
QPushButton[role="scale"] { min-width: 30px; padding: 6px 4px; font-size: 12pt; }
QPushButton[role="scale"]:checked { background: #1d5fa8; color: #ffffff; }
"""
DIGIT_WINDOW_S = 0.8  # a second digit within this delay makes a two-digit choice number


class FieldWidget(QWidget):
    """The frame shared by every type; subclasses build `self.input_area`."""

    given = Signal(str, object)  # key, value as typed/picked (the engine checks it)

    def __init__(self, key: str, kind: ItemType, label: str, hint: str, required: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key, self.kind = key, kind
        self._last_given: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 10)
        self.question_label = QLabel(label + (" *" if required else ""), self)
        self.question_label.setObjectName("question_label")
        self.question_label.setWordWrap(True)
        layout.addWidget(self.question_label)
        self.hint_label = QLabel(hint, self)
        self.hint_label.setObjectName("hint_label")
        self.hint_label.setWordWrap(True)
        self.hint_label.setVisible(bool(hint))
        layout.addWidget(self.hint_label)
        row = QHBoxLayout()
        self.input_area = QWidget(self)
        row.addWidget(self.input_area, 3)
        self.message_label = QLabel("", self)
        self.message_label.setObjectName("message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setMinimumWidth(180)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.message_label, 2)
        layout.addLayout(row)
        self.special_label = QLabel("", self)  # « Ne sait pas » / « Refus », when given
        self.special_label.setObjectName("special_label")
        set_role(self.special_label, "warn")
        self.special_label.hide()
        layout.addWidget(self.special_label)

    def show_special(self, code: Any) -> None:
        """Say that the answer is « Ne sait pas » or « Refus » (hidden for any other answer)."""
        if is_special(code):
            self.special_label.setText(self.tr("Réponse : %1").replace("%1", special_answer_label(code)))
            self.special_label.show()
        else:
            self.special_label.hide()

    # -- what the runner uses -------------------------------------------------------------------
    def set_value(self, value: Any) -> None:
        """Show a stored value (no signal)."""
        self._last_given = value

    def flush(self) -> None:
        """Give what is typed but not given yet (before the page changes)."""

    def focus_first(self) -> None:
        widgets = self.focus_widgets()
        if widgets:
            widgets[0].setFocus(Qt.FocusReason.TabFocusReason)

    def focus_widgets(self) -> list[QWidget]:
        return []

    def set_read_only(self, read_only: bool) -> None:
        self.input_area.setEnabled(not read_only)

    def show_saved(self) -> None:
        self.message_label.setText(self.tr("✓ Enregistré"))
        set_role(self.message_label, "ok")

    def show_error(self, message: str | None) -> None:
        self.message_label.setText(message or "")
        set_role(self.message_label, "error" if message else "")

    def is_saved_shown(self) -> bool:
        return self.message_label.property("role") == "ok"

    def _give(self, value: Any) -> None:
        self._last_given = value
        emit(self.given, self.key, value)


class NoteField(FieldWidget):
    """A note: text only."""


class LineField(FieldWidget):
    """text, integer, decimal, date, time, datetime, and ranges too wide for buttons."""

    # No validator: a validator silently drops the keys it refuses (``3,5`` became ``35``). What
    # was typed reaches the core unaltered, and the core's refusal is shown under the field.

    def __init__(self, *args: Any, multiline: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        layout = QVBoxLayout(self.input_area)
        layout.setContentsMargins(0, 0, 0, 0)
        self.multiline = multiline
        if multiline:
            self.editor: QLineEdit | QPlainTextEdit = QPlainTextEdit(self.input_area)
            self.editor.setTabChangesFocus(True)
            self.editor.setMaximumHeight(110)
            self.editor.textChanged.connect(self._on_edited)
        else:
            self.editor = QLineEdit(self.input_area)
            self.editor.setPlaceholderText(PLACEHOLDERS.get(self.kind, ""))
            self.editor.editingFinished.connect(self.flush)
            self.editor.textEdited.connect(self._on_edited)
        layout.addWidget(self.editor)

    def text(self) -> str:
        editor = self.editor
        return editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()

    def set_value(self, value: Any) -> None:
        super().set_value(value)
        shown = "" if is_special(value) else to_display(self.kind, value)
        self.editor.blockSignals(True)
        if isinstance(self.editor, QPlainTextEdit):
            self.editor.setPlainText(shown)
        else:
            self.editor.setText(shown)
        self.editor.blockSignals(False)
        self._shown = shown

    def flush(self) -> None:
        if self.text() != getattr(self, "_shown", ""):
            self._shown = self.text()
            self._give(from_display(self.kind, self.text()))

    def _on_edited(self, *_: object) -> None:
        if self.is_saved_shown():
            self.show_error(None)

    def focus_widgets(self) -> list[QWidget]:
        return [self.editor]

    def set_read_only(self, read_only: bool) -> None:
        self.editor.setReadOnly(read_only)


class RankField(LineField):
    """rank, without a dedicated widget: the offered choices are listed with numbers and the
    order is typed as those numbers (« 2 1 3 »); the engine checks that each comes once."""

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices = choices
        listing = ", ".join(f"{n} = {label}" for n, (_name, label) in enumerate(choices, start=1))
        _add_hint(self, QCoreApplication.translate("InterviewHints", "Classez toutes les réponses, de la première à la dernière : tapez leurs numéros séparés par des espaces (%1).").replace("%1", listing))  # noqa: E501
        self.editor.setPlaceholderText(" ".join(str(n) for n in range(1, min(len(choices), 3) + 1)) + " …")

    def set_value(self, value: Any) -> None:
        names = [name for name, _label in self.choices]
        shown = [str(names.index(n) + 1) if n in names else n for n in str(value or "").split()]
        super().set_value(" ".join(shown) if value is not None and not is_special(value) else value)
        self._last_given = value

    def flush(self) -> None:
        if self.text() != getattr(self, "_shown", ""):
            self._shown = self.text()
            typed = self.text().replace(",", " ").split()
            names = [name for name, _label in self.choices]
            order = [names[int(t) - 1] if t.isdigit() and 1 <= int(t) <= len(names) else t for t in typed]
            self._give(" ".join(order) or None)


def _add_hint(field: FieldWidget, text: str) -> None:
    """A line of help under the designer's own hint."""
    current = field.hint_label.text()
    field.hint_label.setText(f"{current}\n{text}" if current else text)
    field.hint_label.setVisible(True)


class _DigitPicker:
    """Digits typed on a list: "3" picks the third; "1","2" quickly picks the twelfth."""

    def __init__(self, count: int, first: int = 1) -> None:
        self.count, self.first = count, first
        self._typed, self._at = "", 0.0

    def feed(self, digit: str) -> int | None:
        now = time.monotonic()
        candidate = self._typed + digit if now - self._at < DIGIT_WINDOW_S else digit
        self._at = now
        if self._valid(candidate):
            self._typed = candidate
        elif self._valid(digit):
            self._typed = candidate = digit
        else:
            self._typed = ""
            return None
        return int(candidate) - self.first

    def _valid(self, text: str) -> bool:
        return text.isdigit() and 0 <= int(text) - self.first < self.count


class ChoiceField(FieldWidget):
    """select_one (radio buttons) and select_multiple (check boxes), numbered for the keyboard."""

    def __init__(self, *args: Any, choices: list[tuple[str, str]], multiple: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.multiple = multiple
        self.names = [name for name, _ in choices]
        layout = QGridLayout(self.input_area)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.group.setExclusive(not multiple)
        self.buttons: list[QAbstractButton] = []
        rows = (len(choices) + 1) // 2 if len(choices) > 8 else len(choices)
        for position, (_name, label) in enumerate(choices):
            kind = QCheckBox if multiple else QRadioButton
            button = kind(f"{position + 1}. {label}", self.input_area)
            self.group.addButton(button, position)
            self.buttons.append(button)
            layout.addWidget(button, position % max(rows, 1), position // max(rows, 1))
        self.group.idClicked.connect(self._on_clicked)
        self._digits = _DigitPicker(len(choices))

    def selected(self) -> list[str]:
        return [self.names[i] for i, b in enumerate(self.buttons) if b.isChecked()]

    def set_value(self, value: Any) -> None:
        super().set_value(value)
        wanted = set(str(value).split()) if value is not None else set()
        self.group.setExclusive(False)
        for name, button in zip(self.names, self.buttons):
            button.setChecked(name in wanted if self.multiple else name == value)
        self.group.setExclusive(not self.multiple)

    def pick(self, position: int) -> None:
        """Choose (or, for a multiple choice, tick/untick) the choice at `position`."""
        button = self.buttons[position]
        button.setChecked(not button.isChecked() if self.multiple else True)
        button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._on_clicked(position)

    def _on_clicked(self, _position: int) -> None:
        self._give(" ".join(self.selected()) if self.multiple else (self.selected() or [None])[0])

    def take_key_pick(self) -> bool:
        """Whether the answer being given came from one digit that nothing can extend (then forgotten)."""
        picked, self._key_pick = getattr(self, "_key_pick", False), False
        return picked

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.text().isdigit() and self.input_area.isEnabled():
            position = self._digits.feed(event.text())
            if position is not None:
                self._key_pick = not self.multiple and len(self.buttons) <= 9  # "1" cannot become "12"
                self.pick(position)
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.input_area.isEnabled():
            self.set_value(None)
            self._give(None)
            return
        super().keyPressEvent(event)

    def focus_widgets(self) -> list[QWidget]:
        checked = [b for b in self.buttons if b.isChecked()]
        return (checked or self.buttons)[:1] if not self.multiple else self.buttons[:1]


class AcknowledgeField(FieldWidget):
    """acknowledge: one box to tick (Space)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        layout = QVBoxLayout(self.input_area)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = QCheckBox(self.tr("OK, c'est noté"), self.input_area)
        layout.addWidget(self.box)
        self.box.clicked.connect(self._on_clicked)

    def set_value(self, value: Any) -> None:
        super().set_value(value)
        self.box.setChecked(value == "OK")

    def _on_clicked(self, checked: bool) -> None:
        self._give("OK" if checked else None)

    def focus_widgets(self) -> list[QWidget]:
        return [self.box]


class ScaleField(FieldWidget):
    """A short integer range (a 0-10 score): a row of buttons, digits pick ("1","0" is 10)."""

    def __init__(self, *args: Any, start: int, end: int, step: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        layout = QHBoxLayout(self.input_area)
        layout.setContentsMargins(0, 0, 0, 0)
        self.values = list(range(start, end + (1 if step > 0 else -1), step))
        self.group = QButtonGroup(self)
        self.buttons: list[QPushButton] = []
        for position, number in enumerate(self.values):
            button = QPushButton(str(number), self.input_area)
            button.setCheckable(True)
            button.setProperty("role", "scale")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus if position == 0 else Qt.FocusPolicy.ClickFocus)
            self.group.addButton(button, position)
            self.buttons.append(button)
            layout.addWidget(button)
        layout.addStretch(1)
        self.group.idClicked.connect(self._on_clicked)
        low = min(self.values)
        self._digits = _DigitPicker(max(self.values) - low + 1, first=low) if low >= 0 else None

    def set_value(self, value: Any) -> None:
        super().set_value(value)
        self.group.setExclusive(False)
        for number, button in zip(self.values, self.buttons):
            button.setChecked(value is not None and float(value) == number)
        self.group.setExclusive(True)

    def _on_clicked(self, position: int) -> None:
        self._give(self.values[position])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.text().isdigit() and self._digits is not None and self.input_area.isEnabled():
            offset = self._digits.feed(event.text())
            number = None if offset is None else min(self.values) + offset
            if number in self.values:
                self.buttons[self.values.index(number)].setChecked(True)
                self._on_clicked(self.values.index(number))
            return
        super().keyPressEvent(event)

    def focus_widgets(self) -> list[QWidget]:
        return self.buttons[:1]


def make_field(session: Any, key: str, parent: QWidget | None = None) -> FieldWidget:
    """The widget for one visible key of the session, filled with its stored answer."""
    item = session.compiled.infos[key.split("[")[0]].item
    label, hint = session.label(key), session.label(key, hint=True)
    common = dict(key=key, kind=item.type, label=label, hint=hint, required=session.is_required(key), parent=parent)
    appearance = (item.appearance or "").split()
    if item.type == ItemType.NOTE:
        field: FieldWidget = NoteField(**common)
    elif item.type in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE):
        choices = [(c.name, session.questionnaire.text(c.label, session.language) or c.name) for c in session.choices(key)]
        field = ChoiceField(**common, choices=choices, multiple=item.type == ItemType.SELECT_MULTIPLE)
    elif item.type == ItemType.ACKNOWLEDGE:
        field = AcknowledgeField(**common)
    elif item.type == ItemType.RANGE and _is_scale(item):
        spec = item.range
        field = ScaleField(**common, start=int(spec.start), end=int(spec.end), step=int(spec.step))
    elif item.type == ItemType.RANK:
        choices = [(c.name, session.questionnaire.text(c.label, session.language) or c.name) for c in session.choices(key)]
        field = RankField(**common, choices=choices)
    else:
        field = LineField(**common, multiline=item.type == ItemType.TEXT and "multiline" in appearance)
        if item.type == ItemType.GEOPOINT:
            _add_hint(field, QCoreApplication.translate("InterviewHints", "Pas de GPS sur cet ordinateur : tapez ou collez les coordonnées, latitude puis longitude en degrés décimaux (par exemple 48.8566 2.3522)."))  # noqa: E501
        elif item.type == ItemType.BARCODE:
            _add_hint(field, QCoreApplication.translate("InterviewHints", "Tapez le code, ou lisez-le avec une douchette branchée sur l'ordinateur."))  # noqa: E501
    field.setStyleSheet(FIELD_STYLE)
    field.set_value(session.answer(key))
    field.show_special(session.answer(key))
    if session.is_read_only(key):
        field.set_read_only(True)
    return field


def _is_scale(item: Any) -> bool:
    spec = item.range
    if spec is None or any(float(v) != int(v) for v in (spec.start, spec.end, spec.step)) or spec.step == 0:
        return False
    return 0 < abs(spec.end - spec.start) / abs(spec.step) + 1 <= 11
