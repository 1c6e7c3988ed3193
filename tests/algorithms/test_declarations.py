"""Every declared parameter is the constant (or setting) the code runs with: change it, the declaration shows it."""

import importlib
from dataclasses import fields

import pytest

from core import algorithms

pytestmark = pytest.mark.django_db


def _other(value):
    """A different value of the same kind."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 97
    if isinstance(value, float):
        return round(value + 0.07, 4)
    if isinstance(value, tuple):
        return (*value, 97)
    if isinstance(value, frozenset | set):
        return type(value)({*value, "essai"})
    if isinstance(value, dict):
        return {**value, "essai": ("essai",)}
    raise AssertionError(f"unexpected constant {value!r}")


def _sources():
    return sorted({(d.slug, p.source) for d in algorithms.declarations() for p in d.parameters})


def test_the_platform_declares_its_algorithms_in_order():
    assert algorithms.slugs()[:3] == ["recherche", "fusion-des-donnees", "fraicheur"]
    for d in algorithms.declarations():
        assert d.slug in algorithms.slugs()
        optional = ("rules_version", "contact", "parameters", "rules")
        assert all(getattr(d, f.name) for f in fields(d) if f.name not in optional), d.slug
        assert d.parameters or d.rules, d.slug  # an algorithm of written rules only has no parameter
        assert len({r.code for r in d.rules}) == len(d.rules), d.slug
        assert all(p.source for p in d.parameters), d.slug


@pytest.mark.parametrize(("slug", "source"), _sources())
def test_a_declared_parameter_follows_its_constant(slug, source, monkeypatch, settings):
    def shown():
        return [p.value for p in algorithms.declaration(slug).parameters if p.source == source]

    before = shown()
    owner, _, name = source.rpartition(".")
    changed = _other(algorithms.resolve(source))
    if owner == "settings":
        setattr(settings, name, changed)
    else:
        monkeypatch.setattr(importlib.import_module(owner), name, changed)
    assert shown() != before
