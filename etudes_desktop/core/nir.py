"""The NIR guard: finds French social security numbers (NIR, NIA) in any text. Pure, no Qt.

A NIR is 13 characters (sex, year, month, département, commune, order) optionally followed by a
2-digit key, key = 97 - (the 13 digits mod 97), Corsica's 2A read as 19 and 2B as 18. Overseas
départements (97x, 98x) have a 3-digit département and a 2-digit commune.

How text is scanned: a *run* is a maximal sequence of digit groups joined by spaces, dots or
dashes (never newlines, commas or slashes). A run whose digits number exactly 13 or 15 is checked
whatever its spacing. Inside a longer run, a 13- or 15-digit stretch of whole groups is checked
only when its inner separators sit on the NIR's own field boundaries (``1 85 05 78 006 084 36``),
so that lists of phone numbers or amounts are not read as one number. With a key, the key must
match; without it, a plausible structure is enough (a NIR without its key is still a NIR).
Valid IBANs are recognised first and never reported. A number in scientific notation, as a
spreadsheet may export it (``2,69029935025421E+14``), is expanded and checked too.

Column headers: `header_names_nir` recognises NIR, NIA, numéro de sécurité sociale, n° sécu,
num secu, INSEE (unless it names a place: « code INSEE commune »), matricule assuré, SSN...
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

NIR_MASK = "«NIR masqué»"
NIR_REFUSED_MESSAGE = (
    "Ce texte contient un numéro de sécurité sociale (NIR) : il ne peut pas être enregistré. "
    "Retirez-le puis recommencez."
)

_SPACE = "[ \t\u00a0\u2007\u202f]"
_SEP = f"(?:{_SPACE}+[.\\-\u2010\u2011\u2013]?{_SPACE}*|[.\\-\u2010\u2011\u2013]{_SPACE}*)"
_GROUP = r"\d+(?:[ABab]\d*)?"
_RUN_RE = re.compile(f"{_GROUP}(?:{_SEP}{_GROUP})*")
_GROUP_RE = re.compile(_GROUP)
# Cheap first look: a stretch of digits, separators and A/B, 12 characters or more. Every run
# that _RUN_RE could return with 12 digits or more lies inside such a stretch.
_STRETCH_RE = re.compile("[0-9][0-9ABab \t\u00a0\u2007\u202f.\\-\u2010\u2011\u2013]{11,}")
_IBAN_RE = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[A-Za-z0-9]{11,30}|(?: [A-Za-z0-9]{4}){2,7}(?: [A-Za-z0-9]{1,4})?)(?![A-Za-z0-9])"
)

# A spreadsheet shows a long number in scientific notation and may export it so ("2,69E+14" with
# all 15 significant digits behind it): such a number is expanded and checked too.
_SCIENTIFIC_RE = re.compile(r"(?<![\d.,])(\d)[.,](\d{1,14})[eE]\+(1[2-4])(?!\d)")

SEX_DIGITS = frozenset("123478")
# Inner field boundaries of a written-out NIR (after sex, year, month, département, commune,
# order); overseas NIRs have a 3-digit département.
_BOUNDARIES = (frozenset({1, 3, 5, 7, 10, 13}), frozenset({1, 3, 5, 8, 10, 13}))


def nir_key(first13: str) -> int:
    """The control key of the 13 first characters (2A read as 19, 2B as 18)."""
    text = first13.upper()
    if text[5:7] == "2A":
        text = text[:5] + "19" + text[7:]
    elif text[5:7] == "2B":
        text = text[:5] + "18" + text[7:]
    return 97 - int(text) % 97


def _month_ok(month: str) -> bool:
    value = int(month)
    return 1 <= value <= 12 or 20 <= value <= 42 or 50 <= value <= 99


def _place_ok(body: str) -> bool:
    """Département, commune and order number (characters 6 to 13) of a 13-character body."""
    dept = body[5:7]
    if dept in ("2A", "2B"):
        rest = body[7:]
        return rest.isdigit() and rest[:3] != "000" and rest[3:] != "000"
    if not body[5:].isdigit() or dept == "00":
        return False
    if dept in ("97", "98"):
        commune = body[8:10]
        return commune != "00" and body[10:] != "000"
    return body[7:10] != "000" and body[10:] != "000"


def is_plausible_nir(compact: str) -> bool:
    """True for 13 characters shaped like a NIR, or 15 whose last two are the right key."""
    text = compact.upper()
    if len(text) not in (13, 15) or text[0] not in SEX_DIGITS:
        return False
    body = text[:13]
    if not body[1:5].isdigit() or not _month_ok(body[3:5]) or not _place_ok(body):
        return False
    if len(text) == 15:
        return text[13:].isdigit() and int(text[13:]) == nir_key(body)
    return True


def _iban_valid(compact: str) -> bool:
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def _iban_spans(text: str) -> list[tuple[int, int]]:
    """Spans of valid IBANs (ISO 7064 mod 97-10), which must never be taken for NIRs."""
    spans: list[tuple[int, int]] = []
    for match in _IBAN_RE.finditer(text):
        raw = match.group(0)
        ends = [len(raw)] + [i for i in range(len(raw) - 1, 0, -1) if raw[i] == " "]
        for end in ends:  # a written IBAN may be followed by a short word: drop trailing groups
            compact = raw[:end].replace(" ", "").upper()
            if len(compact) >= 15 and _iban_valid(compact):
                spans.append((match.start(), match.start() + end))
                break
    return spans


def _candidates(groups: list[tuple[int, int, str]]) -> Iterable[tuple[int, int]]:
    """Spans of the 13/15-character stretches of whole groups that are NIRs."""
    total = sum(len(g[2]) for g in groups)
    for i in range(len(groups)):
        length, inner = 0, []
        for j in range(i, len(groups)):
            if j > i:
                inner.append(length)
            length += len(groups[j][2])
            if length > 15:
                break
            if length not in (13, 15):
                continue
            whole = i == 0 and j == len(groups) - 1 and total == length
            if not whole and not any(set(inner) <= b for b in _BOUNDARIES):
                continue
            if is_plausible_nir("".join(g[2] for g in groups[i : j + 1])):
                yield groups[i][0], groups[j][1]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _has_long_stretch(text: str) -> bool:
    """Whether some stretch of digits and separators holds 12 digits or more (a quick look)."""
    for stretch in _STRETCH_RE.findall(text):
        # separators are counted away cheaply first: a spaced phone number stops here
        if len(stretch) - stretch.count(" ") - stretch.count(".") - stretch.count("-") < 12:
            continue
        if sum(map(str.isdigit, stretch)) >= 12:
            return True
    return False


def find_nir(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of every NIR or NIA found in the text, sorted and non-overlapping."""
    if len(text) < 8:
        return []
    if not _has_long_stretch(text):
        return _scientific(text) if "E+" in text or "e+" in text else []
    ibans: list[tuple[int, int]] | None = None
    found: list[tuple[int, int]] = []
    for run in _RUN_RE.finditer(text):
        raw = run.group(0)
        # 13 characters at least, at most one of them a letter (2A/2B): cheap tests first
        if len(raw) < 12 or sum(map(str.isdigit, raw)) < 12:
            continue
        if ibans is None:
            ibans = _iban_spans(text)
        if any(s <= run.start() and run.end() <= e for s, e in ibans):
            continue
        offset = run.start()
        groups = [(offset + m.start(), offset + m.end(), m.group(0)) for m in _GROUP_RE.finditer(raw)]
        found.extend(_candidates(groups))
    if "E+" in text or "e+" in text:
        found.extend(_scientific(text))
    return _merge(found) if len(found) > 1 else found


def _scientific(text: str) -> list[tuple[int, int]]:
    """Spans of NIRs written in scientific notation (12 to 14 as the exponent)."""
    spans = []
    for match in _SCIENTIFIC_RE.finditer(text):
        lead, fraction, exponent = match.group(1), match.group(2), int(match.group(3))
        if len(fraction) > exponent:
            continue
        digits = lead + fraction + "0" * (exponent - len(fraction))
        if is_plausible_nir(digits):
            spans.append(match.span())
    return spans


def gs1_check_ok(digits: str) -> bool:
    """The GS1 check digit (EAN-8, UPC-A, EAN-13, GTIN-14): weights 3 and 1 from the right."""
    if not digits.isascii() or not digits.isdigit() or len(digits) < 8:
        return False
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def is_product_code(text: str) -> bool:
    """A 13-digit product code (EAN-13, a medicine's CIP13) that is not a person's NIR.

    Most French product codes (prefixes 300-379, CIP13 3400...) are shaped like a NIR without
    its key, so a barcode question would refuse them. They pass when the whole text is 13
    digits with a valid GS1 check digit and does not start with 1 or 2: a person's NIR starts
    with 1 or 2 (sex), so no real NIR is let through; only a temporary number (NIA, 3/4/7/8)
    whose last digit happens to be a GS1 check digit could be, and a NIR with its key never."""
    compact = text.strip()
    return len(compact) == 13 and compact[0] not in "12" and gs1_check_ok(compact)


def contains_nir(text: str) -> bool:
    """True when the text holds at least one NIR or NIA."""
    return bool(find_nir(text))


def mask_nir(text: str) -> str:
    """The text with every NIR replaced by «NIR masqué»."""
    spans = find_nir(text)
    if not spans:
        return text
    parts, last = [], 0
    for start, end in spans:
        parts.append(text[last:start])
        parts.append(NIR_MASK)
        last = end
    parts.append(text[last:])
    return "".join(parts)


# --- column headers -------------------------------------------------------------------------

_HEADER_TOKENS = frozenset(
    {"nir", "nia", "nirpp", "nircle", "nss", "ssn", "secu", "numsecu", "nosecu", "numerosecu",
     "numss", "noss", "nrss", "insee", "numinsee", "noinsee", "immatriculation"}
)
_HEADER_PHRASES = ("securitesociale", "secusociale", "socialsecurity", "inscriptionaurepertoire")
_NUMBER_WORDS = frozenset({"n", "no", "nr", "num", "numero", "number"})
_MATRICULE_CONTEXT = frozenset({"assure", "assuree", "assures", "beneficiaire", "ss", "secu", "am"})
# "code INSEE de la commune" names a place code, not a person's number.
_PLACE_WORDS = frozenset({"commune", "ville", "localite", "departement", "region", "lieu", "geo", "iris"})


def _normalise(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", " ", plain).split()


def _split_camel(text: str) -> str:
    return re.sub(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Ý])", " ", text)


def header_names_nir(header: str) -> bool:
    """True when a column header names a social security number (accents and case ignored)."""
    tokens = _normalise(_split_camel(header or ""))
    if not tokens:
        return False
    compact = "".join(tokens)
    if any(phrase in compact for phrase in _HEADER_PHRASES):
        return True
    words = set(tokens)
    if words & {"insee", "numinsee", "noinsee"} and words & _PLACE_WORDS:
        words -= {"insee", "numinsee", "noinsee"}
    if "immatriculation" in words and "vehicule" in words:
        words.discard("immatriculation")
    if words & _HEADER_TOKENS:
        return True
    if "matricule" in words and (len(tokens) == 1 or words & _MATRICULE_CONTEXT):
        return True
    return any(a in _NUMBER_WORDS and b == "ss" for a, b in zip(tokens, tokens[1:]))
