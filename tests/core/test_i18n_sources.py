"""Every text a person reads goes through Django's translation machinery (French is the source language)."""

import pytest

from core import i18n_check

APPS = sorted(
    {path.relative_to(i18n_check.ROOT).parts[0] for path in i18n_check.template_files()}
    | {path.relative_to(i18n_check.ROOT).parts[0] for path in i18n_check.python_files()} - {"manage.py"}
)


@pytest.mark.parametrize("app", APPS)
def test_no_untranslated_text_left(app):
    assert i18n_check.report([i18n_check.ROOT / app]) == []


def test_the_checker_finds_a_literal_in_text_attributes_and_tag_arguments():
    source = """{% load i18n %}<p title="Titre">{% translate "Bonjour" %} Monde</p>
    {% blocktranslate %}Déjà {{ n }} lieux{% endblocktranslate %}<code>{"clé": 1}</code>
    <input type="submit" value="Envoyer"> {% include "x.html" with label="Votre nom" %} {{ d|date:"j F Y" }}
    {{ x|default:_("Aucun") }} {{ y|default:"Aucune donnée" }} {{ n|count:"lieu,lieux" }}
    <p lang="fr">{{ place.name }} Texte en français</p>"""
    assert sorted(i18n_check.template_literals(source)) == [
        "Aucune donnée",
        "Envoyer",
        "Monde",
        "Titre",
        "Votre nom",
        "lieu,lieux",
    ]


def test_the_checker_finds_unwrapped_python_text():
    source = """
from django.utils.translation import gettext_lazy as _
class Status(models.TextChoices):
    OPEN = "open", "Ouverte"
    DONE = "done", _("Faite")
def f(request):
    messages.success(request, "Enregistré.")
    messages.success(request, _("Enregistré."))
    raise ValidationError(f"Trop long : {n}")
name = forms.CharField(
    label="Nom", help_text=_("Votre nom"), widget=forms.TextInput(attrs={"placeholder": "Ex. Marie", "class": "x"})
)
"""
    assert sorted(text for _line, text in i18n_check.python_literals(source)) == [
        "'Enregistré.'",
        "'Ex. Marie'",
        "'Nom'",
        "'Ouverte'",
        "f'Trop long : {n}'",
    ]
