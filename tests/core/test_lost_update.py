"""No lost update, for every record two people can edit (every `core.models.Versioned` model):
two editors save from the same version; exactly one save wins, the other is told of the
conflict (StaleVersion, carrying their text), and nothing is silently overwritten.

On PostgreSQL the two saves race, each in its own thread with its own connection
(tests/concurrency.py); on any database the second of two saves in turn is refused. CASES has
one entry per Versioned model, and a test fails when a new Versioned model has none: a record
that two people can edit must show here that it cannot lose an edit.

Each entry builds a record through the services, names its two editors, and says how one of
them saves their words from a version (`save`) and where the saved words are (`saved`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from django.apps import apps
from django.utils import timezone

from teamaround.accounts import services as accounts
from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.errors import StaleVersion
from teamaround.core.models import NeedDomain, PostcodeOutwardCode, Versioned, WindscreenLevel
from teamaround.directory import services as directory
from teamaround.earlyhelp import services as earlyhelp
from teamaround.frontdoor import services as frontdoor
from teamaround.frontdoor.models import DecisionRoute
from teamaround.panels import services as panels
from teamaround.panels.models import MemberRole as PanelRole
from teamaround.panels.models import MinutesVersion, PanelType
from teamaround.panels.services.types import essex_panel_types
from teamaround.people import services as people
from teamaround.people.models import MemberRole
from tests.concurrency import one_wins, race
from tests.factories import AgencyFactory, DistrictFactory, QuadrantFactory, TeamFactory

WORDS = ("The first editor's words", "The second editor's words")


@dataclass
class Case:
    record: Any  # the record as both editors read it
    editors: tuple  # (first, second)
    save: Callable[[Any, Any, int, str], Any]  # save(actor, record read afresh, version, words)
    saved: Callable[[Any], str]  # the words saved on the record read afresh


def _level(number: int):
    return WindscreenLevel.objects.get(number=number)


def _district():
    district = DistrictFactory(code="chelmsford", name="Chelmsford")
    PostcodeOutwardCode.objects.get_or_create(outward_code="CM1", defaults={"district": district})
    return district


def _family(team=None, surname="Whitmore"):
    family = people.family_create(actor=SYSTEM, name=f"{surname} household")
    child = people.person_create(
        actor=SYSTEM,
        family=family,
        role=MemberRole.CHILD,
        forenames="Jayden",
        surname=surname,
        date_of_birth=date(2015, 4, 9),
        address={"line_1": "1 High Street", "postcode": "CM1 1QH"},
    )
    if team is not None:
        people.involvement_open(actor=SYSTEM, family=family, team=team, reason="Working with")
    return family, child


def _two(make_user, *roles, team=None):
    team = team or TeamFactory()
    return (
        make_user(*roles, team=team, username="first.editor"),
        make_user(*roles, team=team, username="second.editor"),
    )


def agency(make_user):
    return Case(
        AgencyFactory(name="Harbour Surgery"),
        (make_user(Role.ADMINISTRATOR), make_user(Role.ADMINISTRATOR, username="admin2")),
        lambda actor, row, version, words: accounts.agency_update(
            actor=actor, agency=row, version=version, name=words
        ),
        lambda row: row.name,
    )


def team(make_user):
    return Case(
        TeamFactory(name="Pastoral"),
        (make_user(Role.ADMINISTRATOR), make_user(Role.ADMINISTRATOR, username="admin2")),
        lambda actor, row, version, words: accounts.team_update(
            actor=actor, team=row, version=version, name=words
        ),
        lambda row: row.name,
    )


def organisation(make_user):
    return Case(
        directory.organisation_create(
            actor=SYSTEM, name="Harbour Trust", description="Helps families."
        ),
        (make_user(Role.ADMINISTRATOR), make_user(Role.ADMINISTRATOR, username="admin2")),
        lambda actor, row, version, words: directory.organisation_update(
            actor=actor, organisation=row, version=version, description=words
        ),
        lambda row: row.description,
    )


def service(make_user):
    provider = directory.organisation_create(
        actor=SYSTEM, name="Worry Busters Provider", description="Provides."
    )
    return Case(
        directory.service_create(
            actor=SYSTEM,
            organisation=provider,
            name="Worry Busters",
            description="Helps children with worries.",
            access_routes=["self_referral"],
            phone="01245 000000",
            minimum_age=5,
            maximum_age=11,
            review_date=timezone.localdate() + timedelta(days=180),
            levels=[_level(2)],
            needs_met=[NeedDomain.objects.order_by("code").first()],
            districts=[_district()],
        ),
        (make_user(Role.ADMINISTRATOR), make_user(Role.ADMINISTRATOR, username="admin2")),
        lambda actor, row, version, words: directory.service_update(
            actor=actor, service=row, version=version, description=words
        ),
        lambda row: row.description,
    )


def _episode(make_user):
    _district()
    early_help = TeamFactory(
        agency=AgencyFactory(name="Council Early Help", kind=AgencyKind.COUNCIL_EARLY_HELP)
    )
    first, second = _two(make_user, Role.FAMILY_WORKER, team=early_help)
    family, child = _family(team=early_help)
    episode = earlyhelp.episode_open(
        actor=first,
        family=family,
        level=_level(2),
        lead_professional=first,
        family_agreed_on=timezone.localdate(),
        family_agreed_by="Kerry (mum)",
    )
    return episode, child, (first, second)


def member_view(make_user):
    episode, child, editors = _episode(make_user)
    view = earlyhelp.member_view_save(
        actor=editors[0], episode=episode, person=child, in_their_words="School is hard."
    )
    return Case(
        view,
        editors,
        lambda actor, row, version, words: earlyhelp.member_view_save(
            actor=actor,
            episode=row.assessment.episode,
            person=row.person,
            in_their_words=words,
            version=version,
        ),
        lambda row: row.in_their_words,
    )


def early_help_plan(make_user):
    episode, _, editors = _episode(make_user)
    action = {
        "what": "Weekly home visit",
        "owner": editors[0],
        "domain": None,
        "due_on": timezone.localdate() + timedelta(days=14),
    }
    plan = earlyhelp.plan_save(
        actor=editors[0],
        episode=episode,
        outcomes="Jayden goes to school.",
        actions=[action],
        version=None,
    )
    return Case(
        plan,
        editors,
        lambda actor, row, version, words: earlyhelp.plan_save(
            actor=actor, episode=row.episode, outcomes=words, actions=[], version=version
        ),
        lambda row: row.outcomes,
    )


def _heard_case(make_user):
    """A MAAG referral on a meeting's agenda, attendance recorded: its co-ordinator and chair
    are the two editors."""
    panels.panel_types_load(actor=SYSTEM, data=essex_panel_types())
    district = DistrictFactory(quadrant=QuadrantFactory())
    maag = panels.panel_create(
        actor=SYSTEM,
        panel_type=PanelType.objects.get(code="maag"),
        name="MAAG",
        district=district,
    )
    seated = []
    for kind, role in (
        (AgencyKind.COUNCIL_EARLY_HELP, PanelRole.COORDINATOR),
        (AgencyKind.CHILDRENS_SOCIAL_CARE, PanelRole.CHAIR),
        (AgencyKind.SCHOOL, PanelRole.MEMBER),
        (AgencyKind.HOUSING, PanelRole.MEMBER),
    ):
        user = make_user(
            Role.PANEL_CHAIR if role != PanelRole.MEMBER else Role.PRACTITIONER,
            team=TeamFactory(agency=AgencyFactory(kind=kind)),
        )
        panels.panel_membership_add(
            actor=SYSTEM, panel=maag, user=user, role=role, started_on=date(2020, 1, 1)
        )
        seated.append(user)
    coordinator, chair = seated[0], seated[1]
    meeting = panels.meeting_schedule(
        actor=coordinator, panel=maag, held_on=timezone.localdate() + timedelta(days=1)
    )
    referrer = make_user(
        Role.PRACTITIONER, team=TeamFactory(agency=AgencyFactory(kind=AgencyKind.SCHOOL))
    )
    family, _ = _family(team=referrer.team, surname="Ashdown")
    panels.panel_referral_create(
        actor=referrer,
        panel=maag,
        family=family,
        question="Who should lead?",
        consent_given_by="The child's mother",
    )
    (item,) = panels.agenda_build(actor=coordinator, meeting=meeting)
    present = [m.pk for m in maag.memberships.all()]
    panels.attendance_record(actor=coordinator, meeting=meeting, present_ids=present)
    meeting.refresh_from_db()
    return meeting, item, (coordinator, chair)


def case_summary(make_user):
    _, item, editors = _heard_case(make_user)
    return Case(
        item.summary,
        editors,
        lambda actor, row, version, words: panels.case_summary_save(
            actor=actor, summary=row, text=words, version=version
        ),
        lambda row: row.text,
    )


def minutes(make_user):
    meeting, item, editors = _heard_case(make_user)
    panels.panel_decision_record(
        actor=editors[0], item=item, kind="no_further_action", summary="No further action"
    )
    approved = panels.minutes_approve(actor=editors[0], meeting=meeting)
    return Case(
        approved,
        editors,
        lambda actor, row, version, words: panels.minutes_correct(
            actor=actor, meeting=row.meeting, correction=words, reason="Why", version=version
        ),
        lambda row: MinutesVersion.objects.filter(minutes=row).order_by("number").last().correction,
    )


def person(make_user):
    first, second = _two(make_user, Role.FAMILY_WORKER)
    _, child = _family(team=first.team)
    return Case(
        child,
        (first, second),
        lambda actor, row, version, words: people.person_update(
            actor=actor, person=row, version=version, disability=words
        ),
        lambda row: row.disability,
    )


def family(make_user):
    first, second = _two(make_user, Role.FAMILY_WORKER)
    household, _ = _family(team=first.team)
    return Case(
        household,
        (first, second),
        lambda actor, row, version, words: people.family_update(
            actor=actor, family=row, version=version, name=words
        ),
        lambda row: row.name,
    )


def _referrer(make_user):
    _district()
    school = TeamFactory(agency=AgencyFactory(name="Oakwood Primary School"), name="Safeguarding")
    return make_user(Role.PRACTITIONER, team=school, username="dsl")


def request_for_support(make_user):
    """Only the referrer changes their draft: the two editors are the referrer's two tabs."""
    referrer = _referrer(make_user)
    draft = frontdoor.request_for_support_save_draft(actor=referrer, values={"concern": "Late"})
    return Case(
        draft,
        (referrer, referrer),
        lambda actor, row, version, words: frontdoor.request_for_support_save_draft(
            actor=actor, request=row, version=version, values={"concern": words}
        ),
        lambda row: row.concern,
    )


def hub_decision(make_user):
    referrer = _referrer(make_user)
    hub = TeamFactory(
        agency=AgencyFactory(name="Early Help", kind=AgencyKind.COUNCIL_EARLY_HELP),
        name="Children and Families Hub",
    )
    screener = make_user(Role.HUB_SCREENER, team=hub, username="screener")
    social_worker = make_user(Role.HUB_SOCIAL_WORKER, team=hub, username="hub.sw")
    sent = frontdoor.request_for_support_send(
        actor=referrer,
        values={
            "child_forenames": "Mia",
            "child_surname": "Fairbrother",
            "child_date_of_birth": date(2014, 6, 1),
            "address_line_1": "3 Mill Lane",
            "postcode": "CM1 2AB",
            "parent_name": "Dana Fairbrother",
            "parent_phone": "01245 000000",
            "concern": "Mia is often late and hungry.",
            "tried": "Breakfast club.",
            "level_suggested": _level(1),
            "consent": "yes",
        },
    )
    decision = frontdoor.hub_decision_record(
        actor=screener,
        request=sent,
        level=_level(1),
        route=DecisionRoute.ADVICE_SIGNPOSTING,
        rationale="Universal needs",
        other_services="Holiday Activities and Food programme",
    )
    return Case(
        decision,
        (screener, social_worker),
        lambda actor, row, version, words: frontdoor.hub_decision_correct(
            actor=actor,
            decision=row,
            version=version,
            rationale=words,
            outcome_message="",
            reason="Rationale incomplete",
        ),
        lambda row: row.rationale,
    )


def social_care_assessment(make_user):
    from teamaround.accounts.models import AgencyKind
    from teamaround.socialcare import services as socialcare

    team = TeamFactory(agency=AgencyFactory(kind=AgencyKind.CHILDRENS_SOCIAL_CARE))
    first, second = _two(make_user, Role.SOCIAL_WORKER, team=team)
    family, child = _family(team=team)
    referral = socialcare.referral_receive(
        actor=first,
        family=family,
        child=child,
        source="2A",
        primary_need="N1",
        reason="Bruising seen at school",
        allocated_worker=first,
    )
    assessment = socialcare.assessment_start(actor=first, referral=referral)
    return Case(
        assessment,
        (first, second),
        lambda actor, row, version, words: socialcare.assessment_save(
            actor=actor,
            assessment=row,
            factors=["21"],
            child_voice=words,
            analysis="",
            outcome="",
            version=version,
        ),
        lambda row: row.child_voice,
    )


CASES: dict[str, Callable[[Any], Case]] = {
    "accounts.Agency": agency,
    "accounts.Team": team,
    "directory.Organisation": organisation,
    "directory.Service": service,
    "earlyhelp.MemberView": member_view,
    "earlyhelp.EarlyHelpPlan": early_help_plan,
    "panels.CaseSummary": case_summary,
    "panels.Minutes": minutes,
    "people.Person": person,
    "people.Family": family,
    "frontdoor.RequestForSupport": request_for_support,
    "frontdoor.HubDecision": hub_decision,
    "socialcare.ChildAndFamilyAssessment": social_care_assessment,
}


def versioned_models() -> set[str]:
    return {m._meta.label for m in apps.get_models() if issubclass(m, Versioned)}


def test_every_record_two_people_can_edit_has_a_lost_update_case():
    missing = versioned_models() - set(CASES)
    assert not missing, (
        f"Versioned models with no entry in CASES (add one: build the record, name two "
        f"editors, say how they save): {sorted(missing)}"
    )
    assert not set(CASES) - versioned_models(), "CASES names a model that is not Versioned"


def _fresh(record):
    return type(record)._base_manager.get(pk=record.pk)


@pytest.mark.django_db
@pytest.mark.parametrize("label", sorted(CASES))
def test_the_second_save_from_the_same_version_is_refused(label, make_user):
    case = CASES[label](make_user)
    read = _fresh(case.record).version
    first, second = case.editors
    case.save(first, _fresh(case.record), read, WORDS[0])
    with pytest.raises(StaleVersion) as conflict:
        case.save(second, _fresh(case.record), read, WORDS[1])
    assert WORDS[1] in conflict.value.submitted.values()  # the second editor's words are kept
    saved = _fresh(case.record)
    assert case.saved(saved) == WORDS[0] and saved.version == read + 1


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("label", sorted(CASES))
def test_two_saves_at_once_from_the_same_version_one_wins(label, make_user):
    case = CASES[label](make_user)
    read = _fresh(case.record).version

    def save(actor, words):
        return lambda: case.save(actor, _fresh(case.record), read, words)

    outcomes = race(*(save(actor, words) for actor, words in zip(case.editors, WORDS, strict=True)))
    winner, loser = one_wins(outcomes)
    won, lost = WORDS[outcomes.index(winner)], WORDS[outcomes.index(loser)]
    saved = _fresh(case.record)
    assert case.saved(saved) == won and saved.version == read + 1
    assert lost in loser.error.submitted.values()  # told, with their words, not overwritten
    assert loser.error.current_version == read + 1
