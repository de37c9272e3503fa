"""Make the README's pictures of the paper questionnaire: the first two pages of the demo study's
paper form, rasterised by poppler's `pdftoppm` as a reader prints or opens them.
Run: `.venv/bin/python docs/paper_images.py` (needs poppler-utils).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from etudes_desktop.core.printing.paper_form import render_paper_form  # noqa: E402
from etudes_desktop.core.study_load import load_package  # noqa: E402
from etudes_desktop.paths import resource_path  # noqa: E402


def main() -> None:
    package = load_package(resource_path("studies", "satisfaction_assures_2026.xlsx"))
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "questionnaire-papier.pdf"
        pdf.write_bytes(render_paper_form(package))
        for page in (1, 2, 3):
            subprocess.run(["pdftoppm", "-r", "80", "-f", str(page), "-l", str(page), "-png", "-singlefile", str(pdf),
                            str(HERE / "screenshots" / f"questionnaire-papier-page-{page}")], check=True)


if __name__ == "__main__":
    main()
