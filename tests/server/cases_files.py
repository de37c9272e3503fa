"""Sample files for the case-management tests: people with a planted name and phone, by département."""

from __future__ import annotations

from pathlib import Path

HEADER = "Identifiant;Nom;Prénom;Code postal;Téléphone;Courriel;Segment"
PLANTED_NAME = "Quennevillard"
PLANTED_PHONE = "0647382915"
NIR = "2 69 05 49 588 157 80"
POSTCODES = ["75011", "69003", "20090", "97400"]  # Paris, Rhône, Corse-du-Sud, La Réunion


def person(i: int, postcode: str | None = None) -> str:
    cp = postcode or POSTCODES[i % len(POSTCODES)]
    name = PLANTED_NAME if i == 0 else f"Durand{i}"
    phone = PLANTED_PHONE if i == 0 else f"06{i:08d}"
    return f"E{i:05d};{name};Hélène;{cp};{phone};p{i}@exemple.fr;S{i % 3}"


def sample_file(folder: Path, count: int, *, start: int = 0, extra: list[str] | None = None,
                name: str = "echantillon.csv") -> Path:
    """A ';' CSV of `count` people (ids E00000…), then the `extra` lines as written."""
    path = folder / name
    lines = [HEADER] + [person(i) for i in range(start, start + count)] + (extra or [])
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path
