import re

import pytest
from django.core import mail

from accounts.models import User
from core import worker

WHO = {"structure": "Association Clic Massy", "siret": "130 025 265 00013", "email": "Benevole@Exemple.fr",
       "role": "bénévole", "wants_admin": "on"}  # fmt: skip
PLACE = {"nom": "Atelier numérique Clic", "presentation_resume": "Aide aux démarches en ligne",
         "adresse": "3 rue de la Gare", "code_postal": "91300", "commune": "Massy"}  # fmt: skip
RECEPTION = {"jour_lundi": "09:00 - 12:00", "jour_mercredi": "14:00 - 17:00"}
SERVICE = {"s0-nom": "Aide aux démarches en ligne", "s0-description": "Avec une bénévole, sur rendez-vous."}


def go(client, step, data=None, action="suivant"):
    if data is None:
        return client.get(f"/proposer/etape/{step}/")
    return client.post(f"/proposer/etape/{step}/", {**data, "aller": action})


def propose(client, *, who=WHO, place=PLACE, reception=RECEPTION, service=SERVICE):
    """Walks every step; returns the response of the send."""
    assert go(client, "qui", who).status_code == 302
    assert go(client, "lieu", place).status_code == 302
    assert go(client, "accueil", reception).status_code == 302
    assert go(client, "services", service).status_code == 302
    return go(client, "relecture", {"site_web_2": ""}, action="envoyer")


def confirm_url() -> str:
    worker.run_pending()
    body = next(m.body for m in reversed(mail.outbox) if "Confirmez" in m.subject)
    return re.search(r"https?://\S+(/proposer/confirmer/\S+/)", body).group(1)


@pytest.fixture
def staff(db):
    return {
        "moderator": User.objects.create_user("moderatrice@exemple.fr", "mot-de-passe-2026", role=User.Role.MODERATOR),
        "coordinator": User.objects.create_user("coord@exemple.fr", "mot-de-passe-2026", role=User.Role.COORDINATOR),
        "member": User.objects.create_user("membre@exemple.fr", "mot-de-passe-2026"),
    }
