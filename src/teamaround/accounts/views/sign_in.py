"""Signing in and out, and two-factor set-up and verification."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from teamaround.accounts import two_factor
from teamaround.accounts.forms import CodeForm, SignInForm
from teamaround.core.ratelimits import limited
from teamaround.core.views.forms import submit


@method_decorator(limited("sign_in"), name="dispatch")
class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


@require_POST
def sign_out(request):
    return auth_views.LogoutView.as_view(next_page="accounts:signed-out")(request)


def signed_out(request):
    return render(request, "accounts/signed_out.html")


@login_required
@limited("two_factor", per="user")
def two_factor_setup(request):
    device = two_factor.pending_device(request.user)
    form = CodeForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: two_factor.two_factor_confirm(request=request, code=data["code"]),
        redirect_to="core:home",
        success="Two-factor sign-in is set up. You will need your app each time you sign in.",
    )
    return done or render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": two_factor.qr_code_svg(device),
            "secret": two_factor.secret_for_typing(device),
            "required": two_factor.role_requires_two_factor(request.user),
        },
    )


@login_required
@limited("two_factor", per="user")
def two_factor_verify(request):
    form = CodeForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: two_factor.two_factor_verify(request=request, code=data["code"]),
        redirect_to=lambda verified: safe_next(request) or "core:home",
    )
    return done or render(request, "accounts/two_factor_verify.html", {"form": form})


def safe_next(request) -> str | None:
    """The `next` address if it stays on this site (the same check as after the password),
    otherwise None: a link cannot send someone elsewhere once they have signed in."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and allowed else None
