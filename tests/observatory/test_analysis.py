"""The survey's reading is kept in the shared cache and renewed by every write to a response, edits included."""

import re

import pytest
from django.urls import reverse

from observatory.domain import analysis, responses
from observatory.models import Response

PERSON = {"commune": "91377", "annee_naissance": 1960, "sexe": "femme", "derniere_utilisation": "moins_3_mois"}


@pytest.fixture
def survey(db):
    return [responses.record({**PERSON, "internet_domicile": "oui"}, Response.Channel.ONLINE) for _ in range(40)]


def _no_internet(client) -> str:
    html = client.get(reverse("observatory:dashboard")).content.decode()
    return re.search(r"<th[^>]*>Sans accès à internet à domicile</th>\s*<td>([^<]*)</td>", html).group(1)


def test_a_response_edited_in_place_changes_the_dashboard(client, survey):
    assert _no_internet(client) == "0,0 %"
    edited = survey[0]
    edited.answers = {**edited.answers, "internet_domicile": "non"}
    edited.save()  # same number of responses, same last id: only the generation tells
    assert _no_internet(client) == "2,5 %"
    edited.delete()
    assert _no_internet(client) == "0,0 %"


def test_the_reading_is_computed_once_for_every_process_until_a_write(survey, monkeypatch):
    calls = []
    compute = analysis.compute
    monkeypatch.setattr(analysis, "compute", lambda *a, **k: calls.append(1) or compute(*a, **k))
    first = analysis.current()
    assert analysis.current().n == first.n == 40 and len(calls) == 1  # the second read comes from the shared cache
    responses.record_many([responses.build({**PERSON, "internet_domicile": "non"}, Response.Channel.IMPORT)])
    assert analysis.current().n == 41 and len(calls) == 2  # a bulk write (the import) renews it too


def test_a_bulk_update_is_seen_after_forget(survey):
    assert analysis.current().territory[0][1].share == 0.0
    Response.objects.filter(pk=survey[0].pk).update(answers={**PERSON, "internet_domicile": "non"})
    analysis.forget()
    assert analysis.current().territory[0][1].share == pytest.approx(0.025)
