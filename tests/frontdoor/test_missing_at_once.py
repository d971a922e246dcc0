"""The same police notification sent eight times at once (a retrying client): one 201, seven
200s naming the same episode, one episode recorded, never a 500. Sequential retries are in
test_missing_notifications.py; this races eight connections, so it runs on PostgreSQL."""

from datetime import timedelta

import pytest
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.frontdoor.models import MissingEpisode
from tests.concurrency import race


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_eight_copies_at_once_make_one_episode(api_as, make_user, chelmsford):
    police = make_user(Role.PRACTITIONER, team__agency__kind="police")
    gone = timezone.now() - timedelta(hours=5)
    payload = {
        "notification_id": "EP-8X",
        "forenames": "Rhys",
        "surname": "Dunmore",
        "date_of_birth": str(timezone.localdate().replace(year=timezone.localdate().year - 12)),
        "reported_missing_at": gone.isoformat(),
        "risk_grade": "low",
        "postcode": "CM1 1QH",
    }

    def send():
        response = api_as(police).post("/api/v1/hub/missing-notifications/", payload, format="json")
        return response.status_code, response.json().get("id")

    outcomes = race(*[send] * 8)
    assert [o.error for o in outcomes] == [None] * 8
    codes = sorted(o.value[0] for o in outcomes)
    assert codes == [200] * 7 + [201]
    assert len({o.value[1] for o in outcomes}) == 1
    assert MissingEpisode.objects.filter(notification_id="EP-8X").count() == 1
