"""Load the default Families First outcomes (the ten headline outcomes of DfE's Supporting
Families outcome framework, mapped from the need domains); a council edits them afterwards."""

from django.db import migrations


def load(apps, schema_editor):
    from teamaround.commissioning.families_first import default_outcomes, load_outcomes

    load_outcomes(
        default_outcomes(),
        model=apps.get_model("commissioning", "FamiliesFirstOutcome"),
        domain_model=apps.get_model("core", "NeedDomain"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("commissioning", "0008_families_first_outcomes"),
        ("core", "0004_essex_reference_data"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
