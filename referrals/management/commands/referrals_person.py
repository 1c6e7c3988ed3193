"""A person's right of access and erasure: `manage.py referrals_person --email … | --phone … [--erase]`."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import formats, timezone

from referrals.domain import persons

FIELDS = [
    ("Prénom", "person_first_name"),
    ("Nom", "person_last_name"),
    ("Téléphone", "person_phone"),
    ("Courriel", "person_email"),
    ("Message", "message"),
    ("Précision de la structure", "refusal_note"),
]


class Command(BaseCommand):
    help = (
        "Droit d’accès et d’effacement d’une personne adressée : affiche ce qui est conservé à son sujet "
        "(par courriel ou téléphone) ; avec --erase, l’efface (anonymise). Chaque usage est journalisé."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", default="", help="le courriel de la personne")
        parser.add_argument("--phone", default="", help="le téléphone de la personne")
        parser.add_argument("--erase", action="store_true", help="effacer ses données (anonymiser)")

    def handle(self, *args, email, phone, erase, **options):
        if not (email.strip() or phone.strip()):
            raise CommandError("Indiquez --email ou --phone.")
        referrals = persons.access(persons.find(email=email, phone=phone))
        if not referrals:
            self.stdout.write("Aucun adressage ne concerne cette personne.")
            return
        for referral in referrals:
            when = formats.date_format(timezone.localtime(referral.sent_at), "j F Y")
            self.stdout.write(f"Adressage n° {referral.pk} du {when} vers « {referral.service_name} » "
                              f"({referral.place_name}) : {referral.get_status_display()}")  # fmt: skip
            for label, name in FIELDS:
                if value := getattr(referral, name):
                    self.stdout.write(f"  {label} : {value}")
            consent = formats.date_format(timezone.localtime(referral.consent_at), "j F Y à H:i")
            self.stdout.write(f"  Consentement (version {referral.consent_version}) recueilli le {consent}")
        if erase:
            count = persons.erase(referrals)
            self.stdout.write(self.style.SUCCESS(f"Données personnelles effacées de {count} adressage(s)."))
