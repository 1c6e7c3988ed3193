"""The labels of the national vocabularies are data shown through gettext: makemessages finds them in
standards/vocabulary_messages.py, which must list them all."""

from pathlib import Path

from django.utils import translation

from standards import dataincl, lieux
from standards.vocabulary import messages_module

MODULE = Path(__file__).resolve().parents[2] / "standards" / "vocabulary_messages.py"


def test_vocabulary_messages_module_is_up_to_date():
    """When a vocabulary changes, write messages_module() to standards/vocabulary_messages.py."""
    assert MODULE.read_text(encoding="utf-8") == messages_module()


def test_labels_and_choices_stay_french_in_french():
    with translation.override("fr"):
        assert dataincl.PUBLICS.label(dataincl.TOUS_PUBLICS) == "Tous publics"
        assert [str(label) for _, label in lieux.FRAIS_A_CHARGE.choices] == [
            "Gratuit",
            "Gratuit sous condition",
            "Payant",
        ]
    assert lieux.TYPOLOGIE.raw_label("CCAS") == "Centres communaux d’action sociale (CCAS)"
