"""One entry for every format of the deliverable: bytes to write or to send."""

from __future__ import annotations

import json

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.server.results.deliverable import Deliverable, document

FORMATS = ("json", "csv", "xlsx", "pdf")
MEDIA_TYPES = {"json": "application/json", "csv": "text/csv; charset=utf-8",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "pdf": "application/pdf"}


def render(deliverable: Deliverable, fmt: str) -> bytes:
    """The deliverable in one format (json, csv, xlsx, pdf)."""
    if fmt == "json":
        return (json.dumps(document(deliverable), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if fmt == "csv":
        from etudes_desktop.server.results.export_csv import render_csv

        return render_csv(deliverable)
    if fmt == "xlsx":
        from etudes_desktop.server.results.export_xlsx import render_xlsx

        return render_xlsx(deliverable)
    if fmt == "pdf":
        from etudes_desktop.server.results.export_pdf import render_pdf

        return render_pdf(deliverable)
    raise EtudesError(f"format inconnu : {fmt} ({', '.join(FORMATS)})")
