"""Open data of the councils: deliberations in the national SCDL « Délibérations » format (schema.data.gouv.fr,
scdl/deliberations 2.1: its 17 columns, in order, with their exact names), and one row per member's vote.
Only public officials' acts: no participant, follower or volunteer data is ever exported from civic."""

from collections.abc import Iterator

from django.db.models import Count, Q

from civic.models import Deliberation, Vote

SCDL_URL = "https://schema.data.gouv.fr/scdl/deliberations/"
SCDL_COLUMNS = [
    "COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM", "DELIB_OBJET",
    "BUDGET_ANNEE", "BUDGET_NOM", "PREF_ID", "PREF_DATE", "VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE",
    "VOTE_ABSTENTION", "DELIB_URL",
]  # fmt: skip
VOTES_COLUMNS = [
    "COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_OBJET", "ELU_NOM", "ELU_GROUPE", "VOTE", "POUVOIR_A",
]  # fmt: skip
C = Vote.Choice


def deliberations():
    return (
        Deliberation.objects.select_related("sitting__council")
        .annotate(
            yes=Count("votes", filter=Q(votes__choice=C.FOR)),
            no=Count("votes", filter=Q(votes__choice=C.AGAINST)),
            abstention=Count("votes", filter=Q(votes__choice=C.ABSTENTION)),
        )
        .order_by("sitting__date", "sitting__council_id", "number")
    )


def scdl_row(d) -> list:
    council = d.sitting.council
    voters = d.yes + d.no + d.abstention
    return [
        council.body_name, council.body_siret, d.number, d.sitting.date.isoformat(), d.subject_code, d.subject_name,
        d.title, "", "", "", "", council.seats, voters, d.yes, d.no, d.abstention, d.url,
    ]  # fmt: skip


def scdl_rows() -> Iterator[list]:
    return (scdl_row(d) for d in deliberations().iterator(chunk_size=500))


def votes():
    return Vote.objects.select_related("deliberation__sitting__council", "councillor", "proxy").order_by(
        "deliberation__sitting__date", "deliberation__number", "councillor__name"
    )


def vote_row(v) -> list:
    d = v.deliberation
    council = d.sitting.council
    return [
        council.body_name, council.body_siret, d.number, d.sitting.date.isoformat(), d.title, v.councillor.name,
        v.councillor.group, v.choice, v.proxy.name if v.proxy else "",
    ]  # fmt: skip


def vote_rows() -> Iterator[list]:
    return (vote_row(v) for v in votes().iterator(chunk_size=1000))
