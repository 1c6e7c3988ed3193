"""RGAA 8.2 for « Vérifier ses droits »: the questionnaire (empty, with errors, engine down) and the result are
valid HTML."""

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone

from rights.domain import followup
from rights.models import FollowUp, Handover
from tests.factories_orientation import ProfessionalFactory
from tests.rights.test_views import ANSWERS
from tests.web.test_html_validity import validate

pytestmark = pytest.mark.django_db


@time_machine.travel("2026-12-15 10:00 +01:00", tick=False)
def test_every_page_is_valid_html(client, rights_engine, tmp_path):
    pages = {"questionnaire": client.get("/droits/").content}
    pages["erreurs"] = client.post("/droits/", {**ANSWERS, "commune": "Zzzz", "e5_ecole": "lycee"}).content
    with override_settings(ANCRAGE_RIGHTS_ENGINE_URL="http://127.0.0.1:9", ANCRAGE_RIGHTS_ENGINE_TIMEOUT=1):
        pages["indisponible"] = client.post("/droits/", ANSWERS).content
    client.post("/droits/", {**ANSWERS, "percu_aide_logement": "470"})
    pages["resultats"] = client.get("/droits/resultats/").content
    pages["suivi-erreurs"] = client.post("/droits/suivi/", {"email": "pas une adresse"}).content
    item = FollowUp.objects.create(
        email="x@exemple.fr",
        code_insee="91377",
        benefits="ppa|css",
        consented_at=timezone.now(),
        send_after=timezone.now(),
    )
    path = followup.link(item).split("://", 1)[1].split("/", 1)[1]
    pages["suivi-question"] = client.get("/" + path).content
    pages["suivi-merci"] = client.post("/" + path, {"ppa": "rien"}).content
    pages["suivi-lien"] = client.get("/" + path).content
    pages["transmettre-erreurs"] = client.post("/droits/transmettre/", {"transmettre-email": "x"}).content
    client.force_login(ProfessionalFactory())
    client.post("/droits/transmettre/", {"transmettre-consent": "on", "garder": ""})
    pages["transmis-liste"] = client.get("/droits/transmis/").content
    pages["transmis"] = client.get(f"/droits/transmis/{Handover.objects.get().pk}/").content
    pages["transmis-lien"] = client.get("/droits/resultat-transmis/faux/").content
    files = []
    for name, content in pages.items():
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(content)
    assert validate(files) == []
