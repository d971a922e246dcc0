"""Essex's default retention rules, as data the council can change (governance.RetentionRule)."""

from django.db import migrations

RULES = [
    {
        "kind": "early_help",
        "label": "Early help records",
        "years_after_closure": 6,
        "until_age": 25,
        "looked_after_years": None,
        "action": "anonymise",
        "authority": "Essex records retention schedule: 6 years after closure, or to the "
        "child's 25th birthday if later",
    },
    {
        "kind": "social_care",
        "label": "Children's social care records",
        "years_after_closure": None,
        "until_age": 75,
        "looked_after_years": 25,
        "action": "anonymise",
        "authority": "To the 75th birthday; for a looked-after child 25 years after the last "
        "entry if later",
    },
    {
        "kind": "panel",
        "label": "Multi-agency panel records",
        "years_after_closure": 6,
        "until_age": None,
        "looked_after_years": None,
        "action": "anonymise",
        "authority": "As the council sets (default: 6 years after the last referral closed)",
    },
]


def load(apps, schema_editor):
    rule = apps.get_model("governance", "RetentionRule")
    for values in RULES:
        rule.objects.get_or_create(kind=values["kind"], defaults=values)


class Migration(migrations.Migration):
    dependencies = [("governance", "0002_ledger_append_only")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
