"""Factories for civic: debates, proposals, commitments, councils and juries."""

import datetime

import factory

from accounts.models import User
from civic.domain import councils, debates, juries
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


def civic_world():
    """A small civic world for the page checks: a debate with a commented proposal, a commitment with an action
    and a milestone, a deliberation with four votes (one by proxy), a drawn jury."""
    coordinator = User.objects.create_user(
        "coord@exemple.fr", role=User.Role.COORDINATOR, full_name="Claire Coord", is_staff=True
    )
    proposal = ProposalFactory(debate=DebateFactory(slug="quartiers", threshold=5))
    debates.comment(proposal, User.objects.create_user("b@exemple.fr", full_name="Bo Li"), body="Oui !")
    parent = CommitmentFactory(slug="feuille", title="Feuille de route")
    CommitmentFactory(parent=parent, slug="action")
    parent.milestones.create(title="Lancement")
    delib = DeliberationFactory(sitting__council__slug="conseil")
    council = delib.sitting.council
    members = [CouncillorFactory(council=council, name=f"Élu {c}", slug=f"elu-{c.lower()}") for c in "ABCD"]
    sheet = dict(
        zip(
            [m.pk for m in members],
            [("pour", None), ("contre", None), ("abstention", None), ("pour", members[0].pk)],
            strict=True,
        )
    )
    councils.record_votes(delib, coordinator, sheet)
    jury = JuryFactory(slug="jury", seats=2)
    for i in range(1, 7):
        VolunteerFactory(jury=jury, number=i, area="Massy" if i % 2 else "Orsay")
    juries.close(jury, coordinator, seed_source="Loto")
    juries.run_draw(jury, coordinator, seed="1 2 3")
    return coordinator, proposal, delib
