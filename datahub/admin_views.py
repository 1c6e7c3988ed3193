"""Back-office pages of the data hub that are not plain model lists: a new import, its column
mapping, the CSV of a run's rejected rows, the comparison of two possible duplicates and its
decisions, a place's value history. Thin: the work is done by `datahub.runs`, `datahub.review` and
`datahub.merging.actions`."""

import csv
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from datahub import review
from datahub.forms import ImportForm, MappingForm
from datahub.importers import tableur
from datahub.importers.files import UnreadableFile, read_header
from datahub.merging.actions import MergeError, confirm_candidate, refuse_candidate
from datahub.models import ImportRun, MergeCandidate
from datahub.runs import FORMAT_LABELS, run_import
from directory.models import Place

UPLOAD_DIR = Path(settings.VAR_DIR) / "imports"


def _context(request, **extra):
    return {**admin.site.each_context(request), "opts": ImportRun._meta, **extra}


def _report(run: ImportRun):
    return redirect(reverse("admin:datahub_importrun_change", args=[run.pk]))


def new_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload, source_format = form.cleaned_data["file"], form.cleaned_data["source_format"]
        feed = form.cleaned_data["feed"] or Path(upload.name).stem
        content = upload.read()
        profile = ""
        if source_format == tableur.FORMAT:
            profile = form.cleaned_data["profile"] or tableur.detect_profile(upload.name, content)
        if source_format == tableur.FORMAT and not profile:
            UPLOAD_DIR.mkdir(parents=True, exist_ok=True)
            token = secrets.token_hex(8)
            path = UPLOAD_DIR / f"{token}{Path(upload.name).suffix.lower()}"
            path.write_bytes(content)
            request.session[f"datahub-upload-{token}"] = {
                "path": str(path), "name": upload.name, "feed": feed, "dry_run": form.cleaned_data["dry_run"],
            }  # fmt: skip
            return redirect(reverse("admin:datahub_importrun_mapping", args=[token]))
        run = run_import(
            upload.name, source_format, feed=feed, user=request.user, dry_run=form.cleaned_data["dry_run"],
            content=content, profile=profile,
        )  # fmt: skip
        return _report(run)
    return render(
        request,
        "admin/datahub/import_form.html",
        _context(request, form=form, title="Nouvel import", formats=FORMAT_LABELS),
    )


def mapping(request, token: str):
    upload = request.session.get(f"datahub-upload-{token}")
    if not upload or not Path(upload["path"]).exists():
        raise Http404("Fichier envoyé introuvable : recommencez l’import.")
    path = Path(upload["path"])
    try:
        columns = read_header(path)
    except UnreadableFile as exc:
        messages.error(request, str(exc))
        return redirect(reverse("admin:datahub_importrun_add"))
    form = MappingForm(request.POST or None, columns=columns)
    if request.method == "POST" and form.is_valid():
        run = run_import(
            path, tableur.FORMAT, feed=upload["feed"], user=request.user, dry_run=upload["dry_run"],
            mapping=form.mapping(), file_name=upload["name"],
        )  # fmt: skip
        path.unlink(missing_ok=True)
        del request.session[f"datahub-upload-{token}"]
        return _report(run)
    return render(
        request,
        "admin/datahub/import_mapping.html",
        _context(request, form=form, title=f"Colonnes du tableur « {upload['name']} »", upload=upload),
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
    context = _context(request, title=f"Doublon possible : {candidate}", candidate=candidate)
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
        messages.success(request, done.format(place=candidate.place.nom, other=candidate.other_name))
    return redirect(reverse("admin:datahub_mergecandidate_change", args=[candidate.pk]))


@require_POST
def merge(request, pk: int):
    return _decide(request, pk, confirm_candidate, "« {other} » et « {place} » sont fusionnés en « {place} ».")


@require_POST
def refuse(request, pk: int):
    return _decide(request, pk, refuse_candidate, "Doublon refusé : « {place} » et « {other} » restent deux lieux.")


def place_history(request, pk: int):
    """The back office's link to a place's history: the moderation's page, which can also restore a value."""
    return redirect(reverse("datahub:history", args=[get_object_or_404(Place, pk=pk).pk]))
