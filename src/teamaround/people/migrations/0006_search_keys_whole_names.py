"""Search keys made before the match model carry only the first forename and the surname: copy
them into the whole-name columns the matcher compares, so existing records stay findable at
once. A person's keys are rebuilt in full (every forename, surname parts, sex, household) the
next time their record changes."""

from django.db import migrations
from django.db.models import F, Q


def copy_names(apps, schema_editor):
    PersonSearchKey = apps.get_model("people", "PersonSearchKey")
    PersonSearchKey.objects.filter(Q(given_names="") & Q(family_names="")).update(
        given_names=F("forename"), family_names=F("surname")
    )


class Migration(migrations.Migration):
    dependencies = [("people", "0005_break_glass_review")]

    operations = [migrations.RunPython(copy_names, migrations.RunPython.noop)]
