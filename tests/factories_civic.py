"""Factories for civic: debates, proposals, commitments, councils and juries."""

import datetime

import factory

from accounts.models import User
from civic.models import Commitment, Council, Councillor, Debate, Deliberation, Jury, Proposal, Sitting, Volunteer


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"habitant{n}@exemple.fr")
    full_name = factory.Sequence(lambda n: f"Camille Durand{n}")


class DebateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Debate

    title = "Le numérique dans nos quartiers"
    slug = factory.Sequence(lambda n: f"debat-{n}")
    description = "Comment mieux accompagner les habitants ?"
    threshold = 2


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    debate = factory.SubFactory(DebateFactory)
    author = factory.SubFactory(UserFactory)
    author_name = "Camille D."
    title = "Un atelier tablette le samedi"
    body = "Beaucoup de personnes travaillent en semaine."


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    title = factory.Sequence(lambda n: f"Engagement {n}")
    slug = factory.Sequence(lambda n: f"engagement-{n}")


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Council

    name = "Conseil communautaire"
    slug = factory.Sequence(lambda n: f"conseil-{n}")
    body_name = "Communauté d’agglomération Paris-Saclay"
    body_siret = "20005478100022"
    seats = 4


class CouncillorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Councillor

    council = factory.SubFactory(CouncilFactory)
    name = factory.Sequence(lambda n: f"Élu Numéro{n}")
    slug = factory.Sequence(lambda n: f"elu-{n}")
    group = "Majorité"
    mandate_start = datetime.date(2020, 7, 1)


class SittingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sitting

    council = factory.SubFactory(CouncilFactory)
    date = datetime.date(2027, 3, 12)
    place = "Orsay"


class DeliberationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deliberation

    sitting = factory.SubFactory(SittingFactory)
    number = factory.Sequence(lambda n: f"2027-{n:03d}")
    title = "Budget participatif : inclusion numérique"
    subject_code = "7.1"
    subject_name = "Finances locales/Décisions budgétaires"
    result = Deliberation.Result.ADOPTED


class JuryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Jury

    title = "Jury citoyen du numérique"
    slug = factory.Sequence(lambda n: f"jury-{n}")
    question = "Faut-il garder un guichet physique dans chaque mairie ?"
    seats = 4


class VolunteerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Volunteer

    jury = factory.SubFactory(JuryFactory)
    number = factory.Sequence(lambda n: n + 1)
    first_name = "Alex"
    last_name = factory.Sequence(lambda n: f"Martin{n}")
    email = factory.Sequence(lambda n: f"volontaire{n}@exemple.fr")
    area = "Massy"
    age_band = "30-44"
    sex = "F"
    confirmed_at = factory.LazyFunction(lambda: datetime.datetime(2027, 1, 5, tzinfo=datetime.UTC))
