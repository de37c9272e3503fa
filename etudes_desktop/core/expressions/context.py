"""What an expression reads while it is evaluated: answers, '.', choice labels, the clock."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from typing import Protocol


class EvalContext(Protocol):
    """The answers an expression sees.

    `value(name)` gives the answer of ${name}: None or "" when empty; str for text,
    select_one, date ("2024-05-01") and time; select_multiple as a space-separated str;
    int/float for numbers. A list stands for a node-set (e.g. one question across repeat
    instances). Optional extras, looked up only by the expressions that need them:
    `child(name)` for bare names (choice columns in a choice_filter), `position()`, and
    `pulldata(file, column, key_column, key)` for pulldata() over a CSV shipped with the form,
    `indexed_repeat(name, [(group, n), ...])` for indexed-repeat() (n from 1).
    Paths (`${rep}[x > 2]/y`) walk the form through `path_nodes(name)` (the nodes of ${name}
    seen from here), `node_children(node, name)`, `node_value(node)` and `node_read(node, name)`
    (a bare name in a predicate, read from that node); `instance_rows(list)` gives a choice
    list as rows ({"name", "label", other columns}) for instance('list')/root/item[...].
    """

    @property
    def current(self) -> object:
        """The value of '.', the question the expression belongs to."""
        ...

    def value(self, name: str) -> object: ...

    def choice_label(self, name: str, choice: str) -> str | None: ...

    def now(self) -> _dt.datetime: ...


Clock = Callable[[], _dt.datetime] | _dt.datetime


class MapContext:
    """An EvalContext over plain dictionaries, for tests and simple callers."""

    def __init__(
        self,
        values: Mapping[str, object] | None = None,
        current: object = None,
        labels: Mapping[str, Mapping[str, str]] | None = None,
        clock: Clock | None = None,
        children: Mapping[str, object] | None = None,
        position: int = 1,
        tables: Mapping[str, list[Mapping[str, str]]] | None = None,
        instances: Mapping[str, list[Mapping[str, str]]] | None = None,
    ) -> None:
        self.values = dict(values or {})
        self.current = current
        self.labels = labels or {}
        self.children = dict(children or {})
        self._clock = clock
        self._position = position
        self.tables = tables or {}
        self.instances = instances or {}

    def value(self, name: str) -> object:
        """The answer to ${name}, None when there is none."""
        return self.values.get(name)

    def choice_label(self, name: str, choice: str) -> str | None:
        """labels[name][choice], None when unknown."""
        return self.labels.get(name, {}).get(choice)

    def now(self) -> _dt.datetime:
        """The injected clock (a datetime or a callable), else the local time now."""
        clock = self._clock
        if clock is None:
            return _dt.datetime.now().astimezone()
        return clock if isinstance(clock, _dt.datetime) else clock()

    def child(self, name: str) -> object:
        """A bare name's value, e.g. a choice column in a choice_filter."""
        return self.children.get(name)

    def position(self) -> int:
        """The repeat instance number position() answers."""
        return self._position

    def pulldata(self, table: str, column: str, key_column: str, key: str) -> object:
        """tables[table]: the first row whose key_column is `key`, its `column`; else ""."""
        for row in self.tables.get(table, []):
            if row.get(key_column) == key:
                return row.get(column, "")
        return ""

    def instance_rows(self, list_name: str) -> list[Mapping[str, str]]:
        """instances[list_name]: the rows instance('list')/root/item reads."""
        return list(self.instances.get(list_name, []))
