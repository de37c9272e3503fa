"""The web questionnaire over HTTP, as a browser without JavaScript uses it: the register's notice
first, an objection that keeps nothing but the consent, answers checked by the engine and saved
page by page, a link that resumes, ends once and refuses afterwards; unknown and replaced links,
rate limits, no cookie, no third-party request."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from etudes_desktop.core.case_keys import person_digests
from etudes_desktop.core.study_load import package_from_stored
from etudes_desktop.server.cases_store import case_suppression
from etudes_desktop.server.office_store import OfficeStore
from etudes_desktop.server.web.limits import Limits
from etudes_desktop.server.web_store import WebStore, web_links
from tests.server.cases_files import NIR
from tests.web.conftest import Web, start
from tests.web.study import STUDY

ERROR = re.compile(r'<p class="error" id="([^"]+)-erreur"><span class="visually-hidden">Erreur : </span>([^<]+)</p>')


def _text(response) -> str:
    return html.unescape(response.text)


def _errors(response) -> dict[str, str]:
    return {dom: html.unescape(message) for dom, message in ERROR.findall(response.text)}


def _stored(web: Web) -> list[dict]:
    return list(web.store.iter_interviews(STUDY))


def _link_row(web: Web, sample_id: str = "E00001"):
    with web.store.engine.connect() as conn:
        rows = conn.execute(select(web_links)).all()
    link = WebStore(web.store).find(web.links[sample_id])
    return next(r for r in rows if r.id == link.id)  # type: ignore[union-attr]


def _post(web: Web, page: str, action: str = "next", link: str | None = None, **answers: object):
    return web.client.post(link or web.link(), data={"page": page, "action": action, **answers})


def test_the_notice_verbatim_then_answers_checked_saved_resumed_and_sent_once(web: Web) -> None:
    notice = package_from_stored(OfficeStore(web.store).package_json(STUDY, "1") or "").notice.text_fr
    first = web.client.get(web.link())
    assert first.status_code == 200 and notice in _text(first)  # the register's text, word for word
    assert "J'accepte" in _text(first) and "Je m'oppose" in _text(first)
    assert _stored(web) == [] and web.client.post(web.link(), data={"action": "agree"}).status_code == 303

    required = _post(web, "satisfait")  # nothing chosen: told next to the question, stays on it
    assert required.status_code == 200 and _errors(required) == {"q-satisfait": "Cette question est obligatoire."}
    assert 'aria-describedby="q-satisfait-erreur"' in required.text and "autofocus" in required.text
    assert _post(web, "satisfait", satisfait="non").status_code == 303
    assert "Pourquoi n'êtes-vous pas satisfait(e) ?" in _text(web.client.get(web.link()))  # its filter shows it
    nir = _post(web, "pourquoi", pourquoi=f"mon numéro est {NIR}")
    assert "numéro de sécurité sociale (NIR)" in _errors(nir)["q-pourquoi"] and NIR not in nir.text
    assert NIR not in WebStore(web.store).find(web.links["E00001"]).state.get("answers", {}).get("pourquoi", "")  # type: ignore[union-attr]
    assert _post(web, "pourquoi", pourquoi="Trop d'attente").status_code == 303
    out_of_range = _post(web, "note", note="12")
    assert _errors(out_of_range) == {"q-note": "La note va de 0 à 10."}
    letters = _post(web, "note", note="huit")
    assert _errors(letters) == {"q-note": "Seuls des chiffres sont acceptés : la réponse contient des lettres."}
    assert 'value="huit"' in letters.text  # what was typed stays to be corrected
    assert _post(web, "note", note="7").status_code == 303

    # The person stops here; the same link, later, opens where they were, answers kept.
    again = web.client.get(web.link())
    assert "Vos contacts cette année" in _text(again) and "Page 4 sur 5" in _text(again)
    back = _post(web, "contacts", action="back")
    assert back.status_code == 303 and 'value="7"' in web.client.get(web.link()).text
    assert _post(web, "note", note="7").status_code == 303

    group = _post(web, "contacts", canaux=["agence"])  # a question of the page appears: shown, not yet an error
    assert "Combien de fois êtes-vous allé(e) en agence ?" in _text(group) and _errors(group) == {}
    too_many = _post(web, "contacts", canaux=["agence"], visites="150")
    assert _errors(too_many) == {"q-visites": "Moins de 100 visites, s'il vous plaît."}
    assert _post(web, "contacts", canaux=["agence", "tel"], visites="3").status_code == 303
    assert _post(web, "dernier", dernier="2026-03-02").status_code == 303
    end = web.client.get(web.link())
    assert "Envoyer mes réponses" in _text(end) and _stored(web) == []  # nothing stored before it is sent
    assert _post(web, "__end__", action="send").status_code == 303

    stored = _stored(web)
    assert len(stored) == 1
    payload = stored[0]["payload"]
    assert payload["mode"] == "internet" and payload["state"] == "completed"
    assert payload["consent"]["decision"] == "agrees" and payload["consent"]["text_sha256"] != ""
    assert payload["answers"] == {"satisfait": "non", "pourquoi": "Trop d'attente", "note": 7,
                                  "canaux": "tel agence", "visites": 3, "dernier": "2026-03-02"}
    assert payload["attributes"] == {"segment": "S1"} or payload["attributes"] == {"Segment": "S1"}
    assert web.cases.status(STUDY)["by_status"]["completed"] == 1
    assert _link_row(web).state is None  # the link keeps nothing of the answers

    thanks = web.client.get(web.link())
    assert thanks.status_code == 200 and "Merci" in _text(thanks)
    for replay in (_post(web, "__end__", action="send"), _post(web, "note", note="1"),
                   web.client.post(web.link(), data={"action": "object"})):
        assert replay.status_code == 410 and "ne peut plus être modifié" in _text(replay)
    assert len(_stored(web)) == 1 and web.cases.status(STUDY)["by_status"]["objected"] == 0


def test_an_answer_hidden_by_a_changed_filter_is_not_sent(web: Web) -> None:
    web.client.post(web.link(), data={"action": "agree"})
    _post(web, "satisfait", satisfait="non")
    _post(web, "pourquoi", pourquoi="Trop d'attente")
    _post(web, "note", action="back")
    _post(web, "pourquoi", action="back")
    assert _post(web, "satisfait", satisfait="oui").status_code == 303
    assert "Quelle note" in _text(web.client.get(web.link()))  # the filtered question is skipped now
    _post(web, "note", note="9")
    _post(web, "contacts", canaux=["tel"])
    _post(web, "dernier")
    _post(web, "__end__", action="send")
    assert _stored(web)[0]["payload"]["answers"] == {"satisfait": "oui", "note": 9, "canaux": "tel"}


def test_an_objection_keeps_the_consent_only_and_puts_the_person_on_the_shared_list(web: Web) -> None:
    web.client.get(web.link("E00002"))
    done = web.client.post(web.link("E00002"), data={"action": "object"})
    assert done.status_code == 303
    page = web.client.get(web.link("E00002"))
    assert "Opposition enregistrée" in _text(page) and "aucune réponse n'a été conservée" in _text(page)
    stored = _stored(web)
    assert len(stored) == 1 and stored[0]["payload"]["state"] == "objected"
    assert stored[0]["payload"]["answers"] == {} and stored[0]["payload"]["attributes"] == {}
    assert stored[0]["payload"]["consent"]["decision"] == "objects"
    assert web.cases.status(STUDY)["by_status"]["objected"] == 1
    key = web.cases.case_key(STUDY)
    with web.store.engine.connect() as conn:
        shared = set(conn.execute(select(case_suppression.c.digest)).scalars())
    assert set(person_digests(key, "E00002", ["0600000002"], "p2@exemple.fr")) <= shared
    assert _link_row(web, "E00002").state is None and _link_row(web, "E00002").status == "objected"
    refused = web.client.post(web.link("E00002"), data={"action": "agree"})
    assert refused.status_code == 410 and len(_stored(web)) == 1


def test_unknown_malformed_and_replaced_links_are_refused_in_french(web: Web, tmp_path: Path) -> None:
    for path in ("/q/" + "A" * 32, "/q/court", "/q/" + "x" * 300, "/q/%00%01abcdefghijklmnopqrstu"):
        response = web.client.get(path)
        assert response.status_code == 404 and "Lien inconnu" in _text(response)
    assert web.client.post("/q/" + "A" * 32, data={"action": "agree"}).status_code == 404
    web.client.post(web.link("E00003"), data={"action": "agree"})
    _post(web, "satisfait", link=web.link("E00003"), satisfait="oui")
    again = WebStore(web.store).issue(STUDY)  # re-running keeps every link
    assert again.links == [] and again.kept == 6
    renewed = dict(WebStore(web.store).issue(STUDY, renew=True).links)
    assert set(renewed) == set(web.links)
    old = web.client.get(web.link("E00003"))
    assert old.status_code == 410 and "remplacé" in _text(old)
    assert web.client.post(web.link("E00003"), data={"action": "agree"}).status_code == 410
    resumed = web.client.get(f"/q/{renewed['E00003']}")
    assert resumed.status_code == 200 and "Quelle note" in _text(resumed)  # the answers stayed with the person


def test_no_cookie_no_third_party_and_the_token_never_in_a_referrer(web: Web) -> None:
    for response in (web.client.get(web.link()), web.client.post(web.link(), data={"action": "agree"}),
                     web.client.get(web.link()), web.client.get("/q/" + "B" * 32),
                     web.client.get("/q/static/web.css")):
        assert "set-cookie" not in response.headers
    page = web.client.get(web.link())
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "style-src 'self'" in csp and "script-src" not in csp
    assert page.headers["referrer-policy"] == "no-referrer" and page.headers["cache-control"] == "no-store"
    assert "<script" not in page.text and "http" not in re.sub(r'href="/q/[^"]*"', "", page.text.split("<body>")[1])


@pytest.fixture
def limited(tmp_path: Path):
    from etudes_desktop.server.store import sqlite_url

    yield from start(sqlite_url(tmp_path / "server"), tmp_path, Limits(per_link=5, per_address=12))


def test_rate_limits_per_link_and_per_address_answer_429_in_french(limited: Web) -> None:
    for _ in range(5):
        assert limited.client.get(limited.link("E00001")).status_code == 200
    refused = limited.client.get(limited.link("E00001"))
    assert refused.status_code == 429 and "Trop de demandes" in _text(refused)
    assert int(refused.headers["retry-after"]) >= 1
    for _ in range(5):  # another link goes on, until the address's own limit (12 a minute)
        assert limited.client.get(limited.link("E00002")).status_code == 200
    assert limited.client.get(limited.link("E00003")).status_code == 200
    assert limited.client.get(limited.link("E00004")).status_code == 429


def test_links_command_writes_one_link_per_open_case_and_keeps_them_on_a_rerun(tmp_path: Path, capsys) -> None:
    from etudes_desktop.server.cli import main
    from etudes_desktop.server.store import Store

    gen = start_dir(tmp_path)
    data = ["--data-dir", str(tmp_path / "server")]
    out = tmp_path / "liens.csv"
    assert main(["links", STUDY, "--out", str(out), "--base-url", "https://enquete.example.fr", *data]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "sample_id,link" and len(lines) == 7
    ids = [line.split(",")[0] for line in lines[1:]]
    assert set(ids) == {f"E{i:05d}" for i in range(6)}
    tokens = [line.split("/q/")[1] for line in lines[1:]]
    assert all(len(t) >= 32 for t in tokens) and len(set(tokens)) == 6
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    store = Store.open(data_dir=tmp_path / "server", database_url=None)
    with store.engine.connect() as conn:
        held = " ".join(str(v) for row in conn.execute(select(web_links)).all() for v in row)
    assert not any(t in held for t in tokens)  # only their digests are kept
    assert main(["links", STUDY, "--out", str(out), "--base-url", "https://enquete.example.fr", *data]) == 1
    assert "existe déjà" in capsys.readouterr().err
    again = tmp_path / "liens2.csv"
    assert main(["links", STUDY, "--out", str(again), "--base-url", "https://enquete.example.fr", *data]) == 0
    assert not again.exists() and "6 liens déjà émis restent valables" in capsys.readouterr().err
    assert main(["links", STUDY, "--out", str(again), "--base-url", "http://enquete.example.fr", *data]) == 1
    assert "https://" in capsys.readouterr().err
    store.close()
    gen.close()


def start_dir(tmp_path: Path):
    from etudes_desktop.server.store import Store

    store = Store.open(data_dir=tmp_path / "server", database_url=None)
    store.close()
    gen = start(f"sqlite:///{tmp_path / 'server' / 'server.db'}", tmp_path)
    web = next(gen)
    WebStore(web.store).engine.dispose()
    with web.store.engine.begin() as conn:  # links are issued by the command, not the fixture
        conn.execute(web_links.delete())
    return gen
