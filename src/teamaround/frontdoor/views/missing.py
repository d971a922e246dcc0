"""Pages for missing notifications: the list, an episode with its follow-up, uploading the
police's file (every problem shown by line and field), the import's progress, the Missing
Co-ordinator's scrutiny list and the return conversations due."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from teamaround.core.access import require
from teamaround.core.audit import audit_listed
from teamaround.core.views.forms import submit
from teamaround.core.views.pagination import paginate
from teamaround.frontdoor import selectors, services
from teamaround.frontdoor.forms import ConversationForm, ScrutinyForm, UploadForm
from teamaround.frontdoor.models import MissingRoute
from teamaround.frontdoor.views.child_search import hub_field


@login_required
def missing_list(request):
    repeat_only = request.GET.get("repeat") == "1"
    route = request.GET.get("route", "")
    episodes = selectors.missing_episode_list(
        actor=request.user,
        repeat_only=repeat_only,
        route=route if route in MissingRoute.values else "",
    )
    page = paginate(request, episodes)
    audit_listed(page, actor=request.user, what="missing episodes")
    return render(
        request,
        "frontdoor/missing_list.html",
        {
            "page": page,
            "repeat_only": repeat_only,
            "route": route,
            "routes": MissingRoute,
            "query": page.query,
            "can_upload": request.user.has_perm("frontdoor.receive_missing"),
        },
    )


@login_required
def missing_detail(request, episode_id):
    episode = selectors.missing_episode_get(actor=request.user, episode_id=episode_id)
    conversation = (
        getattr(episode, "return_conversation", None)
        if hasattr(episode, "return_conversation")
        else None
    )
    can_follow_up = request.user.has_perm("frontdoor.record_missing_follow_up", episode)
    conversation_form = ConversationForm(prefix="conversation")
    scrutiny_form = ScrutinyForm(prefix="scrutiny")
    here = reverse("frontdoor:missing-detail", args=[episode.pk])
    done = None
    if request.method == "POST" and can_follow_up:
        if "conversation-outcome" in request.POST and conversation is not None:
            conversation_form = ConversationForm(request.POST, prefix="conversation")
            done = submit(
                request,
                conversation_form,
                lambda data: services.return_conversation_record(
                    actor=request.user, conversation=conversation, **data
                ),
                rename=hub_field,
                redirect_to=here,
                success="The return conversation has been recorded.",
            )
        elif "scrutiny-notes" in request.POST:
            scrutiny_form = ScrutinyForm(request.POST, prefix="scrutiny")
            done = submit(
                request,
                scrutiny_form,
                lambda data: services.missing_scrutiny_record(
                    actor=request.user, episode=episode, **data
                ),
                rename=hub_field,
                redirect_to=here,
                success="The scrutiny has been recorded.",
            )
    return done or render(
        request,
        "frontdoor/missing_detail.html",
        {
            "episode": episode,
            "conversation": conversation,
            "can_follow_up": can_follow_up,
            "earlier": audit_listed(
                selectors.earlier_episodes(actor=request.user, episode=episode)[:20],
                actor=request.user,
                what="earlier missing episodes",
            ),
            "conversation_form": conversation_form,
            "scrutiny_form": scrutiny_form,
            "form": conversation_form if conversation_form.errors else scrutiny_form,
        },
    )


@login_required
def missing_upload(request):
    require(request.user, "frontdoor.receive_missing", what="upload missing notifications")
    form = UploadForm(request.POST or None, request.FILES or None)
    problems = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            done = services.missing_import_accept(
                actor=request.user, file_name=upload.name, data=upload.read()
            )
        except services.FileRejected as rejected:
            problems = rejected.problems
            form.add_error(
                "file",
                f"The file has {len({p.line for p in problems})} rows with "
                "problems, listed below. Nothing has been imported: correct the file "
                "and upload it again.",
            )
        except services.AlreadyImported as already:
            messages.success(request, already.message)
            return redirect("frontdoor:missing-import", already.earlier.pk)
        else:
            messages.success(
                request,
                f"The file has been checked: {done.rows_total} notifications are being imported.",
            )
            return redirect("frontdoor:missing-import", done.pk)
    return render(
        request,
        "frontdoor/missing_upload.html",
        {
            "form": form,
            "problems": problems,
            "imports": selectors.missing_imports(actor=request.user)[:10],
        },
    )


@login_required
def missing_import(request, import_id):
    upload = selectors.missing_import_get(actor=request.user, import_id=import_id)
    return render(request, "frontdoor/missing_import.html", {"upload": upload})


@login_required
def scrutiny(request):
    return render(
        request,
        "frontdoor/scrutiny.html",
        {
            "episodes": audit_listed(
                selectors.scrutiny_list(actor=request.user)[:200],
                actor=request.user,
                what="missing episodes for scrutiny",
            ),
            "done": audit_listed(
                selectors.scrutiny_list(actor=request.user, done=True).order_by("-scrutinised_at")[
                    :20
                ],
                actor=request.user,
                what="missing episodes scrutinised",
            ),
        },
    )


@login_required
def return_conversations(request):
    return render(
        request,
        "frontdoor/return_conversations.html",
        {
            "conversations": audit_listed(
                selectors.return_conversations_due(actor=request.user)[:200],
                actor=request.user,
                what="return conversations due",
            ),
            "now": timezone.now(),
        },
    )
