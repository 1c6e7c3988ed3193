"""People, profiles and practice sheets of the network, for tests."""

from django.utils import timezone

from accounts.models import Membership, Structure, User
from network.models import Practice, Profile
from territory.models import Commune


def professional(email: str, *, name: str = "", structure: Structure | None = None, **extra) -> User:
    extra.setdefault("profession", User.Profession.MEDIATOR)
    user = User.objects.create_user(email, "mot-de-passe-2026", full_name=name or email.split("@")[0], **extra)
    if structure is not None:
        Membership.objects.create(user=user, structure=structure)
    return user


def profile(user: User, *, communes: tuple[str, ...] = (), listed: bool = True, **values) -> Profile:
    made = Profile.objects.create(user=user, listed=listed, **values)
    made.communes.set(Commune.objects.filter(code_insee__in=communes))
    return made


def practice(structure: Structure, *, author: User | None = None, **values) -> Practice:
    values.setdefault("title", "Atelier tablette pour les seniors")
    values.setdefault("summary", "Six séances de deux heures, en petit groupe, avec des tablettes prêtées.")
    values.setdefault("themes", ["outils"])
    values.setdefault("status", Practice.Status.PUBLISHED)
    if values["status"] == Practice.Status.PUBLISHED:
        values.setdefault("published_at", timezone.now())
    return Practice.objects.create(structure=structure, author=author, **values)
