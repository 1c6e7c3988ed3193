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
from django.utils.translation import gettext

from territory import overseas
from territory.models import Commune, FormerCommune
from territory.search import arrondissement_city
from territory.text import fold, fold_commune

_DIGITS = re.compile(r"\D")


def phone(raw, departement: str = "") -> str:
    """A French number in international format (+33…, +687…), or "" when unreadable.

    Overseas numbers keep their own country code (lieux standard pattern); a local number of New
    Caledonia, Polynesia, Wallis-et-Futuna or Saint-Pierre-et-Miquelon ("27 31 15") needs `departement`.
    """
    text = str(raw or "").strip()
    digits = _DIGITS.sub("", text)
    if digits.startswith("00"):  # "00 687 27 31 15", "0033 1 69…"
        text, digits = "+" + digits[2:], digits[2:]
    for code, length in overseas.PHONE_PLANS.values():
        if (text.startswith("+") or len(digits) == length + 3) and digits.startswith(code[1:]):
            return code + digits[3:] if len(digits) == length + 3 else ""
    plan = overseas.PHONE_PLANS.get(departement)
    if plan and len(digits) == plan[1]:
        return plan[0] + digits
    if digits.startswith("330") and len(digits) == 12:  # "+33 (0)1 69…"
        digits = digits[2:]
    elif digits.startswith("33") and len(digits) == 11:
        digits = "0" + digits[2:]
    elif text.startswith("+") and 8 <= len(digits) <= 12:  # a DROM country code, or another country
        return "+" + digits
    if len(digits) != 10 or not digits.startswith("0"):
        return ""
    return overseas.NATIONAL_PREFIXES.get(digits[:4], "+33") + digits[1:]


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
    codes_postaux: str = ""
    population: int = 0
    position_approximative: bool = False


@dataclass(frozen=True)
class ResolvedCommune:
    commune: CommuneRef | None
    how: str
    code_insee: str = ""  # the code to keep: an arrondissement's own (13215), else the commune's
    nom: str = ""  # the name to show: "Marseille 15e Arrondissement", else the commune's
    note: str = ""  # what a coordinator should know (a former commune resolved to today's)


class _CommuneIndex:
    """The referential in memory (35,000 communes, a fraction of a second), read by every row of a run."""

    def __init__(self):
        self.by_code: dict[str, CommuneRef] = {}
        self.by_postal: dict[str, list[CommuneRef]] = {}
        self.by_name: dict[str, list[CommuneRef]] = {}
        self.by_bare_name: dict[str, list[CommuneRef]] = {}  # "mont dore" → Le Mont-Dore
        rows = Commune.objects.values_list(
            "code_insee", "nom", "nom_recherche", "departement", "code_postal_principal", "latitude", "longitude",
            "codes_postaux", "population", "position_approximative",
        )  # fmt: skip
        for row in rows.iterator(chunk_size=5000):
            commune = CommuneRef(*row)
            self.by_code[commune.code_insee] = commune
            self.by_name.setdefault(commune.nom_recherche, []).append(commune)
            article, _, bare = commune.nom_recherche.partition(" ")
            if article in _ARTICLES and bare:
                self.by_bare_name.setdefault(bare, []).append(commune)
            for postal in filter(None, commune.codes_postaux.split("|")):
                self.by_postal.setdefault(postal, []).append(commune)
        # Former, delegated and associated communes, arrondissements: (kind, name, today's commune).
        self.former_by_code: dict[str, tuple[str, str, CommuneRef]] = {}
        self.former_by_name: dict[str, list[tuple[str, str, CommuneRef]]] = {}
        former = FormerCommune.objects.values_list("code_insee", "nom", "nom_recherche", "type", "commune_id")
        for code, nom, folded, kind, current in former.iterator(chunk_size=5000):
            entry = (kind, nom, self.by_code[current])
            if code not in self.by_code:
                self.former_by_code.setdefault(code, entry)
            if folded and folded not in self.by_name:
                self.former_by_name.setdefault(folded, []).append(entry)


_ARTICLES = {"le", "la", "les", "l"}
_index: _CommuneIndex | None = None
_resolved: dict[tuple, ResolvedCommune] = {}


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


def resolve_commune(name: str, postal_code: str, code_insee: str = "", territory: str | None = None) -> ResolvedCommune:
    """The referential commune meant by a row, from its INSEE code, postal code and name.

    `territory` (see `territory.overseas.territory_of`), when the row has a position, keeps a name
    from matching a namesake on the other side of the world (Le Mont-Dore, New Caledonia, is not
    Mont-Dore, Puy-de-Dôme).
    """
    cache_key = (name or "", postal_code or "", code_insee or "", territory)
    if cache_key not in _resolved:
        if len(_resolved) > 200_000:
            _resolved.clear()
        found = _resolve(*cache_key)
        if found.commune is not None and not found.code_insee:
            found = ResolvedCommune(found.commune, found.how, found.commune.code_insee, found.commune.nom, found.note)
        _resolved[cache_key] = found
    return _resolved[cache_key]


def _former(entry: tuple[str, str, CommuneRef], code: str, how: str) -> ResolvedCommune:
    kind, nom, current = entry
    if kind == FormerCommune.Kind.ARRONDISSEMENT:
        return ResolvedCommune(current, how, code or current.code_insee, nom)
    label = FormerCommune.Kind(kind).label
    former = f"« {nom} »" if nom else gettext("code %(code)s") % {"code": code}
    note = gettext("Ancienne commune (%(kind)s) %(former)s : rattachée à %(commune)s (%(code)s)") % {
        "kind": label,
        "former": former,
        "commune": current.nom,
        "code": current.code_insee,
    }
    return ResolvedCommune(current, how, note=note)


def _resolve(name: str, postal_code: str, code_insee: str, territory: str | None = None) -> ResolvedCommune:
    index = _communes()
    code_insee = code_insee.strip().upper()
    postal_code = postal_code.strip().zfill(5) if postal_code.strip() else ""
    if code_insee and code_insee in index.by_code:
        return ResolvedCommune(index.by_code[code_insee], "code INSEE")
    if code_insee in index.former_by_code:
        return _former(index.former_by_code[code_insee], code_insee, "ancien code INSEE")
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
        departement = _departement(postal_code) if postal_code else ""
        for names, how in ((index.by_name, "nom"), (index.by_bare_name, "nom sans article")):
            candidates = [c for c in names.get(folded, []) if _plausible(c.departement, departement, territory)]
            if len(candidates) == 1:
                return ResolvedCommune(candidates[0], how)
        former = [e for e in index.former_by_name.get(folded, []) if _plausible(e[2].departement, "", territory)]
        former = [e for e in former if not by_postal or e[2] in by_postal] if by_postal else former
        if len({e[2].code_insee for e in former}) == 1 and (not departement or former[0][2].departement == departement):
            return _former(former[0], "", "ancienne commune")
    if len(by_postal) == 1:
        return ResolvedCommune(by_postal[0], "code postal seul (nom différent)")
    return ResolvedCommune(None, "introuvable")


def _plausible(departement: str, postal_departement: str, territory: str | None) -> bool:
    if postal_departement and departement != postal_departement:
        return False
    return territory is None or overseas.territory_of_departement(departement) == territory


def _close(a: str, b: str) -> bool:
    return a == b or a.replace(" ", "") == b.replace(" ", "") or b.startswith(a) or a.startswith(b)


def _departement(postal_code: str) -> str:
    if postal_code[:2] in ("97", "98"):
        return postal_code[:3]
    if postal_code.startswith("20"):
        return "2A" if postal_code < "20200" else "2B"
    return postal_code[:2]


def coordinates(lat, lon) -> tuple[float, float] | None:
    """A WGS84 position in France (mainland or any overseas territory), or None.

    Swapped columns (longitude first) are put back when only the swapped pair lies in France.
    """
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon)) or (lat == 0 and lon == 0):
        return None
    if overseas.territory_of(lat, lon) is not None:
        return lat, lon
    if overseas.territory_of(lon, lat) is not None:
        return lon, lat
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
