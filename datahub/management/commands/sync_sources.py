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
        parser.add_argument(
            "--confirm-absent",
            action="store_true",
            help="Appliquer même si une grande part des enregistrements du flux en est absente "
            "(seuil : ANCRAGE_SYNC_MAX_ABSENT_PERCENT)",
        )

    def handle(self, *args, wet_run=False, names=None, confirm_absent=False, **options):
        results = sync_all(wet_run=wet_run, names=names, confirm_absent=confirm_absent)
        if not results:
            self.stdout.write("Aucun flux actif à synchroniser.")
        prefix = "" if wet_run else "[essai à blanc] "
        failures = 0
        for result in results:
            run = result.run
            if result.error or run is None or run.status == run.Status.FAILED:
                failures += 1
                self.stderr.write(f"{prefix}{result.feed.name} : échec — {result.error or run.error}")
                continue
            self.stdout.write(
                f"{prefix}{result.feed.name} : {run.rows} lignes, {run.created} créées, {run.updated} mises à jour, "
                f"{run.unchanged} inchangées, {run.merged} fusionnées, {run.rejected} rejetées, {run.absent_text} "
                f"(import n° {run.pk})."
            )
        if failures:
            raise CommandError(f"{failures} flux en échec")
