"""The list views' read-only queries on a real vault: counts, pages, keyset, search, filters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from benchmarks.bench_views import fill_vault, insert_study
from etudes_desktop.core.interview import ConsentRecord, Decision, Mode, text_sha256
from etudes_desktop.storage import browse
from etudes_desktop.storage.interviews import InterviewStore

STUDY = "bench-2026"


def _people(vault, sql: str = "", params: tuple = ()) -> list[tuple]:
    """The expected order, straight from the table."""
    return [tuple(r) for r in vault.conn.execute(
        "SELECT id, last_name, first_name FROM respondent WHERE study_id = ? " + sql
        + " ORDER BY last_name, first_name, id", (STUDY, *params)).fetchall()]


def _filled(vault, respondents: int = 1500, interviews: int = 400):
    insert_study(vault)
    fill_vault(vault, STUDY, respondents, interviews)
    insert_study(vault, "autre-2026", "Délais de remboursement")
    fill_vault(vault, "autre-2026", 30, 5, seed=3)


def test_pages_follow_the_table_order_and_cover_every_row(vault):
    _filled(vault)
    query = browse.RespondentQuery(STUDY)
    expected = _people(vault)
    assert browse.count_respondents(vault, query) == len(expected) == 1500
    shown = []
    for offset in range(0, 1500, 100):
        shown += browse.respondents_page(vault, query, offset, 100)
    assert [(r.id, r.last_name, r.first_name) for r in shown] == expected
    assert browse.respondents_page(vault, query, 1500, 100) == []


def test_keyset_page_equals_offset_page(vault):
    _filled(vault)
    query = browse.RespondentQuery(STUDY, statuses=("to_contact", "in_progress"))
    for offset in (100, 700, 1000):
        previous = browse.respondents_page(vault, query, offset - 100, 100)
        by_offset = browse.respondents_page(vault, query, offset, 100)
        by_key = browse.respondents_page(vault, query, offset, 100, after=previous[-1])
        assert by_key == by_offset


def test_keyset_skips_nameless_rows_correctly(vault):
    """Erased respondents have no name: they sort first and never follow a named row."""
    _filled(vault, respondents=300, interviews=0)
    with vault.transaction() as conn:
        conn.execute("UPDATE respondent SET last_name = NULL, first_name = NULL, status = 'erased' "
                     "WHERE study_id = ? AND id % 7 = 0", (STUDY,))
    query = browse.RespondentQuery(STUDY)
    rows = [r for o in range(0, 300, 50) for r in browse.respondents_page(vault, query, o, 50)]
    assert [r.id for r in rows] == [p[0] for p in _people(vault)]
    keyed = browse.respondents_page(vault, query, 100, 50, after=rows[99])
    assert keyed == rows[100:150]


def test_search_by_name_sample_id_town_and_phone(vault):
    _filled(vault)
    query = browse.RespondentQuery(STUDY, search="dubois")
    found = [r for o in range(0, 1500, 100) for r in browse.respondents_page(vault, query, o, 100)]
    expected = _people(vault, "AND (last_name LIKE '%d_b__s%' OR first_name LIKE '%d_b__s%' OR town LIKE '%d_b__s%')")
    assert [r.id for r in found] == [p[0] for p in expected] and found
    assert browse.count_respondents(vault, query) == len(expected)
    ids = browse.respondent_ids(vault, query)
    assert ids == [p[0] for p in expected]
    assert browse.respondents_by_ids(vault, ids[5:15]) == found[5:15]
    sample = vault.conn.execute("SELECT sample_id, phone FROM respondent WHERE study_id = ? LIMIT 1 OFFSET 42",
                                (STUDY,)).fetchone()
    (by_id,) = browse.respondents_page(vault, browse.RespondentQuery(STUDY, search=sample[0]), 0, 10)
    assert by_id.sample_id == sample[0]
    typed = " ".join(sample[1][i:i + 2] for i in range(0, 10, 2))  # "06 12 34 56 78"
    for search in (sample[1], typed, "+33 " + typed[1:]):
        by_phone = browse.respondents_page(vault, browse.RespondentQuery(STUDY, search=search), 0, 100)
        assert sample[0] in {r.sample_id for r in by_phone}, search
    two_words = browse.RespondentQuery(STUDY, search="martin marie")
    assert all({"martin", "marie"} <= {w.lower() for w in (r.last_name, r.first_name)}
               or "martin" in (r.last_name + r.first_name).lower()
               for r in browse.respondents_page(vault, two_words, 0, 100))


def test_search_without_accents_or_case_finds_accented_names(vault):
    _filled(vault)
    lefevre = {p[0] for p in _people(vault, "AND last_name = 'Lefèvre'")}
    helene = {p[0] for p in _people(vault, "AND first_name = 'Hélène'")}
    assert lefevre and helene
    for typed, wanted in (("lefevre", lefevre), ("LEFÈVRE", lefevre), ("Lefèvre", lefevre),
                          ("helene", helene), ("HÉLÈNE", helene)):
        found = {r.id for r in browse.respondents_page(vault, browse.RespondentQuery(STUDY, search=typed), 0, 2000)}
        assert wanted <= found, typed
    martin = browse.respondents_page(vault, browse.RespondentQuery(STUDY, search="martin"), 0, 2000)
    assert {r.last_name for r in martin} | {r.first_name for r in martin} >= {"Martin"}
    assert all("rt" in (r.last_name + r.first_name).lower() for r in martin)


def test_like_wildcards_typed_are_literal(vault):
    _filled(vault, respondents=50, interviews=0)
    assert browse.count_respondents(vault, browse.RespondentQuery(STUDY, search="%")) == 0
    assert browse.count_respondents(vault, browse.RespondentQuery(STUDY, search="_")) == 0


def test_status_filter_and_counts(vault):
    _filled(vault)
    expected = _people(vault, "AND status = 'objected'")
    query = browse.RespondentQuery(STUDY, statuses=("objected",))
    assert browse.count_respondents(vault, query) == len(expected) > 0
    assert [r.id for r in browse.respondents_page(vault, query, 0, 1000)] == [p[0] for p in expected]
    counts = browse.respondent_status_counts(vault, STUDY)
    assert counts["objected"] == len(expected) and sum(counts.values()) == 1500
    assert set(counts) == set(browse.RESPONDENT_STATUSES)


def test_studies_with_counters_match_the_tables(vault):
    _filled(vault)
    summaries = {s.id: s for s in browse.studies(vault)}
    assert set(summaries) == {STUDY, "autre-2026"}
    s = summaries[STUDY]
    assert s.title == "Satisfaction des assurés 2026"
    states = dict(vault.conn.execute("SELECT state, count(*) FROM interview WHERE study_id = ? GROUP BY state",
                                     (STUDY,)).fetchall())
    assert s.counters.drafts == states.get("draft", 0)
    assert s.counters.waiting_sync == sum(states.get(k, 0) for k in browse.WAITING_SYNC_STATES)
    assert s.counters.completed == sum(states.get(k, 0) for k in browse.COMPLETED_STATES)
    assert s.counters.respondents == 1500 == s.respondents_with()
    assert s.interviews_with() == 400
    assert s.respondents_with(("to_contact",)) == len(_people(vault, "AND status = 'to_contact'"))
    assert browse.study_counters(vault, STUDY) == s.counters
    light = {x.id: x for x in browse.studies(vault, interviews=False)}
    assert not light[STUDY].interviews_known and light[STUDY].counters.drafts == 0
    states, purged = browse.interview_counts(vault)
    assert browse.with_interviews(light[STUDY], states[STUDY], purged.get(STUDY, 0)) == s
    assert browse.study_counters(vault) == s.counters + summaries["autre-2026"].counters


def test_tombstones_count_as_completed(vault):
    insert_study(vault)
    with vault.transaction() as conn:
        conn.execute("INSERT INTO tombstone (interview_id, study_id, content_sha256, receipt_status, purged_at) "
                     "VALUES ('x', ?, 'h', 'accepted', '2026-11-01')", (STUDY,))
    assert browse.study_counters(vault, STUDY).completed == 1


def test_interviews_most_recent_first_with_respondent_names(vault):
    insert_study(vault)
    fill_vault(vault, STUDY, 20, 0)
    moment = [datetime(2026, 11, 29, 9, 0, tzinfo=UTC)]

    def clock() -> datetime:
        moment[0] += timedelta(minutes=1)
        return moment[0]

    store = InterviewStore(vault, clock)
    ids = [store.start(STUDY, "1", Mode.PHONE, respondent_id=n) for n in (1, 2, 3)]
    unnamed = store.start(STUDY, "1", Mode.PAPER)
    consent = ConsentRecord(notice_id="n", notice_version="1", text_sha256=text_sha256("t"), mode=Mode.PHONE,
                            interviewer="enq-07", delivered_at=clock(), decision=Decision.AGREES)
    store.record_consent(ids[0], consent)
    store.complete(ids[0])
    rows = browse.interviews_page(vault, browse.InterviewQuery(STUDY), 0, 10)
    assert [r.id for r in rows] == [ids[0], unnamed, ids[2], ids[1]]
    last, first = vault.conn.execute("SELECT last_name, first_name FROM respondent WHERE id = 1").fetchone()
    assert rows[0].respondent_name == f"{last.upper()} {first}" and rows[0].state == "completed"
    assert rows[1].respondent_name == "" and rows[1].mode == "paper"
    drafts = browse.InterviewQuery(STUDY, ("draft",))
    assert browse.count_interviews(vault, drafts) == 3
    assert [r.id for r in browse.interviews_page(vault, drafts, 1, 10)] == [ids[2], ids[1]]
    counters = browse.study_counters(vault, STUDY)
    assert (counters.drafts, counters.completed, counters.waiting_sync) == (3, 1, 1)


def test_browse_indexes_serve_the_pages(vault):
    """Listing reads the index only: no full scan, no sort of the whole study."""
    plan = " ".join(r[3] for r in vault.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM respondent INDEXED BY respondent_browse WHERE study_id = ? "
        "AND status IN ('done') ORDER BY last_name, first_name, id LIMIT 100 OFFSET 500", ("x",)))
    assert "COVERING INDEX respondent_browse" in plan and "TEMP B-TREE" not in plan
    plan = " ".join(r[3] for r in vault.conn.execute(
        "EXPLAIN QUERY PLAN SELECT rowid FROM interview INDEXED BY interview_study_updated WHERE study_id = ? "
        "ORDER BY updated_at DESC, state DESC, rowid DESC LIMIT 100", ("x",)))
    assert "TEMP B-TREE" not in plan


def test_the_workspace_and_the_sync_panel_count_the_same_interviews_waiting(vault):
    """Refused and conflicting interviews are problems (shown apart), not 'waiting for sync'."""
    from etudes_desktop.sync import overview
    from tests.sync import seed as s

    ids = s.seed(vault, 6, objected_every=3)
    with vault.transaction() as conn:
        conn.execute("UPDATE interview SET state = 'rejected' WHERE id = ?", (ids[1],))
        conn.execute("UPDATE interview SET state = 'conflict' WHERE id = ?", (ids[2],))
    counters = browse.study_counters(vault, s.STUDY)
    status = overview.status(vault)
    assert counters.waiting_sync == status.waiting == 4 and status.problems == 2


def test_every_state_is_in_exactly_one_place_of_the_lifecycle():
    from etudes_desktop.core.interview import ON_SERVER, OPEN, SYNC_PROBLEMS, WAITING_SYNC, State

    places = [OPEN, WAITING_SYNC, SYNC_PROBLEMS, ON_SERVER, frozenset({State.ABANDONED})]
    for state in State:
        assert sum(state in place for place in places) == 1, state
