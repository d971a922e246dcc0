"""No lost update for persons and families: the second worker editing the same version is
refused, sees both versions on the page with their own text kept, and nothing is
overwritten. The two-saves-at-once race is in tests/core/test_lost_update.py."""

import pytest
from django.urls import reverse

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.errors import AccessDenied, StaleVersion
from teamaround.people import services
from teamaround.people.models import Family, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_workers(make_user, record_family):
    first = make_user(Role.FAMILY_WORKER, username="first")
    second = make_user(Role.FAMILY_WORKER, username="second", team=first.team)
    family, child, _ = record_family(team=first.team)
    return first, second, family, child


def _person_post(person, version, **changes):
    return {
        "forenames": person.forenames,
        "surname": person.surname,
        "date_of_birth": person.date_of_birth.isoformat(),
        "date_of_birth_kind": person.date_of_birth_kind,
        "sex": person.sex,
        "ethnicity": person.ethnicity,
        "gender": "",
        "first_language": "",
        "disability": "",
        "phone": "",
        "email": "",
        "version": version,
    } | changes


def test_a_stale_person_version_is_refused_and_nothing_is_overwritten(two_workers):
    first, second, _, child = two_workers
    read = child.version
    services.person_update(actor=first, person=child, version=read, first_language="Polish")
    with pytest.raises(StaleVersion) as conflict:
        services.person_update(
            actor=second,
            person=Person.objects.get(pk=child.pk),
            version=read,
            first_language="Romanian",
        )
    assert conflict.value.current.first_language == "Polish"
    assert conflict.value.submitted == {"first_language": "Romanian"}
    child.refresh_from_db()
    assert child.first_language == "Polish" and child.version == read + 1


def test_an_unchanged_save_moves_no_version(two_workers):
    first, _, _, child = two_workers
    services.person_update(actor=first, person=child, version=child.version, surname="Whitmore")
    assert Person.objects.get(pk=child.pk).version == 1


def test_a_stale_family_version_is_refused(two_workers):
    first, second, family, _ = two_workers
    read = family.version
    services.family_update(actor=first, family=family, version=read, name="Whitmore-Jones")
    with pytest.raises(StaleVersion):
        services.family_update(
            actor=second, family=Family.objects.get(pk=family.pk), version=read, name="Jones"
        )
    assert Family.objects.get(pk=family.pk).name == "Whitmore-Jones"


def test_nobody_outside_the_family_may_change_it(two_workers, make_user):
    _, _, family, child = two_workers
    outsider = make_user(Role.FAMILY_WORKER, username="outsider")
    with pytest.raises(AccessDenied):
        services.family_update(actor=outsider, family=family, version=1, name="Jones")
    with pytest.raises(AccessDenied):
        services.person_update(actor=outsider, person=child, version=1, surname="Jones")
    assert Family.objects.get(pk=family.pk).name == "Whitmore household"
    assert Person.objects.get(pk=child.pk).surname == "Whitmore"


def test_a_family_needs_a_name(two_workers):
    first, _, family, _ = two_workers
    with pytest.raises(Exception, match="Enter a name"):
        services.family_update(actor=first, family=family, version=1, name="  ")


def test_the_second_worker_sees_both_versions_of_the_person(two_workers, client, signed_in):
    first, second, _, child = two_workers
    url = reverse("people:person-edit", args=[child.pk])
    page = signed_in(first).get(url).content.decode()
    assert f'name="version" value="{child.version}"' in page
    read = child.version
    saved = client.post(url, _person_post(child, read, first_language="Polish"))
    assert saved.status_code == 302
    client.logout()
    second_try = signed_in(second).post(url, _person_post(child, read, first_language="Romanian"))
    assert second_try.status_code == 200
    page = second_try.content.decode()
    assert "Someone else saved this person&#x27;s record" in page
    assert 'conflict-saved">Polish' in page and 'conflict-yours">Romanian' in page
    assert 'value="Romanian"' in page  # still in the form, not thrown away
    assert f'name="version" value="{read + 1}"' in page
    assert Person.objects.get(pk=child.pk).first_language == "Polish"
    again = client.post(url, _person_post(child, read + 1, first_language="Romanian"))
    assert again.status_code == 302  # saved on purpose, having seen the other version
    assert Person.objects.get(pk=child.pk).first_language == "Romanian"


def test_the_second_worker_sees_both_family_names(two_workers, client, signed_in):
    first, second, family, _ = two_workers
    url = reverse("people:family-edit", args=[family.pk])
    signed_in(first).post(url, {"name": "Whitmore-Jones", "version": family.version})
    client.logout()
    page = signed_in(second).post(url, {"name": "Jones", "version": family.version}).text
    assert "Someone else saved this family" in page
    assert 'conflict-saved">Whitmore-Jones' in page and 'conflict-yours">Jones' in page
    assert Family.objects.get(pk=family.pk).name == "Whitmore-Jones"


def test_a_person_page_without_the_version_changes_nothing(two_workers, signed_in):
    first, _, _, child = two_workers
    data = _person_post(child, 1, surname="Jones")
    del data["version"]
    response = signed_in(first).post(reverse("people:person-edit", args=[child.pk]), data)
    assert response.status_code == 200 and "This page is out of date" in response.text
    assert Person.objects.get(pk=child.pk).surname == "Whitmore"


def test_the_edit_pages_are_refused_to_an_outsider(two_workers, make_user, signed_in):
    _, _, family, child = two_workers
    client = signed_in(make_user(Role.FAMILY_WORKER, username="outsider"))
    for url in (
        reverse("people:person-edit", args=[child.pk]),
        reverse("people:family-edit", args=[family.pk]),
    ):
        assert client.get(url).status_code in (403, 404)
        assert client.post(url, {"name": "Jones", "version": 1}).status_code in (403, 404)
    assert Family.objects.get(pk=family.pk).name == "Whitmore household"


def test_the_system_can_still_correct_a_record_as_read(two_workers):
    _, _, _, child = two_workers
    services.person_update(actor=SYSTEM, person=child, first_language="Welsh")
    assert Person.objects.get(pk=child.pk).version == 2
