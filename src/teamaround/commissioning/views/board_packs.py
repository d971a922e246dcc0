"""Board packs: the list and the form to build one, a pack's progress, and the built pack as
HTML or a tagged PDF (thin: services, selectors and the background task do the work)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from teamaround.commissioning import selectors, services
from teamaround.commissioning.board_packs import NONCE
from teamaround.commissioning.forms import BoardPackForm
from teamaround.core.views.forms import submit


@login_required
def board_packs(request):
    packs = selectors.board_packs(actor=request.user)
    can_build = request.user.has_perm("commissioning.build_board_pack")
    form = BoardPackForm(request.POST or None, today=timezone.localdate())
    done = submit(
        request,
        form,
        lambda data: services.board_pack_request(actor=request.user, **data),
        redirect_to=lambda pack: reverse("commissioning:board-pack", args=[pack.pk]),
        success="The board pack is being built.",
    )
    if done:
        return done
    return render(
        request,
        "commissioning/board_packs.html",
        {"packs": packs[:50], "form": form, "can_build": can_build},
    )


@login_required
def board_pack(request, pk):
    pack = selectors.board_pack_get(actor=request.user, pk=pk)
    return render(request, "commissioning/board_pack.html", {"pack": pack})


@login_required
def board_pack_html(request, pk):
    pack = selectors.board_pack_get(actor=request.user, pk=pk)
    html = selectors.board_pack_export(actor=request.user, pack=pack, kind="html")
    if html is None:
        raise Http404
    return HttpResponse(html.replace(NONCE, str(getattr(request, "csp_nonce", ""))))


@login_required
def board_pack_pdf(request, pk):
    pack = selectors.board_pack_get(actor=request.user, pk=pk)
    pdf = selectors.board_pack_export(actor=request.user, pack=pack, kind="pdf")
    if pdf is None:
        raise Http404
    response = HttpResponse(pdf, content_type="application/pdf")
    name = (
        f"board-pack-{pack.quarter_start:%Y-%m}-{pack.quadrant.code if pack.quadrant else 'county'}"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
