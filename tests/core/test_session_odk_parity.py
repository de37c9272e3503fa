"""Where the engine used to differ from ODK's own (ODK Collect and Web Forms agree on each):
a differential run on the same XLSForms and answers found these (issue 9, items 6-11)."""

from __future__ import annotations

from tests.core.test_session_logic import FR, _session


def test_a_calculation_giving_no_number_is_blank_and_once_does_not_freeze_it(tmp_path):
    survey = [
        {"type": "integer", "name": "a", FR: "A"},
        {"type": "calculate", "name": "half", "calculation": "${a} div 2"},
        {"type": "calculate", "name": "shown", "calculation": "coalesce(${half}, 'vide')"},
        {"type": "calculate", "name": "frozen", "calculation": "once(${a} * 1)"},
    ]
    s = _session(tmp_path, survey)
    assert s.calculated()["half"] == "" and s.calculated()["shown"] == "vide"
    s.set_answer("a", 8)
    assert s.calculated()["half"] == 4 and s.calculated()["shown"] == 4
    assert s.calculated()["frozen"] == 8  # once() waited for a number instead of freezing NaN


def test_infinity_is_infinity_not_nan(tmp_path):
    from etudes_desktop.core.session.answers import display_value, json_value

    s = _session(tmp_path, [{"type": "calculate", "name": "inf", "calculation": "1 div 0"},
                            {"type": "calculate", "name": "minf", "calculation": "-1 div 0"}])
    values = s.calculated()
    assert display_value(values["inf"]) == "Infinity" and json_value(values["minf"]) == "-Infinity"


CHOICES = [
    {"list_name": "region", "name": "cor", FR: "Corse"},
    {"list_name": "region", "name": "idf", FR: "Île-de-France"},
    {"list_name": "dep", "name": "2A", FR: "Corse-du-Sud", "region": "cor"},
    {"list_name": "dep", "name": "75", FR: "Paris", "region": "idf"},
]


def test_an_answer_the_filter_no_longer_offers_is_removed(tmp_path):
    survey = [
        {"type": "select_one region", "name": "region", FR: "Région"},
        {"type": "select_one dep", "name": "departement", FR: "Département", "choice_filter": "region = ${region}",
         "required": "yes"},
        {"type": "calculate", "name": "copy", "calculation": "${departement}"},
    ]
    s = _session(tmp_path, survey, CHOICES)
    s.set_answer("region", "cor")
    s.set_answer("departement", "2A")
    assert s.error("departement") is None and s.calculated()["copy"] == "2A"
    s.set_answer("region", "idf")
    assert s.answer("departement") is None and s.error("departement") is not None
    assert s.calculated()["copy"] == ""  # what depended on it follows


def test_select_multiple_keeps_the_choice_list_order(tmp_path):
    choices = [{"list_name": "c", "name": n, FR: n} for n in ("tel", "web", "guichet")]
    survey = [{"type": "select_multiple c", "name": "m", FR: "M"},
              {"type": "calculate", "name": "first", "calculation": "selected-at(${m}, 0)"}]
    s = _session(tmp_path, survey, choices)
    s.set_answer("m", ["guichet", "tel"])  # clicked in this order
    assert s.answer("m") == "tel guichet" and s.calculated()["first"] == "tel"


def test_choice_filter_filters_rows_not_names(tmp_path):
    choices = [
        {"list_name": "state", "name": "s1", FR: "State 1"},
        {"list_name": "state", "name": "s2", FR: "State 2"},
        {"list_name": "county", "name": "king", FR: "King (s1)", "state": "s1"},
        {"list_name": "county", "name": "king", FR: "King (s2)", "state": "s2"},
        {"list_name": "county", "name": "pierce", FR: "Pierce", "state": "s2"},
    ]
    survey = [{"type": "select_one state", "name": "state", FR: "State"},
              {"type": "select_one county", "name": "county", FR: "County", "choice_filter": "state = ${state}"}]
    s = _session(tmp_path, survey, choices, settings={"allow_choice_duplicates": "yes"})
    s.set_answer("state", "s2")
    offered = s.choices("county")
    assert [c.name for c in offered] == ["king", "pierce"]
    assert offered[0].label[next(iter(offered[0].label))] == "King (s2)"


def test_substr_counts_a_negative_start_from_the_end_and_required_read_only_blank_is_in_error(tmp_path):
    survey = [{"type": "calculate", "name": "tail", "calculation": "substr('abcdef', -2)"},
              {"type": "text", "name": "fixed", FR: "Fixé", "required": "yes", "read_only": "yes"}]
    s = _session(tmp_path, survey)
    assert s.calculated()["tail"] == "ef"
    assert s.error("fixed") is not None and "fixed" in s.errors()
