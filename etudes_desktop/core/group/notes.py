"""Moderator notes: what may be written down during a discussion, and how names become pseudonyms.

A note is refused when it holds a NIR, a phone number or an e-mail address (the laptop's own
guards, core.nir and core.free_text). A participant's name (first name, last name, or both) typed
in a note is replaced by their pseudonym, whole words only, case and accents ignored, and the
moderator is told which pseudonyms were put in; the name of someone who objected and left is
replaced by « (participant sorti) »: nothing of theirs stays in the content.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.free_text import IdentityKind, find_identity, fold
from etudes_desktop.core.nir import contains_nir

MAX_NOTE_CHARS = 2000
LEFT_PLACEHOLDER = "(participant sorti)"
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")

REFUSALS = {
    "nir": "Cette note contient un numéro de sécurité sociale : elle ne peut pas être enregistrée. "
           "Retirez-le puis recommencez.",
    IdentityKind.PHONE: "Cette note contient un numéro de téléphone : elle ne peut pas être enregistrée. "
                        "Retirez-le puis recommencez.",
    IdentityKind.EMAIL: "Cette note contient une adresse électronique : elle ne peut pas être enregistrée. "
                        "Retirez-la puis recommencez.",
}


class NoteRefused(EtudesError):
    """The note holds what may never be written down; the message never repeats it."""


@dataclass(frozen=True)
class Person:
    """Who may be named in a note: their pseudonym (None: they left) and their names."""

    pseudonym: str | None
    first_name: str = ""
    last_name: str = ""


@dataclass(frozen=True)
class CleanNote:
    text: str
    replaced: tuple[str, ...]  # pseudonyms put in place of names, in order of first appearance
    removed: int  # names of people who left, taken out


def _name_words(name: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in _WORD.findall(name))


def name_terms(first_name: str, last_name: str = "") -> list[tuple[str, ...]]:
    """The word sequences that name one person: both names either way round, then each alone."""
    first, last = _name_words(first_name), _name_words(last_name)
    return [term for term in dict.fromkeys((first + last, last + first, last, first))
            if term and sum(len(w) for w in term) > 2]


def _terms(people: Iterable[Person]) -> list[tuple[tuple[str, ...], Person]]:
    """Word sequences to look for, longest first (« Marie Durand » before « Marie »)."""
    terms: dict[tuple[str, ...], Person] = {}
    for person in people:
        for term in name_terms(person.first_name, person.last_name):
            terms.setdefault(term, person)
    return sorted(terms.items(), key=lambda item: -len(item[0]))


_LEFT = Person(None)


def clean_note(text: str, people: Sequence[Person], left: frozenset[str] = frozenset(),
               keyed: Callable[[str], str] | None = None) -> CleanNote:
    """The note as it may be stored, or NoteRefused. `left` holds keyed digests (`keyed` of the
    words joined by a space) of the names of those who objected and left: their names are no
    longer kept, yet typed in a note they are still taken out."""
    text = text.strip()
    if not text:
        raise NoteRefused("La note est vide.")
    if len(text) > MAX_NOTE_CHARS:
        raise NoteRefused(f"La note dépasse {MAX_NOTE_CHARS} caractères : coupez-la en plusieurs notes.")
    if contains_nir(text):
        raise NoteRefused(REFUSALS["nir"])
    kind = find_identity(text)
    if kind is not None:
        raise NoteRefused(REFUSALS[kind])
    matches = list(_WORD.finditer(text))
    if not matches or not (people or left):
        return CleanNote(text, (), 0)
    words = [fold(m.group()) for m in matches]
    terms = _terms(people)
    pieces: list[str] = []
    replaced: list[str] = []
    removed = 0
    cursor = 0
    index = 0
    while index < len(words):
        hit = next(((term, person) for term, person in terms
                    if tuple(words[index:index + len(term)]) == term), None)
        if hit is None and left and keyed is not None:
            hit = next(((tuple(words[index:index + size]), _LEFT) for size in (2, 1)
                        if index + size <= len(words) and keyed(" ".join(words[index:index + size])) in left), None)
        if hit is None:
            index += 1
            continue
        term, person = hit
        start, end = matches[index].start(), matches[index + len(term) - 1].end()
        pieces.append(text[cursor:start])
        if person.pseudonym is None:
            pieces.append(LEFT_PLACEHOLDER)
            removed += 1
        else:
            pieces.append(person.pseudonym)
            if person.pseudonym not in replaced:
                replaced.append(person.pseudonym)
        cursor = end
        index += len(term)
    pieces.append(text[cursor:])
    return CleanNote("".join(pieces), tuple(replaced), removed)


def replacement_message(note: CleanNote) -> str | None:
    """What the moderator is told after saving, or None when nothing was changed."""
    parts = []
    if note.replaced:
        names = ", ".join(note.replaced)
        parts.append(f"nom remplacé par {names}" if len(note.replaced) == 1 else f"noms remplacés par {names}")
    if note.removed:
        parts.append("nom d'un participant sorti retiré")
    if not parts:
        return None
    return "Note enregistrée : " + " ; ".join(parts) + "."


_PSEUDONYM = re.compile(r"\bP\d{1,3}\b")


def mentioned(text: str, pseudonyms: Iterable[str]) -> tuple[str, ...]:
    """The pseudonyms a note names (« P3 pense que... » is about P3), among those given."""
    known = set(pseudonyms)
    return tuple(dict.fromkeys(p for p in _PSEUDONYM.findall(text) if p in known))
