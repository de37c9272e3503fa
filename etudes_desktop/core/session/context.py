"""What expressions see during a session: answers by name, '.', choice columns, the clock."""

from __future__ import annotations

import datetime as _dt
from typing import Any, Protocol

from etudes_desktop.core.questionnaire import Choice
from etudes_desktop.core.session.keys import Index


class _Evaluated(Protocol):
    """What expressions may read of the session (the Session provides it; nothing imports it)."""

    compiled: Any

    def _ref_value(self, name: str, index: Index, scope: tuple[str, ...]) -> Any: ...
    def _effective(self, name: str, index: Index) -> Any: ...
    def _instances(self, scope: tuple[str, ...], prefix: Index = ()) -> list[Index]: ...
    def _exists(self, scope: tuple[str, ...], index: Index) -> bool: ...
    def _instance_rows(self, list_name: str) -> list[dict[str, str]]: ...
    def choice_label(self, name: str, choice: str) -> str | None: ...
    def now(self) -> _dt.datetime: ...


class SessionContext:
    """The evaluation context handed to expressions: one item at one repeat index."""

    __slots__ = ("session", "name", "index", "scope", "choice")

    def __init__(self, session: _Evaluated, name: str, index: Index, scope: tuple[str, ...] | None = None) -> None:
        self.session = session
        self.name = name
        self.index = index
        self.scope = session.compiled.infos[name].scope if scope is None else scope
        self.choice: Choice | None = None

    def value(self, name: str) -> Any:
        return self.session._ref_value(name, self.index, self.scope)

    @property
    def current(self) -> Any:
        return self.session._effective(self.name, self.index)

    def child(self, name: str) -> Any:
        """A choice column, while a choice_filter runs over a list."""
        choice = self.choice
        if choice is None:
            return ""
        if name == "name":
            return choice.name
        return choice.extra.get(name, choice.label.get(name, ""))

    def choice_label(self, name: str, choice: str) -> str | None:
        return self.session.choice_label(name, choice)

    # -- paths: nodes are (item name, repeat index) ----------------------------------------
    def path_nodes(self, name: str) -> list[tuple[str, Index]]:
        """${name} as nodes: its instances seen from here (one when it is in our instance)."""
        infos = self.session.compiled.infos
        info = infos.get(name)
        if info is None:
            return []
        target, common = info.scope, 0
        while common < len(target) and common < len(self.scope) and target[common] == self.scope[common]:
            common += 1
        if common == len(target):
            return [(name, self.index[:common])]
        return [(name, i) for i in self.session._instances(target, self.index[:common])]

    def node_children(self, node: tuple[str, Index], name: str) -> list[tuple[str, Index]]:
        """The nodes of `name` below `node` (a repeat instance or a group)."""
        infos = self.session.compiled.infos
        parent, index = node
        info = infos.get(name)
        if info is None or name == parent or name not in infos[parent].subtree:
            return []
        return [(name, i) for i in self.session._instances(info.scope, index)]

    def node_value(self, node: tuple[str, Index]) -> Any:
        """A question's value (empty when not relevant); a group or repeat instance has none."""
        name, index = node
        if self.session.compiled.infos[name].item.is_container:
            return ""
        return self.session._effective(name, index)

    def node_read(self, node: tuple[str, Index], name: str) -> Any:
        """A bare name in a predicate: `name` seen from that node (its own instance first)."""
        return self.session._ref_value(name, node[1], self.session.compiled.infos[node[0]].scope)

    def instance_rows(self, list_name: str) -> list[dict[str, str]]:
        """A choice list as rows: name, label (in the session's language) and other columns."""
        return self.session._instance_rows(list_name)

    def now(self) -> _dt.datetime:
        return self.session.now()

    def position(self) -> int:
        return self.index[-1] + 1 if self.index else 1


    def indexed_repeat(self, name: str, wanted: list[tuple[str, int]]) -> Any:
        """indexed-repeat(): `name` in the given instances of its repeats (n from 1)."""
        info = self.session.compiled.infos.get(name)
        if info is None:
            return None
        positions = dict(wanted)
        index: list[int] = []
        for depth, repeat in enumerate(info.scope):
            if repeat in positions:
                index.append(int(positions[repeat]) - 1)
            elif depth < len(self.index) and depth < len(self.scope) and self.scope[depth] == repeat:
                index.append(self.index[depth])
            else:
                return None
        if not self.session._exists(info.scope, tuple(index)):
            return None
        return self.session._effective(name, tuple(index))
