"""The commissioning seeder gives its pages real content on a small seeded county (one district
per quadrant, every seeder as for Essex, so that this takes seconds): the child population,
three years of spend by every agency, and judgements with their evidence."""

import io

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.module_loading import import_string

from teamaround.accounts.models import Agency, User
from teamaround.accounts.roles import Role
from teamaround.commissioning import selectors
from teamaround.commissioning.models import ChildPopulation, ServiceJudgement, Spend
from teamaround.core.models import District, DistrictKind
from teamaround.core.seeding import SeedContext

pytestmark = pytest.mark.django_db


def test_the_seeder_fills_the_needs_analysis_the_envelope_and_the_impact_pages(signed_in):
    context = SeedContext(seed=7, options={"children": 80, "county": "small"}, out=io.StringIO())
    for path in settings.TEAMAROUND_SEEDERS:
        import_string(path)(context)
    districts = District.objects.filter(kind=DistrictKind.DISTRICT)
    assert set(ChildPopulation.objects.values_list("district", flat=True)) == set(
        districts.values_list("pk", flat=True)
    )
    years = set(Spend.objects.values_list("financial_year", flat=True))
    assert len(years) == 3
    assert set(Spend.objects.values_list("agency", flat=True)) == set(
        Agency.objects.values_list("pk", flat=True)
    )
    assert ServiceJudgement.objects.exists()
    commissioner = User.objects.filter(role_assignments__role=Role.COMMISSIONER).first()
    analysis = selectors.needs_analysis(actor=commissioner, area=selectors.area_for(), months=36)
    requests = next(b for b in analysis.breakdowns if b.measure.code == "requests")
    assert requests.area_total.value > 0
    client = signed_in(commissioner)
    assert client.get(reverse("commissioning:needs")).status_code == 200
    assert client.get(reverse("commissioning:envelope")).status_code == 200
    judged = ServiceJudgement.objects.first()
    page = client.get(reverse("commissioning:impact", args=[judged.service_id]))
    assert judged.reason in page.content.decode()
    from teamaround.commissioning.models import Intervention, InterventionDelivery

    assert Intervention.objects.count() == 5
    assert InterventionDelivery.objects.values("intervention").distinct().count() == 5
    assert client.get(reverse("commissioning:evidence")).status_code == 200
    assert client.get(reverse("commissioning:performance")).status_code == 200
