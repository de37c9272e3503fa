"""Pages of an interview: a question or note per page, or a whole field-list group.

Given the questionnaire's items and two callables (how many instances a repeat has, whether an
item is visible at an index), it knows nothing of the Session.
"""

from __future__ import annotations

from collections.abc import Callable

from etudes_desktop.core.questionnaire import Item, ItemType
from etudes_desktop.core.session.keys import Index, Page, key_of

_NOT_SHOWN = (ItemType.CALCULATE, ItemType.METADATA)
RepeatCount = Callable[[str, Index], int]
Visible = Callable[[str, Index], bool]


def build_pages(items: list[Item], repeat_count: RepeatCount, visible: Visible) -> list[Page]:
    """Every page in questionnaire order (repeat instances expanded), visible or not."""
    pages: list[Page] = []
    _walk(items, (), pages, repeat_count, visible)
    return pages


def _walk(items: list[Item], index: Index, pages: list[Page], repeat_count: RepeatCount, visible: Visible) -> None:
    for item in items:
        if item.type in _NOT_SHOWN:
            continue
        if item.type == ItemType.REPEAT:
            for position in range(repeat_count(item.name, index)):
                inner = index + (position,)
                if item.is_field_list:
                    pages.append(_group_page(item, inner, repeat_count, visible))
                else:
                    _walk(item.children, inner, pages, repeat_count, visible)
        elif item.type == ItemType.GROUP:
            if item.is_field_list:
                pages.append(_group_page(item, index, repeat_count, visible))
            else:
                _walk(item.children, index, pages, repeat_count, visible)
        else:
            key = key_of(item.name, index)
            shown = visible(item.name, index)
            pages.append(Page(key=key, keys=(key,) if shown else (), visible=shown, members=(key,)))


def _group_page(group: Item, index: Index, repeat_count: RepeatCount, visible: Visible) -> Page:
    """One page for a field-list group (nested groups and repeats flattened into it)."""
    members: list[str] = []
    shown: list[str] = []
    _members(group.children, index, members, shown, repeat_count, visible)
    page_visible = visible(group.name, index) and bool(shown)
    return Page(key=key_of(group.name, index), keys=tuple(shown) if page_visible else (), visible=page_visible,
                members=tuple(members))


def _members(items: list[Item], index: Index, members: list[str], shown: list[str],
             repeat_count: RepeatCount, visible: Visible) -> None:
    for item in items:
        if item.type in _NOT_SHOWN:
            continue
        if item.type == ItemType.REPEAT:
            for position in range(repeat_count(item.name, index)):
                _members(item.children, index + (position,), members, shown, repeat_count, visible)
        elif item.type == ItemType.GROUP:
            _members(item.children, index, members, shown, repeat_count, visible)
        else:
            key = key_of(item.name, index)
            members.append(key)
            if visible(item.name, index):
                shown.append(key)
