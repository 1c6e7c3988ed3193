"""Back-office pages of the data hub that are not plain model lists: a new import, its column
mapping, the CSV of a run's rejected rows, the comparison of two possible duplicates and its
decisions, a place's value history. Thin: the work is done by `datahub.runs`, `datahub.review` and
`datahub.merging.actions`."""

import csv
from pathlib import Path

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from core import jobfiles
from core.jobs import progress_of
from core.models import JobFile
from core.worker import worker_alive
from datahub import review
from datahub.forms import ImportForm, MappingForm
from datahub.importers import tableur
from datahub.importers.files import UnreadableFile, read_header
from datahub.merging.actions import MergeError, confirm_candidate, refuse_candidate
from datahub.models import ImportRun, MergeCandidate
from datahub.runs import FORMAT_LABELS
from datahub.tasks import queue_import
from directory.models import Place


def _context(request, **extra):
    return {**admin.site.each_context(request), "opts": ImportRun._meta, **extra}


def _report(run: ImportRun):
    return redirect(reverse("admin:datahub_importrun_change", args=[run.pk]))


def _queue(request, upload: JobFile, source_format: str, *, feed: str, dry_run: bool, options: dict) -> ImportRun:
    run = ImportRun.objects.create(
        source_format=source_format, feed=feed[:200], file_name=upload.name, started_by=request.user, dry_run=dry_run,
        status=ImportRun.Status.QUEUED, upload=upload, options=options,
    )  # fmt: skip
    return queue_import(run)


REFRESH_SECONDS = 3


def progress_context(run: ImportRun) -> dict:
    """What the page of a run still waiting or running shows: its job's progress, and whether a worker runs."""
    return {
        "run_waiting": True, "run_progress": progress_of(run.job_id), "worker_alive": worker_alive(),
        "refresh_seconds": REFRESH_SECONDS,
    }  # fmt: skip


def new_import(request):
    """The file is stored in the database and the run queued « En attente »: a worker imports it (the dry run too);
    a spreadsheet without a profile first goes through the column mapping."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload, source_format = form.cleaned_data["file"], form.cleaned_data["source_format"]
        feed = form.cleaned_data["feed"] or Path(upload.name).stem
        content = upload.read()
        stored = jobfiles.store(upload.name, content, request.user)
        profile = ""
        if source_format == tableur.FORMAT:
            profile = form.cleaned_data["profile"] or tableur.detect_profile(upload.name, content)
        if source_format == tableur.FORMAT and not profile:
            request.session[f"datahub-upload-{stored.pk}"] = {
                "name": upload.name, "feed": feed, "dry_run": form.cleaned_data["dry_run"],
            }  # fmt: skip
            return redirect(reverse("admin:datahub_importrun_mapping", args=[stored.pk]))
        dry_run = form.cleaned_data["dry_run"]
        return _report(_queue(request, stored, source_format, feed=feed, dry_run=dry_run, options={"profile": profile}))
    return render(
        request,
        "admin/datahub/import_form.html",
        _context(
            request, form=form, title=gettext("Nouvel import"), formats=FORMAT_LABELS, max_mb=jobfiles.max_bytes() >> 20
        ),
    )


def mapping(request, pk: int):
    upload = request.session.get(f"datahub-upload-{pk}")
    stored = jobfiles.read(pk) if upload else None
    if stored is None:
        raise Http404(gettext("Fichier envoyé introuvable : recommencez l’import."))
    try:
        columns = read_header(stored.name, bytes(stored.content))
    except UnreadableFile as exc:
        messages.error(request, str(exc))
        jobfiles.discard(pk)
        return redirect(reverse("admin:datahub_importrun_add"))
    form = MappingForm(request.POST or None, columns=columns)
    if request.method == "POST" and form.is_valid():
        run = _queue(
            request, stored, tableur.FORMAT, feed=upload["feed"], dry_run=upload["dry_run"],
            options={"mapping": form.mapping()},
        )  # fmt: skip
        del request.session[f"datahub-upload-{pk}"]
        return _report(run)
    return render(
        request,
        "admin/datahub/import_mapping.html",
        _context(
            request,
            form=form,
            title=gettext("Colonnes du tableur « %(name)s »") % {"name": upload["name"]},
            upload=upload,
        ),
    )


def issues_csv(request, pk: int):
    run = get_object_or_404(ImportRun, pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{run.pk}-problemes.csv"'
    response.write("\ufeff")  # Excel reads UTF-8 only with a BOM
    writer = csv.writer(response)
    writer.writerow(["ligne", "identifiant", "gravité", "raison"])
    for issue in run.issues.all():
        writer.writerow([issue.line, issue.record_id, issue.get_level_display(), issue.reason])
    return response


def compare(request, pk):
    candidate = get_object_or_404(MergeCandidate.objects.select_related("place", "other", "run", "decided_by"), pk=pk)
    context = _context(
        request, title=gettext("Doublon possible : %(candidate)s") % {"candidate": candidate}, candidate=candidate
    )
    context.update(opts=MergeCandidate._meta, comparison=review.compare(candidate))
    return render(request, "admin/datahub/compare.html", context)


def _decide(request, pk: int, action, done: str):
    candidate = get_object_or_404(MergeCandidate.objects.select_related("place", "other"), pk=pk)
    if not request.user.has_perm("datahub.change_mergecandidate"):
        raise PermissionDenied
    try:
        action(candidate, request.user)
    except MergeError as exc:
        messages.warning(request, str(exc))
    else:
        messages.success(request, done % {"place": candidate.place.nom, "other": candidate.other_name})
    return redirect(reverse("admin:datahub_mergecandidate_change", args=[candidate.pk]))


@require_POST
def merge(request, pk: int):
    return _decide(
        request, pk, confirm_candidate, gettext("« %(other)s » et « %(place)s » sont fusionnés en « %(place)s ».")
    )


@require_POST
def refuse(request, pk: int):
    return _decide(
        request, pk, refuse_candidate, gettext("Doublon refusé : « %(place)s » et « %(other)s » restent deux lieux.")
    )


def place_history(request, pk: int):
    """The back office's link to a place's history: the moderation's page, which can also restore a value."""
    return redirect(reverse("datahub:history", args=[get_object_or_404(Place, pk=pk).pk]))
