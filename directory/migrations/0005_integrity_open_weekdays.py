"""`jours_ouverture` now lists the weekdays the hours may open in any season (it was the next 14 days): recompute."""

from django.db import migrations


def recompute(apps, schema_editor):
    from directory.domain.hours import open_weekdays

    Place = apps.get_model("directory", "Place")
    changed = []
    for place in Place.objects.only("pk", "horaires", "jours_ouverture").iterator(chunk_size=2000):
        days = open_weekdays(place.horaires)
        if days != place.jours_ouverture:
            place.jours_ouverture = days
            changed.append(place)
    Place.objects.bulk_update(changed, ["jours_ouverture"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_integrity_place_alias")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
