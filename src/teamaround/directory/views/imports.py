"""An administrator uploads an Open Referral UK feed from another publisher."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from teamaround.core.access import require
from teamaround.directory.forms import ImportForm
from teamaround.directory.oruk.feed import FeedRejected, oruk_feed_import, read_document

MAX_BYTES = 50 * 1024 * 1024


@login_required
def import_feed(request):
    require(request.user, "directory.manage_directory", what="import a directory feed")
    form = ImportForm(request.POST or None, request.FILES or None)
    report, problems = None, []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["feed"]
        if upload.size > MAX_BYTES:
            form.add_error("feed", "The file must be smaller than 50 MB.")
        else:
            try:
                text = upload.read().decode("utf-8")
            except UnicodeDecodeError:
                form.add_error("feed", "The file must be JSON in the Open Referral UK format.")
            else:
                try:
                    report = oruk_feed_import(
                        actor=request.user,
                        feed=read_document(text),
                        source=form.cleaned_data["source"],
                    )
                except FeedRejected as rejected:
                    problems = rejected.problems
                    form.add_error(
                        "feed",
                        f"The feed has {len(problems)} problem"
                        f"{'s' if len(problems) != 1 else ''}. Nothing was imported.",
                    )
    return render(
        request,
        "directory/import.html",
        {
            "form": form,
            "report": report,
            "problems": problems[:500],
            "more_problems": max(0, len(problems) - 500),
        },
    )
