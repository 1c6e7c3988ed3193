"""orientation/rules_messages.py lists, with gettext_noop, every text of the rules file shown to people, so that
makemessages extracts them (the rules are TOML data: `risks` and `explain` pass them through gettext when shown).
It is generated from the rules file: after changing a text there, run
`UPDATE_RULES_MESSAGES=1 .venv/bin/python -m pytest tests/orientation/test_rules_messages.py` and commit it."""

import json
import os
from pathlib import Path

from orientation.domain import rules as rulebook

MODULE = Path(rulebook.__file__).resolve().parent.parent / "rules_messages.py"
HEAD = '''# ruff: noqa: E501
"""The texts of `orientation/rules/risques.toml` shown to people, marked for makemessages (the file is data).
Generated from the rules file by tests/orientation/test_rules_messages.py: do not edit by hand."""

from django.utils.translation import gettext_noop

# fmt: off
MESSAGES = [
'''
PLACEHOLDER_NOTE = "    # Translators: keep the words in braces ({procedure}, {deadline}…) exactly as they are.\n"


def _line(text: str, note: str = "") -> str:
    return f"{note}    gettext_noop({json.dumps(text, ensure_ascii=False)}),\n"


def render(ruleset: rulebook.RuleSet) -> str:
    lines = []
    for rule in ruleset.rules:
        lines += [f"    # {rule.code}\n", _line(rule.name), _line(rule.text)]
        lines.append(_line(rule.reason, PLACEHOLDER_NOTE if "{" in rule.reason else ""))
    for code, procedure in ruleset.procedures.items():
        lines += [f"    # démarche {code}\n", _line(procedure.short), *(_line(d) for d in procedure.documents)]
    return HEAD + "".join(lines) + "]\n# fmt: on\n"


def test_the_messages_module_lists_every_text_of_the_rules_file():
    expected = render(rulebook.load())
    if os.environ.get("UPDATE_RULES_MESSAGES"):
        MODULE.write_text(expected, encoding="utf-8")
    assert MODULE.read_text(encoding="utf-8") == expected, __doc__


def test_the_listed_texts_are_the_shipped_ones():
    from orientation import rules_messages

    shipped = rulebook.load()
    texts = {t for r in shipped.rules for t in (r.name, r.text, r.reason)}
    texts |= {t for p in shipped.procedures.values() for t in (p.short, *p.documents)}
    assert set(rules_messages.MESSAGES) == texts
