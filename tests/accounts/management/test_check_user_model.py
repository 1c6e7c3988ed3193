import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

pytestmark = pytest.mark.django_db


def test_a_fresh_or_current_database_passes():
    call_command("check_user_model")


def test_a_database_made_with_djangos_user_model_is_refused_with_what_to_do():
    """As an old development database: auth migrated, the auth_user table, no accounts migration."""
    MigrationRecorder.Migration.objects.filter(app="accounts").delete()
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE auth_user (id integer)")
    with pytest.raises(CommandError, match="supprimez-la puis relancez « make run »"):
        call_command("check_user_model")
