"""The interview's rules between the screens and the services: the gate, answers, pages.

No widgets here: `InterviewFlow` decides what may be shown and commits through the
InterviewStore; the screens (notice_gate, runner, review) only display and report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.interview import ConsentRecord, Decision, State
from etudes_desktop.core.questionnaire import ItemType
from etudes_desktop.core.special_answers import is_special
from etudes_desktop.gui.interview.study_info import StudyInfo
from etudes_desktop.storage.interviews import Interviewer, InterviewStore, utc_now
from etudes_desktop.storage.write_errors import WriteFailed

REVIEW_POSITION = "__review__"


class Phase(StrEnum):
    """What the interview screen shows."""

    NOTICE = "notice"
    QUESTIONS = "questions"
    REVIEW = "review"
    COMPLETED = "completed"
    OBJECTED = "objected"
    ABANDONED = "abandoned"


@dataclass(frozen=True)
class AnswerResult:
    """The outcome of one answer: committed or refused (with the reason shown beside the field)."""

    key: str
    saved: bool
    error: str | None = None
    changed: frozenset[str] = frozenset()


class GateClosed(EtudesError):
    """A question was asked for without a consent to the current notice version."""


class InterviewFlow:
    """One interview: its gate, its session over the questionnaire, its position."""

    def __init__(self, store: InterviewStore, study: StudyInfo, interviewer: Interviewer, interview_id: str,
                 clock: Callable[[], datetime] = utc_now) -> None:
        self.store = store
        self.study = study
        self.interviewer = interviewer
        self.interview_id = interview_id
        self._clock = clock
        self._session: Any = None
        self._gate_ok = False  # set once a consent to this flow's notice was read back
        self.restore_refused: dict[str, str] = {}  # stored answers the engine refused on resume
        self.position_unsaved = False  # a page change the disk refused to record
        self.row = store.get(interview_id)

    # -- the gate -----------------------------------------------------------------------------
    @property
    def mode(self) -> Any:
        return self.row.mode

    def gate_open(self) -> bool:
        """True only with an agreeing consent for the notice version and text shown today."""
        notice = self.study.notice
        self._gate_ok = self.store.may_ask_questions(self.interview_id, notice.version, notice.sha256)
        return self._gate_ok

    def consent_outdated(self) -> bool:
        """A consent exists, but for another version of the notice (the draft must be told again)."""
        return self.store.latest_consent(self.interview_id) is not None and not self.gate_open()

    def phase(self) -> Phase:
        self.row = self.store.get(self.interview_id)
        state = self.row.state
        if state is State.OBJECTED:
            return Phase.OBJECTED
        if state is State.ABANDONED:
            return Phase.ABANDONED
        if state is not State.DRAFT:
            return Phase.COMPLETED
        if not self.gate_open():
            return Phase.NOTICE
        return Phase.REVIEW if self.row.position == REVIEW_POSITION else Phase.QUESTIONS

    def record_decision(self, delivered_at: datetime, decision: Decision) -> Phase:
        """Store the consent record for the notice shown; an objection ends everything."""
        notice = self.study.notice
        record = ConsentRecord(
            notice_id=notice.id, notice_version=notice.version, text_sha256=notice.sha256,
            mode=self.row.mode, interviewer=self.interviewer.pseudonym,
            delivered_at=delivered_at, decided_at=self._clock(), decision=decision,
        )
        self._gate_ok = False
        self.store.record_consent(self.interview_id, record)
        self._session = None
        return self.phase()

    # -- the session --------------------------------------------------------------------------
    @property
    def session(self) -> Any:
        """The engine's session over the stored answers (built once the gate is open)."""
        if self._session is None:
            self._require_gate()
            from etudes_desktop.core.session import Session

            if self.study.questionnaire is None:
                raise EtudesError("cette étude n'a pas de questionnaire")
            # The core restores the draft in questionnaire order (a repeat sized by an earlier
            # answer gets its occurrences first); what it refuses stays in the vault, unshown,
            # and is listed in `restore_refused` for the screen to say so.
            session = Session(self.study.questionnaire, answers=self.store.answers(self.interview_id),
                              identity=self.store.respondent_identity(self.interview_id),
                              special_answers=self.study.special_answers)
            self.restore_refused = dict(session.refused)
            self._session = session
        return self._session

    def _require_gate(self) -> None:
        if not (self._gate_ok or self.gate_open()):
            raise GateClosed("aucune question avant la mention d'information et l'accord de la personne")

    def read_only(self) -> bool:
        return self.store.get(self.interview_id).state is not State.DRAFT

    def answer(self, key: str, value: Any, page_key: str | None = None) -> AnswerResult:
        """Check the answer with the engine, then commit it; saved only once COMMIT returned."""
        self._require_gate()
        session = self.session
        previous = session.answer(key)
        try:
            changed = session.set_answer(key, value)
        except EtudesError as exc:
            return AnswerResult(key, False, _sentence(str(exc)))
        stored = session.answer(key)
        try:
            notice = self.study.notice
            self.store.save_answer(self.interview_id, key, stored, position=page_key,
                                   notice=(notice.version, notice.sha256))
        except EtudesError as exc:
            session.set_answer(key, previous)
            return AnswerResult(key, False, _sentence(str(exc)))
        return AnswerResult(key, True, None, changed)

    # -- pages --------------------------------------------------------------------------------
    def resume_page(self) -> Any:
        """The page the draft stopped on (the first when none, or when it is hidden now)."""
        position = self.store.get(self.interview_id).position
        pages = self.session.pages()
        for page in pages:
            if position and page.visible and (page.key == position or position in page.keys):
                return page
        return self.session.next_page(None)

    def page(self, key: str) -> Any:
        return next((p for p in self.session.pages() if p.key == key), None)

    def next_page(self, current: str) -> Any:
        return self.session.next_page(current)

    def previous_page(self, current: str) -> Any:
        return self.session.previous_page(current)

    def repeat_of(self, page_key: str) -> tuple[str, tuple[int, ...]] | None:
        """The innermost repeat the person may extend around this page: (name, parent index)."""
        from etudes_desktop.core.session import parse_key
        from etudes_desktop.core.session.graph import REPEAT_COUNT

        name, index = parse_key(page_key)
        infos = self.session.compiled.infos
        for depth in range(len(infos[name].scope) - 1, -1, -1):
            repeat = infos[name].scope[depth]
            if REPEAT_COUNT not in infos[repeat].slots:
                return repeat, index[:depth]
        return None

    def repeat_label(self, repeat: str) -> str:
        session = self.session
        return session.questionnaire.text(session.compiled.infos[repeat].item.label, session.language) or repeat

    def add_repeat(self, repeat: str, parent: tuple[int, ...]) -> Any:
        """Add an occurrence; return its first visible page."""
        from etudes_desktop.core.session import parse_key

        self._require_gate()
        session = self.session
        _name, new_index = parse_key(session.add_repeat(repeat, parent))
        infos = session.compiled.infos
        for page in session.pages():
            name, index = parse_key(page.key)
            scope = infos[name].scope
            if page.visible and repeat in scope and index[: scope.index(repeat) + 1] == new_index:
                return page
        return None

    def go_to(self, position: str) -> None:
        self._require_gate()
        try:
            self.store.set_position(self.interview_id, position, self.progress(position))
        except WriteFailed:  # disk full: only the bookmark is lost; the next answer says so
            self.position_unsaved = True

    def page_errors(self, keys: tuple[str, ...]) -> dict[str, str]:
        session = self.session
        out: dict[str, str] = {}
        for key in keys:
            if session.is_visible(key):
                message = session.error(key)
                if message:
                    out[key] = message
        return out

    def progress(self, current: str | None) -> tuple[int, int]:
        """(pages done before this one, visible pages) for the progress bar."""
        visible = [p for p in self.session.pages() if p.visible]
        if current == REVIEW_POSITION:
            return len(visible), len(visible)
        for position, page in enumerate(visible):
            if page.key == current:
                return position, len(visible)
        return 0, len(visible)

    def review_rows(self) -> list[tuple[str, str, str, str | None]]:
        """(key, question, answer shown, error) for every visible question, in order."""
        session = self.session
        rows = []
        for key in session.visible_keys():
            item = session.compiled.infos[key.split("[")[0]].item
            if item.type == ItemType.NOTE:
                continue
            rows.append((key, session.label(key), display_answer(session, key), session.error(key)))
        return rows

    def completion_errors(self) -> dict[str, str]:
        return self.session.errors()

    def complete(self) -> None:
        """Drop answers hidden by skip logic, then lock the interview."""
        self._require_gate()
        session = self.session
        if session.errors():
            raise EtudesError("des questions obligatoires restent sans réponse")
        visible = set(session.visible_keys())
        for key in self.store.answers(self.interview_id):
            if key not in visible:
                self.store.save_answer(self.interview_id, key, None)
        self.store.complete(self.interview_id, {})

    def abandon(self) -> None:
        self.store.abandon(self.interview_id)


def display_answer(session: Any, key: str) -> str:
    """An answer as the person reads it: choice labels rather than names."""
    value = session.answer(key)
    if value is None:
        return ""
    if is_special(value):
        from etudes_desktop.gui.interview.labels import special_answer_label

        return special_answer_label(value)
    item = session.compiled.infos[key.split("[")[0]].item
    if item.type in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE):
        names = str(value).split() if item.type == ItemType.SELECT_MULTIPLE else [str(value)]
        return ", ".join(session.choice_label(item.name, n) or n for n in names)
    if item.type == ItemType.RANK:
        return " > ".join(session.choice_label(item.name, n) or n for n in str(value).split())
    if item.type == ItemType.ACKNOWLEDGE:
        return "OK"
    from etudes_desktop.gui.interview.formats import to_display

    return to_display(item.type, value)


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
