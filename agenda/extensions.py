"""What the agenda adds to other apps through their extension points: the place page's next events, the
member's « À faire » panel in /espace/, the moderation queue (a new organiser's first events), and the retention
of registrants' data."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from agenda.models import Event, Occurrence, Registration
from core import retention
from moderation import registry

KEY = "evenements"


def place_section(request, place):
    upcoming = (
        Occurrence.objects.filter(event__place=place, event__in=Event.objects.public(), cancelled=False,
                                  starts_at__gte=timezone.now())
        .select_related("event").order_by("starts_at")[:5]
    )  # fmt: skip
    upcoming = list(upcoming)
    return {"place": place, "occurrences": upcoming} if upcoming else None


def space_panel(user, places):
    from accounts.permissions import structures_of
    from contributions.panels import Entry

    structures = list(structures_of(user))
    if not structures:
        return []
    events = Event.objects.filter(structure__in=structures).exclude(status=Event.Status.CANCELLED)
    pending = events.filter(status=Event.Status.PENDING).count()
    if pending:
        text = gettext("Agenda : %(n)s événement(s), dont %(pending)s en attente de relecture.") % {
            "n": events.count(),
            "pending": pending,
        }
    else:
        text = gettext("Agenda : %(n)s événement(s).") % {"n": events.count()}
    return [Entry(text, reverse("agenda:space"), gettext("Gérer mes événements et publier un atelier"))]


def _waiting():
    return Event.objects.filter(status=Event.Status.PENDING).select_related("structure").order_by("created_at", "pk")


def pending(user):
    for event in _waiting().iterator(chunk_size=100):
        yield registry.Item(
            kind=KEY, title=gettext("Événement : %(title)s") % {"title": event.title},
            url=reverse("agenda:review", args=[event.pk]), created=event.created_at,
            summary=gettext("Premier événement de %(name)s") % {"name": event.structure.name},
        )  # fmt: skip


def register() -> None:
    from accounts import tools
    from accounts.permissions import structures_of
    from contributions import panels
    from directory import sections

    tools.register(_("Publier un atelier"), "agenda:space", visible=lambda user: structures_of(user).exists(),
                   help=_("les ateliers et événements de votre structure, inscriptions et présences"),
                   key="Publier un atelier")  # fmt: skip
    sections.register("agenda", "agenda/_place_section.html", place_section, order=10)
    panels.register("agenda", _("Agenda"), space_panel)
    registry.register(KEY, _("Premiers événements d’un organisateur"), pending, count=lambda user: _waiting().count())
    retention.register(retention.Rule(
        name=gettext_noop("Nom, e-mail et téléphone des personnes inscrites à un événement"),
        rows=lambda: Registration.objects.all(), age_field="occurrence__ends_at",
        days_setting="ANCRAGE_REGISTRATION_RETENTION_DAYS", blank={"name": "", "email": "", "phone": ""},
    ))  # fmt: skip
