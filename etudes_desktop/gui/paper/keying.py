"""Heads-down keying of paper forms: one entry line, the keyboard only. The form number, then (on
a first keying) the notice decision, keyed twice (it decides whether anything of the person is
kept: a slip of one key must not keep an objector's answers), then one field per question in
order; Enter or Tab validates and moves on, a code of full length moves on by itself, Shift+Tab or
Up goes back. At the end of a copy of a block the paper repeats as many times as needed, one code
says whether another copy is filled in (1) or not (0). Refusals show under the line, never in a
dialog; a form is saved at its last field and the next number offered."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListWidget, QVBoxLayout, QWidget

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.gui.interview.signals import emit
from etudes_desktop.gui.paper.flow import CopyEnd, KeyingFlow, question_tag
from etudes_desktop.gui.style import set_role

NUMBER, NOTICE, NOTICE_AGAIN, FIELD, MORE = "number", "notice", "notice_again", "field", "more"


class KeyField(QLineEdit):
    """The entry line: Enter and Tab validate, Shift+Tab and Up go back."""

    validated = Signal()
    back = Signal()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Tab:
                emit(self.validated)
                return True
            if event.key() == Qt.Key.Key_Backtab:
                emit(self.back)
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            emit(self.validated)
        elif event.key() == Qt.Key.Key_Up:
            emit(self.back)
        else:
            super().keyPressEvent(event)


class KeyingPanel(QWidget):
    """One keying pass (storage behind `keying`: gui.paper.passes.FirstPass or SecondPass)."""

    form_saved = Signal(object)  # the paper Form

    def __init__(self, keying: Any, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keying = keying
        # The lines change at every field; laid out inside a body of fixed size (set from this
        # panel's own size), a prompt or a code list growing by a line moves the body's rows only,
        # never the window, its tabs and the list beside (which Qt would all relayout and repaint).
        self._body = QWidget(self)
        layout = QHBoxLayout(self._body)
        left = QVBoxLayout()
        heading = QLabel(title)
        heading.setWordWrap(True)
        set_role(heading, "subtitle")
        left.addWidget(heading)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        font = self.prompt.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.prompt.setFont(font)
        left.addWidget(self.prompt)
        self.entry = KeyField()
        self.entry.setFont(font)
        self.entry.setMaxLength(200)
        self.prompt.setBuddy(self.entry)
        left.addWidget(self.entry)
        self.error = QLabel()
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        left.addWidget(self.error)
        self.codes = QLabel()
        self.codes.setWordWrap(True)
        self.codes.setTextFormat(Qt.TextFormat.PlainText)
        self.codes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        left.addWidget(self.codes, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        left.addWidget(self.status)
        layout.addLayout(left, 3)
        right = QVBoxLayout()
        self.keyed_title = QLabel(self.tr("Saisi pour ce questionnaire :"))
        right.addWidget(self.keyed_title)
        self.keyed = QListWidget()
        self.keyed.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the mouse is never needed, nor the list
        right.addWidget(self.keyed, 1)
        layout.addLayout(right, 2)
        self.step = NUMBER
        self.number = ""
        self.flow: KeyingFlow | None = None
        self.key: str | None = None
        self._field: Any = None
        self._more: tuple[str, CopyEnd] | None = None  # the last field of a copy, and that copy
        self._notice = ""  # the notice code keyed once, to be keyed again
        self._hint = layout.sizeHint()
        self.setMinimumSize(layout.minimumSize())
        self._connect_signals()
        unfinished = keying.unfinished()
        if unfinished is not None:
            self._resume(unfinished)
        else:
            self._ask_number()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._hint

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._body.setFixedSize(event.size())
        super().resizeEvent(event)

    def _connect_signals(self) -> None:
        self.entry.validated.connect(self._on_validated)
        self.entry.back.connect(self._on_back)
        self.entry.textEdited.connect(self._on_edited)

    # -- steps --------------------------------------------------------------------------------
    def _ask_number(self) -> None:
        self.step, self.flow, self.key = NUMBER, None, None
        self.keyed.clear()
        self.prompt.setText(self.tr("N° du &questionnaire (case en haut de la première page) :"))
        self.codes.setText("")
        self._show_entry(self.keying.proposed_number())

    def _ask_notice(self) -> None:
        self.step = NOTICE
        self.prompt.setText(self.tr("&Mention d'information, case cochée par la personne :"))
        self.codes.setText(self.tr("1  accepte de répondre\n2  s'oppose (droit d'opposition)\n0  aucune case cochée"))
        self._show_entry("")

    def _ask_notice_again(self, code: str) -> None:
        self.step, self._notice = NOTICE_AGAIN, code
        self.prompt.setText(self.tr("&Mention : retapez le code pour le confirmer :"))
        self._show_entry("")

    def _notice_confirmed(self, text: str) -> None:
        if text.strip() != self._notice:
            self._ask_notice()
            self.error.setText(self.tr("Les deux codes de la mention diffèrent : relisez la case cochée, puis "
                                       "tapez son code deux fois."))
            return
        self._open(self.keying.begin(self.number, self._notice))

    def _ask_field(self, key: str) -> None:
        assert self.flow is not None
        self.step, self.key = FIELD, key
        field = self._field = self.flow.field(key)
        self.prompt.setText(f"{self._tag(field)}. {field.label}")
        self.codes.setText("\n".join(f"{code}  {label}" for code, label in field.codes) + (
            "\n" + self.tr("(plusieurs codes : tapez-les à la suite ou séparés d'espaces)")
            if field.kind.value in ("select_multiple", "rank") else ""))
        self._show_entry(field.shown)

    def _ask_more(self, current: str, end: CopyEnd) -> None:
        assert self.flow is not None
        self.step, self._more = MORE, (current, end)
        copies = self.flow.session.repeat_count(end.repeat, end.parent)
        self.prompt.setText(self.tr("« %1 » : un autre exemplaire est-il rempli sur le papier ? (%n déjà saisi)", "",
                                    copies).replace("%1", end.label))
        self.codes.setText(self.tr("1  oui : le saisir\n0  non : question suivante"))
        self._show_entry("")

    def _more_entered(self, text: str) -> None:
        assert self.flow is not None and self._more is not None
        current, end = self._more
        if text.strip() == "1":
            first = self.flow.add_instance(end.repeat, end.parent)
            if first is not None:
                self._ask_field(first)
                return
        elif text.strip() not in ("0", ""):
            raise EtudesError(self.tr("Tapez 1 (un autre exemplaire) ou 0 (aucun autre)."))
        self._go_on(current)

    def _show_entry(self, text: str) -> None:
        self.entry.setText(text)
        self.entry.selectAll()
        self.error.setText("")
        self.entry.setFocus()

    def _resume(self, form: Any) -> None:
        self.number = form.number
        self.flow = self.keying.resume(form)
        self._fill_keyed()
        self.status.setText(self.tr("Reprise du questionnaire n° %1.").replace("%1", form.number))
        self._next_field(None)

    # -- keys ---------------------------------------------------------------------------------
    def _on_edited(self, text: str) -> None:
        """A code typed to its full length moves on by itself (auto-advance)."""
        if self.step in (NOTICE, NOTICE_AGAIN, MORE) and len(text) == 1:
            self._on_validated()
        elif self.step == FIELD and self.flow is not None and self.key is not None:
            length = self._field.max_length
            if length and len(text.strip()) == length and self.entry.cursorPosition() == len(text):
                self._on_validated()

    def _on_validated(self) -> None:
        text = self.entry.text()
        try:
            if self.step == NUMBER:
                self.number = self.keying.check_number(text)
                if self.keying.needs_notice:
                    self._ask_notice()
                else:
                    self._open(self.keying.begin(self.number, ""))
            elif self.step == NOTICE:
                self._ask_notice_again(self.keying.check_notice(text))
            elif self.step == NOTICE_AGAIN:
                self._notice_confirmed(text)
            elif self.step == MORE:
                self._more_entered(text)
            else:
                self._field_entered(text)
        except EtudesError as exc:
            self.error.setText(str(exc))
            self.entry.selectAll()

    def _open(self, flow: KeyingFlow | None) -> None:
        if flow is None:  # objection or box not ticked: nothing more to key on this form
            self._saved(self.keying.form)
            return
        self.flow = flow
        self.keyed.clear()
        self._fill_keyed()
        self._next_field(None)

    def _field_entered(self, text: str) -> None:
        assert self.flow is not None and self.key is not None
        refused = self.flow.enter(self.key, text)
        if refused:
            self.error.setText(refused)
            self.entry.selectAll()
            return
        self._show_keyed(self.key)
        self._next_field(self.key)

    def _next_field(self, current: str | None) -> None:
        assert self.flow is not None
        if current is not None and (end := self.flow.instance_end(current)) is not None:
            self._ask_more(current, end)
            return
        self._go_on(current)

    def _go_on(self, current: str | None) -> None:
        assert self.flow is not None
        following = self.flow.first() if current is None else self.flow.after(current)
        if following is None:
            self._saved(self.keying.finish())
        else:
            self._ask_field(following)

    def _on_back(self) -> None:
        if self.step == NOTICE_AGAIN:
            self._ask_notice()
            return
        if self.step == MORE and self._more is not None:
            self._ask_field(self._more[0])
            return
        if self.step == FIELD and self.flow is not None and self.key is not None:
            previous = self.flow.before(self.key)
            if previous is not None:
                self._ask_field(previous)

    def _fill_keyed(self) -> None:
        """The values keyed in this form (this keyer's only: a verifier never sees the first keying)."""
        assert self.flow is not None
        self.keyed.clear()
        for key in self.flow.keys():
            field = self.flow.field(key)
            if field.shown:
                self.keyed.addItem(f"{self._tag(field)}  {field.shown}")

    def _show_keyed(self, key: str) -> None:
        """One field keyed: its row in the list, added or replaced (the list is not rebuilt)."""
        assert self.flow is not None
        field = self._field if self._field.key == key else self.flow.field(key)
        prefix = f"{self._tag(field)}  "
        text = prefix + self.flow.shown(key)
        rows = [self.keyed.item(r) for r in range(self.keyed.count())]
        same = next((item for item in rows if item.text().startswith(prefix)), None)
        if same is not None:
            same.setText(text)
        else:
            self.keyed.addItem(text)

    @staticmethod
    def _tag(field: Any) -> str:
        return question_tag(field.number, field.key)

    def _saved(self, form: Any) -> None:
        self.status.setText(self._saved_text(form))
        set_role(self.status, "ok")
        emit(self.form_saved, form)
        self._ask_number()

    def _saved_text(self, form: Any) -> str:
        if form.state == "set_aside":
            text = self.tr("Questionnaire n° %1 mis de côté : la case de la mention n'est pas cochée, il ne peut pas "
                           "être saisi.")
        elif form.notice.value == "objects":
            text = self.tr("Questionnaire n° %1 : opposition enregistrée, aucune réponse n'est gardée.")
        elif form.state == "keyed":
            text = self.tr("Questionnaire n° %1 enregistré ; tiré pour la double saisie par un autre opérateur.")
        elif form.state == "to_resolve":
            text = self.tr("Questionnaire n° %1 saisi deux fois : des différences sont à trancher (Alt+3).")
        elif form.verifier:
            text = self.tr("Questionnaire n° %1 vérifié : les deux saisies concordent.")
        else:
            text = self.tr("Questionnaire n° %1 enregistré.")
        return text.replace("%1", form.number)
