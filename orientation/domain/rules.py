"""The exclusion-risk rules as data (`orientation/rules/risques.toml`), loaded and checked once.

A tiny condition language, evaluated by walking the parsed TOML (no `eval`): a node is
`{all = [...]}`, `{any = [...]}`, `{not = node}` or a predicate `{field = "…", <operator> = value}`.
The loader refuses an unknown key, field, operator, need, support or placeholder with a clear error,
so a broken file stops the site at startup (`OrientationConfig.ready`) and the tests.
"""

import datetime
import string
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from directory.needs import BY_SLUG as NEED_SLUGS
from orientation.models import DOMAIN_OF_FIELD, Account, Procedure
from standards import lieux

RULES_FILE = Path(__file__).resolve().parent.parent / "rules" / "risques.toml"

# The fields a condition may read, and their kind: "text", "list", "date" or "bool".
FIELDS = {
    "equipment": "list",
    "internet_home": "text",
    "has_email": "text",
    "accounts": "list",
    **dict.fromkeys(DOMAIN_OF_FIELD, "text"),
    "reading": "text",
    "language": "text",
    "disabilities": "list",
    "mobility": "text",
    "procedure": "text",
    "deadline": "date",
    "procedure_online_only": "bool",
    "procedure_account_missing": "bool",
    "procedure_weak_skills": "list",
}
# operator → (kinds of field it applies to, type of its value)
OPERATORS = {
    "equals": ({"text", "bool"}, (str, bool)),
    "in": ({"text"}, list),
    "contains": ({"list"}, str),
    "lacks": ({"list"}, str),
    "contains_any": ({"list"}, list),
    "is_empty": ({"text", "list", "date"}, bool),
    "not_empty": ({"text", "list", "date"}, bool),
    "within_days": ({"date"}, int),
}
PLACEHOLDERS = {"procedure", "deadline", "days", "account", "weak_skills", "language"}
RULE_KEYS = {"code", "name", "text", "reason", "when", "needs", "in_person", "remote", "supports", "language"}
PROCEDURE_KEYS = {"short", "online_only", "account", "skills", "needs", "documents"}
SKILL_DOMAINS = set(DOMAIN_OF_FIELD.values())


class RulesError(ValueError):
    """The rules file is wrong; the message says where and how."""


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    text: str
    reason: str
    when: dict
    needs: tuple[str, ...] = ()
    in_person: bool = False
    remote: bool = False
    supports: tuple[str, ...] = ()
    language: bool = False


@dataclass(frozen=True)
class ProcedureInfo:
    code: str
    short: str
    online_only: bool
    account: str
    skills: tuple[str, ...]
    needs: tuple[str, ...]
    documents: tuple[str, ...]


@dataclass(frozen=True)
class RuleSet:
    version: str
    date: datetime.date
    rules: tuple[Rule, ...]
    procedures: dict[str, ProcedureInfo]


# --- evaluation ------------------------------------------------------------------------------------------------


def holds(node: dict, facts: dict, today: datetime.date) -> bool:
    """Whether a (validated) condition holds for these facts."""
    if "all" in node:
        return all(holds(child, facts, today) for child in node["all"])
    if "any" in node:
        return any(holds(child, facts, today) for child in node["any"])
    if "not" in node:
        return not holds(node["not"], facts, today)
    value = facts.get(node["field"])
    (operator, expected), *_ = ((k, v) for k, v in node.items() if k != "field")
    if operator == "equals":
        return value == expected
    if operator == "in":
        return value in expected
    if operator == "contains":
        return expected in (value or ())
    if operator == "lacks":
        return expected not in (value or ())
    if operator == "contains_any":
        return bool(set(expected) & set(value or ()))
    empty = value in (None, "", [], ())
    if operator == "is_empty":
        return empty == expected
    if operator == "not_empty":
        return (not empty) == expected
    # within_days: a deadline in the next N days, or already passed
    return value is not None and (value - today).days <= expected


# --- loading and checking --------------------------------------------------------------------------------------


def _check_node(node, where: str) -> None:
    if not isinstance(node, dict) or not node:
        raise RulesError(f"{where} : une condition doit être une table non vide")
    if set(node) & {"all", "any", "not"}:
        if len(node) != 1:
            raise RulesError(f"{where} : « all », « any » ou « not » doit être seul dans sa table")
        key, value = next(iter(node.items()))
        if key == "not":
            _check_node(value, f"{where}.not")
            return
        if not isinstance(value, list) or not value:
            raise RulesError(f"{where}.{key} : une liste de conditions est attendue")
        for i, child in enumerate(value):
            _check_node(child, f"{where}.{key}[{i}]")
        return
    field = node.get("field")
    if field not in FIELDS:
        raise RulesError(f"{where} : champ inconnu {field!r} (champs possibles : {', '.join(FIELDS)})")
    operators = [k for k in node if k != "field"]
    if len(operators) != 1 or operators[0] not in OPERATORS:
        raise RulesError(f"{where} : opérateur inconnu ou absent {operators!r} (possibles : {', '.join(OPERATORS)})")
    operator = operators[0]
    kinds, value_type = OPERATORS[operator]
    if FIELDS[field] not in kinds:
        raise RulesError(f"{where} : l’opérateur {operator!r} ne s’applique pas au champ {field!r}")
    if not isinstance(node[operator], value_type) or (value_type is int and isinstance(node[operator], bool)):
        raise RulesError(f"{where} : valeur de {operator!r} du mauvais type")


def _check_template(template: str, where: str) -> None:
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is not None and (name not in PLACEHOLDERS or spec or conversion):
            raise RulesError(f"{where} : « {{{name}}} » n’est pas une variable permise ({', '.join(PLACEHOLDERS)})")


def _check_needs(needs, where: str) -> tuple[str, ...]:
    unknown = [n for n in needs if n not in NEED_SLUGS]
    if unknown:
        raise RulesError(f"{where} : besoin inconnu de l’annuaire {unknown!r} (voir directory/needs.py)")
    return tuple(needs)


def _rule(raw: dict, index: int) -> Rule:
    where = f"règle n° {index + 1} ({raw.get('code', 'sans code')})"
    unknown = set(raw) - RULE_KEYS
    if unknown:
        raise RulesError(f"{where} : clé inconnue {sorted(unknown)!r}")
    for key in ("code", "name", "text", "reason", "when"):
        if not raw.get(key):
            raise RulesError(f"{where} : « {key} » manque")
    _check_node(raw["when"], f"{where}, when")
    _check_template(raw["reason"], f"{where}, reason")
    supports = tuple(raw.get("supports", ()))
    bad = [s for s in supports if s not in lieux.PRISE_EN_CHARGE_SPECIFIQUE]
    if bad:
        raise RulesError(f"{where} : prise en charge inconnue {bad!r}")
    return Rule(
        code=raw["code"], name=raw["name"], text=raw["text"], reason=raw["reason"], when=raw["when"],
        needs=_check_needs(raw.get("needs", ()), where), in_person=bool(raw.get("in_person")),
        remote=bool(raw.get("remote")), supports=supports, language=bool(raw.get("language")),
    )  # fmt: skip


def _procedure(code: str, raw: dict) -> ProcedureInfo:
    where = f"démarche {code!r}"
    if code not in Procedure.values:
        raise RulesError(f"{where} : inconnue de la fiche (orientation/models.py, Procedure)")
    unknown = set(raw) - PROCEDURE_KEYS
    missing = PROCEDURE_KEYS - set(raw)
    if unknown or missing:
        raise RulesError(f"{where} : clés inconnues {sorted(unknown)!r} ou manquantes {sorted(missing)!r}")
    if raw["account"] and raw["account"] not in Account.values:
        raise RulesError(f"{where} : compte inconnu {raw['account']!r}")
    if set(raw["skills"]) - SKILL_DOMAINS:
        raise RulesError(f"{where} : domaine de compétence inconnu {sorted(set(raw['skills']) - SKILL_DOMAINS)!r}")
    return ProcedureInfo(
        code=code, short=raw["short"], online_only=bool(raw["online_only"]), account=raw["account"],
        skills=tuple(raw["skills"]), needs=_check_needs(raw["needs"], where), documents=tuple(raw["documents"]),
    )  # fmt: skip


def parse(text: str) -> RuleSet:
    """A checked rule set from the TOML text; `RulesError` says what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RulesError(f"fichier des règles illisible : {error}") from error
    unknown = set(data) - {"version", "date", "rules", "procedures"}
    if unknown:
        raise RulesError(f"clé inconnue en tête du fichier : {sorted(unknown)!r}")
    if not isinstance(data.get("version"), str) or not isinstance(data.get("date"), datetime.date):
        raise RulesError("« version » (texte) et « date » (AAAA-MM-JJ) sont obligatoires en tête du fichier")
    rules = tuple(_rule(raw, i) for i, raw in enumerate(data.get("rules", [])))
    codes = [r.code for r in rules]
    if len(set(codes)) != len(codes):
        raise RulesError(f"codes de règle en double : {sorted({c for c in codes if codes.count(c) > 1})!r}")
    procedures = {code: _procedure(code, raw) for code, raw in data.get("procedures", {}).items()}
    missing = set(Procedure.values) - set(procedures)
    if missing:
        raise RulesError(f"démarches sans description : {sorted(missing)!r}")
    return RuleSet(version=data["version"], date=data["date"], rules=rules, procedures=procedures)


@lru_cache(maxsize=1)
def load() -> RuleSet:
    """The shipped rules (read once per process)."""
    return parse(RULES_FILE.read_text(encoding="utf-8"))
