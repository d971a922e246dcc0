"""Sign-in, sign-out and failed sign-ins go to the audit trail (the username tried is kept;
the password never is)."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction


@receiver(user_logged_in)
def _signed_in(sender, request, user, **kwargs):
    audit_record(action=AuditAction.SIGN_IN, actor=user, obj=user)


@receiver(user_logged_out)
def _signed_out(sender, request, user, **kwargs):
    if user is not None:
        audit_record(action=AuditAction.SIGN_OUT, actor=user, obj=user)


@receiver(user_login_failed)
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    audit_record(
        action=AuditAction.SIGN_IN_FAILED,
        object_type="accounts.user",
        summary=f"Failed sign-in as {str(credentials.get('username', ''))[:150]}",
    )


@receiver(user_locked_out)
def _locked_out(sender, request, username=None, ip_address=None, **kwargs):
    audit_record(
        action=AuditAction.LOCKED_OUT,
        object_type="accounts.user",
        summary=f"Locked out after repeated failed sign-ins: {str(username or '')[:120]}",
    )
