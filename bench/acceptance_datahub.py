"""Issue 3's acceptance over the full real files of ../shared/datasets (not part of `make test`).

Imports, into a scratch database, every file of `lieux/` and `services/` in the order a territory would
(national lieux, then Île-de-France, then data·inclusion lieux, then the 2022 services, then the 2024 France
Services list), checks that every
rejected row has a reason, re-imports each file and checks that nothing changes, and counts the places the
national and Île-de-France files share that became one place.

    .venv/bin/python bench/acceptance_datahub.py [--database-url sqlite:////tmp/ancrage-acceptance.sqlite3]
"""

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT.parent / "shared" / "datasets"
FILES = [
    ("lieux/cnfs-national-2022.json", "lieux"),
    ("lieux/cnfs-idf-2022.json", "lieux"),
    ("lieux/data-inclusion-lieux-2023.json", "lieux"),
    ("services/data-inclusion-services-2022.json", "di-services"),
    ("france-services/liste-france-services-2024-08-01.csv", "tableur"),  # profile recognised from the header
]


def setup(database_url: str) -> None:
    if "acceptance" not in database_url:
        sys.exit("Refus : la base doit être une base d’essai (son adresse doit contenir « acceptance »).")
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ancrage.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from datahub.models import FieldChange, ImportRun, Merge, MergeCandidate, SourceRecord
    from directory.models import Place, Service
    from territory.models import Commune

    call_command("migrate", verbosity=0)
    if not Commune.objects.exists():
        call_command("load_territory", stdout=open(os.devnull, "w"))  # noqa: SIM115
    for model in (FieldChange, MergeCandidate, Merge, SourceRecord, Service, Place, ImportRun):
        model.objects.all().delete()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="sqlite:////tmp/ancrage-acceptance.sqlite3")
    args = parser.parse_args()
    setup(args.database_url)
    from django.db.models import Count

    from datahub.models import MergeCandidate, RowIssue, SourceRecord
    from datahub.runs import run_import

    failures, run_ids = [], []
    print(f"{'fichier':45} {'lignes':>7} {'créées':>7} {'m. à j.':>7} {'inch.':>7} {'fus.':>5} {'rej.':>6}")
    for name, source_format in FILES:
        run = run_import(DATASETS / name, source_format)
        run_ids.append(run.pk)
        counts = (run.rows, run.created, run.updated, run.unchanged)
        print(f"{name:45} " + " ".join(f"{n:>7}" for n in counts) + f" {run.merged:>5} {run.rejected:>6}")
        rejections = run.issues.filter(level=RowIssue.Level.REJECTED)
        if run.status != run.Status.SUCCESS or rejections.count() != run.rejected or rejections.filter(reason=""):
            failures.append(f"{name}: run {run.status}, rejected rows without their reason")
        again = run_import(DATASETS / name, source_format)
        if again.created + again.updated + again.merged:
            failures.append(f"{name}: importing it twice in a row changed something")
    reasons = RowIssue.objects.filter(level="rejet").values("reason").annotate(n=Count("pk")).order_by("-n")
    print("\nRaisons de rejet les plus fréquentes :")
    for row in reasons[:6]:
        print(f"  {row['n']:>5} × {row['reason'][:110]}")
    print("\nChaque fichier, importé deux fois de suite : la seconde fois ne change rien (vérifié).")
    print("Réimport de chaque fichier après les autres (une version plus ancienne ne remplace pas une plus récente) :")
    for name, source_format in FILES:
        run = run_import(DATASETS / name, source_format)
        changed = run.created + run.updated + run.merged
        print(f"  {name:45} {run.unchanged:>6} inchangées, {changed} modifications")
    national = set(SourceRecord.objects.filter(kind="lieu", first_run=run_ids[0]).values_list("place_id", flat=True))
    idf_ids = {str(row["id"]) for row in json.loads((DATASETS / FILES[1][0]).read_text())}
    idf_places = set(SourceRecord.objects.filter(kind="lieu", source_id__in=idf_ids).values_list("place_id", flat=True))
    print(
        f"\nLes {len(idf_ids)} lieux du fichier d’Île-de-France sont {len(idf_places)} lieux, dont "
        f"{len(idf_places & national)} déjà donnés par le fichier national (même lieu, une seule fiche)."
    )
    pending = MergeCandidate.objects.filter(status=MergeCandidate.Status.PENDING).count()
    print(f"Doublons douteux en attente d’un coordinateur : {pending}")
    for failure in failures:
        print("ÉCHEC :", failure)
    print("Acceptation : " + ("échec" if failures else "réussie"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
