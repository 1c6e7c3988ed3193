"""The questionnaire as data (`questionnaire_v1.toml`) and the one validation every way in uses.

The public form, the mediators' entry form and the file import all call `validate(raw, version)`: the same
French messages, the same rules (an exclusive option such as « Aucune » stands alone, activities only after a
use in the last three months, a plausible year of birth, a known commune).
"""

import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from territory.search import resolve_commune

HERE = Path(__file__).resolve().parent
CURRENT = "v1"
DOMAINS = ("information", "communication", "resolution", "logiciels", "protection")
DOMAIN_LABELS = {
    "information": "s’informer",
    "communication": "communiquer",
    "resolution": "résoudre des problèmes",
    "logiciels": "utiliser des logiciels",
    "protection": "protéger sa vie privée",
}


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    kind: str  # single, multi, year, commune
    section: str
    mirrors: str
    source: str
    required: bool = False
    hint: str = ""
    domain: str = ""
    exclusive: str = ""
    options: tuple[Option, ...] = ()

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(o.value for o in self.options)

    def label_of(self, value: str) -> str:
        return next((o.label for o in self.options if o.value == value), value)


@dataclass(frozen=True)
class Source:
    key: str
    name: str
    publication: str
    url: str
    year: int


@dataclass(frozen=True)
class Questionnaire:
    version: str
    title: str
    minimum_age: int
    questions: tuple[Question, ...]
    sources: dict[str, Source] = field(hash=False)

    def __getitem__(self, key: str) -> Question:
        for question in self.questions:
            if question.key == key:
                return question
        raise KeyError(key)

    @property
    def keys(self) -> list[str]:
        return [q.key for q in self.questions]

    def sections(self) -> list[tuple[str, list[Question]]]:
        grouped: dict[str, list[Question]] = {}
        for question in self.questions:
            grouped.setdefault(question.section, []).append(question)
        return list(grouped.items())


@cache
def load(version: str = CURRENT) -> Questionnaire:
    path = HERE / f"questionnaire_{version}.toml"
    if not path.exists():
        raise KeyError(f"Version de questionnaire inconnue : {version}")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    questions = tuple(
        Question(**{**q, "options": tuple(Option(**o) for o in q.get("options", ()))}) for q in data["questions"]
    )
    sources = {key: Source(key=key, **value) for key, value in data["sources"].items()}
    for question in questions:
        assert question.source in sources, f"{question.key}: source {question.source} inconnue"
    return Questionnaire(data["version"], data["title"], data["minimum_age"], questions, sources)


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.replace(";", "|").replace(",", "|").split("|") if v.strip()]
    return [str(v).strip() for v in value if str(v).strip()]


def _single(question: Question, value) -> tuple[str, str]:
    value = (value or "").strip() if isinstance(value, str) else str(value or "").strip()
    if not value:
        return "", ""
    if value not in question.values:
        allowed = ", ".join(question.values)
        return "", f"réponse « {value} » inconnue (réponses possibles : {allowed})"
    return value, ""


def _multi(question: Question, value) -> tuple[list[str], str]:
    values = _as_list(value)
    unknown = [v for v in values if v not in question.values]
    if unknown:
        return [], f"réponse « {unknown[0]} » inconnue (réponses possibles : {', '.join(question.values)})"
    if question.exclusive and question.exclusive in values and len(values) > 1:
        return [], f"« {question.label_of(question.exclusive)} » ne peut pas être cochée avec une autre réponse"
    return list(dict.fromkeys(values)), ""


def _year(questionnaire: Questionnaire, value, today: date) -> tuple[int | None, str]:
    text = str(value or "").strip()
    if text.endswith(".0"):  # spreadsheets give numbers as floats
        text = text[:-2]
    if not text:
        return None, ""
    if not text.isdigit() or len(text) != 4:
        return None, "écrivez l’année avec quatre chiffres, par exemple 1958"
    year = int(text)
    if year < today.year - 110 or year > today.year - questionnaire.minimum_age:
        oldest, youngest = today.year - 110, questionnaire.minimum_age
        return None, f"l’enquête s’adresse aux personnes de {youngest} ans ou plus nées après {oldest}"
    return year, ""


def validate(raw: dict, version: str = CURRENT, today: date | None = None) -> tuple[dict, dict[str, str]]:
    """(answers, errors): answers by key (strings, lists, a year, an INSEE code); errors by key, in French."""
    questionnaire = load(version)
    today = today or date.today()
    answers: dict = {}
    errors: dict[str, str] = {}
    for question in questionnaire.questions:
        value = raw.get(question.key)
        if question.kind == "single":
            answer, error = _single(question, value)
        elif question.kind == "multi":
            answer, error = _multi(question, value)
        elif question.kind == "year":
            answer, error = _year(questionnaire, value, today)
        else:
            text = str(value or "").strip()
            commune = resolve_commune(text) if text else None
            answer, error = (
                (commune.code_insee if commune else ""),
                ("" if commune or not text else f"commune « {text} » introuvable"),
            )
        if error:
            errors[question.key] = error
        elif question.required and answer in ("", None, []):
            errors[question.key] = "réponse obligatoire"
        answers[question.key] = answer
    if answers.get("derniere_utilisation") and answers["derniere_utilisation"] != "moins_3_mois":
        for question in questionnaire.questions:
            if question.domain and answers[question.key] and answers[question.key] != [question.exclusive]:
                errors.setdefault(
                    question.key,
                    "ces activités ne concernent que les personnes ayant utilisé internet ces trois derniers mois",
                )
    return answers, errors
