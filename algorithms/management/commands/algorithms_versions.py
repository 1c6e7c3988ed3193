"""Record a new published version of a public algorithm, or say which ones changed without one."""

from django.core.management.base import BaseCommand, CommandError

from algorithms import versions
from core import algorithms


class Command(BaseCommand):
    help = (
        'Sans option : l’état de chaque algorithme déclaré. --add <slug> "<résumé>" : publie la version en cours '
        "(empreinte et date du jour) dans algorithms/versions.toml. --check : échoue si un algorithme a changé "
        "sans nouvelle version."
    )

    def add_arguments(self, parser):
        parser.add_argument("--add", nargs=2, metavar=("SLUG", "RESUME"), help="publier une nouvelle version")
        parser.add_argument("--check", action="store_true", help="échouer si le registre ne montre pas ce qui tourne")

    def handle(self, *args, add=None, check=False, **options):
        if add:
            slug, summary = add
            try:
                version = versions.add(slug, summary)
            except ValueError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(
                f"{slug} : version {version.number} du {version.date.isoformat()} ({version.fingerprint})"
            )
            return
        problems = versions.drift()
        if check and problems:
            raise CommandError("\n".join(problems))
        for d in algorithms.declarations():
            current = versions.current(d.slug)
            live = algorithms.fingerprint(d)
            state = "à jour" if current and current.fingerprint == live else "à publier"
            number = f"version {current.number}" if current else "aucune version"
            self.stdout.write(f"{d.slug} : {number}, empreinte {live}, {state}")
