from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from datahub.importers import tableur
from datahub.importers.files import UnreadableFile, read_header
from datahub.runs import IMPORTERS, run_import


class Command(BaseCommand):
    help = "Importe un fichier de données (lieux de médiation numérique, data·inclusion, tableur du territoire)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Fichier JSON, CSV ou XLSX à importer")
        parser.add_argument("--format", required=True, choices=sorted(IMPORTERS), dest="source_format")
        parser.add_argument("--feed", default="", help="Nom du flux (par défaut : nom du fichier)")
        parser.add_argument("--source", default="", help="Source par défaut des lignes qui n’en donnent pas")
        parser.add_argument(
            "--mapping",
            default="",
            help="Tableur : correspondance des colonnes, « colonne=champ,… » (sans elle : devinée des en-têtes)",
        )
        parser.add_argument(
            "--profile",
            default="",
            help="Tableur : profil d’un fichier connu (france-services), sans correspondance à donner ; "
            "reconnu d’après les en-têtes s’il est omis",
        )
        parser.add_argument("--dry-run", action="store_true", help="Tout vérifier sans rien enregistrer")
        parser.add_argument("--quiet", action="store_true", help="Pas de barre de progression")

    def handle(self, path, source_format, feed, source, mapping, dry_run, quiet, profile="", **options):
        columns = None
        try:
            if source_format == tableur.FORMAT:
                columns, profile = tableur.choose_mapping(read_header(path), mapping, profile)
                if profile:
                    self.stdout.write(f"Profil de tableur : {tableur.profile_named(profile).label}")
        except (tableur.MappingError, UnreadableFile) as exc:
            raise CommandError(str(exc)) from exc
        except OSError as exc:
            raise CommandError(_unreadable(path, exc)) from exc
        if columns is not None and not mapping and not profile:
            guessed = ", ".join(f"{column}={field}" for column, field in columns.items())
            self.stdout.write(f"Correspondance devinée : {guessed}")
        bar = tqdm(unit=" lignes", disable=quiet or not self.stdout.isatty(), desc=path)
        try:
            run = run_import(
                path, source_format, feed=feed, default_source=source, dry_run=dry_run, progress=bar.update,
                mapping=columns, profile=profile,
            )  # fmt: skip
        except OSError as exc:
            raise CommandError(_unreadable(path, exc)) from exc
        except Exception as exc:  # recorded on the run (failed, with its traceback); said here in French
            raise CommandError(
                f"Import échoué, rien n’a été modifié : erreur inattendue ({exc.__class__.__name__}). "
                "Le détail est dans le dernier rapport d’import (administration, « Imports »)."
            ) from exc
        finally:
            bar.close()
        if run.status == run.Status.FAILED:
            raise CommandError(f"Import échoué, rien n’a été modifié : {run.error.splitlines()[0]}")
        prefix = "[essai à blanc] " if dry_run else ""
        self.stdout.write(
            f"{prefix}{run.file_name} : {run.rows} lignes, {run.created} créées, {run.updated} mises à jour, "
            f"{run.unchanged} inchangées, {run.merged} fusionnées, {run.rejected} rejetées, "
            f"{run.warnings} avertissements, {run.absent_text} (import n° {run.pk})."
        )


def _unreadable(path: str, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return f"Fichier introuvable : {path}"
    if isinstance(exc, IsADirectoryError):
        return f"{path} est un dossier : indiquez un fichier JSON, CSV ou XLSX"
    if isinstance(exc, PermissionError):
        return f"Lecture du fichier refusée (droits insuffisants) : {path}"
    return f"Fichier illisible : {path} ({exc.strerror or exc.__class__.__name__})"
