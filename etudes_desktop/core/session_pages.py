"""Pages of an interview: a question or note per page, or a whole field-list group."""

from __future__ import annotations

from typing import TYPE_CHECKING

from etudes_desktop.core.questionnaire import Item, ItemType

if TYPE_CHECKING:
    from etudes_desktop.core.session import Index, Page, Session

_NOT_SHOWN = (ItemType.CALCULATE, ItemType.METADATA)


def build_pages(session: Session) -> list[Page]:
    """Every page in questionnaire order (repeat instances expanded), visible or not."""
    pages: list[Page] = []
    _walk(session, session.questionnaire.items, (), pages)
    return pages


def _walk(session: Session, items: list[Item], index: Index, pages: list[Page]) -> None:
    from etudes_desktop.core.session import Page, key_of

    for item in items:
        if item.type in _NOT_SHOWN:
            continue
        if item.type == ItemType.REPEAT:
            for position in range(session.repeat_count(item.name, index)):
                inner = index + (position,)
                if item.is_field_list:
                    pages.append(_group_page(session, item, inner))
                else:
                    _walk(session, item.children, inner, pages)
        elif item.type == ItemType.GROUP:
            if item.is_field_list:
                pages.append(_group_page(session, item, index))
            else:
                _walk(session, item.children, index, pages)
        else:
            key = key_of(item.name, index)
            visible = session._visible(item.name, index)
            pages.append(Page(key=key, keys=(key,) if visible else (), visible=visible, members=(key,)))


def _group_page(session: Session, group: Item, index: Index) -> Page:
    """One page for a field-list group (nested groups and repeats flattened into it)."""
    from etudes_desktop.core.session import Page, key_of

    members: list[str] = []
    shown: list[str] = []
    _members(session, group.children, index, members, shown)
    group_visible = session._visible(group.name, index)
    visible = group_visible and bool(shown)
    return Page(key=key_of(group.name, index), keys=tuple(shown) if visible else (), visible=visible, members=tuple(members))


def _members(session: Session, items: list[Item], index: Index, members: list[str], shown: list[str]) -> None:
    from etudes_desktop.core.session import key_of

    for item in items:
        if item.type in _NOT_SHOWN:
            continue
        if item.type == ItemType.REPEAT:
            for position in range(session.repeat_count(item.name, index)):
                _members(session, item.children, index + (position,), members, shown)
        elif item.type == ItemType.GROUP:
            _members(session, item.children, index, members, shown)
        else:
            key = key_of(item.name, index)
            members.append(key)
            if session._visible(item.name, index):
                shown.append(key)
