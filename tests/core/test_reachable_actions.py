"""Every page that changes something is reached through the pages, never only by typing its
address (issue 10: "every step is reachable from the page before it").

The URL configuration is enumerated with django.urls.get_resolver: a route whose view accepts
a POST (a class with `post`, or a function whose source reads a POST or uses core's `submit`)
changes something. A seeded small county is then crawled as each demo user with the test
client, from the home page, following links and GET forms, and collecting the names of the
routes that links and form actions (and buttons' formaction) point at. A changing route no
role reaches that way fails the test with its name, unless it is listed in EXCEPTIONS with the
reason it is reached another way.
"""

from __future__ import annotations

import inspect
import re
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

import teamaround
from teamaround.accounts.models import User

pytestmark = pytest.mark.django_db

# Routes that change something but are not linked from a page, with the reason.
EXCEPTIONS = {
    "accounts:password-reset-confirm": "the link in the password-reset email",
    "accounts:two-factor-verify": "where signing in redirects a user with two-factor set up",
}
# Routes linked from a page only while a record is in a state the seeded county's demo users
# do not come across (or which the crawl, opening a few records of each page and submitting
# no search, may not reach): each must still be linked from a template or named by a page's
# code (checked below), with the state it needs.
LINKED_IN_STATE = {
    "accounts:user-token-revoke": "a user with an API token (the user's page)",
    "directory:approval-decide": "a directory change waiting for approval (the approvals list)",
    "directory:problem": "a reported problem with a service (the editor's task links to it)",
    "earlyhelp:episode-from-hand-over": "an accepted hand-over with no episode yet (its page)",
    "earlyhelp:episode-new": "a family with no open episode, seen by a lead team (its page)",
    "earlyhelp:reopen": "a closed episode that may be reopened (the episode's page)",
    "earlyhelp:sign-off": "an assessment sent for the manager's sign-off (the assessment page)",
    "panels:action-detail": "a panel decision with an action (the decision's page)",
    "frontdoor:decision-correct": "a Hub decision still open to correction (the request's page)",
    "frontdoor:hand-over-accept": "a hand-over waiting for the team (the hand-overs page)",
    "frontdoor:request-edit": "the user's own draft request (their requests)",
    "frontdoor:request-withdraw": "a request not yet decided (the draft and the request's page)",
    "governance:access-request": "a subject access request (the governance home page)",
    "governance:access-request-complete": "an open subject access request (its page)",
    "governance:access-request-extend": "an open subject access request (its page)",
    "governance:access-request-start": "a person found by the governance search (their page)",
    "governance:basis-add": "a person found by the governance search (their bases)",
    "governance:basis-withdraw": "a recorded consent or basis (the person's bases)",
    "governance:legal-hold": "a person found by the governance search (their page)",
    "governance:legal-hold-lift": "a person under a legal hold (their page)",
    "governance:retention-decide": "a record due for retention review (the retention page)",
    "governance:withhold": "a recorded disclosure (the person's bases)",
    "panels:agenda": "a planned meeting of a panel the user runs (the meeting's page)",
    "panels:case-summary": "an agenda item with a case summary (the meeting's page)",
    "panels:decision-record": "a meeting being held (the meeting's page)",
    "panels:minutes": "a meeting that has been held (the meeting's page)",
    "panels:minutes-correct": "approved minutes (the meeting's page)",
    "panels:package-review": "a package of support due for review (the meeting's page)",
    "people:break-glass-reviewed": "a break-glass grant for the manager to review (the list)",
    "people:family-break-glass": "a family the user is refused (the refusal page offers it)",
    "people:merge-undo": "a merged record (the person's page)",
    "people:person-create": "a search that found no match (the search results)",
    "socialcare:assessment-authorise": "an assessment sent for authorisation (its page)",
    "socialcare:care-end": "a child looked after (the child's care page)",
    "socialcare:care-review": "a child looked after with a review due (the child's care page)",
    "socialcare:care-start": "a case open to the social worker (the child's care page)",
    "socialcare:cin-review": "a case with a child in need plan (the case's page)",
    "socialcare:fgdm-answer": "an offer of a family group meeting (the pre-proceedings page)",
    "socialcare:fgdm-exception": "a case in pre-proceedings, for a manager (its page)",
    "socialcare:fgdm-meeting": "an accepted family group offer (the pre-proceedings page)",
    "socialcare:fgdm-offer": "a case in pre-proceedings (the pre-proceedings page)",
    "socialcare:network-consent": "a family network member (the pre-proceedings page)",
    "socialcare:network-new": "a case in pre-proceedings (the pre-proceedings page)",
    "socialcare:plo-letter": "a case in pre-proceedings (the pre-proceedings page)",
    "socialcare:plo-meeting": "a letter before proceedings sent (the pre-proceedings page)",
    "socialcare:plo-outcome": "a case in pre-proceedings (the pre-proceedings page)",
    "socialcare:pre-proceedings-start": "a case, for its team's manager (the pre-proceedings page)",
    "socialcare:proceedings-issue": "a case in pre-proceedings (the pre-proceedings page)",
    "socialcare:standard-edit": "a social care team manager (the caseload's standards page)",
    "socialcare:decide": "a referral waiting for the decision (the case's page)",
    "socialcare:enquiry": "a case with a section 47 enquiry (the case's page)",
    "socialcare:from-hand-over": "a hand-over to social care (the hand-overs page)",
    "socialcare:missing-conversation": "a looked-after child's missing episode (the care page)",
    "socialcare:missing-from-hub": "a child looked after (the child's care page)",
    "socialcare:missing-new": "a child looked after (the child's care page)",
    "socialcare:pathway-review": "a care leaver's pathway plan (its page)",
    "socialcare:placement-change": "a child looked after (the child's care page)",
    "socialcare:plan-end": "a child protection or child in need plan in force (the case's page)",
    "socialcare:visit-new": "a case open to the social worker (the case's page)",
    "socialcare:pathway-start": "a young person of 15 or more who is or was looked after "
    "(the pathway plan page)",
    "socialcare:safety-checks-run": "a social care team manager (the team's caseload)",
    "socialcare:cp-team-add": "a case in child protection (its child protection team page)",
    "socialcare:cp-team-remove": "a case with a child protection team (the team's page)",
    "socialcare:cp-team-lead": "a case with a child protection team (the team's page)",
    "socialcare:core-group-member-add": "a child protection plan in force (the team's page)",
    "socialcare:core-group-meeting": "a child protection plan in force (the team's page)",
    "socialcare:transfer": "an open case, to its team's manager (the case's page)",
    "socialcare:oversight-new": "a case, to its team's manager (the case's page)",
}
# Prefixes of paths that are not pages (the API, its schema and docs, static files).
NOT_PAGES = ("/api/", "/static/", "/media/", "/healthz")
# Pages of one route are opened until this many of them added no new route: different records
# of one page show the actions their state allows (an open episode and a closed one).
BARREN = 5
# Files to download (their links count; they are not pages with links of their own).
DOWNLOADS = (".csv", ".pdf", "/pdf/", "/export/", "pack.html")


def _patterns(resolver: URLResolver, prefix: str = "", namespace: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if entry.namespace else namespace
            yield from _patterns(entry, prefix + str(entry.pattern), inner.strip(":"))
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield prefix + str(entry.pattern), name, entry.callback


def _accepts_post(callback) -> bool:
    view_class = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    if view_class is not None:
        return hasattr(view_class, "post")
    return _reads_post(inspect.unwrap(callback), depth=3)


def _reads_post(function, *, depth: int) -> bool:
    """The function, or a helper of its own module it calls (`_form_page(...)`), reads a POST."""
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return False
    if "POST" in source or "submit(" in source:
        return True
    module = inspect.getmodule(function)
    if depth == 0 or module is None:
        return False
    for helper in set(re.findall(r"\b(_\w+)\(", source)):
        called = getattr(module, helper, None)
        if inspect.isfunction(called) and _reads_post(called, depth=depth - 1):
            return True
    return False


def changing_routes() -> dict[str, str]:
    """{route name: pattern} of every page route whose view accepts a POST."""
    found = {}
    for pattern, name, callback in _patterns(get_resolver()):
        if ("/" + pattern).startswith(NOT_PAGES):
            continue
        if _accepts_post(callback):
            found[name] = pattern
    return found


class _Targets(HTMLParser):
    """The links, GET forms and POST targets of one page."""

    def __init__(self):
        super().__init__()
        self.follow: list[str] = []  # links and GET forms' actions
        self.posts: list[str] = []  # POST forms' actions and buttons' formaction

    def handle_starttag(self, tag, attrs):
        attr = dict(attrs)
        if tag == "a" and attr.get("href"):
            self.follow.append(attr["href"])
        elif tag == "form":
            action = attr.get("action") or ""
            if (attr.get("method") or "get").lower() == "post":
                self.posts.append(action)
            else:
                self.follow.append(action)
        elif tag in {"button", "input"} and attr.get("formaction"):
            self.posts.append(attr["formaction"])


def _local(base: str, href: str) -> str | None:
    if href.startswith(("mailto:", "tel:", "#", "javascript:")):
        return None
    url = urlsplit(urljoin(base, href))
    if url.netloc not in ("", "testserver"):
        return None
    path = url.path
    if path.startswith(NOT_PAGES):
        return None
    return path + (f"?{url.query}" if url.query else "")


def _name(path: str) -> str | None:
    try:
        match = resolve(path.split("?")[0])
    except Resolver404:
        return None
    return match.view_name


def crawl(client) -> set[str]:
    """The names of every route linked, or a form's action, on the pages reached from home.
    Refusals are read too (a 403 page offers break-glass). Once pages of one route have
    twice in all added nothing new, its other records are not opened."""
    reached: set[str] = set()
    barren: dict[str, int] = {}
    seen: set[str] = set()
    queue = ["/"]
    while queue:
        path = queue.pop(0)
        name = _name(path)
        if path in seen or barren.get(name, 0) >= BARREN:
            continue
        seen.add(path)
        response = client.get(path, follow=True)
        if "html" not in response.get("Content-Type", ""):
            continue
        path = response.request["PATH_INFO"]
        page = _Targets()
        page.feed(response.content.decode())
        before = len(reached), len(queue)
        for href in page.posts:
            target = _local(path, href or path)
            if target and (found := _name(target)):
                reached.add(found)
        for href in page.follow:
            target = _local(path, href or path)
            if not target or target in seen or (found := _name(target)) is None:
                continue
            reached.add(found)
            if not target.split("?")[0].endswith(DOWNLOADS) and found != "accounts:sign-out":
                queue.append(target)
        if len(reached) == before[0]:
            barren[name] = barren.get(name, 0) + 1
    return reached


def _named_in_pages() -> set[str]:
    """Route names that templates link to and that page code (navigation, next steps) names."""
    found: set[str] = set()
    src = Path(teamaround.__file__).parent
    for path in [*src.rglob("*.html"), *src.rglob("*.py")]:
        if path.name == "urls.py" or "migrations" in path.parts:
            continue
        found |= set(re.findall(r"""["']([a-z_]+:[a-z0-9-]+)["']""", path.read_text()))
    return found


def test_every_changing_route_is_reached_from_a_page_some_role_can_reach(client):
    call_command("seed", "--children", "40", "--county", "small", "--seed", "5", stdout=StringIO())
    routes = changing_routes()
    assert len(routes) > 50  # the enumeration found the pages that change things
    reached: set[str] = set()
    for user in User.objects.filter(username__startswith="demo.").order_by("username"):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        reached |= crawl(client)
        client.logout()
    reached |= crawl(client)  # the public pages, signed out
    unreachable = sorted(set(routes) - reached - set(EXCEPTIONS) - set(LINKED_IN_STATE))
    assert not unreachable, "Reached only by typing the address:\n" + "\n".join(
        f"{name}  ({routes[name]})" for name in unreachable
    )
    stale = sorted((set(EXCEPTIONS) | set(LINKED_IN_STATE)) - set(routes))
    assert not stale, f"Exceptions that are no longer changing routes: {stale}"
    unlinked = sorted(set(LINKED_IN_STATE) - _named_in_pages())
    assert not unlinked, f"No page links to: {unlinked}"
