"""Load Essex's default Windscreen levels and need domains, so every install starts with them.
A council changes them afterwards as data (see core.reference_data)."""

from django.db import migrations


def load(apps, schema_editor):
    from teamaround.core.reference_data import essex_reference, load_reference_data

    load_reference_data(
        essex_reference(),
        level_model=apps.get_model("core", "WindscreenLevel"),
        domain_model=apps.get_model("core", "NeedDomain"),
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0003_windscreen_levels_and_need_domains")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
