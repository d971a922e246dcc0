"""Who may read and change a family's early help episode (tests/matrix.py explains the
table). Every member of staff in the matrix works in the council's early help team that leads
the episodes (the family worker is the lead professional); the other agency's practitioner
works in a school that is not involved. A health visitor (not in the matrix) sits in the Team
Around the Family of the planned episode.

The episodes: `planned` (assessment in draft, a plan, a health visitor in the TAF),
`submitted` (its assessment awaits sign-off), `closed`, and a family with none (to open one or
step one down). Each change runs through its service; each page through its URL as well."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.models import NeedDomain, PostcodeOutwardCode, WindscreenLevel
from teamaround.earlyhelp import selectors, services
from teamaround.earlyhelp.models import Episode, SharedFamilyAssessment, TafMember
from teamaround.people import services as people
from teamaround.people.models import Family, MemberRole, Person
from tests.factories import AgencyFactory, DistrictFactory, TeamFactory, UserFactory
from tests.matrix import allowed, built_once, cast, cells, page_allowed

pytestmark = pytest.mark.django_db

TABLE = {
    #                           prac hub  hsw  fw   sw   mgr  chair comm anal admin ig  dpo | other anon
    "episode_get":             "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "episode_list":            "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "family_timeline":         "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "distance_travelled":      "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "awaiting_sign_off":       "-    -    -    -    -    Y    -     -    -    -     -   -   | -     -",
    "managers_overview":       "-    -    -    -    -    Y    -     -    -    -     -   -   | -     -",
    "worker_home_lists":       "-    -    -    Y    -    -    -     -    -    -     -   -   | -     -",
    "episode_open":            "Y    -    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "episode_step_down":       "-    -    -    -    -    -    -     -    -    -     -   -   | -     -",
    "plan_save":               "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "assessment_summary_save": "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "member_view_save":        "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "need_add":                "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "assessment_submit":       "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "assessment_sign_off":     "-    -    -    -    -    Y    -     -    -    -     -   -   | -     -",
    "assessment_return":       "-    -    -    -    -    Y    -     -    -    -     -   -   | -     -",
    "taf_meeting_record":      "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "taf_member_add":          "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "taf_member_remove":       "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "lead_professional_change":"Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "episode_step_up":         "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "episode_close":           "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "episode_reopen":          "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
}  # fmt: skip

# The same answers through the pages (GET): 200, or a refusal (403, 404, sign in).
PAGES = {
    #                      prac hub  hsw  fw   sw   mgr  chair comm anal admin ig  dpo | other anon
    "episode":            "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "assessment":         "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "plan":               "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "plan-print":         "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "plan-pdf":           "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "meeting-new":        "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "timeline":           "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "managers":           "-    -    -    -    -    Y    -     -    -    -     -   -   | -     -",
    # The forms to open or step down an episode show to anyone who may read the family; the
    # service refuses the POST of those it does not allow (rows episode_open, episode_step_down).
    "episode-new":        "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "step-down":          "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "close":              "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "step-up":            "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "lead-change":        "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "taf-add":            "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
}  # fmt: skip

# Changes through the pages (POST): a redirect once made, or a refusal.
POSTS = {
    #                      prac hub  hsw  fw   sw   mgr  chair comm anal admin ig  dpo | other anon
    "sign-off":           "-    -    -    -    -    Y    -     -    -    -     -   -   | -     -",
    "reopen":             "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "close":              "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "taf-remove":         "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
}  # fmt: skip

TODAY = timezone.localdate()


def _family(surname, teams):
    family = people.family_create(actor=SYSTEM, name=f"{surname} household")
    people.person_create(
        actor=SYSTEM,
        family=family,
        role=MemberRole.PARENT,
        forenames="Kerry",
        surname=surname,
        date_of_birth=date(1990, 1, 2),
        address={"line_1": "1 High Street", "postcode": "CM1 1QH"},
    )
    people.person_create(
        actor=SYSTEM,
        family=family,
        role=MemberRole.CHILD,
        forenames="Jayden",
        surname=surname,
        date_of_birth=date(2015, 4, 9),
    )
    for team in teams:
        people.involvement_open(actor=SYSTEM, family=family, team=team, reason="Working with them")
    return family


def _open(family, lead):
    return services.episode_open(
        actor=lead,
        family=family,
        level=WindscreenLevel.objects.get(number=2),
        lead_professional=lead,
        family_agreed_on=TODAY,
        family_agreed_by="Kerry (mum)",
    )


def _action(owner, days=14):
    return {
        "what": "Weekly home visit",
        "owner": owner,
        "domain": NeedDomain.objects.filter(is_active=True).order_by("code").first(),
        "due_on": TODAY + timedelta(days=days),
    }


def _assessed(episode, worker, person):
    services.member_view_save(
        actor=worker, episode=episode, person=person, in_their_words="We want calmer mornings."
    )
    services.need_add(
        actor=worker,
        episode=episode,
        domain=NeedDomain.objects.filter(is_active=True).order_by("code").first(),
        description="Late to school most days",
    )


def build():
    district = DistrictFactory(code="chelmsford", name="Chelmsford")
    PostcodeOutwardCode.objects.get_or_create(outward_code="CM1", defaults={"district": district})
    team = TeamFactory(
        agency=AgencyFactory(kind=AgencyKind.COUNCIL_EARLY_HELP), name="Family Solutions Mid A"
    )
    other_team = TeamFactory(agency=AgencyFactory(kind=AgencyKind.SCHOOL))
    health = TeamFactory(agency=AgencyFactory(kind=AgencyKind.HEALTH_VISITING))
    social_care = TeamFactory(agency=AgencyFactory(kind=AgencyKind.CHILDRENS_SOCIAL_CARE))
    matrix = cast(team, other_team, prefix="eh")
    worker = matrix[Role.FAMILY_WORKER]
    nurse = UserFactory(roles=[Role.PRACTITIONER], team=health, password=None)
    second_nurse = UserFactory(roles=[Role.PRACTITIONER], team=health, password=None)

    planned_family = _family("Whitmore", [team])
    planned = _open(planned_family, worker)
    services.plan_save(
        actor=worker, episode=planned, outcomes="School every day", actions=[_action(worker)],
        version=None,
    )  # fmt: skip
    health_member = services.taf_member_add(
        actor=worker, episode=planned, practitioner=nurse, role="health"
    )
    child = Person.objects.get(memberships__family=planned_family, forenames="Jayden")

    submitted_family = _family("Ashdown", [team])
    submitted = _open(submitted_family, worker)
    _assessed(
        submitted,
        worker,
        Person.objects.get(memberships__family=submitted_family, forenames="Jayden"),
    )
    services.assessment_submit(actor=worker, episode=submitted)

    closed_family = _family("Brennan", [team])
    closed = _open(closed_family, worker)
    services.episode_close(actor=worker, episode=closed, reason="needs_met")

    new_family = _family("Okafor", [team])
    return SimpleNamespace(
        people=matrix,
        worker=worker,
        second_nurse_id=second_nurse.pk,
        nurse_id=nurse.pk,
        social_care_id=social_care.pk,
        planned_id=planned.pk,
        planned_family_id=planned_family.pk,
        child_id=child.pk,
        health_member_id=health_member.pk,
        submitted_id=submitted.pk,
        closed_id=closed.pk,
        new_family_id=new_family.pk,
    )


world = built_once(build)


def _episode(pk):
    return Episode.objects.get(pk=pk)


def _user(pk):
    from teamaround.accounts.models import User

    return User.objects.get(pk=pk)


def _meeting(w, a):
    episode = _episode(w.planned_id)
    action = episode.plan.actions.get()
    return services.taf_meeting_record(
        actor=a,
        episode=episode,
        held_on=TODAY,
        family_views="Mornings are calmer.",
        attendance=[{"name": "Kerry (mum)", "agency": "Family", "attendance": "attended"}],
        progress=[{"action": action, "status": "in_progress", "note": "Going well"}],
        scores=[{"domain": action.domain, "score": 6}],
    )


def _step_down(w, a):
    return services.episode_step_down(
        actor=a,
        family=Family.objects.get(pk=w.new_family_id),
        level=WindscreenLevel.objects.get(number=2),
        lead_professional=w.worker,
        reason="Child protection plan ended",
        family_agreed_on=TODAY,
        family_agreed_by="Kerry",
    )


def _home_lists(w, a):
    if not a.is_authenticated:
        return False
    return any(e.pk == w.planned_id for e in selectors.worker_home(actor=a).episodes)


def _summary_awaiting(w, a):
    return selectors.assessments_awaiting_sign_off(actor=a).filter(episode_id=w.submitted_id)


OPERATIONS = {
    "episode_get": lambda w, a: selectors.episode_get(actor=a, episode_id=w.planned_id),
    "episode_list": lambda w, a: selectors.episode_list(actor=a).filter(pk=w.planned_id).exists(),
    "family_timeline": lambda w, a: selectors.family_timeline(
        actor=a, family_id=w.planned_family_id
    ),
    "distance_travelled": lambda w, a: selectors.distance_travelled(
        actor=a, episode=_episode(w.planned_id)
    ),
    "awaiting_sign_off": lambda w, a: _summary_awaiting(w, a).exists(),
    "managers_overview": lambda w, a: selectors.managers_overview(actor=a),
    "worker_home_lists": _home_lists,
    "episode_open": lambda w, a: services.episode_open(
        actor=a,
        family=Family.objects.get(pk=w.new_family_id),
        level=WindscreenLevel.objects.get(number=2),
        lead_professional=w.worker,
        family_agreed_on=TODAY,
        family_agreed_by="Kerry (mum)",
    ),
    "episode_step_down": _step_down,
    "plan_save": lambda w, a: services.plan_save(
        actor=a,
        episode=_episode(w.planned_id),
        outcomes="School every day, and calmer mornings",
        actions=[],
        version=_episode(w.planned_id).plan.version,
    ),
    "assessment_summary_save": lambda w, a: services.assessment_summary_save(
        actor=a, episode=_episode(w.planned_id), family_summary="Mum is worried about mornings."
    ),
    "member_view_save": lambda w, a: services.member_view_save(
        actor=a,
        episode=_episode(w.planned_id),
        person=Person.objects.get(pk=w.child_id),
        in_their_words="I like school when I get there on time.",
    ),
    "need_add": lambda w, a: services.need_add(
        actor=a,
        episode=_episode(w.planned_id),
        domain=NeedDomain.objects.filter(is_active=True).order_by("code").first(),
        description="Late to school most days",
    ),
    "assessment_submit": lambda w, a: (
        _assessed(_episode(w.planned_id), w.worker, Person.objects.get(pk=w.child_id)),
        services.assessment_submit(actor=a, episode=_episode(w.planned_id)),
    )[1],
    "assessment_sign_off": lambda w, a: services.assessment_sign_off(
        actor=a, assessment=SharedFamilyAssessment.objects.get(episode_id=w.submitted_id)
    ),
    "assessment_return": lambda w, a: services.assessment_return(
        actor=a,
        assessment=SharedFamilyAssessment.objects.get(episode_id=w.submitted_id),
        reason="Add the school's view",
    ),
    "taf_meeting_record": _meeting,
    "taf_member_add": lambda w, a: services.taf_member_add(
        actor=a,
        episode=_episode(w.planned_id),
        practitioner=_user(w.second_nurse_id),
        role="health",
    ),
    "taf_member_remove": lambda w, a: services.taf_member_remove(
        actor=a, member=TafMember.objects.get(pk=w.health_member_id), reason="Work finished"
    ),
    "lead_professional_change": lambda w, a: services.lead_professional_change(
        actor=a,
        episode=_episode(w.planned_id),
        practitioner=_user(w.nurse_id),
        reason="The health visitor sees the family weekly",
    ),
    "episode_step_up": lambda w, a: services.episode_step_up(
        actor=a,
        episode=_episode(w.planned_id),
        to_team=_team(w.social_care_id),
        reason="Disclosure of harm at school",
    ),
    "episode_close": lambda w, a: services.episode_close(
        actor=a, episode=_episode(w.planned_id), reason="needs_met"
    ),
    "episode_reopen": lambda w, a: services.episode_reopen(
        actor=a, episode=_episode(w.closed_id), reason="The family asked for help again"
    ),
}


def _team(pk):
    from teamaround.accounts.models import Team

    return Team.objects.get(pk=pk)


def _url(w, name):
    if name in ("timeline",):
        return reverse(f"earlyhelp:{name}", args=[w.planned_family_id])
    if name in ("episode-new", "step-down"):
        return reverse(f"earlyhelp:{name}", args=[w.new_family_id])
    if name == "managers":
        return reverse("earlyhelp:managers")
    return reverse(f"earlyhelp:{name}", args=[w.planned_id])


def _post(w, name):
    if name == "sign-off":
        return reverse("earlyhelp:sign-off", args=[w.submitted_id]), {}
    if name == "reopen":
        return reverse("earlyhelp:reopen", args=[w.closed_id]), {"reason": "Asked for help"}
    if name == "close":
        return reverse("earlyhelp:close", args=[w.planned_id]), {"reason": "needs_met"}
    url = reverse("earlyhelp:taf-remove", args=[w.planned_id, w.health_member_id])
    return url, {"reason": "Work finished"}


def test_every_operation_has_a_row():
    assert set(OPERATIONS) == set(TABLE)


@pytest.mark.parametrize(("operation", "who", "expected"), cells(TABLE))
def test_permission_matrix(world, operation, who, expected):
    actor = world.people[who]
    assert allowed(lambda: OPERATIONS[operation](world, actor)) is expected


@pytest.mark.parametrize(("page", "who", "expected"), cells(PAGES))
def test_pages_give_the_same_answers(world, page, who, expected):
    assert page_allowed(world.people[who], _url(world, page)) is expected


@pytest.mark.parametrize(("page", "who", "expected"), cells(POSTS))
def test_changes_through_the_pages_give_the_same_answers(world, page, who, expected):
    url, data = _post(world, page)
    assert page_allowed(world.people[who], url, data) is expected
