"""Sends a signed-in user who must use two-factor sign-in to set it up or enter a code before
they can reach anything else."""

from django.shortcuts import redirect
from django.urls import reverse

from teamaround.accounts.two_factor import confirmed_device, must_verify

ALWAYS_ALLOWED = ("/static/", "/healthz", "/sign-out/", "/accessibility/", "/privacy/")


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not user.is_verified():
            response = self._intercept(request, user)
            if response is not None:
                return response
        return self.get_response(request)

    def _intercept(self, request, user):
        setup, verify = reverse("accounts:two-factor-setup"), reverse("accounts:two-factor-verify")
        if request.path in (setup, verify) or request.path.startswith(ALWAYS_ALLOWED):
            return None
        if not must_verify(user):
            return None
        if request.path.startswith("/api/"):
            from django.http import JsonResponse

            return JsonResponse({"detail": "Two-factor sign-in is required."}, status=403)
        return redirect(verify if confirmed_device(user) else setup)
