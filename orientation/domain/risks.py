"""From a situation sheet to named exclusion risks, each with its reason in plain French.

The rules are data (`orientation/rules/risques.toml`, loaded by `rules.load()`); this module only builds
the facts a rule may read and phrases the reason. A rule's name and reason go through gettext when shown (their
msgids are listed in `orientation/rules_messages.py`, generated from the rules file).
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from orientation.domain import rules as rulebook
from orientation.models import DOMAIN_OF_FIELD, SKILL_DOMAINS, Account, Skill
from web import french

WEAK = {Skill.HELPED, Skill.NOT}
DOMAIN_LABELS = {domain: SKILL_DOMAINS[field] for field, domain in DOMAIN_OF_FIELD.items()}


@dataclass(frozen=True)
class Risk:
    code: str
    name: str
    reason: str
    rule: rulebook.Rule


def procedure_of(situation, ruleset: rulebook.RuleSet | None = None) -> rulebook.ProcedureInfo | None:
    ruleset = ruleset or rulebook.load()
    return ruleset.procedures.get(situation.procedure)


def weak_skills(situation, procedure: rulebook.ProcedureInfo | None) -> list[str]:
    """The INSEE domains the procedure needs where the person needs help or cannot do it at all."""
    if procedure is None:
        return []
    by_domain = {domain: getattr(situation, field) for field, domain in DOMAIN_OF_FIELD.items()}
    return [domain for domain in procedure.skills if by_domain[domain] in WEAK]


def facts(situation, ruleset: rulebook.RuleSet | None = None) -> dict:
    """What a rule's condition may read: the sheet's fields, and what follows from its procedure."""
    procedure = procedure_of(situation, ruleset)
    values = {field: getattr(situation, field) for field in rulebook.FIELDS if hasattr(situation, field)}
    values["deadline"] = situation.deadline
    values["procedure_online_only"] = bool(procedure and procedure.online_only)
    values["procedure_account_missing"] = bool(
        procedure and procedure.account and procedure.account not in (situation.accounts or [])
    )
    values["procedure_weak_skills"] = weak_skills(situation, procedure)
    return values


def _placeholders(situation, procedure, today: datetime.date) -> dict:
    deadline = situation.deadline
    return {
        "procedure": _(procedure.short) if procedure else _("administrative"),
        "deadline": french.day(deadline, year=deadline.year != today.year) if deadline else "",
        "days": str((deadline - today).days) if deadline else "",
        "account": str(Account(procedure.account).label) if procedure and procedure.account else "",
        "weak_skills": _and([DOMAIN_LABELS[d] for d in weak_skills(situation, procedure)]),
        "language": situation.language.strip(),
    }


def _and(items: list[str]) -> str:
    items = [str(item) for item in items]
    if len(items) < 2:
        return items[0] if items else ""
    return _("%(items)s et %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


def risks(situation, today: datetime.date | None = None, ruleset: rulebook.RuleSet | None = None) -> list[Risk]:
    """The risks whose rule holds for the sheet, in the file's order."""
    ruleset = ruleset or rulebook.load()
    today = today or timezone.localdate()
    known = facts(situation, ruleset)
    procedure = procedure_of(situation, ruleset)
    words = _placeholders(situation, procedure, today)
    return [
        Risk(code=rule.code, name=_(rule.name), reason=_(rule.reason).format_map(words), rule=rule)
        for rule in ruleset.rules
        if rulebook.holds(rule.when, known, today)
    ]
