"""Which services may receive a referral, and where it goes: defined once in `referrals/domain/eligibility.py`."""

from accounts.models import Membership, Structure, User
from referrals.domain import eligibility
from referrals.models import ReferralOptIn
from tests.factories import PlaceFactory, ServiceFactory
from tests.factories_referrals import referable_service


def test_a_service_mobilisable_by_professionals_with_its_own_email_is_eligible(db):
    verdict = eligibility.check(referable_service(courriel="accueil@fs.example"))
    assert verdict.ok and verdict.to == ["accueil@fs.example"]


def test_a_service_not_mobilisable_by_professionals_is_refused_with_a_french_reason(db):
    verdict = eligibility.check(referable_service(mobilisable_par=["usagers"]))
    assert not verdict.ok and "mobilisé par des professionnels" in verdict.reason


def test_a_structure_that_opted_in_accepts_referrals_for_every_service(db):
    structure = Structure.objects.create(name="CCAS des Ulis", kind=Structure.Kind.CCAS)
    service = referable_service(place=PlaceFactory(structure=structure), mobilisable_par=[])
    assert not eligibility.check(service).ok
    ReferralOptIn.objects.create(structure=structure)
    assert eligibility.check(service).ok


def test_without_a_service_email_the_structure_members_then_the_public_email_receive_it(db):
    structure = Structure.objects.create(name="Association Lien")
    place = PlaceFactory(structure=structure, courriels=["contact@lieu.example"])
    service = referable_service(place=place, courriel="")
    assert eligibility.check(service).to == ["contact@lieu.example"]
    member = User.objects.create_user("membre@lien.example", "x")
    Membership.objects.create(user=member, structure=structure)
    assert eligibility.check(service).to == ["membre@lien.example"]


def test_a_service_with_no_address_at_all_cannot_be_chosen(db):
    verdict = eligibility.check(referable_service(place=PlaceFactory(courriels=[]), courriel=""))
    assert not verdict.ok and "adresse e-mail" in verdict.reason


def test_an_unpublished_place_cannot_receive_a_referral(db):
    verdict = eligibility.check(referable_service(place=PlaceFactory(est_publie=False)))
    assert not verdict.ok and "pas publié" in verdict.reason


def test_who_may_refer(db):
    assert eligibility.may_refer(User.objects.create_user("pro@x.fr", "x", profession=User.Profession.MEDIATOR))
    assert eligibility.may_refer(User.objects.create_user("coord@x.fr", "x", role=User.Role.COORDINATOR))
    assert not eligibility.may_refer(User.objects.create_user("membre@x.fr", "x"))
    assert not eligibility.may_refer(User.objects.create_user("ancien@x.fr", "x", profession="aidant", is_active=False))


def test_the_place_lists_only_its_eligible_services(db):
    place = PlaceFactory(courriels=[])
    good = ServiceFactory(place=place, courriel="a@b.example", nom="Démarches")
    ServiceFactory(place=place, courriel="", nom="Sans adresse")
    ServiceFactory(place=place, courriel="c@d.example", mobilisable_par=["usagers"], nom="Pour les usagers")
    assert eligibility.eligible_services(place) == [good]
