"""Question types designers write and pyxform accepts, on a laptop (issue 9, item 12):
geopoint typed or pasted, barcode typed, rank, pyxform's aliases and `phone number`, metadata."""

from __future__ import annotations

import re

import pytest

from etudes_desktop.core.nir import gs1_check_ok, nir_key
from etudes_desktop.core.questionnaire import ItemType
from etudes_desktop.core.session import AnswerRefused
from etudes_desktop.core.session.answers import NIR_REFUSED, RANK_EXPECTED
from etudes_desktop.core.session.preview import preview
from tests.core.test_session_logic import FR, NOW, _session


def _ean13(first12: str) -> str:
    """A 12-digit body with its GS1 check digit."""
    for check in "0123456789":
        if gs1_check_ok(first12 + check):
            return first12 + check
    raise AssertionError


# -- geopoint -----------------------------------------------------------------------------------

@pytest.fixture
def geo(tmp_path):
    survey = [
        {"type": "geopoint", "name": "lieu", FR: "Où se trouve l'agence ?", "required": "yes"},
        {"type": "calculate", "name": "lat", "calculation": "selected-at(${lieu}, 0)"},
        {"type": "calculate", "name": "nord", "calculation": "if(selected-at(${lieu}, 0) > 45, 'nord', 'sud')"},
    ]
    return _session(tmp_path, survey)


@pytest.mark.parametrize(("typed", "stored"), [
    ("48.8566 2.3522", "48.8566 2.3522"),
    ("48.8566, 2.3522", "48.8566 2.3522"),  # as a map copies a point
    ("48.8566,2.3522", "48.8566 2.3522"),
    ("48,8566 2,3522", "48.8566 2.3522"),  # decimal commas
    ("48,8566; 2,3522", "48.8566 2.3522"),
    ("  -21.1151 55.5364 120 5 ", "-21.1151 55.5364 120 5"),  # altitude and accuracy in metres
])
def test_a_point_typed_or_pasted_is_stored_as_odk_stores_it(geo, typed, stored):
    geo.set_answer("lieu", typed)
    assert geo.answer("lieu") == stored and geo.error("lieu") is None
    assert geo.calculated()["lat"] == stored.split()[0]


def test_expressions_read_the_latitude_of_a_point(geo):
    geo.set_answer("lieu", "43.2965 5.3698")
    assert geo.calculated()["nord"] == "sud"
    geo.set_answer("lieu", "50.6292 3.0573")
    assert geo.calculated()["nord"] == "nord"


@pytest.mark.parametrize(("typed", "said"), [
    ("91 2.35", "latitude doit être comprise entre -90 et 90"),
    ("48.85 181", "longitude doit être comprise entre -180 et 180"),
    ("48.85 2.35 35 -4", "précision (en mètres) ne peut pas être négative"),
    ("48.85", "latitude puis longitude"),
    ("Paris", "latitude puis longitude"),
    ("48.85 2.35 1 2 3", "latitude puis longitude"),
    ("48°51'N 2°21'E", "latitude puis longitude"),
])
def test_a_point_out_of_range_or_unreadable_is_refused_and_nothing_kept(geo, typed, said):
    geo.set_answer("lieu", "45 5")
    with pytest.raises(AnswerRefused, match=re.escape(said)):
        geo.set_answer("lieu", typed)
    assert geo.answer("lieu") == "45 5"


def test_gps_and_location_are_points_too(tmp_path):
    s = _session(tmp_path, [{"type": "gps", "name": "a", FR: "A"}, {"type": "location", "name": "b", FR: "B"}])
    assert [s.item(k).type for k in ("a", "b")] == [ItemType.GEOPOINT, ItemType.GEOPOINT]
    s.set_answer("b", "45.75 4.85")
    assert s.answers() == {"b": "45.75 4.85"}


# -- barcode ------------------------------------------------------------------------------------

@pytest.fixture
def codes(tmp_path):
    return _session(tmp_path, [{"type": "barcode", "name": "code", FR: "Code du médicament"}])


def test_a_typed_barcode_is_kept_as_typed(codes):
    codes.set_answer("code", " ABC-123/x ")
    assert codes.answer("code") == "ABC-123/x"


def test_french_product_codes_shaped_like_a_nir_without_key_are_accepted(codes):
    nutella = "3017620422003"  # EAN-13, France (300-379): a plausible NIR body without its key
    cip13 = _ean13("340093000001")  # a medicine's CIP13 (3400...), also NIR-shaped
    for code in (nutella, cip13, _ean13("400638133393")):
        codes.set_answer("code", code)
        assert codes.answer("code") == code


@pytest.mark.parametrize("typed", [
    "1850578006084",  # a man's NIR without its key: starts with 1, never a product code here
    "2690299350254",
    "3017620422004",  # NIR-shaped, wrong GS1 check digit: not a product code
    "1850578006084" + f"{nir_key('1850578006084'):02d}",  # a NIR with its key
    "1 85 05 78 006 084",
    "3017620422003" + f"{nir_key('3017620422003'):02d}",  # even a product code followed by its NIR key
])
def test_a_nir_typed_as_a_barcode_is_refused_without_being_repeated(codes, typed):
    with pytest.raises(AnswerRefused) as refused:
        codes.set_answer("code", typed)
    assert refused.value.message == NIR_REFUSED and typed not in refused.value.message
    assert codes.answer("code") is None


def test_a_text_answer_keeps_the_full_nir_guard(tmp_path):
    s = _session(tmp_path, [{"type": "text", "name": "t", FR: "T"}])
    with pytest.raises(AnswerRefused, match="sécurité sociale"):
        s.set_answer("t", "3017620422003")  # outside a barcode question, a NIR shape is a NIR


def test_a_phone_number_typed_as_a_barcode_is_refused(codes):
    with pytest.raises(AnswerRefused, match="téléphone"):
        codes.set_answer("code", "06 27 87 44 21")


def test_a_product_code_accepted_by_the_engine_is_stored_and_may_travel(codes, vault):
    """What the engine accepts must not be refused later by the vault or the wire (the whole
    interview would be rejected at sync): the same rule, core.nir.is_product_code, holds there."""
    from etudes_desktop.core.interview import ConsentRecord, Decision, Mode, text_sha256
    from etudes_desktop.storage.interviews import InterviewStore
    from etudes_desktop.sync.wire_guard import check_mapping

    codes.set_answer("code", "3017620422003")
    with vault.transaction() as conn:
        conn.execute("INSERT INTO study (id, version, title, package_json, imported_at) "
                     "VALUES ('s', '1', 'S', '{}', ?)", (NOW.isoformat(),))
    store = InterviewStore(vault)
    interview = store.start("s", "1", Mode.FACE_TO_FACE)
    store.record_consent(interview, ConsentRecord(
        notice_id="n", notice_version="1", text_sha256=text_sha256("mention"), mode=Mode.FACE_TO_FACE,
        interviewer="ENQ-07", delivered_at=NOW, decided_at=NOW, decision=Decision.AGREES))
    store.save_answer(interview, "code", codes.answer("code"))
    assert store.answers(interview) == {"code": "3017620422003"}
    assert check_mapping(codes.answers(), "answers") == {"code": "3017620422003"}
    with pytest.raises(ValueError, match="social security"):
        check_mapping({"code": "1850578006084"}, "answers")  # a person's NIR body still stops there


# -- rank ---------------------------------------------------------------------------------------

CANAUX = [{"list_name": "canal", "name": n, FR: label, "pro": pro} for n, label, pro in (
    ("tel", "Téléphone", "oui"), ("web", "Site web", "oui"), ("agence", "Agence", "non"))]


@pytest.fixture
def ranking(tmp_path):
    survey = [
        {"type": "select_one yn", "name": "pro", FR: "Professionnel ?"},
        {"type": "rank canal", "name": "ordre", FR: "Classez les canaux", "required": "yes",
         "choice_filter": "${pro} = '' or pro = ${pro}"},
        {"type": "calculate", "name": "prefere", "calculation": "selected-at(${ordre}, 0)"},
    ]
    choices = CANAUX + [{"list_name": "yn", "name": "oui", FR: "Oui"}, {"list_name": "yn", "name": "non", FR: "Non"}]
    return _session(tmp_path, survey, choices)


def test_a_ranking_orders_every_offered_choice_once(ranking):
    assert ranking.item("ordre").type == ItemType.RANK and ranking.error("ordre") is not None
    ranking.set_answer("ordre", ["agence", "tel", "web"])
    assert ranking.answer("ordre") == "agence tel web" and ranking.error("ordre") is None
    assert ranking.calculated()["prefere"] == "agence"


@pytest.mark.parametrize("typed", ["tel web", "tel web agence tel", "tel web fax", "tel tel web agence"])
def test_a_ranking_missing_or_repeating_a_choice_is_refused(ranking, typed):
    with pytest.raises(AnswerRefused) as refused:
        ranking.set_answer("ordre", typed)
    assert refused.value.message in (RANK_EXPECTED, "Ce choix ne figure pas dans la liste proposée.")
    assert ranking.answer("ordre") is None


def test_a_ranking_follows_its_choice_filter(ranking):
    ranking.set_answer("pro", "oui")
    assert [c.name for c in ranking.choices("ordre")] == ["tel", "web"]
    with pytest.raises(AnswerRefused):
        ranking.set_answer("ordre", "agence tel web")  # agence is not offered now
    ranking.set_answer("ordre", "web tel")
    assert preview(ranking)["choices"]["ordre"] == ["tel", "web"]
    ranking.set_answer("pro", "non")  # other choices offered: that ranking no longer holds
    assert ranking.answer("ordre") is None and ranking.error("ordre") is not None


# -- pyxform's aliases, `phone number`, metadata ------------------------------------------------

def test_pyxform_aliases_are_read_as_the_type_they_stand_for(tmp_path):
    survey = [
        {"type": "date time", "name": "a", FR: "A"},
        {"type": "q string", "name": "b", FR: "B"},
        {"type": "add integer prompt", "name": "c", FR: "C"},
        {"type": "q date", "name": "d", FR: "D"},
        {"type": "percentage", "name": "e", FR: "E"},
        {"type": "number of days in last month", "name": "f", FR: "F"},
        {"type": "hidden", "name": "g"},
    ]
    s = _session(tmp_path, survey)
    kinds = [s.item(k).type for k in "abcdefg"]
    assert kinds == [ItemType.DATETIME, ItemType.TEXT, ItemType.INTEGER, ItemType.DATE, ItemType.INTEGER,
                     ItemType.INTEGER, ItemType.CALCULATE]
    s.set_answer("e", 101)
    assert s.error("e") is not None  # a percentage is between 0 and 100, as pyxform says
    s.set_answer("f", 31)
    assert s.error("f") is None and s.label("f", hint=True) == "Un nombre de 0 à 31."


def test_a_phone_number_question_takes_digits_but_never_a_phone_number(tmp_path):
    s = _session(tmp_path, [{"type": "phone number", "name": "p", FR: "Numéro de dossier"}])
    item = s.item("p")
    assert item.type == ItemType.TEXT and item.appearance == "numbers"
    assert s.label("p", hint=True) == "Chiffres uniquement."
    s.set_answer("p", "12a")
    assert s.error("p") is not None  # digits only, as pyxform's type says
    s.set_answer("p", "4521")
    assert s.error("p") is None
    with pytest.raises(AnswerRefused, match="téléphone"):  # the register collects no phone number
        s.set_answer("p", "0627874421")


def test_start_end_and_today_aliases_are_filled_by_the_session(tmp_path):
    survey = [{"type": "start time", "name": "debut"}, {"type": "get end time", "name": "fin"},
              {"type": "get today", "name": "jour"}, {"type": "text", "name": "t", FR: "T"}]
    s = _session(tmp_path, survey)
    assert s.answers() == {"debut": NOW.isoformat(timespec="seconds"), "fin": NOW.isoformat(timespec="seconds"),
                           "jour": NOW.date().isoformat()}
    assert s.visible_keys() == ["t"]


def test_a_select_one_external_offers_the_external_choices_sheet(tmp_path):
    from etudes_desktop.core.xlsform import load_xlsform
    from etudes_desktop.core.xlsform_writer import write_xlsform

    path = write_xlsform(tmp_path / "ext.xlsx", [
        {"type": "select_one zone", "name": "zone", "label": "Zone"},
        {"type": "select_one_external commune", "name": "commune", "label": "Commune", "choice_filter": "zone=${zone}"},
    ], [{"list_name": "zone", "name": "nord", "label": "Nord"}, {"list_name": "zone", "name": "sud", "label": "Sud"}])
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book.create_sheet("external_choices")
    for row in (["list_name", "name", "label", "zone"], ["commune", "lille", "Lille", "nord"],
                ["commune", "nice", "Nice", "sud"], ["commune", "arras", "Arras", "nord"]):
        sheet.append(row)
    book.save(path)
    from etudes_desktop.core.session import Session

    s = Session(load_xlsform(path).questionnaire)
    assert s.item("commune").type == ItemType.SELECT_ONE
    s.set_answer("zone", "nord")
    assert [c.name for c in s.choices("commune")] == ["lille", "arras"]
    s.set_answer("commune", "arras")
    assert s.answer("commune") == "arras"


@pytest.mark.parametrize("kind", ["geotrace", "geoshape", "image", "deviceid", "phonenumber", "username", "email"])
def test_media_device_properties_and_shapes_stay_refused_with_the_row_named(tmp_path, kind):
    from etudes_desktop.core.form_problems import FormError

    with pytest.raises(FormError) as refused:
        _session(tmp_path, [{"type": "text", "name": "a", FR: "A"}, {"type": kind, "name": "b", FR: "B"}])
    assert [str(p) for p in refused.value.problems] == [
        f"survey, row 3, column type: type {kind} non pris en charge par l'application"]


# -- begin loop ---------------------------------------------------------------------------------

EN = "label::English (en)"
TOILETS = [{"list_name": "toilet", "name": n, FR: fr, EN: en} for n, fr, en in (
    ("latrine", "latrines", "latrines"), ("flush", "toilettes à chasse", "flush toilets"), ("none", "aucune", "none"))]


@pytest.fixture
def loop(tmp_path):
    survey = [
        {"type": "select_multiple toilet", "name": "present", FR: "Quels équipements ?", EN: "Which ones?"},
        {"type": "begin loop over toilet", "name": "each", FR: "Par équipement", EN: "For each"},
        {"type": "integer", "name": "number", FR: "Combien de %(label)s ?", EN: "How many %(label)s?",
         "relevant": "selected(${present}, '%(name)s')", "required": "yes"},
        {"type": "text", "name": "why", FR: "Pourquoi ${number} %(label)s ?", "relevant": "${number} > 2"},
        {"type": "end loop"},
    ]
    return _session(tmp_path, survey, TOILETS, {"default_language": "Français (fr)"})


def test_a_loop_is_a_group_per_choice_with_name_and_label_replaced(loop):
    groups = [i for i in loop.questionnaire.walk() if i.type == ItemType.GROUP]
    assert [g.name for g in groups] == ["each", "each.latrine", "each.flush"]  # « none » left out, as pyxform
    assert loop.visible_keys() == ["present"]
    loop.set_answer("present", "latrine flush")
    assert loop.visible_keys() == ["present", "each.latrine.number", "each.flush.number"]
    assert loop.label("each.flush.number") == "Combien de toilettes à chasse ?"
    loop.language = "English (en)"
    assert loop.label("each.flush.number") == "How many flush toilets?"
    assert loop.errors() == {"each.latrine.number": "Cette question est obligatoire.",
                             "each.flush.number": "Cette question est obligatoire."}


def test_inside_a_loop_a_reference_names_the_question_of_the_same_choice(loop):
    loop.set_answer("present", "latrine flush")
    loop.set_answer("each.latrine.number", 3)
    loop.set_answer("each.flush.number", 1)
    assert "each.latrine.why" in loop.visible_keys() and "each.flush.why" not in loop.visible_keys()
    assert loop.label("each.latrine.why") == "Pourquoi 3 latrines ?"
    assert loop.answers() == {"present": "latrine flush", "each.latrine.number": 3, "each.flush.number": 1}


def test_the_corpus_loops_run(tmp_path):
    from etudes_desktop.core.session import Session
    from etudes_desktop.core.study_load import load_package
    from tests.core.test_conformance import CORPUS

    session = Session(load_package(CORPUS / "example_xls" / "loop.xls").questionnaire)
    asked = [p.key for p in session.pages() if p.visible]
    assert asked[-4:] == [f"loop_toilet_types.{c}.number" for c in ("pit_latrine_with_slab", "open_pit_latrine",
                                                                      "bucket_system", "other")]
    assert session.label(asked[-2]) == "How many Bucket system are on the premises?"
    session.set_answer(asked[-2], 2)
    assert session.answers() == {asked[-2]: 2}
