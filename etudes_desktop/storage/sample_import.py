"""The sample import service: a checked file goes into a study's respondents in one transaction.

The file is read once; its records are stored as they come, inside one transaction that is rolled
back when the file is refused (NIR anywhere, or any invalid row outside partial mode): a refused
file leaves no respondent, no mapping, no audit entry. A row holding a NIR is never stored, not
even for the instant before the rollback. Logs carry counts, never a value from the file.
"""

from __future__ import annotations

from etudes_desktop.core.plural import count as _n
import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.sample import Progress, SampleImport, SampleMapping, SampleProblem, SampleRefused
from etudes_desktop.storage import audit
from etudes_desktop.storage.respondents import RespondentRepository, SuppressionList

log = logging.getLogger(__name__)

AUDIT_EVENT = "sample.import"
IMPORT_CACHE_KIB = -65536  # 64 MiB of page cache while importing (negative: KiB, SQLite's convention)


@dataclass
class SampleImportReport:
    """What an import did: counts, and the rejected rows' problems in partial mode."""

    study_id: str
    total_rows: int
    imported: int
    rejected: int
    suppressed: int
    mapping: SampleMapping
    problems: list[SampleProblem] = field(default_factory=list)
    neutralised: int = 0

    def summary(self) -> str:
        """One French line for the user."""
        text = f"{_n(self.imported, 'répondant importé', 'répondants importés')} dans l'étude {self.study_id}"
        if self.rejected:
            text += f" ; {_n(self.rejected, 'ligne rejetée', 'lignes rejetées')}"
        if self.suppressed:
            text += f" ; {_n(self.suppressed, 'personne ignorée', 'personnes ignorées')} (liste d'opposition)"
        if self.neutralised:
            text += (f" ; {_n(self.neutralised, 'cellule commençant par = + - @ gardée', 'cellules commençant par = + - @ gardées')}"
                     " comme texte (apostrophe ajoutée : un tableur ne les exécutera pas)")
        return text

    def as_dict(self) -> dict[str, Any]:
        return {"study": self.study_id, "rows": self.total_rows, "imported": self.imported,
                "rejected": self.rejected, "suppressed": self.suppressed, "neutralised": self.neutralised,
                "problems": [str(p) for p in self.problems], "mapping": self.mapping.columns}


def _actor(conn: Any) -> str | None:
    row = conn.execute("SELECT pseudonym FROM interviewer WHERE id = 1").fetchone()
    return row[0] if row else None


def prepare_import(vault: Any, study_id: str, path: Path | str, mapping: SampleMapping | None = None, *,
                   partial: bool = False, progress: Progress | None = None) -> SampleImport:
    """A SampleImport bound to this study's existing ids, saved mapping and suppression list."""
    repo = RespondentRepository(vault)
    row = vault.conn.execute("SELECT closed_at FROM study WHERE id = ?", (study_id,)).fetchone()
    if row is None:
        raise EtudesError(f"étude inconnue : {study_id}")
    if row[0]:
        raise EtudesError(f"l'étude {study_id} est close : plus d'import d'échantillon")
    importer = SampleImport(path, mapping, partial=partial, existing_ids=repo.sample_ids(study_id),
                            is_suppressed=SuppressionList(vault).matcher(study_id), progress=progress)
    saved = repo.saved_mapping(study_id) if mapping is None else None
    if saved is not None and set(saved.columns) == set(importer.headers):
        importer.mapping = saved  # same columns as the last import: the user's edits still apply
    return importer


def import_sample(vault: Any, study_id: str, path: Path | str, mapping: SampleMapping | None = None, *,
                  partial: bool = False, now: datetime | None = None,
                  progress: Progress | None = None) -> SampleImportReport:
    """Check then import a sample file into a study. Raises SampleRefused / EtudesError if refused."""
    importer = prepare_import(vault, study_id, path, mapping, partial=partial, progress=progress)
    at = now or datetime.now(timezone.utc)
    repo = RespondentRepository(vault)
    cache = vault.conn.execute("PRAGMA cache_size").fetchone()[0]
    vault.conn.execute(f"PRAGMA cache_size = {IMPORT_CACHE_KIB}")  # fewer page spills in a large import
    try:
        with vault.transaction() as conn:
            before = conn.execute("SELECT coalesce(max(id), 0) FROM respondent").fetchone()[0]
            repo.insert_many(study_id, importer.records(), at)
            refusal = importer.refusal()
            if refusal is not None:
                raise refusal  # rolls back every row stored so far
            scan = importer.scan_result
            assert scan is not None
            for sample_id in scan.duplicate_ids:  # partial mode: no occurrence of a doubled id stays
                conn.execute("DELETE FROM respondent WHERE study_id = ? AND sample_id = ? AND id > ?",
                             (study_id, sample_id, before))
            imported = repo.count_since(study_id, before)
            conn.execute("UPDATE study SET sample_mapping_json = ? WHERE id = ?", (importer.mapping.to_json(), study_id))
            counts = {"rows": scan.total_rows, "imported": imported, "rejected": scan.rejected_rows,
                      "suppressed": scan.suppressed}
            if scan.neutralised:
                counts["neutralised"] = scan.neutralised
            audit.record(conn, at, AUDIT_EVENT, _actor(conn), [study_id], counts)
    except SampleRefused:
        scan = importer.scan_result
        if scan is not None:
            log.info("sample import refused: study=%s rows=%d problems=%d nir_cells=%d",
                     study_id, scan.total_rows, scan.problem_count, len(scan.nir_problems))
        raise
    finally:
        vault.conn.execute(f"PRAGMA cache_size = {int(cache)}")
    log.info("sample imported: study=%s rows=%d imported=%d rejected=%d suppressed=%d",
             study_id, scan.total_rows, imported, scan.rejected_rows, scan.suppressed)
    return SampleImportReport(study_id, scan.total_rows, imported, scan.rejected_rows, scan.suppressed,
                              importer.mapping, list(scan.problems), scan.neutralised)
