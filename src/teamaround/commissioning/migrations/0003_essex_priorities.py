"""Load Essex's default priority areas, so every install starts with them (a council changes
them afterwards as data: `teamaround load_priorities FILE`)."""

from django.db import migrations


def load(apps, schema_editor):
    from teamaround.commissioning.priorities import essex_priorities, load_priorities

    load_priorities(essex_priorities(), model=apps.get_model("commissioning", "PriorityArea"))


class Migration(migrations.Migration):
    dependencies = [("commissioning", "0002_resource_envelope")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
