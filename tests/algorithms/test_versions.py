"""Versions that cannot drift: a rule, a weight or a parameter that changes without a new published version
fails the suite, and the register shows the value the code runs with."""

import datetime
import shutil

import pytest
import time_machine
from django.core.management import CommandError, call_command

from algorithms import versions
from core import algorithms
from core.algorithms import Declaration
from datahub.merging import decide
from directory.domain import search
from tests.algorithms.test_views import norm, text

pytestmark = pytest.mark.django_db


def test_every_declaration_matches_its_last_published_version():
    problems = versions.drift()
    assert problems == [], "\n".join(problems)


def test_every_registered_slug_has_a_published_version():
    recorded = versions.load()
    assert set(algorithms.slugs()) <= set(recorded)
    for slug, entries in recorded.items():
        assert [v.number for v in entries] == list(range(1, len(entries) + 1)), slug
        assert all(v.summary and len(v.fingerprint) == 12 for v in entries), slug


def test_changing_a_search_constant_shows_on_the_page_and_fails_the_version_check(client, monkeypatch):
    monkeypatch.setattr(search, "SAME_DISTANCE_KM", 2)
    html = text(client.get("/algorithmes/recherche/"))
    assert norm('<th scope="row">Égalité de distance</th><td class="value" data-label="Valeur">2\u00a0km</td>') in html
    assert "À distance égale (à 2 km près)" in html
    assert "ils diffèrent de la version 1 publiée" in html
    problems = versions.drift()
    assert len(problems) == 1 and "« recherche » a changé" in problems[0]
    assert 'manage.py algorithms_versions --add recherche "<résumé du changement>"' in problems[0]


def test_changing_a_merge_threshold_fails_the_version_check(client, monkeypatch):
    monkeypatch.setattr(decide, "AUTO_NAMES", 0.9)
    assert '<td class="value" data-label="Valeur">90 %</td>' in text(client.get("/algorithmes/fusion-des-donnees/"))
    assert [p.split("»")[0].strip("« ") for p in versions.drift()] == ["fusion-des-donnees"]


def test_a_declaration_registered_without_any_version_fails(monkeypatch):
    declared = algorithms.declaration("fraicheur")
    monkeypatch.setitem(
        algorithms._registry,
        "essai-sans-version",
        lambda: Declaration(**{**declared.__dict__, "slug": "essai-sans-version"}),
    )
    problems = versions.drift()
    assert len(problems) == 1 and "« essai-sans-version » n’a aucune version publiée" in problems[0]
    assert "--add essai-sans-version" in problems[0]


@pytest.fixture
def versions_file(tmp_path, monkeypatch):
    path = tmp_path / "versions.toml"
    shutil.copy(versions.PATH, path)
    monkeypatch.setattr(versions, "PATH", path)
    return path


@time_machine.travel(datetime.datetime(2027, 3, 1, 10, tzinfo=datetime.UTC), tick=False)
def test_the_command_publishes_the_change_and_the_page_shows_it(client, monkeypatch, versions_file, capsys):
    monkeypatch.setattr(search, "SAME_DISTANCE_KM", 2)
    with pytest.raises(CommandError, match="« recherche » a changé"):
        call_command("algorithms_versions", check=True)
    call_command("algorithms_versions", add=["recherche", "Égalité de distance portée à 2 km."])
    assert "recherche : version 2 du 2027-03-01" in capsys.readouterr().out
    assert versions.drift() == []
    entries = versions.load()["recherche"]
    assert [v.number for v in entries] == [1, 2]
    assert entries[-1].date == datetime.date(2027, 3, 1)
    assert entries[-1].fingerprint == algorithms.fingerprint(algorithms.declaration("recherche"))
    html = text(client.get("/algorithmes/recherche/"))
    assert "version 2 du 1er mars 2027" in html
    assert "Égalité de distance portée à 2 km." in html and "Première publication" in html
    assert "diffèrent de la version" not in html
    call_command("algorithms_versions", check=True)  # now in order


def test_the_command_refuses_what_would_not_be_a_version(versions_file):
    before = versions_file.read_text()
    with pytest.raises(CommandError, match="n’a pas changé depuis sa version 1"):
        call_command("algorithms_versions", add=["recherche", "Rien de neuf."])
    with pytest.raises(CommandError, match="Aucun algorithme « loterie »"):
        call_command("algorithms_versions", add=["loterie", "Nouveau."])
    with pytest.raises(CommandError, match="Donnez un résumé"):
        call_command("algorithms_versions", add=["recherche", "  "])
    assert versions_file.read_text() == before


def test_the_command_without_option_says_each_state(capsys):
    call_command("algorithms_versions")
    out = capsys.readouterr().out
    for slug in algorithms.slugs():
        assert f"{slug} : version" in out and "à jour" in out
