"""The study package: what a study designer ships to the laptops (exported as JSON Schema).

A package carries the study's identity, the collection modes allowed, the information notice
(which must hold the register's mandatory mention verbatim), the contractor's commitment that
interviewers sign, the delivery date and retention rule, the respondent attributes that may
leave the laptop for analysis, and the questionnaire.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from etudes_desktop.core.calls.rules import CallingRules
from etudes_desktop.core.group.guide import GroupGuide
from etudes_desktop.core.interview import Mode  # one enum of collection modes for the whole product
from etudes_desktop.core.interview import text_sha256 as sha256_text
from etudes_desktop.core.questionnaire import ItemType, Questionnaire
from etudes_desktop.core.retention import destruction_date
from etudes_desktop.paths import resource_path

# The register's mention, to be told before any information is collected (verbatim).
MANDATORY_MENTION = (
    "Conformément aux dispositions de la loi Informatique et libertés, vous disposez d'un droit "
    "d'accès et de rectification aux données vous concernant ainsi qu'un droit d'opposition au "
    "traitement de vos données.\n"
    "Vous êtes informés que le traitement de vos données sera effectué de manière anonyme et "
    "globale, par groupe, et jamais de façon individuelle"
)
MISSING_MENTION = (
    "la notice d'information ne contient pas, mot pour mot, la mention obligatoire du registre "
    "(« Conformément aux dispositions de la loi Informatique et libertés, ... jamais de façon individuelle »)"
)
DEFAULT_NOTICE_ID = "cnam-etudes-marketing-assures"
DEFAULT_NOTICE_VERSION = "2014-06"
DEFAULT_COMMITMENT_VERSION = "1"
DEFAULT_SPONSOR = "Caisse nationale de l'Assurance Maladie"
MAX_RETENTION_MONTHS = 6
MANAGEMENT_DELAY_MONTHS = 6
STUDY_ID_PATTERN = r"^\w[\w .\-]{0,63}$"

_NPS_TYPES = frozenset({ItemType.INTEGER, ItemType.DECIMAL, ItemType.RANGE, ItemType.SELECT_ONE})

# Attributes that identify a person directly: never sent for analysis.
_FORBIDDEN_ATTRIBUTE = re.compile(
    r"(^|_)(nom|prenom|name|lastname|firstname|surname|givenname|adresse|address|rue|street|"
    r"tel|telephone|phone|portable|mobile|mail|email|courriel|nir|nia|secu|securitesociale|ssn|"
    r"insee|iban|birthdate|datenaissance|naissance|sampleid|civilite|title)(_|$|\d)"
)


def _normalise(text: str) -> str:
    """Compare texts as a reader would: quotes, apostrophes, dashes and spacing ignored."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[’‘ʼ´`′]", "'", text)
    text = re.sub(r"[«»“”„\"‹›]", " ", text)
    text = re.sub(r"[‐‑‒–—]", "-", text)
    return " ".join(text.split())


def contains_mandatory_mention(text: str) -> bool:
    """True when `text` holds the register's mention word for word."""
    return _normalise(MANDATORY_MENTION) in _normalise(text or "")


@lru_cache(maxsize=8)
def default_text(kind: str, name: str) -> str:
    """A default text shipped under resources/ (notices/, commitment/)."""
    return resource_path(kind, name).read_text(encoding="utf-8").strip()


class Notice(BaseModel):
    """The information notice told to every respondent before any question."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(default=DEFAULT_NOTICE_ID, min_length=1)
    version: str = Field(default=DEFAULT_NOTICE_VERSION, min_length=1)
    text_fr: str = Field(default_factory=lambda: default_text("notices", "notice_fr.txt"))
    text_en: str | None = None

    @field_validator("text_fr")
    @classmethod
    def _has_mention(cls, value: str) -> str:
        if not contains_mandatory_mention(value):
            raise ValueError(MISSING_MENTION)
        return value

    def text(self, language: str = "fr") -> str:
        return self.text_en if language.startswith("en") and self.text_en else self.text_fr

    @property
    def sha256(self) -> str:
        """The SHA-256 of the French text, recorded with every consent."""
        return sha256_text(self.text_fr)


class Commitment(BaseModel):
    """The contractor's commitment of confidentiality and non-reuse each interviewer signs."""

    model_config = ConfigDict(frozen=True)

    version: str = DEFAULT_COMMITMENT_VERSION
    text: str = Field(default_factory=lambda: default_text("commitment", "engagement_fr.txt"), min_length=20)

    @property
    def sha256(self) -> str:
        return sha256_text(self.text)


class Retention(BaseModel):
    """When the insurer's files are destroyed: at the latest 6 months after delivery."""

    model_config = ConfigDict(frozen=True)

    months_after_delivery: int = Field(default=MAX_RETENTION_MONTHS, ge=0, le=MAX_RETENTION_MONTHS)
    management_delay_months: int = Field(default=MANAGEMENT_DELAY_MONTHS, ge=0, le=MANAGEMENT_DELAY_MONTHS)


@lru_cache(maxsize=1024)  # pure; the same few names come with every interview
def check_attribute(name: str) -> str | None:
    """Why an attribute may not leave the laptop, or None when it may."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"[^a-z0-9]+", "_", plain).strip("_")
    compact = plain.replace("_", "")
    if not plain:
        return "nom d'attribut vide"
    if _FORBIDDEN_ATTRIBUTE.search(plain) or _FORBIDDEN_ATTRIBUTE.search(compact):
        return f"l'attribut « {name} » identifie directement la personne : il ne peut pas quitter le poste"
    return None


class StudyPackage(BaseModel):
    """Everything a laptop needs to run one study."""

    id: str = Field(pattern=STUDY_ID_PATTERN)
    title: str = Field(min_length=1)
    sponsor: str = DEFAULT_SPONSOR
    version: str = Field(default="1", min_length=1)
    modes: list[Mode] = Field(default_factory=lambda: list(Mode), min_length=1)
    notice: Notice = Field(default_factory=Notice)
    commitment: Commitment = Field(default_factory=Commitment)
    delivery_date: _dt.date | None = None
    retention: Retention = Field(default_factory=Retention)
    analysis_attributes: list[str] = Field(default_factory=lambda: ["age_band", "sex", "profession", "region"])
    special_answers: bool = Field(
        default=False,
        description="« Ne sait pas » and « Refus » accepted on every question (stored as _dk / _rf, counted apart)")
    auto_advance: bool = Field(
        default=False,
        description="a digit that picks a choice (single choice, at most 9 choices) moves on to the next question")
    results_by: list[str] = Field(
        default_factory=list,
        description="attributes the insurer's results are crossed by (besides the mode); each one of analysis_attributes")
    nps: list[str] = Field(
        default_factory=list, description="0-10 questions whose results include a Net Promoter Score")
    calling: CallingRules = Field(
        default_factory=CallingRules,
        description="phone calls: windows in the person's time, limits, delays per disposition, appointments")
    group: GroupGuide = Field(
        default_factory=GroupGuide,
        description="focus groups: the discussion guide's themes and the questions asked by a show of hands")
    questionnaire: Questionnaire

    @model_validator(mode="after")
    def _results_settings(self) -> StudyPackage:
        for name in self.results_by:
            if name not in self.analysis_attributes:
                raise ValueError(f"results_by : « {name} » n'est pas un attribut d'analyse de l'étude "
                                 f"(analysis_attributes : {', '.join(self.analysis_attributes) or 'aucun'})")
        items = self.questionnaire.item_index()
        for name in self.nps:
            item = items.get(name)
            if item is None or item.type not in _NPS_TYPES:
                raise ValueError(f"nps : « {name} » n'est pas une question notée de 0 à 10 du questionnaire "
                                 "(integer, decimal, range ou select_one)")
        for name in self.group.questions:
            item = items.get(name)
            if item is None or item.type not in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE):
                raise ValueError(f"group_questions : « {name} » n'est pas une question à choix du questionnaire "
                                 "(select_one ou select_multiple), à compter à main levée")
        return self

    @field_validator("modes")
    @classmethod
    def _unique_modes(cls, value: list[Mode]) -> list[Mode]:
        return list(dict.fromkeys(value))

    @field_validator("analysis_attributes", "results_by")
    @classmethod
    def _allowed_attributes(cls, value: list[str]) -> list[str]:
        for name in value:
            reason = check_attribute(name)
            if reason:
                raise ValueError(reason)
        return list(dict.fromkeys(value))

    def destruction_due(self) -> _dt.date | None:
        """The latest date the insurer's files must be destroyed (None before delivery)."""
        if self.delivery_date is None:
            return None
        return destruction_date(self.delivery_date, self.retention.months_after_delivery)


def package_json_schema() -> dict[str, object]:
    """The JSON Schema designers validate their packages against."""
    schema = StudyPackage.model_json_schema()
    # A designer's package may name an XLSForm beside it instead of an inline questionnaire.
    schema["properties"]["form"] = {"type": "string", "title": "Form", "description": "chemin d'un XLSForm (.xlsx, .xls) relatif au paquet"}
    schema["required"] = [name for name in schema.get("required", []) if name not in ("questionnaire", "id", "title")]
    schema["anyOf"] = [{"required": ["questionnaire", "id", "title"]}, {"required": ["form"]}]
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://etudes-terrain.invalid/schemas/study-package.schema.json"
    return schema
