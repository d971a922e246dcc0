"""The child and family assessment: started by the decision, due 45 working days from the
referral, recorded with factors and the child's voice, submitted, authorised by the manager,
whose authorisation moves the case on to its outcome."""

import pytest

from teamaround.core.errors import AccessDenied, Conflict, StaleVersion, ValidationFailed
from teamaround.socialcare import services, timescales
from teamaround.socialcare.models import CaseStatus


@pytest.fixture
def assessment(referral, worker):
    services.referral_decide(actor=worker, referral=referral, decision="assessment", reason="x")
    referral.refresh_from_db()
    return referral.assessment


def _record(assessment, actor, **values):
    fields = {
        "factors": ["18B", "3B"],
        "child_voice": "Jayden says he wants the shouting to stop.",
        "analysis": "Physical harm and domestic abuse.",
        "outcome": "cin",
        "version": assessment.version,
    }
    fields.update(values)
    return services.assessment_save(actor=actor, assessment=assessment, **fields)


def test_it_is_due_45_working_days_from_the_referral(assessment, referral):
    assert assessment.due_on == timescales.assessment_due(referral.received_on)
    assert assessment.referral.status == CaseStatus.ASSESSMENT


def test_factors_are_dfe_codes_and_21_stands_alone(assessment, worker):
    with pytest.raises(ValidationFailed):
        _record(assessment, worker, factors=["99Z"])
    with pytest.raises(ValidationFailed):
        _record(assessment, worker, factors=["21", "3B"])
    _record(assessment, worker, factors=["21"])
    assessment.refresh_from_db()
    assert assessment.factors == ["21"]
    assert assessment.factor_labels() == ["No factors identified"]


def test_a_stale_save_is_refused(assessment, worker, colleague):
    version = assessment.version
    _record(assessment, worker, version=version)
    with pytest.raises(StaleVersion):
        _record(assessment, colleague, version=version, analysis="Other text")


def test_submission_needs_factors_the_childs_voice_and_an_outcome(assessment, worker):
    with pytest.raises(ValidationFailed) as raised:
        services.assessment_submit(actor=worker, assessment=assessment)
    assert set(raised.value.errors) == {"factors", "child_voice", "outcome"}


@pytest.mark.parametrize(
    ("outcome", "status", "closure"),
    [
        ("nfa", CaseStatus.CLOSED, "RC8"),
        ("cin", CaseStatus.CHILD_IN_NEED, ""),
        ("strategy", CaseStatus.PROTECTION, ""),
        ("step_down", CaseStatus.CLOSED, "RC9"),
    ],
)
def test_authorisation_moves_the_case_to_its_outcome(
    assessment, worker, manager, outcome, status, closure
):
    _record(assessment, worker, outcome=outcome)
    assessment.refresh_from_db()
    services.assessment_submit(actor=worker, assessment=assessment)
    with pytest.raises(AccessDenied):
        services.assessment_authorise(actor=worker, assessment=assessment, comment="Fine")
    services.assessment_authorise(actor=manager, assessment=assessment, comment="Agreed")
    referral = assessment.referral
    referral.refresh_from_db()
    assert referral.status == status and referral.closure_reason == closure
    assert assessment.authorised_by == manager
    with pytest.raises(Conflict):
        _record(assessment, worker)


def test_another_teams_manager_cannot_authorise(assessment, worker, other_manager, teacher):
    _record(assessment, worker)
    assessment.refresh_from_db()
    services.assessment_submit(actor=worker, assessment=assessment)
    for actor in (other_manager, teacher):
        with pytest.raises(AccessDenied):
            services.assessment_authorise(actor=actor, assessment=assessment, comment="x")


def test_partners_cannot_record_it(assessment, teacher, other_worker):
    for actor in (teacher, other_worker):
        with pytest.raises(AccessDenied):
            _record(assessment, actor)
