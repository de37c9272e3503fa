"""Sample import of 100,000 rows: wall time and peak memory. Targets: <= 4 s and <= 250 MB.

The import runs in a child process so that its peak resident memory (ru_maxrss) is its own:
interpreter, libraries, SQLCipher cache and the import together. A second child measures the
Python allocations of the import alone with tracemalloc (slower, so not timed).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROWS = 100_000
QUICK_ROWS = 10_000
HEADER = ("Identifiant;Civilité;Nom;Prénom;Sexe;Âge;Adresse;Code postal;Ville;Téléphone;Portable;Courriel;"
          "Profession;Nb actes 2023;Régime;Commentaire")
LAST = ["Martin", "Bernard", "Lefèvre", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
        "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "García", "Müller", "Nguyễn", "Østergaard"]
FIRST = ["Hélène", "José", "Zoé", "Anaïs", "François", "Jérôme", "Cécile", "Noël", "Léa", "Maël", "Inès"]
TOWNS = [("75011", "Paris"), ("69003", "Lyon"), ("13005", "Marseille"), ("20000", "Ajaccio"), ("97400", "Saint-Denis")]
JOBS = ["Infirmière", "Retraité", "Ouvrier qualifié", "Employée administrative", "Agriculteur", "Cadre"]


def generate_csv(path: Path, rows: int, seed: int = 7) -> Path:
    """A realistic cp1252-safe sample file, ';'-separated, UTF-8 with BOM."""
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.write(HEADER + "\r\n")
        for i in range(rows):
            cp, town = rnd.choice(TOWNS)
            phone = "0" + str(rnd.randint(1, 9)) + "".join(str(rnd.randint(0, 9)) for _ in range(8))
            spaced = " ".join(phone[k:k + 2] for k in range(0, 10, 2))
            mobile = "+33 6 " + " ".join(f"{rnd.randint(0, 99):02d}" for _ in range(4))
            last, first = rnd.choice(LAST), rnd.choice(FIRST)
            cells = [f"E{i:07d}", rnd.choice(["M.", "Mme"]), last, first, rnd.choice("HF"), str(rnd.randint(18, 95)),
                     f"{rnd.randint(1, 200)} rue de la République", cp, town, spaced, mobile,
                     f"{first.lower()}.{i}@exemple.fr", rnd.choice(JOBS), str(rnd.randint(0, 60)),
                     rnd.choice(["général", "agricole", "indépendant"]), rnd.choice(["", "rappeler le soir", "RAS"])]
            out.write(";".join(cells) + "\r\n")
    return path


_CHILD = r"""
import json, resource, sys, time, tracemalloc
from pathlib import Path
from etudes_desktop.paths import DataPaths
from etudes_desktop.storage.vault import KdfParams, Vault
from etudes_desktop.storage.sample_import import import_sample

work, csv_path, trace = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "1"
vault, _ = Vault.create(DataPaths(work / "data", work / "logs"), "Terrain-Enquête-2026!", kdf=KdfParams.fast())
with vault.transaction() as conn:
    conn.execute("INSERT INTO study (id, version, title, package_json, imported_at) "
                 "VALUES ('bench', '1', 'Banc', '{}', '2026-01-01T00:00:00')")
if trace:
    tracemalloc.start()
started, cpu = time.perf_counter(), time.process_time()
report = import_sample(vault, "bench", csv_path)
elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
peak = tracemalloc.get_traced_memory()[1] if trace else 0
count = vault.conn.execute("SELECT count(*) FROM respondent").fetchone()[0]
vault.close()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes
print(json.dumps({"seconds": elapsed, "imported": report.imported, "stored": count, "py_peak": peak, "rss_mb": rss, "cpu": cpu}))
"""


def _child(work: Path, csv_path: Path, trace: bool) -> dict:
    result = subprocess.run([sys.executable, "-c", _CHILD, str(work), str(csv_path), "1" if trace else "0"],
                            capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[1])
    return json.loads(result.stdout.strip().splitlines()[-1])


def run(quick: bool = False) -> list[dict]:
    rows = QUICK_ROWS if quick else ROWS
    with tempfile.TemporaryDirectory(prefix="bench-sample-") as tmp:
        root = Path(tmp)
        csv_path = generate_csv(root / "echantillon.csv", rows)
        timed = _child(root / "timed", csv_path, trace=False)
        traced = _child(root / "traced", csv_path, trace=True)
    assert timed["imported"] == timed["stored"] == rows, timed
    return [
        {"name": f"sample import, {rows:,} rows (CSV, scan + insert)", "value": timed["seconds"], "unit": "s",
         "target": "<= 4"},
        {"name": "sample import, CPU time of the import", "value": timed["cpu"], "unit": "s",
         "note": "wall time minus waiting: shows how busy the machine was"},
        {"name": "sample import, rows per second", "value": rows / timed["seconds"], "unit": "rows/s"},
        {"name": "sample import, peak resident memory of the process", "value": timed["rss_mb"], "unit": "MB",
         "target": "<= 250"},
        {"name": "sample import, peak Python allocations (tracemalloc)", "value": traced["py_peak"] / 1e6,
         "unit": "MB", "note": "import only, interpreter excluded"},
    ]


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        print(f"{row['name']:<58} {row['value']:>12.4g} {row['unit']:<8} {row.get('target', '')}")
