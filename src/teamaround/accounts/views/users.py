"""Staff accounts, for administrators: create, change roles and team, deactivate, API tokens."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts import selectors, services
from teamaround.accounts.forms import ReasonForm, UserForm
from teamaround.accounts.roles import ROLE_DESCRIPTIONS, Role
from teamaround.core.access import require
from teamaround.core.views.forms import submit
from teamaround.core.views.pagination import paginate


def _user_page(user) -> str:
    return reverse("accounts:user-detail", args=[user.pk])


def _form_page(request, form, staff):
    context = {"form": form, "staff": staff, "role_descriptions": ROLE_DESCRIPTIONS}
    return render(request, "accounts/user_form.html", context)


@login_required
def user_list(request):
    users = selectors.user_list(
        actor=request.user, query=request.GET.get("q", "").strip(), role=request.GET.get("role", "")
    )
    page = paginate(request, users)
    return render(
        request,
        "accounts/user_list.html",
        {
            "page": page,
            "query": page.query,
            "roles": Role.choices,
            "selected_role": request.GET.get("role", ""),
            "q": request.GET.get("q", ""),
        },
    )


@login_required
def user_create(request):
    require(request.user, "accounts.manage_users", what="create a user")
    form = UserForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.user_create(actor=request.user, **data),
        success=lambda user: f"{user} has been added.",
        redirect_to=_user_page,
    )
    return done or _form_page(request, form, None)


@login_required
def user_detail(request, user_id):
    staff = selectors.user_get(actor=request.user, user_id=user_id)
    tokens = selectors.api_token_list(actor=request.user, user=staff)
    return render(
        request,
        "accounts/user_detail.html",
        {"staff": staff, "tokens": tokens, "now": timezone.now()},
    )


@login_required
def user_edit(request, user_id):
    staff = selectors.user_get(actor=request.user, user_id=user_id)
    initial = {
        "username": staff.username,
        "first_name": staff.first_name,
        "last_name": staff.last_name,
        "email": staff.email,
        "job_title": staff.job_title,
        "team": staff.team_id,
        "roles": sorted(staff.role_set),
    }
    form = UserForm(request.POST or None, initial=initial, editing=True)

    def update(data):
        values = {k: v for k, v in data.items() if k != "username"}
        return services.user_update(actor=request.user, user=staff, **values)

    done = submit(
        request,
        form,
        update,
        success=lambda user: f"{user} has been updated.",
        redirect_to=_user_page,
    )
    return done or _form_page(request, form, staff)


@login_required
def user_deactivate(request, user_id):
    staff = selectors.user_get(actor=request.user, user_id=user_id)
    form = ReasonForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.user_deactivate(
            actor=request.user, user=staff, reason=data["reason"]
        ),
        success=lambda user: f"{user} has been deactivated.",
        redirect_to=_user_page,
    )
    return done or render(request, "accounts/user_deactivate.html", {"form": form, "staff": staff})


@login_required
def user_token(request, user_id):
    """Issue an API token (POST only); the token is shown once on the page that follows."""
    staff = selectors.user_get(actor=request.user, user_id=user_id)
    token = None
    if request.method == "POST":
        token = submit(
            request, None, lambda data: services.api_token_issue(actor=request.user, user=staff)
        )
        if token is None:
            return redirect("accounts:user-detail", staff.pk)
    context = {"staff": staff, "token": token, "days": settings.TEAMAROUND_API_TOKEN_DAYS}
    response = render(request, "accounts/user_token.html", context)
    return response


@login_required
def user_token_revoke(request, user_id, token_id):
    staff = selectors.user_get(actor=request.user, user_id=user_id)
    token = selectors.api_token_get(actor=request.user, user=staff, token_id=token_id)
    form = ReasonForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.api_token_revoke(
            actor=request.user, token=token, reason=data["reason"]
        ),
        success=lambda token: f"{token} has been revoked. It no longer works.",
        redirect_to=lambda token: _user_page(staff),
    )
    return done or render(
        request, "accounts/user_token_revoke.html", {"form": form, "staff": staff, "token": token}
    )
