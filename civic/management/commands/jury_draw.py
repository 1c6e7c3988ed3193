"""Re-run a citizen jury's draw from its published seed and anonymised list, and print the drawn numbers.

python manage.py jury_draw --seed "12 18 27 33 41 / 3 7" --seats 12 --volunteers volontaires.csv
python manage.py jury_draw --jury mon-jury        # from the database, compared with the stored result
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from civic.domain import draw as method
from civic.domain import juries
from civic.models import Jury


class Command(BaseCommand):
    help = "Refait le tirage au sort d’un jury citoyen à partir de la graine publiée et de la liste anonyme."

    def add_arguments(self, parser):
        parser.add_argument("--seed", help="la graine publiée")
        parser.add_argument("--seats", type=int, help="le nombre de jurés")
        parser.add_argument("--volunteers", help="le fichier CSV publié (numero, zone, tranche_age, sexe)")
        parser.add_argument("--jury", help="l’adresse (slug) d’un jury de cette base")

    def handle(self, *args, seed, seats, volunteers, jury, **options):
        stored = None
        if jury:
            item = Jury.objects.filter(slug=jury).first()
            if item is None or not item.seed:
                raise CommandError("Jury inconnu ou pas encore tiré au sort.")
            entries, seed, seats = juries.entries(item), item.seed, item.seats
            stored = list(
                item.volunteers.filter(drawn_rank__isnull=False).order_by("drawn_rank").values_list("number", flat=True)
            )
        elif seed and seats and volunteers:
            entries = method.from_csv(Path(volunteers).read_text(encoding="utf-8-sig"))
        else:
            raise CommandError("Donnez --seed, --seats et --volunteers, ou --jury.")
        try:
            numbers = method.draw(entries, seats, seed)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Empreinte SHA-256 de la liste : {method.digest(entries)}")
        self.stdout.write("Tirés, par rang : " + ", ".join(str(n) for n in numbers))
        if stored is not None:
            self.stdout.write(
                "Identique au résultat publié." if stored == numbers else "DIFFÉRENT du résultat publié !"
            )
            if stored != numbers:
                raise CommandError("Le tirage refait ne donne pas le résultat publié.")
