"""Where a person lives, for the phone: the territory, its IANA time zone and its public holidays.

The territory comes from the commune code (INSEE), the département code or the postcode, in that
order of trust: overseas départements and collectivities have their own zone and holidays
(Réunion UTC+4, Mayotte UTC+3, Guadeloupe and Martinique UTC−4, Guyane UTC−3...), Alsace and
Moselle have two more holidays, Corsica (2A, 2B, postcodes 20xxx) is metropolitan. A person
whose place is unknown is called on metropolitan time and holidays. Holidays come from the
`holidays` package (France and its subdivisions), zones from `zoneinfo` with `tzdata`.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Territory:
    code: str  # ours, stored in the call plan: "FR", "57", "6AE", "971"...
    name_fr: str
    zone: str  # IANA time zone
    holidays_subdivision: str | None  # the `holidays` package's subdivision of France (None: metropolitan)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.zone)


METROPOLE = Territory("FR", "France métropolitaine", "Europe/Paris", None)
TERRITORIES: dict[str, Territory] = {t.code: t for t in (
    METROPOLE,
    Territory("57", "Moselle", "Europe/Paris", "57"),
    Territory("6AE", "Alsace", "Europe/Paris", "6AE"),
    Territory("971", "Guadeloupe", "America/Guadeloupe", "971"),
    Territory("972", "Martinique", "America/Martinique", "972"),
    Territory("973", "Guyane", "America/Cayenne", "973"),
    Territory("974", "La Réunion", "Indian/Reunion", "974"),
    Territory("975", "Saint-Pierre-et-Miquelon", "America/Miquelon", "PM"),
    Territory("976", "Mayotte", "Indian/Mayotte", "976"),
    Territory("977", "Saint-Barthélemy", "America/St_Barthelemy", "BL"),
    Territory("978", "Saint-Martin", "America/Marigot", "MF"),
    Territory("986", "Wallis-et-Futuna", "Pacific/Wallis", "WF"),
    Territory("987", "Polynésie française", "Pacific/Tahiti", "PF"),
    Territory("988", "Nouvelle-Calédonie", "Pacific/Noumea", "NC"),
)}
# Départements (two or three characters) whose territory is not metropolitan France's.
_DEPARTEMENTS = {"57": "57", "67": "6AE", "68": "6AE", **{code: code for code in TERRITORIES if len(code) == 3}}
# Postcodes that do not follow their first digits: Saint-Barthélemy and Saint-Martin use 971xx.
_POSTCODES = {"97133": "977", "97150": "978"}
# Respondent attributes (sample columns kept beside the contact fields) that name the place.
COMMUNE_ATTRIBUTES = ("code_commune", "commune_insee", "code_insee", "insee_commune", "codgeo", "com", "depcom")
DEPARTEMENT_ATTRIBUTES = ("code_departement", "departement", "dept", "dep", "code_dept")


def _plain(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def from_departement(code: str) -> Territory | None:
    """The territory of a département code ("974", "2A", "6", "06"); None if it is not one."""
    text = code.strip().upper()
    if text in ("2A", "2B", "20"):
        return METROPOLE
    if not text.isdigit() or not 1 <= len(text) <= 3:
        return None
    if len(text) == 3 and text[:2] not in ("97", "98"):
        return None
    number = text.zfill(2)
    if len(number) == 2 and not 1 <= int(number) <= 95:
        return None
    key = _DEPARTEMENTS.get(number)
    if key is None and len(number) == 3 and number not in TERRITORIES:
        return None
    return TERRITORIES[key] if key else METROPOLE


def from_commune(code: str) -> Territory | None:
    """The territory of an INSEE commune code ("97411", "2A004", "57463"); None if it is not one."""
    text = code.strip().upper()
    if not re.fullmatch(r"(\d{5}|2[AB]\d{3})", text):
        return None
    return from_departement(text[:3] if text[:2] in ("97", "98") else text[:2])


def from_postcode(code: str) -> Territory | None:
    """The territory of a French postcode ("97400", "20000", "57000"); None if it is not one."""
    text = re.sub(r"\s+", "", code)
    if not re.fullmatch(r"\d{5}", text):
        return None
    if text in _POSTCODES:
        return TERRITORIES[_POSTCODES[text]]
    if text[:2] == "20":  # Corsica's postcodes (its communes are 2A and 2B)
        return METROPOLE
    return from_departement(text[:3] if text[:2] in ("97", "98") else text[:2])


def territory_of(postcode: str | None = None, attributes: Mapping[str, Any] | None = None) -> Territory:
    """A person's territory: commune code, else département, else postcode, else metropolitan France."""
    plain = {_plain(str(k)): v for k, v in (attributes or {}).items() if v not in (None, "")}
    for names, reader in ((COMMUNE_ATTRIBUTES, from_commune), (DEPARTEMENT_ATTRIBUTES, from_departement)):
        for name in names:
            if name in plain:
                found = reader(str(plain[name]))
                if found is not None:
                    return found
    return (from_postcode(postcode) if postcode else None) or METROPOLE


@lru_cache(maxsize=256)
def _holidays(subdivision: str | None, year: int) -> dict[_dt.date, str]:
    import holidays

    france = holidays.France(subdiv=subdivision, years=year, language="fr")  # type: ignore[attr-defined]
    return dict(france.items())


def holiday_name(territory: Territory, day: _dt.date) -> str | None:
    """The public holiday on that day in that territory (French name), or None."""
    return _holidays(territory.holidays_subdivision, day.year).get(day)


def local_time(territory: Territory, moment: _dt.datetime) -> _dt.datetime:
    """The moment as a clock in that territory shows it (an aware datetime)."""
    return moment.astimezone(territory.tz)


def utc_offset_label(territory: Territory, moment: _dt.datetime) -> str:
    """"UTC+4", "UTC−3", "UTC+1" for that territory at that moment."""
    offset = local_time(territory, moment).utcoffset() or _dt.timedelta()
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
