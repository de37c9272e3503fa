"""pyxform's survey JSON to our Questionnaire, with the survey sheet row of every item."""

from __future__ import annotations

import re
from collections import defaultdict, deque
from dataclasses import dataclass
from typing import Any

from etudes_desktop.core.form_problems import FormProblem
from etudes_desktop.core.questionnaire import (
    DEFAULT_LANGUAGE,
    Choice,
    Item,
    ItemType,
    Questionnaire,
    RangeSpec,
)

_TYPES: dict[str, ItemType] = {
    "text": ItemType.TEXT,
    "string": ItemType.TEXT,
    "integer": ItemType.INTEGER,
    "int": ItemType.INTEGER,
    "decimal": ItemType.DECIMAL,
    "date": ItemType.DATE,
    "time": ItemType.TIME,
    "datetime": ItemType.DATETIME,
    "dateTime": ItemType.DATETIME,
    "select one": ItemType.SELECT_ONE,
    "select all that apply": ItemType.SELECT_MULTIPLE,
    "note": ItemType.NOTE,
    "calculate": ItemType.CALCULATE,
    "hidden": ItemType.CALCULATE,
    "acknowledge": ItemType.ACKNOWLEDGE,
    "trigger": ItemType.ACKNOWLEDGE,
    "range": ItemType.RANGE,
    "start": ItemType.METADATA,
    "end": ItemType.METADATA,
    "today": ItemType.METADATA,
    "geopoint": ItemType.GEOPOINT,
    "gps": ItemType.GEOPOINT,
    "location": ItemType.GEOPOINT,
    "barcode": ItemType.BARCODE,
    "rank": ItemType.RANK,
    "select one external": ItemType.SELECT_ONE,
    "group": ItemType.GROUP,
    "repeat": ItemType.REPEAT,
}
# pyxform's own aliases (`date time`, `q string`, `add text prompt`, `get start time`,
# `phone number`...) are read through its type dictionary, by the XForm type they produce.
_BIND_TYPES: dict[str, ItemType] = {
    "string": ItemType.TEXT,
    "int": ItemType.INTEGER,
    "decimal": ItemType.DECIMAL,
    "date": ItemType.DATE,
    "time": ItemType.TIME,
    "dateTime": ItemType.DATETIME,
    "geopoint": ItemType.GEOPOINT,
    "barcode": ItemType.BARCODE,
    "odk:rank": ItemType.RANK,
}
_METADATA_PRELOADS = {("timestamp", "start"): "start", ("timestamp", "end"): "end", ("date", "today"): "today"}
# The English hints pyxform's dictionary gives some aliases, said in French.
_FRENCH_HINTS = {"Enter numbers only.": "Chiffres uniquement."}
_TRUE = {"yes", "true", "true()", "1", "oui", "vrai"}
_FALSE = {"no", "false", "false()", "0", "non", "faux", ""}
_COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "relevant": ("relevant", "relevance", "bind::relevant", "bind:relevant"),
    "constraint": ("constraint", "bind::constraint", "bind:constraint"),
    "calculation": ("calculation", "calculate", "bind::calculate", "bind:calculate"),
    "required": ("required", "bind::required", "bind:required"),
    "read_only": ("read_only", "readonly", "bind::readonly", "bind:readonly"),
    "repeat_count": ("repeat_count", "jr:count", "control::jr:count"),
    "choice_filter": ("choice_filter",),
    "default": ("default",),
    "type": ("type",),
    "name": ("name",),
}


class _Rows:
    """Survey sheet rows by item name, consumed in questionnaire order."""

    def __init__(self, survey_rows: list[dict[str, Any]]) -> None:
        self._by_name: dict[str, deque[tuple[int, dict[str, Any]]]] = defaultdict(deque)
        for index, raw in enumerate(survey_rows):
            row = {str(k).strip().lower(): v for k, v in (raw or {}).items()}
            name = str(row.get("name", "")).strip()
            if name:
                self._by_name[name].append((index + 2, row))

    def take(self, name: str) -> tuple[int | None, dict[str, Any]]:
        queue = self._by_name.get(name)
        if queue:
            return queue.popleft()
        return None, {}


def column_name(raw_row: dict[str, Any], canonical: str) -> str:
    """The header the designer wrote for a column (e.g. `relevance` for relevant)."""
    for alias in _COLUMN_ALIASES.get(canonical, (canonical,)):
        if alias in raw_row:
            return alias
    return canonical


def text_of(value: Any) -> dict[str, str]:
    """A pyxform label (a string or {language: text}) as {language: text}."""
    if value is None:
        return {}
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items() if v is not None and not isinstance(v, dict)}
    return {DEFAULT_LANGUAGE: str(value)}


def _flag(value: Any) -> str | None:
    """`required`/`read_only` as None (no), "true()" (yes) or an expression."""
    if value is None:
        return None
    text = str(value).strip()
    if text.lower() in _FALSE:
        return None
    if text.lower() in _TRUE:
        return "true()"
    return text


def convert_survey(
    form_json: dict[str, Any],
    survey_rows: list[dict[str, Any]],
    settings: dict[str, str],
    external_choices: list[dict[str, Any]] | None = None,
) -> tuple[Questionnaire, list[FormProblem]]:
    """Our questionnaire from pyxform's JSON; problems for what the product refuses.

    `external_choices`: the rows of the external_choices sheet; a `select_one_external` is
    offered them as an ordinary select_one (the laptop has the whole list at hand)."""
    rows = _Rows(list(survey_rows))
    problems: list[FormProblem] = []
    languages: set[str] = set()
    items = _convert_children(form_json.get("children") or [], rows, problems, languages)
    choices = {
        str(list_name): [_choice(c, languages) for c in entries]
        for list_name, entries in (form_json.get("choices") or {}).items()
    }
    externals = _external_selects(form_json.get("children") or [])
    if externals:
        _add_external_lists(items, externals, choices, external_choices or [], languages)
    default_language = str(form_json.get("default_language") or DEFAULT_LANGUAGE)
    _translate_or_other(items, choices, sorted(languages) or [DEFAULT_LANGUAGE])
    questionnaire = Questionnaire(
        form_id=str(form_json.get("id_string") or form_json.get("name") or "formulaire"),
        title=str(form_json.get("title") or form_json.get("id_string") or ""),
        version=str(form_json.get("version") or settings.get("version") or "1"),
        default_language=default_language,
        languages=sorted(languages - {DEFAULT_LANGUAGE}) or [DEFAULT_LANGUAGE],
        items=items,
        choices=choices,
    )
    return questionnaire, problems


def _external_selects(children: list[dict[str, Any]]) -> set[str]:
    """The names of the `select_one_external` questions of pyxform's JSON."""
    found: set[str] = set()
    for element in children:
        if element.get("type") == "select one external":
            found.add(str(element.get("name", "")))
        found |= _external_selects(element.get("children") or [])
    return found


def _add_external_lists(
    items: list[Item], externals: set[str], choices: dict[str, list[Choice]], rows: list[dict[str, Any]],
    languages: set[str],
) -> None:
    """The external_choices lists that `select_one_external` questions name, as choice lists."""
    selects = [i for item in items for i in item.walk() if i.name in externals]
    wanted = {i.list_name for i in selects}
    lists: dict[str, list[Choice]] = defaultdict(list)
    for raw in rows:
        row = {str(k).strip(): v for k, v in (raw or {}).items() if v is not None}
        list_name = str(row.pop("list_name", row.pop("list name", ""))).strip()
        if list_name not in wanted or "name" not in row:
            continue
        label: dict[str, str] = {}
        extra: dict[str, str] = {}
        for key, value in row.items():
            if key == "label":
                label[DEFAULT_LANGUAGE] = str(value)
            elif key.startswith(("label::", "label:")):
                label[key.split(":", 1)[1].lstrip(":").strip()] = str(value)
            elif key != "name":
                extra[key] = str(value)
        languages.update(label)
        lists[list_name].append(Choice(name=str(row["name"]), label=label, extra=extra))
    for item in selects:
        found = lists.get(item.list_name or "")
        if found is None:
            continue
        key = item.list_name or ""
        if key in choices and choices[key] != found:
            key = f"{key} (external_choices)"  # a choices list of the same name stays the selects'
        choices[key] = found
        item.list_name = key


_OTHER = {"fr": ("Autre", "Précisez :"), "en": ("Other", "Specify other.")}


def _words_for(language: str) -> tuple[str, str]:
    low = language.lower()
    english = low.endswith("(en)") or low.startswith(("english", "anglais")) or low == "en"
    return _OTHER["en" if english else "fr"]


def _translate_or_other(items: list[Item], choices: dict[str, list[Choice]], languages: list[str]) -> None:
    """pyxform labels the `or_other` choice and question in English; say it in the form's languages."""
    selects = {i.name: i for item in items for i in item.walk() if i.or_other}
    for select in selects.values():
        entries = choices.get(select.list_name or "", [])
        for position, choice in enumerate(entries):
            if choice.name == "other" and set(choice.label.values()) <= {"Other"}:
                entries[position] = Choice(name="other", label={lang: _words_for(lang)[0] for lang in languages}, extra=choice.extra)
    for node in (i for item in items for i in item.walk()):
        owner = selects.get(node.name[: -len("_other")]) if node.name.endswith("_other") else None
        if owner is not None and set(node.label.values()) <= {"Specify other."}:
            node.label = {lang: _words_for(lang)[1] for lang in languages}


def _choice(entry: dict[str, Any], languages: set[str]) -> Choice:
    label = text_of(entry.get("label"))
    languages.update(label)
    extra = {str(k): str(v) for k, v in entry.items() if k not in ("name", "label", "media") and v is not None}
    return Choice(name=str(entry.get("name", "")), label=label, extra=extra)


def _convert_children(
    children: list[dict[str, Any]], rows: _Rows, problems: list[FormProblem], languages: set[str]
) -> list[Item]:
    items: list[Item] = []
    previous_select: Item | None = None
    for element in children:
        control = element.get("control") or {}
        if control.get("bodyless") and element.get("name") == "meta":
            continue  # pyxform's own metadata (instanceID), not the designer's
        name = str(element.get("name", ""))
        if previous_select is not None and name == f"{previous_select.name}_other" and previous_select.or_other:
            row, raw = previous_select.row, dict[str, Any]()
        else:
            row, raw = rows.take(name)
        item = _convert_element(element, row, raw, rows, problems, languages)
        if item is None:
            continue
        if previous_select is not None and previous_select.or_other and item.name == f"{previous_select.name}_other":
            item.relevant = f"selected(${{{previous_select.name}}}, 'other')"
        items.append(item)
        previous_select = item if item.type in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE) else None
    return items


@dataclass(frozen=True)
class _Kind:
    """How a pyxform type is read: our type, its metadata and the defaults its alias implies."""

    type: ItemType
    metadata: str | None = None
    constraint: str | None = None
    hint: str | None = None
    appearance: str | None = None


def _kind_of(json_type: str) -> _Kind | None:
    """Our reading of a pyxform type, or None when the product does not support it.

    Device properties (deviceid, phonenumber, username, email, simserial...) stay refused: the
    register collects no identifier of the interviewer's device or account. Media (image,
    audio, video, file), lines and shapes (geotrace, geoshape) and background actions too."""
    item_type = _TYPES.get(json_type)
    if item_type is not None:
        return _Kind(item_type, metadata=json_type if item_type == ItemType.METADATA else None)
    from pyxform.question_type_dictionary import QUESTION_TYPE_DICT

    spec = QUESTION_TYPE_DICT.get(json_type)
    if not spec:
        return None
    bind, control = spec.get("bind") or {}, spec.get("control") or {}
    preload = bind.get("jr:preload")
    if preload is not None:
        metadata = _METADATA_PRELOADS.get((str(preload), str(bind.get("jr:preloadParams"))))
        return _Kind(ItemType.METADATA, metadata=metadata) if metadata else None
    if control.get("tag") not in ("input", "odk:rank"):
        return None  # actions (start-geopoint, background-audio), audit, binary uploads
    item_type = _BIND_TYPES.get(str(bind.get("type")))
    if item_type is None:
        return None
    hint = spec.get("hint")
    numbers = re.fullmatch(r"Enter a number (\d+)-(\d+)\.", hint or "")
    french = f"Un nombre de {numbers.group(1)} à {numbers.group(2)}." if numbers else _FRENCH_HINTS.get(hint or "", hint)
    digits_only = item_type == ItemType.TEXT and "regex" in str(bind.get("constraint") or "")
    return _Kind(item_type, constraint=bind.get("constraint"), hint=french, appearance="numbers" if digits_only else None)


def _convert_element(
    element: dict[str, Any],
    row: int | None,
    raw: dict[str, Any],
    rows: _Rows,
    problems: list[FormProblem],
    languages: set[str],
) -> Item | None:
    json_type = str(element.get("type", ""))
    if json_type == "loop":
        return _convert_loop(element, row, raw, rows, problems, languages)
    kind = _kind_of(json_type)
    if kind is None:
        shown = _shown_type(str(raw.get("type") or json_type))
        problems.append(FormProblem("survey", row, "type", f"type {shown} non pris en charge par l'application"))
        return None
    item_type = kind.type
    bind = element.get("bind") or {}
    control = element.get("control") or {}
    label, hint = text_of(element.get("label")), text_of(element.get("hint"))
    if not hint and kind.hint:
        hint = {DEFAULT_LANGUAGE: kind.hint}
    required_message = text_of(bind.get("jr:requiredMsg"))
    constraint_message = text_of(bind.get("jr:constraintMsg"))
    for text in (label, hint, required_message, constraint_message):
        languages.update(text)
    raw_type = str(raw.get("type", "")).lower()
    params = element.get("parameters") or {}
    item = Item.model_construct(  # fields built and typed above: skip re-validating 1,000 items
        name=str(element.get("name", "")),
        type=item_type,
        label=label,
        hint=hint,
        required=_flag(bind.get("required")),
        required_message=required_message,
        relevant=_expression(bind.get("relevant")),
        constraint=_expression(bind.get("constraint") or kind.constraint),
        constraint_message=constraint_message,
        calculation=_expression(bind.get("calculate")),
        default=None if element.get("default") is None else str(element.get("default")),
        choice_filter=_expression(element.get("choice_filter")),
        read_only=None if item_type == ItemType.CALCULATE else _flag(bind.get("readonly")),
        appearance=_expression(control.get("appearance") or kind.appearance),
        list_name=_expression(element.get("list_name") or element.get("itemset")),
        or_other="or_other" in raw_type or "or specify other" in raw_type,
        range=_range(params) if item_type == ItemType.RANGE else None,
        repeat_count=_expression(control.get("jr:count")),
        metadata=kind.metadata,
        row=row,
        children=[],
    )
    if item.type in (ItemType.GROUP, ItemType.REPEAT):
        item.children = _convert_children(element.get("children") or [], rows, problems, languages)
    return item


def _convert_loop(
    element: dict[str, Any],
    row: int | None,
    raw: dict[str, Any],
    rows: _Rows,
    problems: list[FormProblem],
    languages: set[str],
) -> Item | None:
    """`begin loop over list`: as pyxform builds it, a group holding one group per choice of
    the list (`none` left out), each with a copy of the loop's questions, `%(name)s` and
    `%(label)s` replaced by the choice's name and label in labels, hints and expressions.

    Names stay unique as the engine needs: the copy of `number` for the choice `slab` of the
    loop `toilets` is `toilets.slab.number` (pyxform's path /toilets/slab/number), and a
    `${sibling}` inside the loop names the sibling of the same choice."""
    shell = {k: v for k, v in element.items() if k not in ("columns", "children")}
    loop = _convert_element({**shell, "type": "group"}, row, raw, rows, problems, languages)
    template = _convert_children(element.get("children") or [], rows, problems, languages)
    if loop is None:
        return None
    for column in element.get("columns") or []:
        choice = str(column.get("name", ""))
        if choice == "none":
            continue
        label = text_of(column.get("label")) or {DEFAULT_LANGUAGE: choice}
        languages.update(label)
        prefix = f"{loop.name}.{choice}"
        renamed = {d.name: f"{prefix}.{d.name}" for t in template for d in t.walk()}
        copies = [_loop_copy(t, choice, label, renamed) for t in template]
        loop.children.append(Item.model_construct(
            name=prefix, type=ItemType.GROUP, label=dict(label), row=row, children=copies,
            **{f: v.default_factory() if v.default_factory else v.default  # type: ignore[call-arg]
               for f, v in Item.model_fields.items() if f not in ("name", "type", "label", "row", "children")},
        ))
    return loop


_LOOP_TEXTS = ("label", "hint", "required_message", "constraint_message")
_LOOP_EXPRESSIONS = ("required", "relevant", "constraint", "calculation", "default", "choice_filter", "read_only",
                     "repeat_count")


def _loop_copy(item: Item, choice: str, label: dict[str, str], renamed: dict[str, str]) -> Item:
    """One choice's copy of a loop question (and its descendants)."""
    plain = next(iter(label.values()), choice)

    def fill(text: str, shown: str) -> str:
        text = text.replace("%(name)s", choice).replace("%(label)s", shown)
        return re.sub(r"\$\{\s*([^}\s]*)\s*\}", lambda m: "${" + renamed.get(m.group(1), m.group(1)) + "}", text)

    update: dict[str, Any] = {"name": renamed.get(item.name, item.name)}
    for field_name in _LOOP_TEXTS:
        texts = getattr(item, field_name)
        update[field_name] = {lang: fill(t, label.get(lang, plain)) for lang, t in texts.items()}
    for field_name in _LOOP_EXPRESSIONS:
        value = getattr(item, field_name)
        if value is not None:
            update[field_name] = fill(value, plain)
    update["children"] = [_loop_copy(child, choice, label, renamed) for child in item.children]
    return item.model_copy(update=update)


def _expression(value: Any) -> str | None:
    """An optional text column: None when empty, else its text."""
    if value is None or value == "":
        return None
    return str(value)


def _range(params: dict[str, Any]) -> RangeSpec:
    values: dict[str, float] = {}
    for key in ("start", "end", "step"):
        try:
            if key in params:
                values[key] = float(params[key])
        except (TypeError, ValueError):
            pass
    return RangeSpec(**values)


def _shown_type(raw_type: str) -> str:
    """The type as the designer wrote it, without its list name (`select_one_external x`)."""
    words = raw_type.split()
    if not words:
        return "?"
    if words[0] == "begin" and len(words) > 1:
        return " ".join(words[:2])
    from pyxform.question_type_dictionary import QUESTION_TYPE_DICT

    if " ".join(words) in QUESTION_TYPE_DICT:
        return " ".join(words)
    return words[0]
