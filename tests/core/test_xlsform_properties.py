"""Properties: the importer never crashes on arbitrary sheets; the session's NIR guard holds."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etudes_desktop.core.form_problems import FormError
from etudes_desktop.core.nir import nir_key
from etudes_desktop.core.questionnaire import Item, ItemType, Questionnaire
from etudes_desktop.core.session import AnswerRefused, Session
from etudes_desktop.core.session.answers import NIR_REFUSED
from etudes_desktop.core.xlsform import load_xlsform
from etudes_desktop.core.xlsform_writer import write_xlsform

_TYPES = st.sampled_from([
    "text", "integer", "decimal", "select_one yn", "select_multiple yn", "note", "calculate", "begin_group",
    "end_group", "begin_repeat", "end_repeat", "geopoint", "range", "acknowledge", "date", "zzz", "select_one nope",
])
_EXPRESSIONS = st.one_of(
    st.none(),
    st.sampled_from(["${a} > 1", "${b} = 'oui'", ". > 0", "selected(${a}, 'x')", "${", "((", "1 div 0", "${a} +"]),
    st.text(alphabet="${}()'.<>=+-*abcdiv 0123456789", max_size=20),
)
_ROW = st.fixed_dictionaries({
    "type": _TYPES,
    "name": st.sampled_from(["a", "b", "c", "d", "", "1bad", "a b"]),
    "label": st.text(alphabet=st.characters(min_codepoint=32, blacklist_categories=("Cs", "Cc")), max_size=10),
    "relevant": _EXPRESSIONS,
    "constraint": _EXPRESSIONS,
    "calculation": _EXPRESSIONS,
})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=st.lists(_ROW, min_size=1, max_size=6))
def test_import_never_crashes(tmp_path, rows):
    survey = [{k: v for k, v in row.items() if v not in (None, "")} for row in rows]
    path = write_xlsform(tmp_path / "random.xlsx", survey, [{"list_name": "yn", "name": "oui", "label": "Oui"}])
    try:
        form = load_xlsform(path)
    except FormError as exc:
        assert exc.problems and all(str(p) for p in exc.problems)
        assert "formulaire illisible" not in str(exc), str(exc)
        return
    session = Session(form.questionnaire)
    session.errors()
    session.pages()


def _spaced(digits: str, separators: list[str]) -> str:
    groups = [digits[0], digits[1:3], digits[3:5], digits[5:7], digits[7:10], digits[10:13], digits[13:]]
    out = groups[0]
    for separator, group in zip(separators, groups[1:]):
        out += separator + group
    return out


@st.composite
def valid_nirs(draw) -> str:
    sex = draw(st.sampled_from("12"))
    year = f"{draw(st.integers(0, 99)):02d}"
    month = f"{draw(st.integers(1, 12)):02d}"
    place = draw(st.one_of(
        st.integers(1, 95).map(lambda d: f"{d:02d}" if d != 20 else "2A").map(lambda d: d + f"{draw(st.integers(1, 990)):03d}"),
        st.sampled_from(["2A", "2B"]).map(lambda d: d + f"{draw(st.integers(1, 990)):03d}"),
        st.sampled_from(["971", "972", "973", "974", "976"]).map(lambda d: d + f"{draw(st.integers(1, 99)):02d}"),
    ))
    order = f"{draw(st.integers(1, 999)):03d}"
    body = sex + year + month + place + order
    digits = body + f"{nir_key(body):02d}"
    separators = draw(st.lists(st.sampled_from(["", " ", ".", "-"]), min_size=6, max_size=6))
    return _spaced(digits, separators)


_TEXT_FORM = Questionnaire(form_id="nir", title="NIR", items=[Item(name="commentaire", type=ItemType.TEXT)])


@settings(max_examples=200, deadline=None)
@given(nir=valid_nirs(), before=st.sampled_from(["", "Mon numéro : ", "sécu "]), after=st.sampled_from(["", " merci", "."]))
def test_free_text_holding_a_nir_is_always_refused_and_never_echoed(nir, before, after):
    session = Session(_TEXT_FORM)
    try:
        session.set_answer("commentaire", before + nir + after)
    except AnswerRefused as exc:
        assert exc.message == NIR_REFUSED
        assert not re.search(r"\d{2}", exc.message)
    else:
        raise AssertionError("NIR accepté")
    assert session.answer("commentaire") is None


@settings(max_examples=100, deadline=None)
@given(text=st.one_of(
    st.from_regex(r"(0[1-9]|[12]\d|3[01])/(0[1-9]|1[0-2])/20\d\d", fullmatch=True),
    st.from_regex(r"\d{5} [A-Z][a-z]{3,10}", fullmatch=True),
    st.from_regex(r"\d{1,4},\d\d €", fullmatch=True),
))
def test_ordinary_free_text_is_accepted(text):
    # (Phone numbers are no longer ordinary text: they are refused, see tests/core/test_free_text.py.)
    session = Session(_TEXT_FORM)
    session.set_answer("commentaire", f"Rappel au {text}")
    assert session.answer("commentaire") == f"Rappel au {text}"
