"""The register of public algorithms as open data: every parameter and rule, with its algorithm's version."""

import csv
import io
import json

import pytest

from algorithms import versions
from core import algorithms
from directory.domain import search

pytestmark = pytest.mark.django_db


def _get(client, name: str) -> str:
    response = client.get(f"/donnees-ouvertes/{name}")
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def test_the_csv_has_one_row_per_parameter_and_rule_with_its_version(client):
    response = client.get("/donnees-ouvertes/algorithmes.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "algorithmes-publics.csv" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(_get(client, "algorithmes.csv"))))
    for d in algorithms.declarations():
        mine = [r for r in rows if r["algorithme"] == d.slug]
        current = versions.current(d.slug)
        assert {(r["version"], r["date_version"]) for r in mine} == {(str(current.number), current.date.isoformat())}
        parameters = {(r["nom"], r["valeur"], r["texte"]) for r in mine if r["type"] == "parametre"}
        assert parameters == {(p.name, p.value, p.meaning) for p in d.parameters}
        assert {(r["code"], r["texte"]) for r in mine if r["type"] == "regle"} == {(r.code, r.text) for r in d.rules}
        assert len(mine) == len(d.parameters) + len(d.rules)


def test_the_json_says_everything_the_page_says(client):
    items = {item["algorithme"]: item for item in json.loads(_get(client, "algorithmes.json"))}
    assert list(items) == algorithms.slugs()
    for d in algorithms.declarations():
        item = items[d.slug]
        assert item["nom"] == d.name and item["finalite"] == d.purpose and item["role_humain"] == d.human_role
        assert item["parametres"] == [{"nom": p.name, "valeur": p.value, "role": p.meaning} for p in d.parameters]
        assert item["regles"] == [{"code": r.code, "texte": r.text} for r in d.rules]
        assert item["operations"] == list(d.operations)
        assert item["page"] == f"http://testserver/algorithmes/{d.slug}/"
        assert item["version"] == versions.current(d.slug).number and item["version_publiee"] is True
        assert [v["version"] for v in item["historique"]] == [v.number for v in versions.history(d.slug)]


def test_the_files_follow_the_running_constants(client, monkeypatch):
    monkeypatch.setattr(search, "NEAREST_LIMIT", 4)
    rows = list(csv.DictReader(io.StringIO(_get(client, "algorithmes.csv"))))
    row = next(r for r in rows if r["algorithme"] == "recherche" and r["nom"] == "Lieux les plus proches montrés")
    assert row["valeur"] == "4"
    item = next(i for i in json.loads(_get(client, "algorithmes.json")) if i["algorithme"] == "recherche")
    assert item["version_publiee"] is False  # a change not yet published is said


def test_the_catalogue_lists_both_files(client):
    html = client.get("/donnees-ouvertes/").content.decode()
    assert "/donnees-ouvertes/algorithmes.csv" in html and "/donnees-ouvertes/algorithmes.json" in html
    assert "Algorithmes publics" in html
