"""« Pourquoi ce service ? »: what the matching found about one service, in plain words."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from directory.domain import geo
from orientation.models import SLOTS, Mobility
from web import french

SLOT_LABELS = dict(SLOTS)
MODE_WORDS = {
    Mobility.WALK: gettext_lazy("à pied"),
    Mobility.TRANSPORT: gettext_lazy("en transports en commun"),
    Mobility.CAR: gettext_lazy("en voiture"),
}


def _and(items: list[str]) -> str:
    items = [str(item) for item in items]
    if len(items) < 2:
        return items[0] if items else ""
    return _("%(items)s et %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


def _where(proposal, situation, radius: int) -> str:
    commune = situation.commune.nom
    if proposal.mode == "distance":
        return _("Aide à distance (téléphone, visio), ouverte aux habitants %(of_commune)s.") % {
            "of_commune": french.de(commune)
        }
    distance = geo.format_distance(proposal.distance_km) if proposal.distance_km is not None else ""
    if proposal.mode == "itinerant":
        return _("Service itinérant, basé à %(distance)s du centre %(of_commune)s : il peut venir près d’elle.") % {
            "distance": distance,
            "of_commune": french.de(commune),
        }
    how = MODE_WORDS.get(situation.mobility)
    where = {"distance": distance, "of_commune": french.de(commune), "how": how, "radius": radius}
    if how:
        return (
            _("À %(distance)s du centre %(of_commune)s ; %(how)s, la personne peut aller jusqu’à %(radius)s km.")
            % where
        )
    return _("À %(distance)s du centre %(of_commune)s (rayon de %(radius)s km).") % where


def _when(proposal, situation) -> str:
    if not proposal.hours_known:
        return _("Horaires à vérifier : appelez avant de vous déplacer.")
    if not situation.availability:
        return _("Horaires connus ; la personne n’a pas dit quand elle est disponible.")
    slots = [SLOT_LABELS[s].lower() for s in proposal.open_slots]
    return _("Ouvert quand la personne est disponible : %(slots)s.") % {"slots": _and(slots)}


def why(proposal, situation, procedure, radius: int) -> list[str]:
    lines = []
    if proposal.answers_procedure and procedure:
        lines.append(
            _("Il aide pour la démarche %(procedure)s : « %(service)s ».")
            % {"procedure": _(procedure.short), "service": proposal.service.nom}
        )
    elif proposal.services:
        lines.append(_("Il propose : « %(service)s ».") % {"service": proposal.service.nom})
    if proposal.answered:
        lines.append(_("Il répond à : %(risks)s.") % {"risks": _and([risk.name.lower() for risk in proposal.answered])})
    lines.append(_where(proposal, situation, radius))
    lines.append(_when(proposal, situation))
    if proposal.supports:
        lines.append(_("Accompagnement adapté : %(supports)s.") % {"supports": _and(proposal.supports)})
    if proposal.missing_supports:
        lines.append(
            _("N’indique pas d’accompagnement adapté (%(supports)s) : demandez-le en appelant.")
            % {"supports": _and(proposal.missing_supports)}
        )
    return lines
