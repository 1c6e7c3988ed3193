"""Refuse, in plain French, a development database created before accounts.User (it cannot be migrated)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

MESSAGE = """Cette base de données a été créée avant les comptes par adresse e-mail (modèle accounts.User) :
elle ne peut pas être mise à jour automatiquement.

Base de développement : supprimez-la puis relancez « make run », qui la recrée avec les données de démonstration :
    rm -f {name} {name}-wal {name}-shm
(ou, pour PostgreSQL : dropdb puis createdb de la base). Les lieux importés devront être réimportés.
Voir « Ancienne base de développement » dans le README."""


def needs_fresh_database() -> bool:
    """True when Django's own user model was migrated here but accounts.User never was."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return False
    applied = recorder.applied_migrations()
    return (
        ("auth", "0001_initial") in applied
        and ("accounts", "0001_initial") not in applied
        and ("auth_user" in connection.introspection.table_names())
    )


class Command(BaseCommand):
    help = "Vérifie que la base peut accueillir le modèle d’utilisateur accounts.User (avant migrate)."

    def handle(self, *args, **options):
        if needs_fresh_database():
            raise CommandError(MESSAGE.format(name=connection.settings_dict["NAME"]))
