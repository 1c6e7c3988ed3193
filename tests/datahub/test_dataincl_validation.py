"""Issue 7, item 11: the data·inclusion schema's (pydantic's) errors reach coordinators in French."""

import json

import pytest

from datahub.models import RowIssue
from tests.datahub.conftest import DI_LIEUX, DI_SERVICES_PAGE

pytestmark = pytest.mark.django_db


def test_library_errors_are_said_in_french(imported, tmp_path):
    imported(DI_LIEUX, "lieux", feed="dora-structures", default_source="dora")
    page = json.loads(DI_SERVICES_PAGE.read_text(encoding="utf-8"))
    page["items"][0]["nombre_semaines"] = 1.5
    page["items"][1]["lien_mobilisation"] = "https://dora.inclusion.beta.gouv.fr/services/" + "a" * 2100
    path = tmp_path / "services.json"
    path.write_text(json.dumps(page), encoding="utf-8")
    run = imported(path, "di-services")
    reasons = list(run.issues.filter(level=RowIssue.Level.WARNING).values_list("reason", flat=True))
    assert "« nombre de semaines » : nombre entier attendu : « 1.5 » — valeur ignorée" in reasons
    assert any(r.startswith("Lien de mobilisation invalide ignoré") and len(r) < 200 for r in reasons)
    assert not [r for r in reasons if "should" in r or "Input" in r]
