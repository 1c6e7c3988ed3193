from django.core.management.base import BaseCommand

from territory.loading import load_territory


class Command(BaseCommand):
    help = "Charge ou met à jour le référentiel des communes, EPCI et quartiers prioritaires."

    def handle(self, *args, **options):
        counts = load_territory()
        self.stdout.write(
            "Référentiel territorial : {communes} communes, {epci} EPCI, "
            "{avec_qpv} communes avec un quartier prioritaire, "
            "{sans_position} communes sans position ({positions_corrigees} positions corrigées), "
            "{anciennes} anciennes communes et arrondissements.".format(**counts)
        )
