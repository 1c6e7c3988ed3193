"""Councils: the greffe's vote sheet (proxies), attendance, pages, CSV import all or nothing, SCDL open data."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.models import User
from civic import exports
from civic.domain import council_import, councils
from civic.models import Deliberation, Vote
from opendata import catalog
from tests.factories_civic import CouncilFactory, CouncillorFactory, DeliberationFactory, SittingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    council = CouncilFactory(seats=4)
    names = [("Ada Lovelace", "ada"), ("Blaise Pascal", "blaise"), ("Claude Shannon", "claude"), ("Dora Maar", "dora")]
    members = [CouncillorFactory(council=council, name=n, slug=s) for n, s in names]
    delib = DeliberationFactory(sitting=SittingFactory(council=council))
    clerk = User.objects.create_user("greffe@exemple.fr")
    clerk.user_permissions.add(Permission.objects.get(codename="greffe"))
    return council, members, delib, User.objects.get(pk=clerk.pk)


def sheet(members, *rows):
    return {m.pk: row for m, row in zip(members, rows, strict=True)}


def test_a_clerk_records_votes_with_a_proxy_and_totals_and_attendance_follow(world):
    _council, (a, b, c, d), delib, clerk = world
    councils.record_votes(
        delib, clerk, sheet([a, b, c, d], ("pour", None), ("pour", None), ("contre", None), ("pour", b.pk))
    )
    t = councils.totals(delib)
    assert (t.yes, t.no, t.abstention, t.absent, t.voters, t.proxies) == (3, 1, 0, 0, 4, 1)
    assert councils.attendance(d).represented == 1 and councils.attendance(d).rate == 0
    assert councils.attendance(a).rate == 100


def test_the_vote_sheet_is_refused_whole_with_reasons(world):
    _council, (a, b, c, d), delib, clerk = world
    with pytest.raises(ValidationError) as error:
        councils.record_votes(
            delib, clerk, sheet([a, b, c, d], ("pour", None), ("absent", None), ("pour", b.pk), ("pour", a.pk))
        )
    assert any("doit voter en personne" in m for m in error.value.messages)
    with pytest.raises(ValidationError) as error:
        councils.record_votes(
            delib, clerk, sheet([a, b, c, d], ("pour", None), ("pour", None), ("pour", a.pk), ("pour", a.pk))
        )
    assert any("un seul pouvoir par élu" in m for m in error.value.messages)
    with pytest.raises(ValidationError, match="vote manquant"):
        councils.record_votes(delib, clerk, sheet([a, b, c], ("pour", None), ("pour", None), ("pour", None)))
    assert not Vote.objects.exists()


def test_only_the_greffe_and_the_coordination_enter_votes(world, client):
    council, _members, delib, _clerk = world
    with pytest.raises(PermissionDenied):
        councils.record_votes(delib, User.objects.create_user("x@exemple.fr"), {})
    client.force_login(User.objects.create_user("y@exemple.fr"))
    assert client.get(reverse("civic:enter", args=[council.slug])).status_code == 403


def test_the_clerk_form_then_the_vote_sheet_publish_each_councillor_s_vote(world, client):
    council, (a, b, c, d), _delib, clerk = world
    client.force_login(clerk)
    response = client.post(reverse("civic:enter", args=[council.slug]), {
        "date": "2027-04-02", "place": "Orsay", "number": "2027-020", "title": "Tablettes en prêt",
        "subject_code": "7.1", "subject_name": "Finances locales/Décisions budgétaires", "result": "adoptee",
    })  # fmt: skip
    delib = Deliberation.objects.get(number="2027-020")
    assert response.url == reverse("civic:votes-entry", args=[council.slug, delib.pk])
    data = {f"vote_{m.pk}": v for m, v in zip([a, b, c, d], ["pour", "contre", "abstention", "absent"], strict=True)}
    page = client.post(response.url, {**data, f"pouvoir_{d.pk}": str(a.pk)}).content.decode()
    assert "ne donne pas de pouvoir" in page
    client.post(response.url, data)
    page = client.get(reverse("civic:deliberation", args=[council.slug, delib.pk])).content.decode()
    for name, choice in [("Ada Lovelace", "pour"), ("Blaise Pascal", "contre"), ("Claude Shannon", "abstention")]:
        assert name in page and f"<td>{choice}</td>" in page
    assert "1 pour, 1 contre, 1 abstention, 1 absent" in page
    person = client.get(reverse("civic:councillor", args=[council.slug, "dora"])).content.decode()
    assert "absent à 1" in person


def test_public_pages_of_council_and_sitting(world, client):
    council, members, delib, clerk = world
    councils.record_votes(delib, clerk, sheet(members, *[("pour", None)] * 4))
    assert "Ada Lovelace" in client.get(reverse("civic:council", args=[council.slug])).content.decode()
    page = client.get(reverse("civic:sitting", args=[council.slug, "2027-03-12"])).content.decode()
    assert delib.title in page
    assert client.get(reverse("civic:sitting", args=[council.slug, "12-03-2027"])).status_code == 404


CSV = """date_seance;lieu;numero;objet;matiere_code;matiere_nom;resultat;elu;vote;pouvoir_a
12/03/2027;Orsay;2027-001;Budget;7.1;Finances locales/Décisions budgétaires;adoptée;Ada Lovelace;pour;
12/03/2027;Orsay;2027-001;Budget;7.1;Finances locales/Décisions budgétaires;adoptée;Blaise Pascal;contre;
12/03/2027;Orsay;2027-001;Budget;7.1;Finances locales/Décisions budgétaires;adoptée;Claude Shannon;pour;
12/03/2027;Orsay;2027-001;Budget;7.1;Finances locales/Décisions budgétaires;adoptée;dora maar;pour;Ada Lovelace
"""


def test_a_csv_import_writes_everything_or_nothing_with_a_report_per_row(world, client):
    council, _members, _delib, clerk = world
    bad = CSV.replace("Blaise Pascal;contre", "Blaise Pascal;peut-être").replace("Claude Shannon", "Inconnu")
    report = council_import.import_votes(council, clerk, bad)
    assert [line for line, _ in report.rejected] == [3, 4] and not Vote.objects.exists()
    assert "vote « peut-être » inconnu" in report.rejected[0][1]
    report = council_import.import_votes(council, clerk, CSV)
    assert report.ok and (report.deliberations, report.votes) == (1, 4)
    assert Vote.objects.get(councillor__slug="dora").proxy.name == "Ada Lovelace"
    client.force_login(clerk)
    upload = io.BytesIO(bad.encode())
    upload.name = "votes.csv"
    page = client.post(reverse("civic:import", args=[council.slug]), {"file": upload})
    assert page.status_code == 400 and "Ligne 3" in page.content.decode()


def test_open_data_deliberations_in_the_scdl_columns_and_a_votes_file(world):
    _council, members, delib, clerk = world
    councils.record_votes(
        delib, clerk, sheet(members, ("pour", None), ("contre", None), ("pour", None), ("absent", None))
    )
    text = "".join(catalog.BY_SLUG["deliberations.csv"].content("http://x"))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == exports.SCDL_COLUMNS and len(exports.SCDL_COLUMNS) == 17
    row = rows[0]
    assert (row["COLL_SIRET"], row["DELIB_DATE"], row["DELIB_MATIERE_CODE"]) == ("20005478100022", "2027-03-12", "7.1")
    assert (row["VOTE_EFFECTIF"], row["VOTE_REEL"], row["VOTE_POUR"], row["VOTE_CONTRE"], row["VOTE_ABSTENTION"]) == (
        "4", "3", "2", "1", "0",
    )  # fmt: skip
    votes = list(csv.DictReader(io.StringIO("".join(catalog.BY_SLUG["votes-des-elus.csv"].content("http://x")))))
    assert {(v["ELU_NOM"], v["VOTE"]) for v in votes} >= {("Ada Lovelace", "pour"), ("Dora Maar", "absent")}
