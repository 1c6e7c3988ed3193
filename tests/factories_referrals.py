"""Factories for referrals: a professional, a service that accepts referrals, a referral (sent through the
domain, or written directly)."""

from django.utils import timezone

from accounts.models import User
from referrals.domain import sending
from referrals.models import Referral
from tests.factories import PlaceFactory, ServiceFactory

PERSON = sending.Person(
    first_name="Josiane", last_name="Martin", phone="06 12 34 56 78", email="josiane.martin@exemple.fr",
    message="Dossier CAF à finir avant vendredi ; disponible le matin.",
)  # fmt: skip


def professional(email="camille.pro@exemple.fr", **extra) -> User:
    extra.setdefault("profession", User.Profession.SOCIAL_WORKER)
    extra.setdefault("full_name", "Camille Dupont")
    found = User.objects.filter(email=email).first()
    return found or User.objects.create_user(email, "mot-de-passe-2026", **extra)


def referable_service(**extra):
    """A published service mobilisable by professionals, with its own e-mail."""
    place = extra.pop("place", None) or PlaceFactory(nom="France Services des Ulis", commune="Les Ulis",
                                                     code_postal="91940", code_insee="91692")  # fmt: skip
    extra.setdefault("courriel", "accueil@fs-ulis.example")
    extra.setdefault("nom", "Accompagnement aux démarches CAF")
    return ServiceFactory(place=place, **extra)


def send(sender=None, service=None, person=PERSON):
    return sending.send(sender or professional(), service or referable_service(), person, consent=True)


def referral(sender, service, **extra) -> Referral:
    now = timezone.now()
    values = {
        "sender": sender, "service": service, "place": service.place, "structure_id": service.place.structure_id,
        "person_first_name": PERSON.first_name, "person_last_name": PERSON.last_name,
        "person_phone": "+33612345678", "person_email": PERSON.email, "message": PERSON.message,
        "consent_text": sending.CONSENT_TEXT, "consent_version": sending.CONSENT_VERSION, "consent_at": now,
        "service_name": service.nom, "place_name": service.place.nom, "destination": "accueil@exemple.fr",
        "sent_at": now, "last_event_at": now,
    }  # fmt: skip
    values.update(extra)
    return Referral.objects.create(**values)
