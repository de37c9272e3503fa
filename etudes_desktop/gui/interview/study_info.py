"""What the interview screens need to know about a study, read from its package."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from etudes_desktop.core.interview import Mode, text_sha256
from etudes_desktop.core.questionnaire import Questionnaire

# The modes an interviewer can run from this application (internet is self-completion).
INTERVIEW_MODES = (Mode.FACE_TO_FACE, Mode.PHONE, Mode.PAPER, Mode.GROUP)


@dataclass(frozen=True)
class NoticeText:
    """The information notice exactly as it is shown, with its identity."""

    id: str
    version: str
    text: str

    @property
    def sha256(self) -> str:
        return text_sha256(self.text)


@dataclass(frozen=True)
class StudyInfo:
    """The study fields the interview screens use (plain data, no storage)."""

    study_id: str
    version: str
    title: str
    modes: tuple[Mode, ...]
    notice: NoticeText
    commitment_text: str
    questionnaire: Questionnaire | None = None
    allows_unnamed: bool = False
    allowed_attributes: tuple[str, ...] = field(default_factory=tuple)
    special_answers: bool = False  # « Ne sait pas » (F8) and « Refus » (F9) on questions
    auto_advance: bool = False  # a digit that picks a single choice moves on (CSPro's auto-advance)

    @property
    def interview_modes(self) -> tuple[Mode, ...]:
        """The study's modes an interviewer can run here, in a stable order."""
        return tuple(m for m in INTERVIEW_MODES if m in self.modes) or (Mode.FACE_TO_FACE,)

    @classmethod
    def from_package(cls, package: Any, questionnaire: Questionnaire | None = None) -> StudyInfo:
        """Read a core.study.StudyPackage (attribute names tolerated across its versions)."""
        notice = _first(package, "notice")
        text = _first(notice, "text_fr", "text", "fr")
        if isinstance(text, dict):
            text = text.get("fr") or next(iter(text.values()))
        commitment = _first(package, "commitment_text", "commitment", default="")
        if not isinstance(commitment, str):
            commitment = _first(commitment, "text_fr", "text", default="")
        modes = tuple(Mode(m) for m in (_first(package, "modes", default=None) or [Mode.FACE_TO_FACE]))
        return cls(
            study_id=str(_first(package, "id", "study_id")),
            version=str(_first(package, "version", default="1")),
            title=str(_first(package, "title", default="")),
            modes=modes,
            notice=NoticeText(str(_first(notice, "id", "notice_id")), str(_first(notice, "version")), str(text)),
            commitment_text=str(commitment),
            questionnaire=questionnaire or _first(package, "questionnaire", "form", default=None),
            allows_unnamed=bool(_first(package, "allows_unnamed", "allow_unnamed", "unnamed_respondents", default=False)),
            allowed_attributes=tuple(_first(package, "analysis_attributes", "allowed_attributes", default=()) or ()),
            special_answers=bool(_first(package, "special_answers", default=False)),
            auto_advance=bool(_first(package, "auto_advance", default=False)),
        )


_MISSING = object()


def _first(obj: Any, *names: str, default: Any = _MISSING) -> Any:
    for name in names:
        value = obj.get(name, _MISSING) if isinstance(obj, dict) else getattr(obj, name, _MISSING)
        if value is not _MISSING and value is not None:
            return value
    if default is _MISSING:
        raise AttributeError(f"study package has none of {names}")
    return default
