"""Paper keying batches: unique form numbers, the notice decision as consent, double entry, and
only verified forms completed (so only they reach the outbox)."""

from __future__ import annotations

import datetime as dt

import pytest

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.interview import TO_SEND, Decision, State
from etudes_desktop.core.paper.verification import Rate, RateKind, Resolution
from etudes_desktop.demo.paper_study import paper_package
from etudes_desktop.storage import outbox
from etudes_desktop.storage.paper import PaperNotice, PaperService
from etudes_desktop.storage.paper_verify import DoubleEntry
from etudes_desktop.storage.studies import save_study

DAY = dt.date(2026, 6, 3)


def count_to_send(vault, study_id):
    return outbox.count(vault, study_id, TO_SEND)


def payload_answers(vault, interview_id):
    row = vault.conn.execute("SELECT * FROM interview WHERE id = ?", (interview_id,)).fetchone()
    return outbox.build_payload(vault.conn, row)["answers"]
ANSWERS = {"age": 45, "sexe": "1", "satisfaction": "2", "contacts": 3, "reco": 8}


@pytest.fixture
def package(vault):
    package = paper_package()
    save_study(vault, package)
    return package


def _key(paper, batch, number, package, answers=ANSWERS):
    form = paper.open_form(batch, number, PaperNotice.AGREES, package)
    for name, value in answers.items():
        paper.save_first(form.id, name, value)
    return paper.finish_first(form.id, package.questionnaire)


def test_a_form_number_is_keyed_once_per_study(vault, package):
    paper = PaperService(vault)
    batch = paper.create_batch(package.id, "OPE-01", DAY)
    _key(paper, batch, "0041", package)
    other = paper.create_batch(package.id, "OPE-02", DAY)
    with pytest.raises(EtudesError, match="n° 0041 a déjà été saisi pour cette étude"):
        paper.open_form(other, " 0041 ", PaperNotice.AGREES, package)
    with pytest.raises(EtudesError, match="12 chiffres ou lettres"):
        paper.open_form(other, "41; DROP", PaperNotice.AGREES, package)
    assert [f.number for f in paper.forms(batch)] == ["0041"] and paper.forms(other) == []
    assert paper.proposed_number(batch) == "0042"


def test_the_notice_read_on_paper_is_the_consent(vault, package):
    paper = PaperService(vault, clock=lambda: dt.datetime(2026, 6, 3, 9, tzinfo=dt.UTC))
    batch = paper.create_batch(package.id, "OPE-01", DAY)
    agrees = paper.open_form(batch, "1", PaperNotice.AGREES, package)
    objects = paper.open_form(batch, "2", PaperNotice.OBJECTS, package)
    blank = paper.open_form(batch, "3", PaperNotice.NOT_TICKED, package)
    consent = paper.interviews.latest_consent(agrees.interview_id)
    assert consent.decision is Decision.AGREES and consent.mode.value == "paper" and consent.interviewer == "OPE-01"
    assert consent.text_sha256 == package.notice.sha256
    # The objection: the one objection path (objected, no answer possible, sent as an objection).
    assert paper.interviews.get(objects.interview_id).state is State.OBJECTED
    with pytest.raises(EtudesError):
        paper.interviews.save_answer(objects.interview_id, "age", 40)
    # Not ticked: set aside with its reason, no interview at all.
    assert blank.state == "set_aside" and blank.set_aside_reason == "not_ticked" and blank.interview_id is None
    assert count_to_send(vault, package.id) == 1  # the objection only


def test_only_verified_forms_are_completed(vault, package):
    paper = PaperService(vault)
    batch = paper.create_batch(package.id, "OPE-01", DAY, Rate(RateKind.EVERY, 2))
    first = _key(paper, batch, "1", package)
    second = _key(paper, batch, "2", package)
    assert (first.verify, first.state) == (False, "done") and (second.verify, second.state) == (True, "keyed")
    assert paper.interviews.get(first.interview_id).state is State.COMPLETED
    assert paper.interviews.get(second.interview_id).state is State.DRAFT
    with pytest.raises(EtudesError, match="attend sa double saisie"):  # no way round by the interview store
        paper.interviews.complete(second.interview_id)
    assert count_to_send(vault, package.id) == 1

    double = DoubleEntry(vault)
    with pytest.raises(EtudesError, match="un autre opérateur"):
        double.start(second.id, "OPE-01")
    assert [f.number for f in double.to_verify(package.id, "OPE-02")] == ["2"]
    double.start(second.id, "OPE-02")
    for name, value in {**ANSWERS, "satisfaction": "3", "pourquoi": "1"}.items():
        double.save_second(second.id, name, value)
    form = double.finish_second(second.id, package.questionnaire)
    assert form.state == "to_resolve"
    assert [(d.name, d.first, d.second) for d in double.differences(second.id)] == [
        ("satisfaction", "2", "3"), ("pourquoi", None, "1")]
    with pytest.raises(EtudesError, match="1 différence"):
        double.resolve(second.id, "satisfaction", Resolution.FIRST, "CHEF")
        double.finish_resolution(second.id, package.questionnaire, "CHEF")
    double.resolve(second.id, "pourquoi", Resolution.FIRST, "CHEF")
    done = double.finish_resolution(second.id, package.questionnaire, "CHEF")
    assert done.state == "done" and paper.interviews.get(second.interview_id).state is State.COMPLETED
    # The synced interview holds the first keying with the resolved values, nothing of the second.
    assert paper.interviews.answers(second.interview_id) == ANSWERS
    assert payload_answers(vault, second.interview_id) == ANSWERS
    assert count_to_send(vault, package.id) == 2
    figures = {f.operator: f for f in double.figures(package.id)}
    assert figures["OPE-02"].errors == 2 and figures["OPE-01"].errors == 0
    assert figures["OPE-01"].forms == 2 and figures["OPE-02"].forms == 1


def test_agreeing_keyings_complete_at_once_and_a_rekey_blames_both(vault, package):
    paper = PaperService(vault)
    batch = paper.create_batch(package.id, "OPE-01", DAY, Rate(RateKind.EVERY, 1))
    same = _key(paper, batch, "10", package)
    other = _key(paper, batch, "11", package)
    double = DoubleEntry(vault)
    for form, age in ((same, 45), (other, 54)):
        double.start(form.id, "OPE-02")
        for name, value in {**ANSWERS, "age": age}.items():
            double.save_second(form.id, name, value)
        double.finish_second(form.id, package.questionnaire)
    assert paper.form(same.id).state == "done"
    double.resolve(other.id, "age", Resolution.REKEY, "OPE-03", 44)
    double.finish_resolution(other.id, package.questionnaire, "OPE-03")
    assert paper.interviews.answers(other.interview_id)["age"] == 44
    assert (paper.form(other.id).state, vault.conn.execute(
        "SELECT keyer_errors, verifier_errors FROM paper_form WHERE id = ?", (other.id,)).fetchone()[:]) == ("done", (1, 1))


def test_a_random_rate_is_replayed_from_its_seed():
    rate = Rate(RateKind.PERCENT, 30, seed=1234)
    picks = [rate.picks("lot", n) for n in range(1, 201)]
    assert picks == [Rate(RateKind.PERCENT, 30, seed=1234).picks("lot", n) for n in range(1, 201)]
    assert 40 <= sum(picks) <= 80
    assert picks != [Rate(RateKind.PERCENT, 30, seed=99).picks("lot", n) for n in range(1, 201)]


def test_each_field_keyed_is_on_disk_and_the_form_dated_by_its_end(vault_paths):
    """A field keyed is committed before the next one is asked (a crash loses nothing keyed); the
    interview's row, left alone while keying, is dated when the form is finished."""
    from etudes_desktop.storage.vault import KdfParams, Vault
    from tests.conftest import TEST_PASSPHRASE

    moments = iter(dt.datetime(2026, 6, 3, 9, minute, tzinfo=dt.UTC) for minute in range(60))
    vault, _ = Vault.create(vault_paths, TEST_PASSPHRASE, kdf=KdfParams.fast())
    package = paper_package()
    save_study(vault, package)
    paper = PaperService(vault, clock=lambda: next(moments))
    batch = paper.create_batch(package.id, "OPE-01", DAY, Rate(RateKind.EVERY, 1, seed=1))  # picked: it stays a draft
    form = paper.open_form(batch, "0001", PaperNotice.AGREES, package)
    paper.save_first(form.id, "age", 45)
    paper.save_first(form.id, "sexe", "1")
    vault.close()  # as after a crash: only what was committed is found again
    vault = Vault.open(vault_paths, TEST_PASSPHRASE)
    paper = PaperService(vault, clock=lambda: next(moments))
    assert paper.first_values(form.id) == {"age": 45, "sexe": "1"}
    opened = paper.interviews.get(str(form.interview_id)).updated_at
    for name, value in ANSWERS.items():
        paper.save_first(form.id, name, value)
    assert paper.interviews.get(str(form.interview_id)).updated_at == opened
    assert paper.finish_first(form.id, package.questionnaire).state == "keyed"
    assert paper.interviews.get(str(form.interview_id)).updated_at > opened
    vault.close()
