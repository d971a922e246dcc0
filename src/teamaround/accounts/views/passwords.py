"""Changing your own password, and resetting a forgotten one by a link sent by e-mail
(Django's views and tokens: the link works once, for PASSWORD_RESET_TIMEOUT). Both are
audited; asking for a reset says the same whether or not the address is known."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator

from teamaround.accounts.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.core.ratelimits import limited


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = PasswordChangeForm
    success_url = reverse_lazy("accounts:password-changed")

    def form_valid(self, form):
        response = super().form_valid(form)
        user = self.request.user
        audit_record(
            action=AuditAction.UPDATE, actor=user, obj=user, summary="Changed their password"
        )
        return response


class PasswordChangedView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_changed.html"


@method_decorator(limited("password_reset"), name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = PasswordResetForm
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-sent")

    def get_extra_email_context(self):
        return {"service_name": settings.TEAMAROUND_SERVICE_NAME}

    def form_valid(self, form):
        self.extra_email_context = self.get_extra_email_context()
        return super().form_valid(form)


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"


@method_decorator(limited("password_reset"), name="dispatch")
class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = SetPasswordForm
    success_url = reverse_lazy("accounts:password-reset-done")

    def form_valid(self, form):
        response = super().form_valid(form)
        audit_record(
            action=AuditAction.UPDATE,
            actor=form.user,
            obj=form.user,
            summary="Reset their password by an e-mailed link",
        )
        return response


class PasswordResetDoneView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_done.html"
