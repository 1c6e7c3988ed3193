"""The permission matrix: every role × every action × every kind of object, against what each role may do.

A cell not listed is the coordination's only. The test fails on any role allowed what it should not be, and on
any role refused what it needs."""

import pytest
from django.contrib.auth.models import AnonymousUser, Permission
from django.utils import timezone

from accounts.models import Membership, Structure, User
from accounts.permissions import ACTIONS, UnknownAction, can
from agenda.models import Event, Occurrence, Registration
from contributions.models import Contribution
from directory.models import ErrorReport
from network.models import Practice, Profile
from observatory.models import Response
from orientation.models import Situation
from proposals.models import Proposal
from rights.models import Handover
from tests import factories_civic as civic
from tests.factories import PlaceFactory, ServiceFactory
from tests.factories_agenda import EventFactory
from tests.factories_referrals import referral as referral_factory

ROLES = [
    "anonymous",
    "outsider",  # logged in, no role, no structure
    "professional",  # a social worker: a profile, not a right
    "deactivated",  # was the structure's admin, account deactivated
    "other_member",  # admin of another structure
    "member",
    "structure_admin",
    "moderator",
    "coordinator",
    "superuser",
    "clerk",  # granted « greffe » (civic.greffe): enters councils' votes, nothing more
]
COORDINATION = {"coordinator", "superuser"}
EVERYONE = set(ROLES)
STRUCTURE_PEOPLE = {"member", "structure_admin"}
MAY_ASK_TO_JOIN = {"outsider", "professional", "other_member", "moderator", "clerk", *COORDINATION}
ACTIVE = EVERYONE - {"anonymous", "deactivated"}

ALLOWED = {
    "place": {
        "view": EVERYONE,
        "edit": COORDINATION | STRUCTURE_PEOPLE,
        "add_service": COORDINATION | STRUCTURE_PEOPLE,
        "moderate": COORDINATION | {"moderator"},
    },
    "hidden_place": {
        "view": COORDINATION | STRUCTURE_PEOPLE | {"moderator"},
        "edit": COORDINATION | STRUCTURE_PEOPLE,
        "add_service": COORDINATION | STRUCTURE_PEOPLE,
        "moderate": COORDINATION | {"moderator"},
    },
    "orphan_place": {"view": EVERYONE, "moderate": COORDINATION | {"moderator"}},
    "service": {
        "view": EVERYONE,
        "edit": COORDINATION | STRUCTURE_PEOPLE,
        "delete": COORDINATION | STRUCTURE_PEOPLE,
        "add_service": COORDINATION | STRUCTURE_PEOPLE,
        "moderate": COORDINATION | {"moderator"},
    },
    "hidden_service": {
        "view": COORDINATION | STRUCTURE_PEOPLE | {"moderator"},
        "edit": COORDINATION | STRUCTURE_PEOPLE,
        "delete": COORDINATION | STRUCTURE_PEOPLE,
        "add_service": COORDINATION | STRUCTURE_PEOPLE,
        "moderate": COORDINATION | {"moderator"},
    },
    "structure": {
        "view": COORDINATION | STRUCTURE_PEOPLE | {"moderator"},
        "edit": COORDINATION | {"structure_admin"},
        "add_place": COORDINATION | STRUCTURE_PEOPLE,
        "manage_members": COORDINATION | {"structure_admin"},
        "invite": COORDINATION | {"structure_admin"},
        "accept_request": COORDINATION | {"structure_admin"},
        "request_join": MAY_ASK_TO_JOIN,
        "moderate": COORDINATION | {"moderator"},
    },
    "membership": {  # the member's membership of the structure
        "view": COORDINATION | STRUCTURE_PEOPLE | {"moderator"},
        "edit": COORDINATION | {"structure_admin"},
        "delete": COORDINATION | STRUCTURE_PEOPLE,  # the member may leave
        "add_place": COORDINATION | STRUCTURE_PEOPLE,
        "manage_members": COORDINATION | {"structure_admin"},
        "invite": COORDINATION | {"structure_admin"},
        "accept_request": COORDINATION | {"structure_admin"},
        "request_join": MAY_ASK_TO_JOIN,
        "moderate": COORDINATION | {"moderator"},
    },
    "error_report": {"view": COORDINATION | {"moderator"}, "moderate": COORDINATION | {"moderator"}},
    "territory": {
        "moderate": COORDINATION | {"moderator"},
        "request_join": set(),
        # typing paper survey questionnaires: people in the field (a profession or a structure)
        "survey_entry": COORDINATION | STRUCTURE_PEOPLE | {"professional", "other_member"},
        "orient": COORDINATION | {"professional"},
        "participate": ACTIVE,  # civic: any account takes part in debates
        "clerk": COORDINATION | {"clerk"},
    },
    "contribution": {  # the member's edit of the structure's place
        "view": COORDINATION | STRUCTURE_PEOPLE | {"moderator"},
        "moderate": COORDINATION | {"moderator"},
    },
    "proposal": {"view": COORDINATION | {"moderator"}, "moderate": COORDINATION | {"moderator"}},  # without account
    "survey_response": {},  # anonymous survey answers: the coordination's only
    "event": {  # the structure's published workshop
        "view": EVERYONE,
        "edit": COORDINATION | STRUCTURE_PEOPLE,
        "delete": COORDINATION | STRUCTURE_PEOPLE,
        "moderate": COORDINATION | {"moderator"},
    },
    "pending_event": {  # the structure's first event, waiting for moderation
        "view": COORDINATION | STRUCTURE_PEOPLE | {"moderator"},
        "edit": COORDINATION | STRUCTURE_PEOPLE,
        "delete": COORDINATION | STRUCTURE_PEOPLE,
        "moderate": COORDINATION | {"moderator"},
    },
    "training": {  # a training for aidants: professionals only (a profession, a structure or a territorial role)
        "view": COORDINATION | STRUCTURE_PEOPLE | {"professional", "other_member", "moderator"},
        "edit": COORDINATION | STRUCTURE_PEOPLE,
        "delete": COORDINATION | STRUCTURE_PEOPLE,
        "moderate": COORDINATION | {"moderator"},
    },
    "registration": {  # a person's registration to the structure's event
        "view": COORDINATION | STRUCTURE_PEOPLE,
        "edit": COORDINATION | STRUCTURE_PEOPLE,
    },
    # participation: the member handles requests of their service's categories; commissions' members rank.
    "citizen_request": {"view": EVERYONE, "edit": COORDINATION | {"member"}, "merge": COORDINATION | {"member"}},
    "unconfirmed_request": {
        "view": COORDINATION | {"member"},
        "edit": COORDINATION | {"member"},
        "merge": COORDINATION | {"member"},
    },
    "responsible_service": {"view": COORDINATION | {"member"}},
    "commission": {"view": EVERYONE, "edit": COORDINATION | {"structure_admin"}},
    "referral": {"view": COORDINATION | {"professional"}, "edit": COORDINATION | {"professional"}},  # their own
    "network_profile": {  # the member's profile, listed: other professionals see it
        "view": COORDINATION | {"member", "professional"},
        "edit": COORDINATION | {"member"},
        "delete": COORDINATION | {"member"},
    },
    "unlisted_profile": {  # the structure admin's profile, withdrawn: only its person
        "view": COORDINATION | {"structure_admin"},
        "edit": COORDINATION | {"structure_admin"},
        "delete": COORDINATION | {"structure_admin"},
    },
    "practice": {  # published: everyone reads it
        "view": EVERYONE,
        "edit": COORDINATION | STRUCTURE_PEOPLE,
        "delete": COORDINATION | STRUCTURE_PEOPLE,
        "moderate": COORDINATION | {"moderator"},
    },
    "pending_practice": {
        "view": COORDINATION | STRUCTURE_PEOPLE | {"moderator"},
        "edit": COORDINATION | STRUCTURE_PEOPLE,
        "delete": COORDINATION | STRUCTURE_PEOPLE,
        "moderate": COORDINATION | {"moderator"},
    },
    # A professional's situation sheet: its author's alone; the coordination administers, does not read it.
    "situation": {action: {"professional"} if action in ("view", "edit", "delete") else set() for action in ACTIONS},
    # civic: an open debate (the professional is its designated official), its proposal and comment
    "debate": {"view": EVERYONE, "participate": ACTIVE, "answer": COORDINATION | {"professional"},
               "moderate": COORDINATION | {"moderator"}},
    "civic_proposal": {"view": EVERYONE, "participate": ACTIVE, "answer": COORDINATION | {"professional"},
                       "moderate": COORDINATION | {"moderator"}},
    "civic_comment": {"view": EVERYONE, "moderate": COORDINATION | {"moderator"}},
    "closed_debate": {"view": EVERYONE, "participate": set(), "answer": COORDINATION | {"professional"},
                      "moderate": COORDINATION | {"moderator"}},
    "commitment": {"view": EVERYONE},
    "council": {"view": EVERYONE, "clerk": COORDINATION | {"clerk"}},
    "deliberation": {"view": EVERYONE, "clerk": COORDINATION | {"clerk"}},
    "jury": {"view": EVERYONE},
    "volunteer": {},  # a jury volunteer's personal data: the coordination's only
    # A pre-check result a professional kept with the person's consent: theirs alone.
    "rights_handover": {action: {"professional"} if action in ("view", "delete") else set() for action in ACTIONS},
}  # fmt: skip


def civic_objects(people) -> dict:
    debate = civic.DebateFactory()
    debate.officials.add(people["professional"])
    proposal = civic.ProposalFactory(debate=debate, author=people["member"])
    jury = civic.JuryFactory()
    closed = civic.DebateFactory(status="clos")
    closed.officials.add(people["professional"])
    return {
        "debate": debate,
        "civic_proposal": proposal,
        "civic_comment": proposal.comments.create(author=people["outsider"], author_name="O.", body="Bien."),
        "closed_debate": closed,
        "commitment": civic.CommitmentFactory(),
        "council": civic.CouncilFactory(),
        "deliberation": civic.DeliberationFactory(),
        "jury": jury,
        "volunteer": civic.VolunteerFactory(jury=jury),
    }


def _agenda_objects(structure, place) -> dict:
    event = EventFactory(structure=structure, place=place)
    occurrence = Occurrence.objects.create(event=event, starts_at=timezone.now(), ends_at=timezone.now(), capacity=5)
    return {
        "event": event,
        "pending_event": EventFactory(structure=structure, place=place, status=Event.Status.PENDING),
        "training": EventFactory(structure=structure, place=place, kind=Event.Kind.TRAINING),
        "registration": Registration.objects.create(occurrence=occurrence, name="Lou", status="inscrit"),
    }


@pytest.fixture
def world(db):
    structure = Structure.objects.create(name="Association Lien", siret="13002526500013", validated=True)
    other = Structure.objects.create(name="CCAS voisin", kind=Structure.Kind.CCAS)

    def person(name, **extra):
        return User.objects.create_user(f"{name}@exemple.fr", "mot-de-passe-2026", **extra)

    people = {
        "anonymous": AnonymousUser(),
        "outsider": person("outsider"),
        "professional": person("pro", profession=User.Profession.SOCIAL_WORKER),
        "deactivated": person("deactivated", is_active=False),
        "other_member": person("other"),
        "member": person("member"),
        "structure_admin": person("admin"),
        "moderator": person("moderator", role=User.Role.MODERATOR),
        "coordinator": person("coordinator", role=User.Role.COORDINATOR, is_staff=True),
        "superuser": User.objects.create_superuser("root@exemple.fr", "mot-de-passe-2026"),
        "clerk": person("greffe"),
    }
    people["clerk"].user_permissions.add(Permission.objects.get(codename="greffe"))
    people["clerk"] = User.objects.get(pk=people["clerk"].pk)  # no permission cache
    Membership.objects.create(user=people["deactivated"], structure=structure, role=Membership.Role.ADMIN)
    Membership.objects.create(user=people["other_member"], structure=other, role=Membership.Role.ADMIN)
    membership = Membership.objects.create(user=people["member"], structure=structure)
    Membership.objects.create(user=people["structure_admin"], structure=structure, role=Membership.Role.ADMIN)
    place = PlaceFactory(structure=structure)
    hidden = PlaceFactory(structure=structure, est_publie=False)
    objects = {
        "place": place,
        "hidden_place": hidden,
        "orphan_place": PlaceFactory(),
        "service": ServiceFactory(place=place),
        "hidden_service": ServiceFactory(place=hidden),
        "structure": structure,
        "membership": membership,
        "error_report": ErrorReport.objects.create(place=place, kind="horaires", message="Fermé le lundi."),
        "territory": None,
        "contribution": Contribution.objects.create(
            author=people["member"], structure=structure, place=place, status=Contribution.Status.PUBLISHED
        ),
        "network_profile": Profile.objects.create(user=people["member"], listed=True),
        "unlisted_profile": Profile.objects.create(user=people["structure_admin"], listed=False),
        "practice": Practice.objects.create(structure=structure, title="Atelier", summary="…", status="publiee"),
        "pending_practice": Practice.objects.create(structure=structure, title="Aller-vers", summary="…"),
        "proposal": Proposal.objects.create(status=Proposal.Status.PENDING, email="benevole@exemple.fr"),
        "survey_response": Response.objects.create(version="v1", channel="en_ligne", received_on="2026-12-01"),
        **_agenda_objects(structure, place),
        **_participation(people),
        **civic_objects(people),
        "referral": referral_factory(sender=people["professional"], service=ServiceFactory(place=place)),
        "situation": Situation.objects.create(author=people["professional"]),
        "rights_handover": Handover.objects.create(
            summary={}, recipient_user=people["professional"], consented_at=timezone.now(), expires_at=timezone.now()
        ),
    }
    return people, objects


def _participation(people):
    """A service whose member is "member" (and the deactivated account); a commission with "structure_admin"."""
    from tests.factories_participation import CategoryFactory, CommissionFactory, RequestFactory

    category = CategoryFactory()
    category.service.members.add(people["member"], people["deactivated"])
    commission = CommissionFactory()
    commission.members.add(people["structure_admin"], people["deactivated"])
    return {
        "citizen_request": RequestFactory(category=category),
        "unconfirmed_request": RequestFactory(category=category, status="a-confirmer", received_at=None),
        "responsible_service": category.service,
        "commission": commission,
    }


def test_every_role_may_do_exactly_what_the_matrix_says(world):
    people, objects = world
    wrong = []
    for object_name, obj in objects.items():
        for action in ACTIONS:
            allowed = ALLOWED[object_name].get(action, COORDINATION)
            for role in ROLES:
                if can(people[role], action, obj) != (role in allowed):
                    wrong.append(f"{role} {'may' if role not in allowed else 'may not'} {action} {object_name}")
    assert wrong == []


def test_a_person_sees_and_edits_their_own_account_only(world):
    people, _ = world
    member, outsider = people["member"], people["outsider"]
    assert can(member, "edit", member) and can(member, "view", member)
    assert not can(outsider, "view", member) and not can(outsider, "edit", member)
    assert not can(member, "delete", member)
    assert can(people["coordinator"], "edit", member)
    assert not can(people["anonymous"], "view", member)


def test_a_coordinator_stripped_of_the_role_loses_every_right(world):
    people, objects = world
    coordinator = people["coordinator"]
    coordinator.role = User.Role.NONE
    coordinator.save()
    assert not can(coordinator, "edit", objects["place"]) and not can(coordinator, "coordinate")


def test_an_unknown_action_is_an_error_not_a_silent_refusal(world):
    people, objects = world
    with pytest.raises(UnknownAction):
        can(people["coordinator"], "edti", objects["place"])
