"""The engine session a link's requests share (kept in memory between a POST and the GET of its
redirect) never shows answers other than the saved ones: answers changed elsewhere (another
server process, a second tab of the same link) are the ones the next page shows and sends."""

from __future__ import annotations

import html

from etudes_desktop.server.web_store import WebLink, WebStore
from tests.web.conftest import Web
from tests.web.study import STUDY


def _post(web: Web, page: str, **answers: object):
    return web.client.post(web.link(), data={"page": page, "action": "next", **answers})


def test_answers_saved_by_another_process_are_the_ones_shown_and_sent(web: Web) -> None:
    web.client.get(web.link())
    web.client.post(web.link(), data={"action": "agree"})
    assert _post(web, "satisfait", satisfait="oui").status_code == 303
    assert _post(web, "note", note="7").status_code == 303
    assert "Vos contacts cette année" in html.unescape(web.client.get(web.link()).text)

    # Another server process (sharing the database, not this one's memory) saved other answers.
    links = WebStore(web.store)
    link = links.find(web.links["E00001"])
    assert isinstance(link, WebLink)
    links.save(link, "started", {**link.state, "answers": {**link.state["answers"], "note": 3}, "position": "note"})

    page = web.client.get(web.link())
    assert 'value="3"' in page.text and 'value="7"' not in page.text  # the saved answer, not the kept one
    assert _post(web, "note", note="4").status_code == 303
    _post(web, "contacts", canaux=["tel"])
    _post(web, "dernier")
    assert _post(web, "__end__", action="send").status_code == 303
    stored = list(web.store.iter_interviews(STUDY))
    assert stored[0]["payload"]["answers"] == {"satisfait": "oui", "note": 4, "canaux": "tel"}
