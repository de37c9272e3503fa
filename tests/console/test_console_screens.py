"""`make screenshots`' console step (demo.console_screens) in Debian's Chromium: a demo office set up in
the browser, a real demo laptop's sync, a delivery, then one picture of every listed page, each page
answering as expected (the refusal with 403) and nothing wider than the page's column at 1366 px.
Skips only without the chromium package (tests/console/browser)."""

from __future__ import annotations

import struct
from contextlib import ExitStack

import pytest

from etudes_desktop.demo import console_screens as cs


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.slow  # about 15 s: the whole office, set up in the browser, and 18 pictures
def test_every_console_page_is_pictured_in_the_demo_office(chromium, tmp_path) -> None:
    with ExitStack() as stack:
        demo = cs.start_office(stack, chromium, tmp_path / "office", interviews=12)
        taken = cs.shoot(chromium, demo, tmp_path)
    assert [t.path.name for t in taken] == [f"console-{s.name}.png" for s in cs.SHOTS]
    assert len({s.name for s in cs.SHOTS}) == len(cs.SHOTS)
    for t, s in zip(taken, cs.SHOTS, strict=True):
        width, height = _png_size(t.path.read_bytes())
        assert width == 1366 and height >= 768 and (height == 768 or s.full_page), t.path.name
        assert t.overflowing == [], t.path.name
    roles = {s.role for s in cs.SHOTS}
    assert roles == {None, "manager", "dpo", "insurer"} and {s.lang for s in cs.SHOTS} == {"fr", "en"}


def test_without_chromium_the_step_says_which_package_and_writes_nothing(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(cs, "CHROMIUM", tmp_path / "absent" / "chromium")
    (tmp_path / "console-ancienne.png").write_bytes(b"kept")
    assert cs.render_console(tmp_path) == []
    said = capsys.readouterr().err
    assert "chromium package is not installed (apt-get install chromium)" in said and "absent" in said
    assert (tmp_path / "console-ancienne.png").read_bytes() == b"kept"  # the README's pictures stay
