"""Cleaning the values of real files: phones, e-mails, URLs, names, communes, positions, dates.

Each function returns the clean value (or an empty one) and never raises on bad input;
callers collect what could not be read as warnings.
"""

import math
import re
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from territory.models import Commune
from territory.search import arrondissement_city
from territory.text import fold, fold_commune

_DIGITS = re.compile(r"\D")
# Overseas numbers keep their own country code (lieux standard pattern).
_OVERSEAS = {
    "0590": "+590", "0690": "+590", "0594": "+594", "0694": "+594", "0262": "+262",
    "0692": "+262", "0693": "+262", "0269": "+262", "0639": "+262", "0596": "+596", "0696": "+596",
}  # fmt: skip


def phone(raw) -> str:
    """A French number in international format (+33…), or "" when unreadable."""
    text = str(raw or "").strip()
    digits = _DIGITS.sub("", text)
    if digits.startswith("0033"):
        digits = digits[2:]
    if digits.startswith("330") and len(digits) == 12:  # "+33 (0)1 69…"
        digits = digits[2:]
    elif digits.startswith("33") and len(digits) == 11:
        digits = "0" + digits[2:]
    elif text.startswith("+") and 8 <= len(digits) <= 12:  # another country
        return "+" + digits
    if len(digits) != 10 or not digits.startswith("0"):
        return ""
    prefix = _OVERSEAS.get(digits[:4])
    return (prefix or "+33") + digits[1:]


_email = EmailValidator()
_url = URLValidator(schemes=["http", "https"])


def email(raw) -> str:
    value = str(raw or "").strip().lower().removeprefix("mailto:")
    try:
        _email(value)
    except ValidationError:
        return ""
    return value


def url(raw) -> str:
    value = str(raw or "").strip()
    if not value:
        return ""
    if not re.match(r"^https?://", value, re.IGNORECASE):
        value = "https://" + value.removeprefix("//")
    try:
        _url(value)
    except ValidationError:
        return ""
    return value


_SMALL_WORDS = {"de", "du", "des", "la", "le", "les", "et", "aux", "au", "sur", "sous", "en", "a", "à", "l", "d"}
_COMMON_SHORT = {
    "rue", "av", "ave", "bd", "pl", "imp", "all", "quai", "cite", "parc", "mail", "gare", "hall",
    "rte", "lot", "pont", "tour", "bat", "ile", "mas", "val", "bois", "mont", "port", "camp",
    "ecole", "mairie", "maison", "club", "centre", "salle", "pole", "pays", "ville", "voie", "cour",
    "bis", "ter", "ldt", "bp", "cs", "chez", "pour", "avec", "lieu", "dit", "haut", "bas",
    "grand", "gd", "st", "ste", "fort", "paris", "lyon", "nice", "metz", "caen", "pau", "lens",
    "lien", "vie", "ami", "amis", "art", "arts", "jeux", "bien", "etre", "tous", "cafe", "clos", "pre",
    "mer", "rive", "bus", "lab", "net", "web", "aide", "emploi", "brie", "sud", "nord", "est",
}  # fmt: skip


def _is_mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def display_name(raw: str) -> str:
    """Names received in capitals, made readable; others are left as they are.

    "ICF LA SABLIERE SA D'HLM" → "ICF la Sabliere SA d'HLM": short words that are not ordinary
    words stay in capitals as likely acronyms. Accents lost upstream cannot be restored.
    """
    text = " ".join(str(raw or "").split())
    if not _is_mostly_upper(text):
        return text
    out = []
    for index, word in enumerate(re.split(r"(\s+|-|')", text)):
        lower = word.lower()
        if not word.strip() or word in {"-", "'"}:
            out.append(word)
        elif lower in _SMALL_WORDS:
            out.append(lower if index > 0 else lower.capitalize())
        elif len(word) <= 4 and word.isalpha() and fold(lower) not in _COMMON_SHORT:
            out.append(word)
        else:
            out.append(lower[:1].upper() + lower[1:])
    return "".join(out)


@dataclass(frozen=True)
class CommuneRef:
    """What an import needs of a referential commune (lighter than the model: 35,000 are held)."""

    code_insee: str
    nom: str
    nom_recherche: str
    departement: str
    code_postal_principal: str
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class ResolvedCommune:
    commune: CommuneRef | None
    how: str


class _CommuneIndex:
    """The referential in memory (35,000 communes, a fraction of a second), read by every row of a run."""

    def __init__(self):
        self.by_code: dict[str, CommuneRef] = {}
        self.by_postal: dict[str, list[CommuneRef]] = {}
        self.by_name: dict[str, list[CommuneRef]] = {}
        rows = Commune.objects.values_list(
            "code_insee", "nom", "nom_recherche", "departement", "code_postal_principal", "latitude", "longitude",
            "codes_postaux",
        )  # fmt: skip
        for *fields, codes_postaux in rows.iterator(chunk_size=5000):
            commune = CommuneRef(*fields)
            self.by_code[commune.code_insee] = commune
            self.by_name.setdefault(commune.nom_recherche, []).append(commune)
            for postal in filter(None, codes_postaux.split("|")):
                self.by_postal.setdefault(postal, []).append(commune)


_index: _CommuneIndex | None = None
_resolved: dict[tuple[str, str, str], ResolvedCommune] = {}


def reset_commune_cache() -> None:
    """Forget the referential held in memory (called at the start of every import run)."""
    global _index
    _index = None
    _resolved.clear()


def _communes() -> _CommuneIndex:
    global _index
    if _index is None or not _index.by_code:
        _index = _CommuneIndex()
    return _index


def resolve_commune(name: str, postal_code: str, code_insee: str = "") -> ResolvedCommune:
    """The referential commune meant by a row, from its INSEE code, postal code and name."""
    cache_key = (name or "", postal_code or "", code_insee or "")
    if cache_key not in _resolved:
        if len(_resolved) > 200_000:
            _resolved.clear()
        _resolved[cache_key] = _resolve(*cache_key)
    return _resolved[cache_key]


def _resolve(name: str, postal_code: str, code_insee: str) -> ResolvedCommune:
    index = _communes()
    code_insee = code_insee.strip().upper()
    postal_code = postal_code.strip().zfill(5) if postal_code.strip() else ""
    if code_insee and code_insee in index.by_code:
        return ResolvedCommune(index.by_code[code_insee], "code INSEE")
    folded = arrondissement_city(name) or fold_commune(name)
    by_postal = index.by_postal.get(postal_code, []) if postal_code else []
    if len(by_postal) == 1 and (not folded or _close(folded, by_postal[0].nom_recherche)):
        return ResolvedCommune(by_postal[0], "code postal")
    for commune in by_postal:
        if commune.nom_recherche == folded:
            return ResolvedCommune(commune, "code postal et nom")
    for commune in by_postal:
        if _close(folded, commune.nom_recherche):
            return ResolvedCommune(commune, "code postal et nom approché")
    if folded:
        candidates = index.by_name.get(folded, [])
        if postal_code:
            candidates = [c for c in candidates if c.departement == _departement(postal_code)]
        if len(candidates) == 1:
            return ResolvedCommune(candidates[0], "nom")
    if len(by_postal) == 1:
        return ResolvedCommune(by_postal[0], "code postal seul (nom différent)")
    return ResolvedCommune(None, "introuvable")


def _close(a: str, b: str) -> bool:
    return a == b or a.replace(" ", "") == b.replace(" ", "") or b.startswith(a) or a.startswith(b)


def _departement(postal_code: str) -> str:
    if postal_code.startswith("97"):
        return postal_code[:3]
    if postal_code.startswith("20"):
        return "2A" if postal_code < "20200" else "2B"
    return postal_code[:2]


def coordinates(lat, lon) -> tuple[float, float] | None:
    """A WGS84 position in France (mainland or overseas), or None."""
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon)) or (lat == 0 and lon == 0):
        return None
    if -22 <= lat <= 52 and -63 <= lon <= 56:
        if 41 <= lon <= 52 and -6 <= lat <= 10:  # swapped columns, mainland
            return lon, lat
        return lat, lon
    return None


def iso_date(raw) -> date | None:
    text = str(raw or "").strip()[:10]
    try:
        return date.fromisoformat(text)
    except ValueError:
        match = re.match(r"^(\d{2})/(\d{2})/(\d{4})$", text)
        if match:
            try:
                return date(int(match[3]), int(match[2]), int(match[1]))
            except ValueError:
                return None
    return None


_H_TIME = re.compile(r"\b(\d{1,2})h(\d{2})?\b")
_SHORT_HOUR = re.compile(r"(?<![\d:])(\d):(\d{2})\b")


def repair_hours(raw: str) -> str:
    """Common French slips in OSM hours: "9h30" → "09:30", "9:00" → "09:00"."""
    fixed = _H_TIME.sub(lambda m: f"{int(m[1]):02d}:{m[2] or '00'}", raw)
    return _SHORT_HOUR.sub(lambda m: f"0{m[1]}:{m[2]}", fixed)
