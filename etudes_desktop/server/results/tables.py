"""Counting the insurer's tables from the stored interviews, as one linked system of counts.

For every select_one, select_multiple, integer, decimal and range question: a one-way table,
then one table crossed by each variable asked for (the mode, the study's `results_by`
attributes); for a number, its statistics per column; for a question named in the study's
`nps`, a promoters / passives / detractors table. « Ne sait pas » and « Refus » are rows of
their own. Text, notes, dates and anything else are never counted; an answer outside the
choice list is counted as « Autre valeur », never shown.

Every count is a variable of one `LinkedCells` system keyed by what it counts, so a margin that
two tables share (the question's own distribution, the respondents of each column when two
questions were answered by the same people) is one variable, protected once for all tables.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.interview import MODE_LABELS_FR, Mode
from etudes_desktop.core.questionnaire import Item, ItemType, Questionnaire
from etudes_desktop.core.special_answers import DONT_KNOW, LABELS, REFUSED
from etudes_desktop.core.study import StudyPackage
from etudes_desktop.server.results.suppression import LinkedCells

MODE = "mode"
MISSING_LEVEL = "Non renseigné"
UNKNOWN_ROW = "__autre__"
UNKNOWN_LABEL = "Autre valeur"
NUMBER_ROW = "__valeurs__"
NUMBER_LABEL = "Réponses chiffrées"
NPS_ROWS = (("__detracteurs__", "Détracteurs (0 à 6)"), ("__passifs__", "Passifs (7 et 8)"),
            ("__promoteurs__", "Promoteurs (9 et 10)"), ("__hors_echelle__", "Hors échelle 0 à 10"))
NUMBER_TYPES = frozenset({ItemType.INTEGER, ItemType.DECIMAL, ItemType.RANGE})
COUNTED_TYPES = NUMBER_TYPES | {ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE}
BY_LABELS = {MODE: "Mode de collecte", "age_band": "Tranche d'âge", "sex": "Sexe", "region": "Région",
             "departement": "Département", "profession": "Profession"}


@dataclass
class Table:
    """One table: rows are answers, columns the levels of `by` (or the single column « n »)."""

    id: str
    name: str
    question: str
    kind: str  # choices | multiple | number | nps
    by: list[str]
    row_keys: list[str]
    rows: list[str]
    columns: list[str]
    cells: np.ndarray
    cell_vars: np.ndarray
    row_vars: list[int]
    column_vars: list[int]
    total_var: int
    stats: list[dict[str, float] | None] = field(default_factory=list)  # numbers: per column, then total


@dataclass
class Counted:
    """The tables of a delivery and the one system of counts under them."""

    tables: list[Table]
    cells: LinkedCells
    interviews: int
    by: list[str]
    skipped: list[str]


class _System:
    """Variables keyed by what they count; equations kept once."""

    def __init__(self) -> None:
        self.index: dict[tuple[Any, ...], int] = {}
        self.values: list[int] = []
        self.hidden: set[int] = set()
        self.equations: dict[frozenset[tuple[int, int]], set[int]] = {}  # -> the families that state it
        self.family = -1

    def var(self, key: tuple[Any, ...], value: int, *, hidden: bool = False) -> int:
        found = self.index.get(key)
        if found is not None:
            if self.values[found] != value:
                raise RuntimeError(f"one count, two values: {key[0]}")
            return found
        self.index[key] = len(self.values)
        self.values.append(int(value))
        if hidden:
            self.hidden.add(self.index[key])
        return self.index[key]

    def equation(self, plus: Iterable[int], minus: Iterable[int]) -> None:
        terms: dict[int, int] = {}
        for var in plus:
            terms[var] = terms.get(var, 0) + 1
        for var in minus:
            terms[var] = terms.get(var, 0) - 1
        self.equations.setdefault(frozenset((v, c) for v, c in terms.items() if c), set()).add(self.family)

    def build(self) -> LinkedCells:
        return LinkedCells.build(self.values, [dict(eq) for eq in self.equations], self.hidden,
                                 [frozenset(families) for families in self.equations.values()])


@dataclass
class _Level:
    """A crossing variable: each interview's column, and the columns' labels."""

    name: str
    codes: np.ndarray
    labels: list[str]


def allowed_by(package: StudyPackage) -> list[str]:
    return [MODE, *package.results_by]


def choose_by(package: StudyPackage, by: list[str] | None) -> list[str]:
    """The crossings asked for, each allowed by the study (the mode, its `results_by`)."""
    allowed = allowed_by(package)
    if by is None:
        return allowed
    for name in by:
        if name not in allowed:
            raise EtudesError(f"croisement « {name} » non prévu par l'étude (possibles : {', '.join(allowed)})")
    return list(dict.fromkeys(by))


HANDS_ROW = "__sans_main__"


def count_tables(package: StudyPackage, rows: Iterable[tuple[str, dict[str, Any], dict[str, Any]]],
                 by: list[str] | None = None, hands: dict[str, dict[str, tuple[int, int]]] | None = None) -> Counted:
    """Every table of the study's results, counted from (mode, answers, attributes) rows; then the
    focus groups' shows of hands (`hands`: question -> choice -> (hands, present) over sessions),
    protected in the same system by the same rules."""
    crossings = choose_by(package, by)
    modes, answers, attributes = [], [], []
    for mode, answer, attribute in rows:
        modes.append(mode), answers.append(answer), attributes.append(attribute)
    levels = [_levels(name, modes, attributes) for name in crossings]
    system = _System()
    tables: list[Table] = []
    skipped: list[str] = []
    questionnaire = package.questionnaire
    for family, item in enumerate(_questions(questionnaire, skipped)):
        system.family = family  # the equations of one question's tables: the cheap intruder's view
        values = [answer.get(item.name) for answer in answers]
        for kind, row_keys, row_labels, member in _members(package, item, values):
            tables.extend(_tables(system, questionnaire, item, kind, row_keys, row_labels, member, levels, values))
    for offset, (name, counts) in enumerate(sorted((hands or {}).items())):
        system.family = 100_000 + offset
        table = _hands_table(system, questionnaire, name, counts)
        if table is not None:
            tables.append(table)
    cells = system.build()
    cells.appearances = _appearances(tables, len(cells.values))
    return Counted(tables, cells, len(answers), crossings, skipped)


def _hands_table(system: _System, questionnaire: Questionnaire, name: str,
                 counts: dict[str, tuple[int, int]]) -> Table | None:
    """One question asked to focus groups by a show of hands: hands per choice over the sessions, out
    of the people present; a single choice's cells add up to them with those who raised no hand."""
    item = questionnaire.item_index().get(name)
    if item is None or item.type not in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE) or not counts:
        return None
    present = max(p for _h, p in counts.values())
    choices = questionnaire.choices_for(item)
    keys = [c.name for c in choices]
    labels = [questionnaire.text(c.label) or c.name for c in choices]
    values = [counts.get(key, (0, present))[0] for key in keys]
    total = system.var(("hands-present", name), present)
    kind = "choices" if item.type is ItemType.SELECT_ONE else "multiple"
    row_vars = [system.var(("hands", name, key), value) for key, value in zip(keys, values)]
    if kind == "choices":
        keys, labels = [*keys, HANDS_ROW], [*labels, "Sans main levée"]
        values.append(present - sum(values))
        row_vars.append(system.var(("hands", name, HANDS_ROW), values[-1]))
        system.equation(row_vars, [total])
    else:
        for key, var in zip(keys, row_vars):  # each choice and who did not raise their hand for it
            complement = system.var(("hands-not", name, key), present - system.values[var], hidden=True)
            system.equation([var, complement], [total])
    question = f"{questionnaire.text(item.label) or name} (réunions de groupe, à main levée)"
    cells = np.array(values, dtype=int).reshape(-1, 1)
    return Table(f"groupes.{name}", name, question, kind, [], keys, labels, ["n"], cells,
                 np.array(row_vars, dtype=int).reshape(-1, 1), row_vars, [total], total)


def _appearances(tables: list[Table], n: int) -> np.ndarray:
    """In how many tables each count is printed: hiding a shared margin costs in all of them."""
    seen = np.zeros(n)
    for table in tables:
        held = {*table.cell_vars.ravel().tolist(), *table.row_vars, *table.column_vars, table.total_var}
        seen[list(held)] += 1
    return np.maximum(seen, 1)


def _questions(questionnaire: Questionnaire, skipped: list[str]) -> Iterable[Item]:
    """The counted questions, in questionnaire order; those inside a repeat are left out (one
    respondent would weigh as many times as their occurrences)."""
    def walk(items: list[Item], in_repeat: bool) -> Iterable[Item]:
        for item in items:
            if item.is_container:
                yield from walk(item.children, in_repeat or item.type == ItemType.REPEAT)
            elif item.type in COUNTED_TYPES:
                if in_repeat:
                    skipped.append(item.name)
                else:
                    yield item
    return walk(questionnaire.items, False)


def _levels(name: str, modes: list[str], attributes: list[dict[str, Any]]) -> _Level:
    if name == MODE:
        raw = modes
        order = [m.value for m in Mode]
        present = [m for m in order if m in set(raw)]
        labels = [MODE_LABELS_FR[Mode(m)] for m in present]
    else:
        raw = [_level_text(a.get(name)) for a in attributes]
        present = sorted({v for v in raw if v is not None})
        labels = list(present)
    position = {value: k for k, value in enumerate(present)}
    if any(v is None for v in raw):
        labels.append(MISSING_LEVEL)
    codes = np.array([position.get(v, len(present)) if v is not None else len(present) for v in raw], dtype=np.int64)
    return _Level(name, codes, labels)


def _level_text(value: Any) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _answered(value: Any) -> bool:
    return not (value is None or value == "" or value == [])


def _specials(package: StudyPackage, values: list[Any]) -> list[tuple[str, str]]:
    present = {v for v in values if isinstance(v, str)} & {DONT_KNOW, REFUSED}
    return [(code, LABELS[code]) for code in (DONT_KNOW, REFUSED) if package.special_answers or code in present]


def _members(package: StudyPackage, item: Item, values: list[Any]) -> Iterable[tuple[str, list[str], list[str], np.ndarray]]:
    """(kind, row keys, row labels, membership matrix interviews x rows) of each table family."""
    specials = _specials(package, values)
    questionnaire = package.questionnaire
    special_rows = [_is(values, code) for code, _ in specials]
    special_keys, special_labels = [code for code, _ in specials], [label for _, label in specials]
    if item.type in NUMBER_TYPES or (item.name in package.nps and item.type == ItemType.SELECT_ONE):
        answered = np.array([_answered(v) for v in values], dtype=bool)
        numbers = np.array([_number(v) for v in values], dtype=float)
        unreadable = answered & np.isnan(numbers) & ~np.any(special_rows, axis=0) if special_rows else \
            answered & np.isnan(numbers)
        if item.type in NUMBER_TYPES:
            extra = [unreadable] if unreadable.any() else []
            keys = [NUMBER_ROW, *([UNKNOWN_ROW] if extra else []), *special_keys]
            labels = [NUMBER_LABEL, *([UNKNOWN_LABEL] if extra else []), *special_labels]
            yield "number", keys, labels, np.stack([~np.isnan(numbers), *extra, *special_rows], axis=1)
        if item.name in package.nps:
            keys, labels, groups = _nps_rows(numbers, unreadable)
            yield "nps", keys + special_keys, labels + special_labels, np.stack(groups + special_rows, axis=1)
        if item.type in NUMBER_TYPES:
            return
    choices = questionnaire.choices_for(item)
    names = [c.name for c in choices]
    labels = [questionnaire.text(c.label) or c.name for c in choices]
    known = set(names) | {code for code, _ in specials}
    if item.type == ItemType.SELECT_MULTIPLE:
        picked = [set(map(str, v)) if isinstance(v, list) else set(str(v).split()) if _answered(v) else set()
                  for v in values]
        columns = [np.array([name in p for p in picked]) for name in names]
        unknown = np.array([bool(p - known) and not (p & {DONT_KNOW, REFUSED}) for p in picked])
    else:
        text = [str(v) if _answered(v) else None for v in values]
        columns = [np.array([t == name for t in text]) for name in names]
        unknown = np.array([t is not None and t not in known for t in text])
    if unknown.any():
        columns.append(unknown), names.append(UNKNOWN_ROW), labels.append(UNKNOWN_LABEL)
    columns += special_rows
    names += special_keys
    labels += special_labels
    kind = "multiple" if item.type == ItemType.SELECT_MULTIPLE else "choices"
    yield kind, names, labels, np.stack(columns, axis=1) if columns else np.zeros((len(values), 0), dtype=bool)


def _nps_rows(numbers: np.ndarray, unreadable: np.ndarray) -> tuple[list[str], list[str], list[np.ndarray]]:
    """Detractors 0-6, passives 7-8, promoters 9-10; any other answer (off the scale) apart."""
    on_scale = ~np.isnan(numbers) & (numbers >= 0) & (numbers <= 10) & (np.mod(numbers, 1) == 0)
    off = (~np.isnan(numbers) & ~on_scale) | unreadable
    groups = [on_scale & (numbers <= 6), on_scale & (numbers > 6) & (numbers <= 8), on_scale & (numbers >= 9), off]
    keep = [k for k in range(4) if k < 3 or off.any()]
    return [NPS_ROWS[k][0] for k in keep], [NPS_ROWS[k][1] for k in keep], [groups[k] for k in keep]


def _is(values: list[Any], code: str) -> np.ndarray:
    return np.array([v == code for v in values])


def _number(value: Any) -> float:
    if isinstance(value, bool) or not _answered(value):
        return np.nan
    try:
        number = float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        return np.nan
    return number if np.isfinite(number) else np.nan


def _tables(system: _System, questionnaire: Questionnaire, item: Item, kind: str, row_keys: list[str],
            row_labels: list[str], member: np.ndarray, levels: list[_Level], values: list[Any]) -> list[Table]:
    """The one-way table of a question's family, then one table per crossing."""
    member = member.astype(bool).reshape(len(values), len(row_keys))
    answered = np.array([_answered(v) for v in values], dtype=bool)
    base = hashlib.sha256(np.packbits(answered).tobytes() + str(len(values)).encode()).hexdigest()[:16]
    qkey = item.name if kind != "nps" else f"{item.name}#nps"
    specials = {DONT_KNOW, REFUSED}
    owner = [item.name if key in specials else qkey for key in row_keys]  # « ne sait pas » is shared
    question = questionnaire.text(item.label) or item.name
    numbers = np.array([_number(v) for v in values], dtype=float) if kind == "number" else None
    counts = member.sum(axis=0).astype(int)
    total = system.var(("base", base), int(answered.sum()))
    row_vars = [system.var(("cat", owner[r], key), int(counts[r])) for r, key in enumerate(row_keys)]
    _margins(system, kind, qkey, row_keys, row_vars, total, ("overall",))
    table_id = item.name if kind != "nps" else f"{item.name}.nps"
    one_way = Table(table_id, item.name, question, kind, [], row_keys, row_labels, ["n"], counts.reshape(-1, 1),
                    np.array(row_vars, dtype=int).reshape(-1, 1), row_vars, [total], total)
    if numbers is not None:
        one_way.stats = [_stats(numbers)] * 2
    out = [one_way]
    for level in levels:
        out.append(_crossed(system, kind, item, qkey, owner, question, row_keys, row_labels, member, answered,
                            base, row_vars, total, level, numbers, table_id))
    return out


def _crossed(system: _System, kind: str, item: Item, qkey: str, owner: list[str], question: str, row_keys: list[str],
             row_labels: list[str], member: np.ndarray, answered: np.ndarray, base: str, row_vars: list[int],
             total: int, level: _Level, numbers: np.ndarray | None, table_id: str) -> Table:
    width = len(level.labels)
    cells = np.zeros((len(row_keys), width), dtype=int)
    for r in range(len(row_keys)):
        cells[r] = np.bincount(level.codes[member[:, r]], minlength=width)
    bases = np.bincount(level.codes[answered], minlength=width)
    cell_vars = np.zeros_like(cells)
    column_vars = [system.var(("base", base, level.name, c), int(bases[c])) for c in range(width)]
    for r, key in enumerate(row_keys):
        for c in range(width):
            cell_vars[r, c] = system.var(("cell", owner[r], key, level.name, c), int(cells[r, c]))
        system.equation(cell_vars[r], [row_vars[r]])
    for c in range(width):
        _margins(system, kind, qkey, row_keys, list(cell_vars[:, c]), column_vars[c], (level.name, c))
    system.equation(column_vars, [total])
    table = Table(f"{table_id}.par.{level.name}", item.name, question, kind, [level.name], row_keys, row_labels,
                  list(level.labels), cells, cell_vars, row_vars, column_vars, total)
    if numbers is not None:
        table.stats = [_stats(numbers[level.codes == c]) for c in range(width)] + [_stats(numbers)]
    return table


def _margins(system: _System, kind: str, qkey: str, row_keys: list[str], row_vars: list[int], base: int,
             where: tuple[Any, ...]) -> None:
    """A column's cells add up to its respondents; a select_multiple's choices do not: each choice
    and its hidden complement (who answered without ticking it) do, and the choices of one
    respondent are at least one (a hidden surplus)."""
    if kind != "multiple":
        system.equation(row_vars, [base])
        return
    special = [v for k, v in zip(row_keys, row_vars) if k in (DONT_KNOW, REFUSED)]
    choices = [(k, v) for k, v in zip(row_keys, row_vars) if k not in (DONT_KNOW, REFUSED)]
    values = system.values
    substantive = values[base] - sum(values[v] for v in special)
    for key, var in choices:
        complement = system.var(("not", qkey, key, *where), substantive - values[var], hidden=True)
        system.equation([var, complement, *special], [base])
    if choices:
        surplus = system.var(("extra", qkey, *where), sum(values[v] for _, v in choices) - substantive, hidden=True)
        system.equation([v for _, v in choices] + special, [surplus, base])


def _stats(numbers: np.ndarray) -> dict[str, float] | None:
    values = numbers[~np.isnan(numbers)]
    if not len(values):
        return None
    q1, median, q3 = np.percentile(values, [25, 50, 75])
    return {"n": int(len(values)), "mean": float(values.mean()), "median": float(median), "q1": float(q1),
            "q3": float(q3)}
