"""Citizen juries: applications confirmed by link, list frozen by its digest, draw, re-run, anonymisation."""

import datetime
import io

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from civic.domain import draw as method
from civic.domain import juries
from civic.models import Volunteer
from core import algorithms, retention
from tests.civic.conftest import deliver, link_in
from tests.factories_civic import JuryFactory, VolunteerFactory

pytestmark = pytest.mark.django_db
AREAS, AGES = ["Massy", "Orsay"], ["16-29", "30-44", "60-74"]


@pytest.fixture
def coordinator():
    return User.objects.create_user("coord@exemple.fr", role=User.Role.COORDINATOR)


def filled(seats=4, n=24):
    jury = JuryFactory(seats=seats)
    for i in range(n):
        VolunteerFactory(jury=jury, number=i + 1, area=AREAS[i % 2], age_band=AGES[i % 3], sex="FM"[i // 12])
    return jury


def test_a_volunteer_applies_confirms_and_gets_a_number(client):
    jury = JuryFactory()
    data = {"first_name": "Inès", "last_name": "Roux", "email": "ines@exemple.fr", "area": "Massy",
            "age_band": "30-44", "sex": "F", "consent": "on"}  # fmt: skip
    client.post(reverse("civic:jury", args=[jury.slug]), data)
    volunteer = Volunteer.objects.get()
    assert volunteer.confirmed_at is None and juries.pool(jury).count() == 0
    path = link_in(deliver()[0], "/jurys/candidature/")
    client.post(path)
    volunteer.refresh_from_db()
    assert volunteer.confirmed_at is not None and volunteer.number == 1


def test_the_draw_is_reproducible_from_the_published_seed_and_list(client, coordinator, tmp_path):
    jury = filled()
    client.force_login(coordinator)
    draw_url = reverse("civic:draw", args=[jury.slug])
    client.post(draw_url, {"step": "clore", "seed_source": "Loto du 14 mars 2027"})
    jury.refresh_from_db()
    assert jury.status == "clos" and len(jury.volunteers_digest) == 64
    client.logout()
    published = client.get(reverse("civic:volunteers-csv", args=[jury.slug])).content.decode()
    assert published.splitlines()[0] == "numero,zone,tranche_age,sexe" and "exemple.fr" not in published
    assert "Martin" not in published and method.digest(method.from_csv(published)) == jury.volunteers_digest
    client.force_login(coordinator)
    client.post(draw_url, {"step": "tirer", "seed": "5 12 19 33 47 - 8"})
    jury.refresh_from_db()
    drawn = list(
        jury.volunteers.filter(drawn_rank__isnull=False).order_by("drawn_rank").values_list("number", flat=True)
    )
    assert len(drawn) == 4
    file = tmp_path / "volontaires.csv"
    file.write_text(published, encoding="utf-8")
    out = io.StringIO()
    call_command("jury_draw", seed="5 12 19 33 47 - 8", seats=4, volunteers=str(file), stdout=out)
    assert "Tirés, par rang : " + ", ".join(map(str, drawn)) in out.getvalue()
    call_command("jury_draw", jury=jury.slug, stdout=out)
    assert "Identique au résultat publié." in out.getvalue()
    page = client.get(reverse("civic:jury", args=[jury.slug])).content.decode()
    assert "Alex M." in page and "@exemple.fr" not in page and "Martin1" not in page
    assert len([m for m in deliver() if "tiré au sort" in m.subject]) == 4


def test_the_draw_is_stratified_two_areas_share_the_seats(coordinator):
    jury = filled(seats=6, n=24)
    juries.close(jury, coordinator, seed_source="Loto")
    drawn = juries.run_draw(jury, coordinator, seed="graine")
    quotas = method.quotas(juries.entries(jury), 6, "graine")
    by_cell = {}
    for v in drawn:
        by_cell[(v.area, v.age_band, v.sex)] = by_cell.get((v.area, v.age_band, v.sex), 0) + 1
    assert by_cell == {c: q for c, q in quotas.items() if q}
    assert sum(1 for v in drawn if v.area == "Massy") == 3


def test_a_list_changed_after_its_digest_was_published_is_refused(coordinator):
    jury = filled()
    juries.close(jury, coordinator, seed_source="Loto")
    Volunteer.objects.filter(jury=jury, number=1).update(area="Palaiseau")
    with pytest.raises(ValidationError, match="a changé"):
        juries.run_draw(jury, coordinator, seed="graine")


def test_volunteers_names_and_contacts_are_erased_after_the_jury(coordinator, settings):
    settings.ANCRAGE_CIVIC_JURY_RETENTION_DAYS = 30
    jury = filled()
    juries.close(jury, coordinator, seed_source="Loto")
    juries.run_draw(jury, coordinator, seed="graine")
    juries.end(jury, coordinator)
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=31)
    with time_machine.travel(later, tick=False):
        retention.apply()
    volunteer = Volunteer.objects.filter(jury=jury, drawn_rank=1).get()
    assert (volunteer.first_name, volunteer.last_name, volunteer.email) == ("", "", "")
    assert volunteer.public_name == f"Volontaire n° {volunteer.number}" and volunteer.area


def test_the_draw_is_declared_in_the_register_from_the_code_s_constants():
    declaration = algorithms.declaration("tirage-jury")
    values = {p.name: p.value for p in declaration.parameters}
    assert values["Strates"] == ", ".join(method.STRATA) and declaration.rules_version == method.VERSION
    assert declaration.module == "civic.domain.draw"


def test_the_coordination_types_paper_applications_until_the_list_is_closed(client, coordinator):
    coordinator.is_staff = True
    coordinator.save()
    jury = filled()
    client.force_login(coordinator)
    url = reverse("admin:civic_jury_change", args=[jury.pk])
    assert 'name="volunteers-0-first_name"' in client.get(url).content.decode()
    juries.close(jury, coordinator, seed_source="Loto")
    page = client.get(url).content.decode()
    assert 'name="volunteers-0-first_name"' not in page and "Alex" in page
