"""Property tests: every generated NIR is found however it is written; ordinary numbers are not."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from etudes_desktop.core.nir import NIR_MASK, contains_nir, find_nir, mask_nir

SEPARATORS = st.sampled_from([" ", ".", "-", "  ", " - ", "\u00a0", "\u202f", ". "])
WORDS = st.sampled_from(["Bonjour", "NIR", "né", "à", "Paris", "rue", "des", "Lilas", "merci", "commentaire", "(", ")"])


def reference_key(body: str) -> int:
    """The key as INSEE publishes it: 97 - (13 digits mod 97), 2A read as 19 and 2B as 18."""
    dept = body[5:7]
    numeric = body[:5] + {"2A": "19", "2B": "18"}.get(dept, dept) + body[7:]
    return 97 - int(numeric) % 97


@st.composite
def nir_bodies(draw) -> str:
    sex = draw(st.sampled_from("123478"))
    year = f"{draw(st.integers(0, 99)):02d}"
    month = f"{draw(st.sampled_from([*range(1, 13), *range(20, 43), *range(50, 100)])):02d}"
    kind = draw(st.sampled_from(["metro", "corsica", "overseas", "abroad"]))
    if kind == "metro":
        place = f"{draw(st.integers(1, 95)):02d}{draw(st.integers(1, 999)):03d}"
    elif kind == "corsica":
        place = draw(st.sampled_from(["2A", "2B"])) + f"{draw(st.integers(1, 999)):03d}"
    elif kind == "overseas":
        place = f"{draw(st.sampled_from([971, 972, 973, 974, 975, 976, 984, 986, 987, 988]))}{draw(st.integers(1, 99)):02d}"
    else:
        place = f"99{draw(st.integers(1, 990)):03d}"
    order = f"{draw(st.integers(1, 999)):03d}"
    return sex + year + month + place + order


@st.composite
def written_nirs(draw) -> str:
    """A NIR (with or without key) split at arbitrary places by arbitrary separators."""
    body = draw(nir_bodies())
    text = body + (f"{reference_key(body):02d}" if draw(st.booleans()) else "")
    cuts = sorted(draw(st.sets(st.integers(1, len(text) - 1), max_size=8)))
    cuts = [c for c in cuts if text[c] not in "AB"]  # the A/B of Corsica stays with its 2
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
    out = pieces[0]
    for piece in pieces[1:]:
        out += draw(SEPARATORS) + piece
    return draw(st.sampled_from([out, out.lower()]))


@settings(max_examples=400)
@given(nir=written_nirs(), before=st.lists(WORDS, max_size=3), after=st.lists(WORDS, max_size=3))
def test_every_valid_nir_is_found(nir, before, after):
    prefix = " ".join(before) + (" " if before else "")
    text = prefix + nir + (" " if after else "") + " ".join(after)
    spans = find_nir(text)
    assert spans, text
    start, end = spans[0]
    assert start <= len(prefix) and end >= len(prefix) + len(nir) - 2
    masked = mask_nir(text)
    assert NIR_MASK in masked
    assert not contains_nir(masked)


@settings(max_examples=200)
@given(body=nir_bodies())
def test_nir_glued_to_a_label_is_found(body):
    assert contains_nir(f"NIR{body}{reference_key(body):02d}")
    assert contains_nir(f"n°{body}")


# --- what must not be found ------------------------------------------------------------------


@st.composite
def phones(draw) -> str:
    digits = "0" + str(draw(st.integers(1, 9))) + "".join(str(draw(st.integers(0, 9))) for _ in range(8))
    pairs = [digits[i : i + 2] for i in range(0, 10, 2)]
    style = draw(st.sampled_from(["compact", "pairs", "dots", "dashes", "intl", "intl_compact", "00"]))
    if style == "compact":
        return digits
    if style in ("pairs", "dots", "dashes"):
        return {"pairs": " ", "dots": ".", "dashes": "-"}[style].join(pairs)
    if style == "intl":
        return "+33 " + digits[1] + " " + " ".join(pairs[1:])
    if style == "intl_compact":
        return "+33" + digits[1:]
    return "0033 " + digits[1] + " " + " ".join(pairs[1:])


@st.composite
def dates(draw) -> str:
    d = draw(st.dates())
    fmt = draw(st.sampled_from(["%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y-%m-%d", "%d/%m/%y", "%Y%m%d", "%d %m %Y"]))
    text = d.strftime(fmt)
    if draw(st.booleans()):
        text += draw(st.sampled_from([" 14:30", " 09h15", "T08:00:00"]))
    return text


@st.composite
def amounts(draw) -> str:
    value = draw(st.integers(0, 999_999_999))
    cents = draw(st.integers(0, 99))
    sep = draw(st.sampled_from([" ", ".", "\u202f", "\u00a0", ""]))
    grouped = f"{value:,}".replace(",", sep)
    return grouped + draw(st.sampled_from([f",{cents:02d}", "", f".{cents:02d}"])) + draw(st.sampled_from([" €", "€", " EUR", ""]))


@st.composite
def postcodes(draw) -> str:
    code = f"{draw(st.integers(1000, 98999)):05d}"
    return code + draw(st.sampled_from(["", " Paris", " LYON CEDEX 03", " Saint-Étienne"]))


@st.composite
def sirets(draw) -> str:
    digits = "".join(str(draw(st.integers(0, 9))) for _ in range(14))
    return draw(st.sampled_from([digits, f"{digits[:3]} {digits[3:6]} {digits[6:9]} {digits[9:]}"]))


@st.composite
def ibans(draw) -> str:
    bban = "".join(draw(st.sampled_from("0123456789")) for _ in range(10))
    bban += "".join(draw(st.sampled_from("0123456789ABCDEFGHJK")) for _ in range(11))
    bban += f"{draw(st.integers(0, 99)):02d}"
    check = 98 - int("".join(str(int(ch, 36)) for ch in bban + "FR00")) % 97
    compact = f"FR{check:02d}{bban}"
    spaced = " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
    return draw(st.sampled_from([compact, spaced]))


ORDINARY = st.one_of(phones(), dates(), amounts(), postcodes(), sirets(), ibans())


@settings(max_examples=600)
@given(value=ORDINARY)
def test_ordinary_numbers_are_never_nirs(value):
    assert find_nir(value) == [], value


@settings(max_examples=300)
@given(values=st.lists(ORDINARY, min_size=1, max_size=5), glue=st.sampled_from([", ", " ; ", " / ", "\n", " et "]))
def test_sentences_of_ordinary_numbers_are_left_alone(values, glue):
    text = "Contact : " + glue.join(values)
    assert find_nir(text) == [], text
    assert mask_nir(text) == text


@given(body=nir_bodies())
def test_generated_nirs_are_really_nir_shaped(body):
    """The generator itself is checked against the published structure (guards the guard's test)."""
    assert re.fullmatch(r"[123478]\d{4}(\d{2}|2A|2B)\d{6}", body)
