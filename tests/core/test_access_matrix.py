"""The access matrix, generated from the URL configuration: every named route (pages, the staff
API and its schema, the public ORUK API), requested with GET as a demo user of every role, as a
practitioner of another agency and anonymously, on a small seeded county whose real record ids
fill the path parameters.

- Never a 500, for anyone.
- Anonymous: sent to sign in (or 401/403 from the API; 405 from a POST-only view) unless the
  route is listed as PUBLIC.
- The other agency's practitioner (a school with no involvement with any family) never gets a
  200 that carries the name of a person recorded in the county.
- A route with no entry in ROUTES fails `test_every_route_is_classified`, saying what to add;
  a path parameter with no entry in RECORDS fails its route, saying what to add.

What each role may do with each record is the business of the per-app permission matrices
(tests/<app>/test_permission_matrix.py); this test holds the line for every route at once.
"""

from __future__ import annotations

import re
import uuid
from io import StringIO
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.management import call_command
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from teamaround.accounts.models import AgencyKind, User
from teamaround.accounts.roles import Role
from teamaround.accounts.seeding import demo_username
from tests.factories import AgencyFactory, TeamFactory, UserFactory
from tests.matrix import built_once

pytestmark = pytest.mark.django_db

PUBLIC = "public"  # anyone, signed in or not
STAFF = "staff"  # signed-in staff only (what each role sees is the app matrices' business)

# Every named route. A new route needs an entry here: PUBLIC only if an anonymous member of
# the public is meant to reach it.
ROUTES = {
    "healthz": PUBLIC,
    # Open in these (development) settings; production shows them to signed-in staff only
    # (tests/security/test_api_docs.py).
    "api-schema": PUBLIC,
    "api-docs": PUBLIC,
    "core:home": PUBLIC,
    "core:accessibility": PUBLIC,
    "core:privacy": PUBLIC,
    "accounts:sign-in": PUBLIC,
    "accounts:sign-out": PUBLIC,
    "accounts:signed-out": PUBLIC,
    "accounts:password-reset": PUBLIC,
    "accounts:password-reset-sent": PUBLIC,
    "accounts:password-reset-confirm": PUBLIC,
    "accounts:password-reset-done": PUBLIC,
    "accounts:two-factor-verify": PUBLIC,
    "frontdoor_public:ask": PUBLIC,
    "frontdoor_public:resume": PUBLIC,
    "frontdoor_public:sent": PUBLIC,
    "directory:search": PUBLIC,
    "directory:service": PUBLIC,
    "directory:report-problem": PUBLIC,
    "directory:oruk-root": PUBLIC,
    "directory:oruk-openapi": PUBLIC,
    "directory:oruk-services": PUBLIC,
    "directory:oruk-service": PUBLIC,
    "directory:oruk-service-at-locations": PUBLIC,
    "directory:oruk-service-at-location": PUBLIC,
    "directory:oruk-organizations": PUBLIC,
    "directory:oruk-organization": PUBLIC,
    "directory:oruk-taxonomies": PUBLIC,
    "directory:oruk-taxonomy": PUBLIC,
    "directory:oruk-taxonomy-terms": PUBLIC,
    "directory:oruk-taxonomy-term": PUBLIC,
    "directory:oruk-no-such-path": PUBLIC,
}
STAFF_ROUTES = """
agency-list agency-detail team-list team-detail district-list district-detail quadrant-list
audit-event-list person-list person-detail person-break-glass person-merge family-list
family-detail relationship-list known-child-search-list governance-basis-list
governance-basis-withdraw governance-ledger-list governance-ledger-withhold
directory-service-list directory-service-detail hub-request-list hub-request-detail
hub-request-decision hub-queue-list hub-missing-notification-list earlyhelp-episode-list
earlyhelp-episode-detail earlyhelp-episode-assessment earlyhelp-episode-meetings
earlyhelp-episode-plan panel-type-list panel-type-detail panel-meeting-list panel-meeting-detail
panel-meeting-agenda panel-decision-list panel-decision-detail panel-action-list
panel-action-detail api-root
accounts:password-change accounts:password-changed accounts:two-factor-setup
accounts:agency-list accounts:agency-create accounts:agency-detail accounts:agency-edit
accounts:agency-archive accounts:team-create accounts:team-edit accounts:user-list
accounts:user-create accounts:user-detail accounts:user-edit accounts:user-deactivate
accounts:user-token accounts:user-token-revoke
people:search people:person-create people:person-detail people:person-edit
people:person-name-add people:person-address-add people:break-glass people:person-merge
people:merge-undo people:family-detail people:family-edit people:family-break-glass
people:family-member-add people:membership-end people:relationship-add
people:break-glass-review people:break-glass-reviewed
directory:refer directory:problem directory:manage directory:service-create
directory:service-edit directory:opening-times directory:location-add directory:organisations
directory:organisation-create directory:organisation-edit directory:organisation-editors
directory:import directory:quality directory:approvals directory:approval-decide
panels:panel-list panels:cost-report panels:panel-detail panels:referral-create
panels:meeting-schedule panels:package-monitoring panels:meeting-detail panels:agenda
panels:minutes panels:minutes-pdf panels:minutes-correct panels:case-summary
panels:decision-record panels:package-review panels:action-detail
frontdoor:start frontdoor:request-new frontdoor:my-requests frontdoor:request-detail
frontdoor:request-edit frontdoor:request-withdraw frontdoor:request-assign
frontdoor:request-checks frontdoor:partner-information frontdoor:request-review
frontdoor:request-decide frontdoor:decision-correct frontdoor:queue frontdoor:consultation-new
frontdoor:hand-overs frontdoor:hand-over-accept frontdoor:missing-list frontdoor:missing-upload
frontdoor:missing-import frontdoor:missing-scrutiny frontdoor:return-conversations
frontdoor:missing-detail frontdoor:flow
earlyhelp:home earlyhelp:managers earlyhelp:timeline earlyhelp:episode-new earlyhelp:step-down
earlyhelp:episode-from-hand-over earlyhelp:episode earlyhelp:taf-add earlyhelp:taf-remove
earlyhelp:lead-change earlyhelp:step-up earlyhelp:close earlyhelp:reopen earlyhelp:assessment
earlyhelp:sign-off earlyhelp:plan earlyhelp:plan-print earlyhelp:plan-pdf earlyhelp:meeting-new
governance:home governance:ledger-csv governance:stale-consent governance:agency
governance:person governance:legal-hold governance:legal-hold-lift governance:retention
governance:retention-run governance:retention-decide governance:bases governance:basis-add
governance:basis-withdraw governance:withhold governance:access-request-start
governance:access-request governance:access-request-export governance:access-request-extend
governance:access-request-complete
commissioning:needs commissioning:needs-csv commissioning:performance commissioning:performance-csv
commissioning:envelope commissioning:envelope-csv commissioning:impact commissioning:impact-list
commissioning:spend-import commissioning:spend-record
commissioning:board-packs commissioning:board-pack commissioning:board-pack-html
commissioning:board-pack-pdf commissioning:evidence commissioning:intervention-new
commissioning:intervention commissioning:evidence-level
commissioning:families-first commissioning:families-first-csv commissioning:families-first-outcome
commissioning:unmet-need commissioning:unmet-need-csv
socialcare:assessment socialcare:assessment-authorise socialcare:assessment-submit socialcare:case
socialcare:caseload socialcare:decide socialcare:from-hand-over socialcare:home
socialcare:referral-new socialcare:close socialcare:conference socialcare:enquiry
socialcare:plan-end socialcare:step-down socialcare:strategy
socialcare:looked-after socialcare:care-start socialcare:placement-change socialcare:care-end
socialcare:care-review socialcare:visit-new socialcare:missing-new socialcare:missing-from-hub
socialcare:missing-conversation socialcare:pathway-plan socialcare:pathway-start
socialcare:pathway-review socialcare:safety-checks-run
socialcare:proceedings socialcare:pre-proceedings-start socialcare:plo-letter socialcare:plo-meeting
socialcare:plo-outcome socialcare:proceedings-issue socialcare:fgdm-offer socialcare:fgdm-answer
socialcare:fgdm-meeting socialcare:fgdm-exception socialcare:network-new socialcare:network-consent
socialcare:standards socialcare:standard-edit
socialcare:cp-team socialcare:cp-team-add socialcare:cp-team-remove socialcare:cp-team-lead
socialcare:core-group-member-add socialcare:core-group-meeting socialcare:transfer
socialcare:oversight-new socialcare:transfers socialcare:cin-plan-start socialcare:cin-review
core:audit-search core:bulk-read-alerts core:district-list core:geography-upload
core:district-edit core:section
"""
ROUTES |= dict.fromkeys(STAFF_ROUTES.split(), STAFF)


def _model(label):
    from django.apps import apps

    return apps.get_model(label)


# Which record fills each path parameter: (route name or None for any route, parameter) ->
# model label, or a callable(world) -> value. A record kind the small county does not seed
# (a merge, a break-glass grant, an import) gets a made-up id: the route must still answer
# with a refusal or a 404, never a 500.
RECORDS = {
    (None, "person_id"): "people.Person",
    (None, "family_id"): "people.Family",
    (None, "episode_id"): "earlyhelp.Episode",
    (None, "service_id"): "directory.Service",
    (None, "organisation_id"): "directory.Organisation",
    (None, "agency_id"): "accounts.Agency",
    (None, "team_id"): "accounts.Team",
    (None, "user_id"): "accounts.User",
    (None, "meeting_id"): "panels.PanelMeeting",
    (None, "panel_id"): "panels.Panel",
    (None, "summary_id"): "panels.CaseSummary",
    (None, "item_id"): "panels.AgendaItem",
    (None, "action_id"): "panels.PanelAction",
    (None, "hand_over_id"): "frontdoor.HandOver",
    (None, "request_id"): "frontdoor.RequestForSupport",
    (None, "district_id"): "core.District",
    (None, "member_id"): "earlyhelp.TafMember",
    (None, "membership_id"): "people.FamilyMembership",
    (None, "basis_id"): "governance.SharingBasis",
    (None, "hold_id"): "governance.LegalHold",
    (None, "review_id"): "governance.RetentionReview",
    (None, "merge_id"): "people.PersonMerge",
    (None, "grant_id"): "people.BreakGlassGrant",
    (None, "report_id"): "directory.ProblemReport",
    (None, "change_id"): "directory.PendingChange",
    (None, "import_id"): "frontdoor.MissingImport",
    (None, "token_id"): "accounts.ApiToken",
    (None, "uidb64"): lambda w: "MQ",
    (None, "token"): lambda w: "set-password",
    (None, "code"): lambda w: w.district_code,
    (None, "by"): lambda w: "district",
    (None, "rest"): lambda w: "no-such-thing",
    (None, "referral_id"): "socialcare.SocialCareReferral",
    (None, "enquiry_id"): "socialcare.Section47Enquiry",
    (None, "conference_id"): "socialcare.ChildProtectionConference",
    (None, "plan_id"): "socialcare.ChildProtectionPlan",
    (None, "period_id"): "socialcare.CarePeriod",
    (None, "care_review_id"): "socialcare.CareReview",
    (None, "missing_id"): "socialcare.MissingFromCare",
    (None, "pre_proceedings_id"): "socialcare.PreProceedings",
    (None, "offer_id"): "socialcare.FgdmOffer",
    ("socialcare:network-consent", "member_id"): "socialcare.FamilyNetworkMember",
    ("socialcare:standard-edit", "key"): lambda w: "cp_visit",
    (None, "cp_member_id"): "socialcare.ChildProtectionTeamMember",
    (None, "core_group_id"): "socialcare.CoreGroup",
    (None, "cin_plan_id"): "socialcare.ChildInNeedPlan",
    ("core:section", "slug"): lambda w: "administration",
    ("commissioning:impact", "pk"): "directory.Service",
    ("commissioning:performance-csv", "key"): lambda w: "hub-by-district",
    ("commissioning:board-pack", "pk"): "commissioning.BoardPack",
    ("commissioning:intervention", "pk"): "commissioning.Intervention",
    ("commissioning:evidence-level", "pk"): "commissioning.EvidenceLevel",
    ("commissioning:families-first-outcome", "pk"): "commissioning.FamiliesFirstOutcome",
    ("commissioning:families-first-csv", "key"): lambda w: "outcomes-by-district",
    ("commissioning:unmet-need-csv", "key"): lambda w: "unmet-by-district",
    ("commissioning:board-pack-html", "pk"): "commissioning.BoardPack",
    ("commissioning:board-pack-pdf", "pk"): "commissioning.BoardPack",
    ("governance:access-request", "request_id"): "governance.SubjectAccessRequest",
    ("governance:access-request-export", "request_id"): "governance.SubjectAccessRequest",
    ("governance:access-request-extend", "request_id"): "governance.SubjectAccessRequest",
    ("governance:access-request-complete", "request_id"): "governance.SubjectAccessRequest",
    ("agency-detail", "pk"): "accounts.Agency",
    ("team-detail", "pk"): "accounts.Team",
    ("district-detail", "code"): lambda w: w.district_code,
    ("person-detail", "pk"): "people.Person",
    ("person-break-glass", "pk"): "people.Person",
    ("person-merge", "pk"): "people.Person",
    ("family-detail", "pk"): "people.Family",
    ("governance-basis-withdraw", "pk"): "governance.SharingBasis",
    ("directory-service-detail", "pk"): "directory.Service",
    ("hub-request-detail", "pk"): "frontdoor.RequestForSupport",
    ("hub-request-decision", "pk"): "frontdoor.RequestForSupport",
    ("earlyhelp-episode-detail", "pk"): "earlyhelp.Episode",
    ("earlyhelp-episode-assessment", "pk"): "earlyhelp.Episode",
    ("earlyhelp-episode-meetings", "pk"): "earlyhelp.Episode",
    ("earlyhelp-episode-plan", "pk"): "earlyhelp.Episode",
    ("panel-type-detail", "pk"): "panels.PanelType",
    ("panel-meeting-detail", "pk"): "panels.PanelMeeting",
    ("panel-meeting-agenda", "pk"): "panels.PanelMeeting",
    ("panel-decision-detail", "pk"): "panels.PanelDecision",
    ("panel-action-detail", "pk"): "panels.PanelAction",
    ("directory:oruk-service", "service_id"): "directory.Service",
    ("directory:oruk-organization", "organisation_id"): "directory.Organisation",
    ("directory:oruk-service-at-location", "link_id"): "directory.ServiceAtLocation",
    ("directory:oruk-taxonomy", "taxonomy_id"): "directory.Taxonomy",
    ("directory:oruk-taxonomy-term", "term_id"): "directory.TaxonomyTerm",
}


def routes() -> list[tuple[str, str, list[str]]]:
    """(qualified name, path pattern, parameter names) of every named route."""
    found = []

    def walk(resolver, prefix, namespace):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                inner = namespace + (f"{entry.namespace}:" if entry.namespace else "")
                walk(entry, prefix + str(entry.pattern), inner)
            elif isinstance(entry, URLPattern) and entry.name:
                pattern = entry.pattern
                names = list(pattern.converters) or list(pattern.regex.groupindex)
                found.append((namespace + entry.name, prefix + str(pattern), names))

    walk(get_resolver(), "", "")
    return found


def _record_id(world, name, parameter):
    source = RECORDS.get((name, parameter)) or RECORDS.get((None, parameter))
    if source is None:
        pytest.fail(
            f"Route {name} takes <{parameter}>: add ({name!r}, {parameter!r}) or "
            f"(None, {parameter!r}) to RECORDS in tests/core/test_access_matrix.py, naming the "
            "model whose id fills it."
        )
    if callable(source):
        return str(source(world))
    record = _model(source).objects.order_by("pk").first()
    return str(record.pk) if record is not None else str(uuid.uuid4())


def _path(world, name, parameters):
    from django.urls import reverse

    values = {p: _record_id(world, name, p) for p in parameters}
    try:
        return reverse(name, kwargs=values)
    except Exception:  # an ORUK regex route taking any text
        return reverse(name, kwargs={p: re.sub(r"[^\w-]", "", v) for p, v in values.items()})


def build():
    call_command("seed", "--children", "60", "--county", "small", "--seed", "5", stdout=StringIO())
    from teamaround.core.models import District
    from teamaround.people.models import Person

    school = TeamFactory(agency=AgencyFactory(kind=AgencyKind.SCHOOL, name="Outside School"))
    other = UserFactory(roles=[Role.PRACTITIONER], team=school, username="other.agency")
    clients = {}
    for role in Role:
        client = Client()
        client.force_login(
            User.objects.get(username=demo_username(role)),
            backend="django.contrib.auth.backends.ModelBackend",
        )
        clients[role.value] = client
    outsider = Client()
    outsider.force_login(other, backend="django.contrib.auth.backends.ModelBackend")
    clients["other_agency"] = outsider
    clients["anonymous"] = Client()
    staff_names = {u.get_full_name() for u in User.objects.all()}
    names = {
        f"{p.forenames} {p.surname}" for p in Person.objects.all() if p.forenames and p.surname
    } - staff_names
    return SimpleNamespace(
        clients=clients,
        person_names=names,
        district_code=District.objects.filter(kind="district").order_by("code").first().code,
    )


world = built_once(build)
ALL = routes()


def test_every_route_is_classified():
    named = {name for name, _, _ in ALL}
    missing = sorted(named - set(ROUTES))
    assert not missing, (
        f"Routes with no entry in ROUTES (tests/core/test_access_matrix.py): {missing}. Add "
        "each to STAFF_ROUTES, or to ROUTES as PUBLIC if anonymous visitors are meant to reach "
        "it."
    )
    gone = sorted(set(ROUTES) - named)
    assert not gone, f"ROUTES lists routes that no longer exist: {gone}; take them out."


@pytest.mark.parametrize(("name", "pattern", "parameters"), ALL, ids=[r[0] for r in ALL])
def test_route_answers_everyone_safely(world, name, pattern, parameters):
    path = _path(world, name, parameters)
    sign_in = resolve_url(settings.LOGIN_URL)
    problems = []
    for who, client in world.clients.items():
        response = client.get(path)
        status = response.status_code
        if status >= 500:
            problems.append(f"{who}: {status}")
            continue
        if who == "anonymous" and ROUTES.get(name) == STAFF:
            # 405: a POST-only view refuses a GET before asking who is there; it shows nothing.
            refused = status in (401, 403, 405) or (
                status == 302 and response.url.startswith(sign_in)
            )
            if not refused:
                problems.append(f"anonymous: {status} (expected sign in, 401 or 403)")
        if who == "other_agency" and status == 200 and not response.streaming:
            text = response.content.decode("utf-8", "replace")
            leaked = sorted(n for n in world.person_names if n in text)
            if leaked:
                problems.append(f"other agency: 200 naming {leaked[:3]}")
    assert not problems, f"GET {path} ({name}): " + "; ".join(problems)
