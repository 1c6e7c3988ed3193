"""Every text of the questionnaire shown to people is listed for makemessages (observatory/survey/messages_v1.py)."""

import ast
from pathlib import Path

from observatory.survey import questionnaire

MESSAGES_FILE = Path(questionnaire.__file__).resolve().parent / "messages_v1.py"


def _listed() -> set[str]:
    tree = ast.parse(MESSAGES_FILE.read_text(encoding="utf-8"))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "gettext_noop"
    }


def test_every_text_of_the_questionnaire_is_listed_for_translation():
    survey = questionnaire.load("v1")
    texts = {survey.title}
    for question in survey.questions:
        texts |= {question.section, question.label, question.hint, question.mirrors}
        texts |= {option.label for option in question.options}
    for source in survey.sources.values():
        texts |= {source.name, source.publication}
    assert texts - {""} - _listed() == set()
