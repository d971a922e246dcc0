from django.urls import path

from teamaround.accounts.views import agencies, passwords, sign_in, users

app_name = "accounts"

urlpatterns = [
    path("sign-in/", sign_in.SignInView.as_view(), name="sign-in"),
    path("sign-out/", sign_in.sign_out, name="sign-out"),
    path("signed-out/", sign_in.signed_out, name="signed-out"),
    path("account/password/", passwords.PasswordChangeView.as_view(), name="password-change"),
    path(
        "account/password/changed/",
        passwords.PasswordChangedView.as_view(),
        name="password-changed",
    ),
    path("password-reset/", passwords.PasswordResetView.as_view(), name="password-reset"),
    path(
        "password-reset/sent/",
        passwords.PasswordResetSentView.as_view(),
        name="password-reset-sent",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        passwords.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "password-reset/done/",
        passwords.PasswordResetDoneView.as_view(),
        name="password-reset-done",
    ),
    path("two-factor/set-up/", sign_in.two_factor_setup, name="two-factor-setup"),
    path("two-factor/", sign_in.two_factor_verify, name="two-factor-verify"),
    path("agencies/", agencies.agency_list, name="agency-list"),
    path("agencies/new/", agencies.agency_create, name="agency-create"),
    path("agencies/<uuid:agency_id>/", agencies.agency_detail, name="agency-detail"),
    path("agencies/<uuid:agency_id>/change/", agencies.agency_edit, name="agency-edit"),
    path("agencies/<uuid:agency_id>/archive/", agencies.agency_archive, name="agency-archive"),
    path("agencies/<uuid:agency_id>/teams/new/", agencies.team_create, name="team-create"),
    path("teams/<uuid:team_id>/change/", agencies.team_edit, name="team-edit"),
    path("users/", users.user_list, name="user-list"),
    path("users/new/", users.user_create, name="user-create"),
    path("users/<uuid:user_id>/", users.user_detail, name="user-detail"),
    path("users/<uuid:user_id>/change/", users.user_edit, name="user-edit"),
    path("users/<uuid:user_id>/deactivate/", users.user_deactivate, name="user-deactivate"),
    path("users/<uuid:user_id>/api-token/", users.user_token, name="user-token"),
    path(
        "users/<uuid:user_id>/api-tokens/<uuid:token_id>/revoke/",
        users.user_token_revoke,
        name="user-token-revoke",
    ),
]
