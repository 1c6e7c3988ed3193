"""Demo data of the network (`make setup` runs it after load_demo; idempotent): two fictitious structures,
four professionals who chose to appear, three published practice sheets. The people are invented, their
addresses end in `.invalid` and they cannot log in (no password)."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.models import Membership, Structure, User
from network.models import Practice, Profile
from territory.models import Commune

DOMAIN = "demo.ancrage.invalid"
STRUCTURES = {
    "lien": ("Association Lien numérique (démonstration)", Structure.Kind.ASSOCIATION),
    "ulis": ("Centre social des Ulis (démonstration)", Structure.Kind.OTHER),
}
PEOPLE = [
    ("camille", "Camille Martin", "lien", User.Profession.MEDIATOR, {
        "job_title": "Conseillère numérique", "needs": ["demarches", "outils", "securite"],
        "labels": ["conseiller-numerique", "aidants-connect"], "languages": ["ar"], "communes": ["91377", "91477"]}),
    ("dominique", "Dominique Bernard", "lien", User.Profession.AIDANT, {
        "job_title": "Bénévole", "needs": ["outils", "equipement"], "labels": ["pix"], "languages": ["pt"],
        "communes": ["91377"]}),
    ("eden", "Eden Leroy", "ulis", User.Profession.SOCIAL_WORKER, {
        "job_title": "Agent France Services", "needs": ["demarches", "emploi"], "labels": ["france-services"],
        "languages": ["en", "es"], "communes": ["91692", "91471"]}),
    ("farah", "Farah Haddad", "ulis", User.Profession.MEDIATOR, {
        "job_title": "Médiatrice numérique", "needs": ["parents", "comprendre"], "labels": ["aidants-connect"],
        "languages": ["ar", "en"], "communes": ["91692"]}),
]  # fmt: skip
PRACTICES = [
    ("lien", "camille", {
        "title": "Café numérique du mardi : les arnaques en ligne",
        "summary": "Une fois par mois, un café au centre commercial : on parle des arnaques reçues par SMS ou "
                   "par e-mail, chacun apporte son téléphone, on apprend à les reconnaître ensemble.",
        "themes": ["securite", "comprendre"], "publics": ["seniors", "tous-publics"],
        "time_needed": "Deux heures par mois, et une heure de préparation.",
        "people_needed": "Une conseillère numérique et un bénévole.",
        "equipment_needed": "Un vidéoprojecteur ; les téléphones des participants.",
        "worked": "Partir des messages que les personnes ont vraiment reçus.",
        "avoid": "Les supports trop longs : une fiche d’une page suffit."}),
    ("ulis", "eden", {
        "title": "Aller-vers au marché : une table des démarches",
        "summary": "Une table au marché du samedi avec la France Services : on répond aux questions sur les "
                   "démarches en ligne et on prend rendez-vous pour la suite.",
        "themes": ["demarches"], "publics": ["tous-publics", "residents-qpv-frr"],
        "time_needed": "Une matinée toutes les deux semaines.",
        "people_needed": "Deux personnes, dont une habilitée Aidants Connect.",
        "equipment_needed": "Une table, un ordinateur portable, une connexion partagée.",
        "worked": "Être là aux mêmes heures : les habitants reviennent.",
        "avoid": "Traiter un dossier complet sur place : on oriente vers un rendez-vous."}),
    ("ulis", "farah", {
        "title": "Ateliers parents-enfants : les écrans en famille",
        "summary": "Quatre ateliers avec le centre social et l’école : contrôle parental, temps d’écran, "
                   "réseaux sociaux, en présence des enfants.",
        "themes": ["parents"], "publics": ["familles"],
        "time_needed": "Quatre séances d’une heure et demie.",
        "people_needed": "Une médiatrice numérique et une animatrice du centre social.",
        "worked": "Inviter par l’école, pas par affiche.",
        "avoid": "Les ateliers le mercredi matin."}),
]  # fmt: skip


class Command(BaseCommand):
    help = "Charge le réseau de démonstration (structures, profils, fiches pratiques), sans rien dupliquer."

    @transaction.atomic
    def handle(self, *args, **options):
        structures = {
            key: Structure.objects.get_or_create(name=name, defaults={"kind": kind})[0]
            for key, (name, kind) in STRUCTURES.items()
        }
        people = {}
        for key, name, structure, profession, values in PEOPLE:
            values = dict(values)
            communes = values.pop("communes")
            user, created = User.objects.get_or_create(
                email=f"{key}@{DOMAIN}", defaults={"full_name": name, "profession": profession}
            )
            if created:
                user.set_unusable_password()
                user.save(update_fields=["password"])
            Membership.objects.get_or_create(user=user, structure=structures[structure])
            profile, created = Profile.objects.get_or_create(
                user=user, defaults={**values, "listed": True, "consent_at": timezone.now()}
            )
            if created:
                profile.communes.set(Commune.objects.filter(code_insee__in=communes))
            people[key] = user
        made = 0
        for structure, author, values in PRACTICES:
            _, created = Practice.objects.get_or_create(
                structure=structures[structure], title=values["title"],
                defaults={**values, "author": people[author], "status": Practice.Status.PUBLISHED,
                          "published_at": timezone.now()},
            )  # fmt: skip
            made += created
        self.stdout.write(f"Réseau de démonstration : {len(people)} profils, {made} fiche(s) ajoutée(s).")
