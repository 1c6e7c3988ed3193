import csv
import json
from importlib import import_module

from django.contrib import admin
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from core import jobs
from core.audit import entries_for
from core.models import AuditEntry, PeriodicJob, WorkerHeartbeat


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "verb", "object_repr", "content_type"]
    list_filter = ["verb", "content_type"]
    search_fields = ["actor", "object_repr", "verb"]
    date_hierarchy = "at"
    actions = ["export_csv"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Exporter en CSV")
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="journal.csv"'
        writer = csv.writer(response)
        writer.writerow(["le", "auteur", "action", "type", "identifiant", "objet", "changements", "note"])
        for e in queryset.select_related("content_type"):
            writer.writerow(
                [e.at.isoformat(), e.actor, e.verb, e.content_type.model, e.object_id, e.object_repr, e.changes, e.note]
            )
        return response


@admin.register(PeriodicJob)
class PeriodicJobAdmin(admin.ModelAdmin):
    list_display = ["name", "next_run_at", "last_enqueued_at"]


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(admin.ModelAdmin):
    list_display = ["worker_id", "seen_at"]


class AuditedAdmin(admin.ModelAdmin):
    """The object's « Historique » page shows its audit-log entries."""

    object_history_template = "core/audit_history.html"

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, object_id)
        entries = entries_for(obj) if obj is not None else AuditEntry.objects.none()
        response = super().history_view(request, object_id, {"audit_entries": entries, **(extra_context or {})})
        if isinstance(response, TemplateResponse):
            response.template_name = self.object_history_template
        return response


STATUS_LABELS = {
    TaskResultStatus.READY: "En attente",
    TaskResultStatus.RUNNING: "En cours",
    TaskResultStatus.SUCCESSFUL: "Réussie",
    TaskResultStatus.FAILED: "Échec",
}


class JobStatusFilter(admin.SimpleListFilter):
    title = "état"
    parameter_name = "etat"

    def lookups(self, request, model_admin):
        return list(STATUS_LABELS.items())

    def queryset(self, request, queryset):
        return queryset.filter(status=self.value()) if self.value() else queryset


import_module("django_tasks_db.admin")  # registers its own list first (that app comes after core), replaced here
admin.site.unregister(DBTaskResult)


def _when(moment) -> str:
    return date_format(timezone.localtime(moment), "j F Y à H:i:s") if moment else "—"


@admin.register(DBTaskResult)
class JobAdmin(admin.ModelAdmin):
    """Administration › Tâches de fond: recent jobs, their state, attempt, progress and error. Read-only."""

    list_display = ["job_label", "state", "attempt", "progress", "queued", "started", "finished", "error"]
    list_filter = [JobStatusFilter]
    search_fields = ["task_path"]
    ordering = ["-enqueued_at"]
    date_hierarchy = "enqueued_at"
    fields = [
        "job_label", "function", "state", "attempt", "progress", "queued", "planned", "started", "finished",
        "workers", "arguments", "result", "error_details",
    ]  # fmt: skip
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:  # one query for the progress of the whole page
            results = list(changelist.result_list)  # evaluated once: the template shows these same objects
            found = jobs.progress_by_job(result.pk for result in results)
            for result in results:
                result.job_progress = found.get(str(result.pk))
        return response

    def _progress_of(self, result):
        return result.job_progress if hasattr(result, "job_progress") else jobs.progress_of(str(result.pk))

    @admin.display(description="tâche", ordering="task_path")
    def job_label(self, result):
        info = jobs.JOBS.get(result.task_path)
        return info.label if info else result.task_path

    @admin.display(description="état", ordering="status")
    def state(self, result):
        if result.status == TaskResultStatus.READY and result.run_after != get_date_max():
            return f"En attente (pas avant le {timezone.localtime(result.run_after):%d/%m/%Y à %H:%M})"
        return STATUS_LABELS.get(result.status, result.status)

    @admin.display(description="essai")
    def attempt(self, result):
        number = (result.args_kwargs or {}).get("kwargs", {}).get(jobs.ATTEMPT, 1)
        info = jobs.JOBS.get(result.task_path)
        return f"{number} sur {info.retries + 1}" if info else str(number)

    @admin.display(description="avancement")
    def progress(self, result):
        progress = self._progress_of(result)
        return progress.text if progress else "—"

    @admin.display(description="erreur")
    def error(self, result):
        lines = (result.traceback or "").strip().splitlines()
        return lines[-1][:300] if lines else "—"

    @admin.display(description="fonction")
    def function(self, result):
        return result.task_path

    @admin.display(description="mise en file le", ordering="enqueued_at")
    def queued(self, result):
        return _when(result.enqueued_at)

    @admin.display(description="commencée le", ordering="started_at")
    def started(self, result):
        return _when(result.started_at)

    @admin.display(description="finie le", ordering="finished_at")
    def finished(self, result):
        return _when(result.finished_at)

    @admin.display(description="résultat")
    def result(self, result):
        return "—" if result.return_value is None else json.dumps(result.return_value, ensure_ascii=False)

    @admin.display(description="prévue pour")
    def planned(self, result):
        return "dès que possible" if result.run_after == get_date_max() else _when(result.run_after)

    @admin.display(description="processus")
    def workers(self, result):
        return ", ".join(result.worker_ids) or "—"

    @admin.display(description="arguments")
    def arguments(self, result):
        return format_html(
            '<pre tabindex="0" aria-label="Arguments">{}</pre>',
            json.dumps(result.args_kwargs, ensure_ascii=False, indent=1),
        )

    @admin.display(description="détail de l’erreur")
    def error_details(self, result):
        # A focusable region: a long traceback scrolls sideways, also with the keyboard (small screens).
        return (
            format_html('<pre tabindex="0" aria-label="Détail de l’erreur">{}</pre>', result.traceback)
            if result.traceback
            else "—"
        )
