"""Demo data for citizens' requests: services, categories, response templates, a commission and a few requests.
Idempotent: configuration by its code or name, requests only when no demo request exists yet."""

from django.core.management.base import BaseCommand
from django.db import transaction

from participation.domain import submit, workflow
from participation.models import Category, Commission, Request, ResponseTemplate, ResponsibleService
from territory.models import Commune

SERVICES = ["Équipe inclusion numérique", "Voirie et espaces publics"]
CATEGORIES = [
    (
        "ordinateur-public",
        "Un ordinateur public en panne",
        "Un poste en accès libre (médiathèque, mairie, EPN) ne marche pas.",
        "Numérique",
        0,
    ),
    (
        "wifi-public",
        "Un point WiFi public coupé",
        "Le WiFi gratuit d’un lieu public ne fonctionne pas.",
        "Numérique",
        0,
    ),
    (
        "aide-numerique",
        "Pas d’aide au numérique dans mon quartier",
        "Aucun lieu ou permanence pour être aidé près de chez vous.",
        "Numérique",
        0,
    ),
    ("voirie", "Un problème dans la rue", "Voirie, éclairage, propreté.", "Rue", 1),
]
TEMPLATES = [
    ("Intervention planifiée", "Un technicien passera à la date indiquée. Merci de votre signalement."),
    ("Réparé", "Le matériel a été réparé ou remplacé. Dites-nous si le problème continue."),
]
DEMO = [
    (
        "ordinateur-public",
        "91377",
        "Médiathèque Jules Verne, Massy",
        48.7309,
        2.2713,
        "Le deuxième ordinateur en libre accès ne démarre plus depuis une semaine.",
    ),
    ("wifi-public", "91377", "Mairie de Massy, hall d’accueil", 48.7265, 2.2830, "Le WiFi gratuit ne se connecte pas."),
    (
        "aide-numerique",
        "91377",
        "Quartier Villaine",
        None,
        None,
        "Aucune permanence pour les démarches en ligne dans le quartier : il faut aller au centre-ville.",
    ),
]


class Command(BaseCommand):
    help = "Charge des demandes d’habitants de démonstration (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        services = [ResponsibleService.objects.get_or_create(name=name)[0] for name in SERVICES]
        for code, name, description, group, service in CATEGORIES:
            Category.objects.get_or_create(
                code=code,
                defaults={
                    "name": name,
                    "description": description,
                    "group": group,
                    "service": services[service],
                },
            )
        for title, text in TEMPLATES:
            ResponseTemplate.objects.get_or_create(title=title, defaults={"text": text})
        massy = Commune.objects.filter(code_insee="91377").first()
        if massy is None:
            self.stdout.write("Communes absentes : lancez d’abord load_territory.")
            return
        commission, _ = Commission.objects.get_or_create(
            slug="massy", defaults={"name": "Commission de quartier de Massy"}
        )
        commission.communes.add(massy)
        if Request.objects.filter(source="demo").exists():
            self.stdout.write("Demandes de démonstration déjà chargées.")
            return
        made = []
        for code, insee, address, lat, lon, text in DEMO:
            row = submit.save_draft(
                Request(
                    category=Category.objects.get(code=code),
                    commune=Commune.objects.get(code_insee=insee),
                    address=address,
                    latitude=lat,
                    longitude=lon,
                    description=text,
                    email="",
                    anonymous=True,
                    source="demo",
                )
            )
            made.append(submit.publish(row, actor="démonstration"))
        workflow.change_status(
            made[1], Request.Status.QUALIFIED, "Le service réseau est prévenu.", actor="démonstration"
        )
        self.stdout.write(f"{len(made)} demandes de démonstration chargées.")
