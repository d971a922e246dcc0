"""Load the Early Intervention Foundation guidebook's evidence levels as the default scale of
the evidence base (a council edits them afterwards on the evidence base page)."""

from django.db import migrations


def load(apps, schema_editor):
    from teamaround.commissioning.evidence import eif_levels, load_levels

    load_levels(eif_levels(), model=apps.get_model("commissioning", "EvidenceLevel"))


class Migration(migrations.Migration):
    dependencies = [("commissioning", "0006_evidence_base")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
