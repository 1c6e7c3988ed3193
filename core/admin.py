import csv

from django.contrib import admin
from django.http import HttpResponse
from django.template.response import TemplateResponse

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
