"""The questionnaire as data (`questionnaire_v1.toml`) and the one validation every way in uses.

The public form, the mediators' entry form and the file import all call `validate(raw, version)`: the same
messages (French source, through gettext), the same rules (an exclusive option such as « Aucune » stands alone,
activities only after a use in the last three months, a plausible year of birth, a known commune).
"""

import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from territory.search import resolve_commune

HERE = Path(__file__).resolve().parent
CURRENT = "v1"
OLDEST_BIRTH_YEAR = 1900
NOT_GIVEN = gettext_noop("Non renseigné")  # what a mediator records for a question left blank on a paper questionnaire
DOMAINS = ("information", "communication", "resolution", "logiciels", "protection")
DOMAIN_LABELS = {
    "information": gettext_lazy("s’informer"),
    "communication": gettext_lazy("communiquer"),
    "resolution": gettext_lazy("résoudre des problèmes"),
    "logiciels": gettext_lazy("utiliser des logiciels"),
    "protection": gettext_lazy("protéger sa vie privée"),
}


def translated(text: str):
    """A text of the questionnaire file (title, section, question, hint, option), as shown to people: through
    gettext, lazily (the msgids are listed by `messages_v1.py` for makemessages). The stored values and the
    French labels that validation and the import read stay the file's."""
    return gettext_lazy(text) if text else ""


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

    def value_of(self, text: str) -> str | None:
        """The option a code or a printed label names (case, accents, apostrophes and spaces ignored)."""
        wanted = fold(text)
        for option in self.options:
            if wanted in (fold(option.value), fold(option.label)):
                return option.value
        return None


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


def fold(text: str) -> str:
    """Lower case, no accents, one kind of apostrophe, single spaces: « Très à l’aise » ≈ « tres a l'aise »."""
    text = unicodedata.normalize("NFKD", str(text).replace("’", "'")).encode("ascii", "ignore").decode("ascii")
    return " ".join(text.lower().split())


def is_blank(value) -> bool:
    """No answer: empty, or « non renseigné » as a mediator may write it for a blank on paper."""
    text = "" if value is None else value if isinstance(value, str) else ""
    if isinstance(value, list | tuple):
        return not [v for v in value if not is_blank(v)]
    return not text.strip() or fold(text) in ("non renseigne", "nr", "non_renseigne")


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.replace(";", "|").split("|") if v.strip() and not is_blank(v)]
    return [str(v).strip() for v in value if str(v).strip() and not is_blank(str(v))]


def _single(question: Question, value) -> tuple[str, str]:
    value = (value or "").strip() if isinstance(value, str) else str(value or "").strip()
    if is_blank(value):
        return "", ""
    found = question.value_of(value)
    if found is None:
        allowed = " ; ".join(o.label for o in question.options)
        return "", _("réponse « %(value)s » inconnue (réponses possibles : %(allowed)s)") % {
            "value": value,
            "allowed": allowed,
        }
    return found, ""


def _multi(question: Question, value) -> tuple[list[str], str]:
    given = []
    for piece in _as_list(value):  # « | » or « ; » between answers; « , » too when it is not inside a label
        known = question.value_of(piece) is not None or "," not in piece
        given.extend([piece] if known else [p.strip() for p in piece.split(",") if p.strip()])
    values = [question.value_of(v) for v in given]
    if None in values:
        allowed = " ; ".join(o.label for o in question.options)
        return [], _("réponse « %(value)s » inconnue (réponses possibles : %(allowed)s)") % {
            "value": given[values.index(None)],
            "allowed": allowed,
        }
    if question.exclusive and question.exclusive in values and len(values) > 1:
        return [], _("« %(option)s » ne peut pas être cochée avec une autre réponse") % {
            "option": _(question.label_of(question.exclusive))
        }
    return list(dict.fromkeys(values)), ""


def _year(questionnaire: Questionnaire, value, today: date) -> tuple[int | None, str]:
    text = str(value or "").strip()
    if text.endswith(".0"):  # spreadsheets give numbers as floats
        text = text[:-2]
    if is_blank(text):
        return None, ""
    if not text.isdigit() or len(text) != 4:
        return None, _("écrivez l’année avec quatre chiffres, par exemple 1958")
    year, latest = int(text), today.year - questionnaire.minimum_age
    if not OLDEST_BIRTH_YEAR <= year <= latest:
        return None, _(
            "l’année de naissance doit être comprise entre %(oldest)s et %(latest)s "
            "(l’enquête s’adresse aux personnes de %(age)s ans ou plus)"
        ) % {"oldest": OLDEST_BIRTH_YEAR, "latest": latest, "age": questionnaire.minimum_age}
    return year, ""


def validate(
    raw: dict, version: str = CURRENT, today: date | None = None, *, blanks_allowed: bool = False
) -> tuple[dict, dict[str, str]]:
    """(answers, errors): answers by key (strings, lists, a year, an INSEE code); errors by key, translated.

    Options are read from their code or their printed label. `blanks_allowed` (paper entry, import): any question
    may be left « non renseigné » (a paper questionnaire with blanks is recorded as it is); online, the questions
    marked `required` in the questionnaire must be answered. A blank answer is "" / [] / None: the analysis leaves
    it out of the base of every indicator that needs it."""
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
            text = "" if is_blank(str(value or "")) else str(value).strip()
            commune = resolve_commune(text) if text else None
            answer, error = (
                (commune.code_insee if commune else ""),
                ("" if commune or not text else _("commune « %(name)s » introuvable") % {"name": text}),
            )
        if error:
            errors[question.key] = error
        elif question.required and not blanks_allowed and answer in ("", None, []):
            errors[question.key] = _("réponse obligatoire")
        answers[question.key] = answer
    if answers.get("derniere_utilisation") and answers["derniere_utilisation"] != "moins_3_mois":
        for question in questionnaire.questions:
            if question.domain and answers[question.key] and answers[question.key] != [question.exclusive]:
                errors.setdefault(
                    question.key,
                    _("ces activités ne concernent que les personnes ayant utilisé internet ces trois derniers mois"),
                )
    return answers, errors
