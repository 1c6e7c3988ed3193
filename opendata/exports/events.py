"""The agenda's public dates as open data: one row per date to come of a public event. No registrant data: only
the counts the public page already shows (places, places taken)."""

from django.utils import timezone

from agenda.models import Event, Occurrence

COLUMNS = ["id_date", "id_evenement", "titre", "type", "organisateur", "debut", "fin", "commune", "code_insee",
           "latitude", "longitude", "lieu", "en_ligne", "theme", "public", "gratuit", "inscription", "places",
           "places_prises", "programme", "annulee", "url"]  # fmt: skip


def dates():
    return (
        Occurrence.objects.filter(event__in=Event.objects.public(), starts_at__gte=timezone.now())
        .select_related("event__structure", "event__place", "event__programme").order_by("starts_at", "pk")
    )  # fmt: skip


def row(occurrence, base_url: str) -> list:
    event = occurrence.event
    return [occurrence.pk, str(event.uid), event.title, event.kind, event.structure.name,
            occurrence.starts_at.isoformat(), occurrence.ends_at.isoformat(), event.commune, event.code_insee,
            event.latitude, event.longitude, event.place.nom if event.place else event.address,
            event.mode == Event.Mode.ONLINE, event.theme, event.audience, event.free, event.registration,
            occurrence.capacity, occurrence.taken, event.programme.title if event.programme else "",
            occurrence.cancelled, base_url.rstrip("/") + event.get_absolute_url()]  # fmt: skip
