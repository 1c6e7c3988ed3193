"""The national-scale data set of `bench_search.py`: places and services over real communes.

Imported by `bench_search.py` after Django is set up; see bench/README.md.
"""

import math
import random
import time
from datetime import date, timedelta

BENCH_SOURCE = "bench"


NAME_PATTERNS = [
    ("Espace public numérique de {c}", ["MUNI"]),
    ("Médiathèque {c}", ["BIB"]),
    ("Bibliothèque municipale de {c}", ["BIB"]),
    ("France Services {c}", ["MUNI"]),
    ("Centre social {c}", ["CS"]),
    ("Centre socio-culturel de {c}", ["CSC"]),
    ("CCAS de {c}", ["CCAS"]),
    ("Mairie de {c}", ["MUNI"]),
    ("Association numérique pour tous — {c}", ["ASSO"]),
    ("Emmaüs Connect {c}", ["ASSO"]),
    ("Point numérique CAF {c}", ["CAF"]),
    ("Mission locale de {c}", ["ML"]),
    ("Maison de quartier — {c}", ["MQ"]),
    ("Tiers-lieu numérique de {c}", []),
    ("La Poste — accompagnement numérique {c}", []),
]
STREETS = [
    "rue de la République", "place de la Mairie", "avenue Jean Jaurès", "rue Victor Hugo", "rue Pasteur",
    "boulevard Gambetta", "rue du Général de Gaulle", "place de l’Église", "rue des Écoles", "allée des Tilleuls",
]  # fmt: skip
DAY_GROUPS = ["Mo-Fr", "Mo-Fr", "Mo-Fr", "Tu-Sa", "Mo-Th", "Mo,Tu,Th,Fr", "Tu,Th", "We", "Mo-Sa", "We,Sa", "Tu-Fr"]
SINGLE_DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa"]
MORNINGS = ["08:30-12:00", "08:30-12:30", "09:00-12:00", "09:00-12:30", "09:30-12:30", "10:00-12:00", "09:00-13:00"]
AFTERNOONS = ["13:30-17:00", "13:30-17:30", "14:00-17:00", "14:00-17:30", "14:00-18:00", "13:00-17:00", "14:00-19:00"]


def opening_hours(rng: random.Random) -> str:
    """An OSM opening_hours string as found in the national files; a quarter of places have none."""
    roll = rng.random()
    if roll < 0.25:
        return ""
    if roll < 0.35:  # a weekly permanence or two
        days = rng.sample(SINGLE_DAYS, rng.choice([1, 1, 2]))
        return "; ".join(f"{d} {rng.choice(AFTERNOONS + MORNINGS)}" for d in days)
    rule = f"{rng.choice(DAY_GROUPS)} {rng.choice(MORNINGS)},{rng.choice(AFTERNOONS)}"
    extra = rng.random()
    if extra < 0.2:
        rule += f"; Sa {rng.choice(MORNINGS)}"
    elif extra < 0.3:
        rule = rule.replace("Mo-Fr", "Mo-Th") + f"; Fr {rng.choice(MORNINGS)}"
    elif extra < 0.35:
        rule += "; We 14:00-17:00 week 1-53/2"
    if rng.random() < 0.6:
        rule += "; PH off"
    return rule


def pick(rng: random.Random, values, low: float = 0.0, k_max: int = 2) -> list[str]:
    """Some values of a vocabulary (none with probability `low`)."""
    if rng.random() < low:
        return []
    return rng.sample(list(values), rng.randint(1, min(k_max, len(values))))


SERVICE_WEIGHTS = {  # how often each « services » value appears in the national cartography
    "Aide aux démarches administratives": 30,
    "Maîtrise des outils numériques du quotidien": 28,
    "Accès internet et matériel informatique": 18,
    "Compréhension du monde numérique": 8,
    "Utilisation sécurisée du numérique": 7,
    "Insertion professionnelle via le numérique": 8,
    "Parentalité et éducation avec le numérique": 4,
    "Loisirs et créations numériques": 5,
    "Acquisition de matériel informatique à prix solidaire": 2,
}


def place_and_services(rng: random.Random, commune, today: date):
    """One place (unsaved) and the field dicts of its 2–4 services."""
    from datahub.importers.lieux import service_fields
    from directory.models import Place
    from standards import dataincl as di
    from standards import lieux

    # Dense areas spread wider: jitter from ~0.5 km (village) up to ~6 km (big city).
    spread_km = min(6.0, 0.5 + 0.004 * commune.population**0.5 * 10)
    lat = commune.latitude + rng.gauss(0, spread_km / 3) / 111.2
    lon = commune.longitude + rng.gauss(0, spread_km / 3) / (111.2 * max(0.2, abs(_cos(commune.latitude))))
    pattern, typologie = rng.choice(NAME_PATTERNS)
    horaires = opening_hours(rng)
    accompagnement = pick(rng, lieux.MODALITES_ACCOMPAGNEMENT.values, low=0.3, k_max=3)
    acces = pick(rng, lieux.MODALITES_ACCES.values[:4], low=0.3, k_max=3)
    fields = {
        "nom": pattern.format(c=commune.nom)[:250],
        "typologie": typologie,
        "adresse": f"{rng.randint(1, 120)} {rng.choice(STREETS)}",
        "code_postal": commune.code_postal_principal,
        "commune": commune.nom,
        "code_insee": commune.code_insee,
        "latitude": round(lat, 6),
        "longitude": round(lon, 6),
        "itinerance": ["Itinérant"] if rng.random() < 0.05 else (["Fixe"] if rng.random() < 0.3 else []),
        "telephone": f"0{rng.randint(1, 5)}{rng.randint(10_000_000, 99_999_999)}" if rng.random() < 0.8 else "",
        "courriels": [f"contact{rng.randint(1, 999)}@exemple.fr"] if rng.random() < 0.6 else [],
        "site_web": ["https://www.exemple.fr/"] if rng.random() < 0.4 else [],
        "prise_rdv": "https://rdv.exemple.fr/lieu" if rng.random() < 0.2 else "",
        "horaires": horaires,
        "presentation_resume": "Accompagnement aux usages du numérique, ateliers et accès libre."
        if rng.random() < 0.7
        else "",
        "publics_specifiquement_adresses": pick(rng, lieux.PUBLICS_SPECIFIQUEMENT_ADRESSES.values, low=0.75),
        "prise_en_charge_specifique": pick(rng, lieux.PRISE_EN_CHARGE_SPECIFIQUE.values, low=0.8),
        "frais_a_charge": rng.choices([["Gratuit"], ["Gratuit sous condition"], ["Payant"], []], [70, 8, 7, 15])[0],
        "modalites_acces": acces,
        "modalites_accompagnement": accompagnement,
        "dispositif_programmes_nationaux": pick(rng, lieux.DISPOSITIF_PROGRAMMES_NATIONAUX.values, low=0.5),
        "formations_labels": pick(rng, lieux.FORMATIONS_LABELS.values, low=0.9, k_max=1),
        "fiche_acces_libre": "https://acceslibre.beta.gouv.fr/app/lieu/" if rng.random() < 0.15 else "",
        "source": BENCH_SOURCE,
        "date_maj": today - timedelta(days=rng.randint(0, 900)),
    }
    place = Place(**fields, est_publie=rng.random() > 0.02)
    place.compute_derived(has_services=True)

    values, left = [], dict(SERVICE_WEIGHTS)
    for _ in range(rng.choice([2, 3, 3, 4])):  # weighted sampling without replacement
        value = rng.choices(list(left), list(left.values()))[0]
        values.append(value)
        del left[value]
    services = [service_fields(value, fields) for value in values]
    if rng.random() < 0.1:
        # A service known only by its data·inclusion thématiques (DORA-like), without « services ».
        thematiques = rng.choice([[di.DEMARCHES, di.ACCES_DROITS], [di.EMPLOI], [di.MF], [di.PARENTALITE], [di.CX]])
        services.append(
            {
                **service_fields(values[0], fields),
                "nom": "Accompagnement personnalisé",
                "mediation": [],
                "thematiques": thematiques,
                "zone_eligibilite": rng.choice([["france"], [commune.departement], [commune.code_insee]]),
                "modes_accueil": rng.choice([[di.EN_PRESENTIEL], [di.A_DISTANCE], [di.EN_PRESENTIEL, di.A_DISTANCE]]),
                "source": "dora",
            }
        )
    return place, services


def _cos(latitude: float) -> float:

    return math.cos(math.radians(latitude))


def communes_by_weight():
    from territory.models import Commune

    communes = list(
        Commune.objects.filter(latitude__isnull=False, longitude__isnull=False).only(
            "code_insee", "nom", "departement", "population", "code_postal_principal", "latitude", "longitude"
        )
    )
    # Places follow population, with a floor so that rural France has its mairies and France Services.
    weights = [c.population + 400 for c in communes]
    return communes, weights


def build(n_places: int, seed: int) -> None:
    from django.db import connection, transaction

    from directory.domain.derived import refresh_places
    from directory.models import Place, Service

    rng = random.Random(seed)
    communes, weights = communes_by_weight()
    today = date.today()
    batch = 5000
    started = time.perf_counter()
    built_places = built_services = 0
    while built_places < n_places:
        size = min(batch, n_places - built_places)
        chosen = rng.choices(communes, weights, k=size)
        pairs = [place_and_services(rng, commune, today) for commune in chosen]
        with transaction.atomic():
            places = Place.objects.bulk_create([p for p, _ in pairs], batch_size=1000)
            services = [
                Service(place_id=place.pk, **fields)
                for place, (_, service_dicts) in zip(places, pairs, strict=True)
                for fields in service_dicts
            ]
            Service.objects.bulk_create(services, batch_size=2000)
            refresh_places([place.pk for place in places])  # search keys and completeness, as imports do
        built_places += size
        built_services += len(services)
        elapsed = time.perf_counter() - started
        print(f"  {built_places:>7,} places, {built_services:>7,} services  ({elapsed:.1f} s)", flush=True)
    with connection.cursor() as cursor:  # fresh planner statistics (PostgreSQL and SQLite alike)
        cursor.execute("ANALYZE")
    total = time.perf_counter() - started
    print(
        f"Built {built_places:,} places and {built_services:,} services in {total:.1f} s "
        f"({built_services / total:,.0f} services/s), ANALYZE included"
    )


def drop_bench_data() -> None:
    from django.db import connection

    from directory.models import ErrorReport, Place, Service

    with connection.cursor() as cursor:
        for model in (ErrorReport, Service, Place):
            table = connection.ops.quote_name(model._meta.db_table)
            if connection.vendor == "postgresql":
                cursor.execute(f"TRUNCATE {table} CASCADE")
            else:
                cursor.execute(f"DELETE FROM {table}")
