from django.core.management.base import BaseCommand, CommandError

from datahub.sync import sync_all


class Command(BaseCommand):
    help = (
        "Télécharge les flux configurés (Données › Flux synchronisés) et les importe. "
        "Essai à blanc par défaut : ajoutez --wet-run pour enregistrer."
    )

    def add_arguments(self, parser):
        parser.add_argument("--wet-run", action="store_true", help="Enregistrer (sinon : essai à blanc)")
        parser.add_argument("--feed", action="append", dest="names", help="Seulement ce flux (répétable)")

    def handle(self, *args, wet_run=False, names=None, **options):
        results = sync_all(wet_run=wet_run, names=names)
        if not results:
            self.stdout.write("Aucun flux actif à synchroniser.")
        prefix = "" if wet_run else "[essai à blanc] "
        failures = 0
        for result in results:
            run = result.run
            if result.error or run is None or run.status == run.Status.FAILED:
                failures += 1
                self.stderr.write(f"{prefix}{result.feed.name} : échec — {result.error}")
                continue
            self.stdout.write(
                f"{prefix}{result.feed.name} : {run.rows} lignes, {run.created} créées, {run.updated} mises à jour, "
                f"{run.unchanged} inchangées, {run.merged} fusionnées, {run.rejected} rejetées (import n° {run.pk})."
            )
        if failures:
            raise CommandError(f"{failures} flux en échec")
