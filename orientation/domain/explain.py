"""« Pourquoi ce service ? »: what the matching found about one service, in plain words."""

from directory.domain import geo
from orientation.models import SLOTS, Mobility
from web import french

SLOT_LABELS = dict(SLOTS)
MODE_WORDS = {
    Mobility.WALK: "à pied",
    Mobility.TRANSPORT: "en transports en commun",
    Mobility.CAR: "en voiture",
}


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " et " + items[-1] if items else ""


def _where(proposal, situation, radius: int) -> str:
    commune = situation.commune.nom
    if proposal.mode == "distance":
        return f"Aide à distance (téléphone, visio), ouverte aux habitants {french.de(commune)}."
    distance = geo.format_distance(proposal.distance_km) if proposal.distance_km is not None else ""
    if proposal.mode == "itinerant":
        return f"Service itinérant, basé à {distance} du centre {french.de(commune)} : il peut venir près d’elle."
    how = MODE_WORDS.get(situation.mobility)
    reach = f" ; {how}, la personne peut aller jusqu’à {radius} km" if how else f" (rayon de {radius} km)"
    return f"À {distance} du centre {french.de(commune)}{reach}."


def _when(proposal, situation) -> str:
    if not proposal.hours_known:
        return "Horaires à vérifier : appelez avant de vous déplacer."
    if not situation.availability:
        return "Horaires connus ; la personne n’a pas dit quand elle est disponible."
    slots = [SLOT_LABELS[s].lower() for s in proposal.open_slots]
    return f"Ouvert quand la personne est disponible : {_and(slots)}."


def why(proposal, situation, procedure, radius: int) -> list[str]:
    lines = []
    if proposal.answers_procedure and procedure:
        lines.append(f"Il aide pour la démarche {procedure.short} : « {proposal.service.nom} ».")
    elif proposal.services:
        lines.append(f"Il propose : « {proposal.service.nom} ».")
    if proposal.answered:
        lines.append("Il répond à : " + _and([risk.name.lower() for risk in proposal.answered]) + ".")
    lines.append(_where(proposal, situation, radius))
    lines.append(_when(proposal, situation))
    if proposal.supports:
        lines.append(f"Accompagnement adapté : {_and(proposal.supports)}.")
    if proposal.missing_supports:
        lines.append(
            f"N’indique pas d’accompagnement adapté ({_and(proposal.missing_supports)}) : demandez-le en appelant."
        )
    return lines
