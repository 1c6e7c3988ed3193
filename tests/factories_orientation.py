"""Factories for the orientation: professionals and situation sheets (no one named in them)."""

import factory

from accounts.models import User
from orientation.models import Situation


class ProfessionalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"pro{n}@exemple.fr")
    profession = User.Profession.SOCIAL_WORKER


class SituationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Situation

    author = factory.SubFactory(ProfessionalFactory)
    status = Situation.Status.COMPLETE
