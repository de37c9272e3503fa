"""The screenshot renderer drives every screen and writes readable PNGs."""

from __future__ import annotations

from PySide6.QtGui import QImage

from etudes_desktop.demo.screenshots import WINDOW_SIZE, render_all
from etudes_desktop.gui.i18n import current_language


def test_every_screen_is_rendered(tmp_path):
    (tmp_path / "05-ancien-nom.png").write_bytes(b"old")  # a screen renamed since the last run
    (tmp_path / "console-accueil.png").write_bytes(b"kept")  # demo.console_screens' pictures
    (tmp_path / "99-resultats-xlsx.png").write_bytes(b"kept")  # numbered after these: docs/results_images.py
    written = render_all(tmp_path, include_packages=False)  # the packages test their own screens
    names = [p.name for p in written]
    assert names[0] == "01-creation.png"
    for expected in ("code-de-secours", "deverrouillage", "phrase-incorrecte", "delai-apres-echecs", "recuperation", "demo-deverrouillage", "demo-espace-de-travail", "en-unlock"):
        assert any(expected in name for name in names), expected
    others = ["99-resultats-xlsx.png", "console-accueil.png"]
    assert sorted(p.name for p in tmp_path.glob("*.png")) == sorted(names + others), "old files are replaced"
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == WINDOW_SIZE, path.name
        colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 23)}
        assert len(colours) > 5, f"{path.name} looks blank"
    assert current_language() == "fr"
