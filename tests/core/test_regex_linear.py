"""regex() in a study cannot freeze the engine: matching is linear (RE2); what only a
backtracking engine can do is refused when the study is checked."""

from __future__ import annotations

import time

import pytest

from etudes_desktop.core.form_problems import FormError
from tests.core.test_session_logic import FR, _session


def test_a_catastrophic_pattern_answers_at_once(tmp_path):
    survey = [{"type": "text", "name": "code", FR: "Code", "constraint": "regex(., '(a+)+$')"}]
    s = _session(tmp_path, survey)
    started = time.perf_counter()
    s.set_answer("code", "a" * 41 + "!")
    assert s.error("code") is not None  # no match: the constraint fails, without hanging
    s.set_answer("code", "a" * 10_000)
    assert s.error("code") is None
    assert time.perf_counter() - started < 2.0  # was over 90 s with a backtracking engine


def test_a_back_reference_is_refused_at_study_check(tmp_path):
    survey = [{"type": "text", "name": "code", FR: "Code", "constraint": r"regex(., '(a)\1')"}]
    with pytest.raises(FormError) as refused:
        _session(tmp_path, survey)
    assert "non prise en charge" in str(refused.value)
