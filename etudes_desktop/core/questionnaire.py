"""The questionnaire model: a tree of items, choice lists and languages (no Qt, no I/O)."""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_LANGUAGE = "default"

# A label in every language the form declares: {"Français (fr)": "...", "default": "..."}.
Text = dict[str, str]


class ItemType(str, Enum):
    """The XLSForm types the product supports."""

    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    TIME = "time"
    DATETIME = "datetime"
    SELECT_ONE = "select_one"
    SELECT_MULTIPLE = "select_multiple"
    NOTE = "note"
    CALCULATE = "calculate"
    ACKNOWLEDGE = "acknowledge"
    RANGE = "range"
    GEOPOINT = "geopoint"  # "lat lon [alt [acc]]", typed or pasted on a laptop (no GPS)
    BARCODE = "barcode"  # typed text (a laptop has no scanner)
    RANK = "rank"  # every offered choice once, in order: "b a c"
    METADATA = "metadata"  # start, end, today: filled by the session, never shown
    GROUP = "group"
    REPEAT = "repeat"


INPUT_TYPES = frozenset(
    {
        ItemType.TEXT,
        ItemType.INTEGER,
        ItemType.DECIMAL,
        ItemType.DATE,
        ItemType.TIME,
        ItemType.DATETIME,
        ItemType.SELECT_ONE,
        ItemType.SELECT_MULTIPLE,
        ItemType.ACKNOWLEDGE,
        ItemType.RANGE,
        ItemType.GEOPOINT,
        ItemType.BARCODE,
        ItemType.RANK,
    }
)
SELECT_TYPES = frozenset({ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE})
# Questions answered from a choice list (their `list_name`), filtered by their choice_filter.
LIST_TYPES = frozenset({ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE, ItemType.RANK})
CONTAINER_TYPES = frozenset({ItemType.GROUP, ItemType.REPEAT})
FREE_TEXT_TYPES = frozenset({ItemType.TEXT, ItemType.INTEGER, ItemType.DECIMAL})


class Choice(BaseModel):
    """One answer of a choice list; `extra` holds the other columns (used by choice_filter)."""

    model_config = ConfigDict(frozen=True)

    name: str
    label: Text = Field(default_factory=dict)
    extra: dict[str, str] = Field(default_factory=dict)


class RangeSpec(BaseModel):
    """The bounds of a `range` question."""

    start: float = 1
    end: float = 10
    step: float = 1


class Item(BaseModel):
    """A question, note, calculation, group or repeat; groups and repeats have children."""

    name: str
    type: ItemType
    label: Text = Field(default_factory=dict)
    hint: Text = Field(default_factory=dict)
    required: str | None = None  # "yes"/"true()" or an expression
    required_message: Text = Field(default_factory=dict)
    relevant: str | None = None
    constraint: str | None = None
    constraint_message: Text = Field(default_factory=dict)
    calculation: str | None = None
    default: str | None = None
    choice_filter: str | None = None
    read_only: str | None = None
    appearance: str | None = None
    list_name: str | None = None
    or_other: bool = False
    range: RangeSpec | None = None
    repeat_count: str | None = None
    metadata: str | None = None  # start | end | today for METADATA items
    row: int | None = None  # survey sheet row, for messages
    children: list[Item] = Field(default_factory=list)

    @property
    def is_container(self) -> bool:
        return self.type in CONTAINER_TYPES

    @property
    def is_field_list(self) -> bool:
        return self.type in CONTAINER_TYPES and "field-list" in (self.appearance or "").split()

    @property
    def is_input(self) -> bool:
        return self.type in INPUT_TYPES

    def walk(self) -> Iterator[Item]:
        """This item and all its descendants, in questionnaire order."""
        yield self
        for child in self.children:
            yield from child.walk()


class Questionnaire(BaseModel):
    """A whole form: its items tree, its choice lists and its languages."""

    form_id: str
    title: str
    version: str = "1"
    default_language: str = DEFAULT_LANGUAGE
    languages: list[str] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    choices: dict[str, list[Choice]] = Field(default_factory=dict)

    def walk(self) -> Iterator[Item]:
        """Every item, depth first, in questionnaire order."""
        for item in self.items:
            yield from item.walk()

    def item_index(self) -> dict[str, Item]:
        """Items by name (names are unique within a form)."""
        return {item.name: item for item in self.walk()}

    def choices_for(self, item: Item) -> list[Choice]:
        """The whole choice list of a select (before any choice_filter)."""
        return list(self.choices.get(item.list_name or "", []))

    def resolve_language(self, lang: str | None) -> str | None:
        """The declared language matching `lang` ("fr", "Français (fr)", "français"), else None."""
        if not lang:
            return None
        wanted = lang.strip().lower()
        for declared in self.languages:
            low = declared.lower()
            if low == wanted or low.endswith(f"({wanted})") or low.split(" (")[0] == wanted:
                return declared
        return None

    def text(self, text: Text, lang: str | None = None) -> str:
        """A label in `lang` if given, else the default language, else any."""
        if not text:
            return ""
        for key in (self.resolve_language(lang), self.default_language, DEFAULT_LANGUAGE):
            if key and text.get(key):
                return text[key]
        return next(iter(text.values()))
