"""Social care's background work: the live safety checks (queued by the nightly schedule,
`teamaround safety_checks --enqueue`, or a team manager's button), run as the system, or on
behalf of the manager who asked (so what it writes names them)."""

from __future__ import annotations

from django_tasks import task


@task()
def run_safety_checks(requested_by: str = "") -> dict:
    from django.contrib.auth import get_user_model

    from teamaround.core.access import SYSTEM, on_behalf_of
    from teamaround.socialcare.services.safety import safety_checks_run

    user = get_user_model().objects.filter(pk=requested_by).first() if requested_by else None
    actor = on_behalf_of(user, "asked for the safety checks") if user else SYSTEM
    return dict(safety_checks_run(actor=actor))
