"""The benefits' names and how to claim them (data the translation tools cannot read) are listed for translation."""

import ast
from pathlib import Path

from rights import messages
from rights.domain.precheck import procedures
from rights.situation import BENEFITS


def _listed() -> set[str]:
    tree = ast.parse(Path(messages.__file__).read_text(encoding="utf-8"))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "gettext_noop"
    }


def test_every_benefit_name_and_procedure_text_is_listed_for_translation():
    texts = {b.label for b in BENEFITS}
    for key, procedure in procedures().items():
        if key.startswith("_"):
            continue
        texts |= {procedure.get(f, "") for f in ("organisme", "contact", "demarche")}
        texts |= {*procedure.get("pieces", []), *procedure.get("non_verifie", [])}
    assert texts - {""} - _listed() == set()
