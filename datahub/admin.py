"""Back office of the data hub: imports and their reports, source records and their history,
the review queue of possible duplicates, merges (and their undoing), synchronised feeds."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.html import format_html

from datahub import admin_views
from datahub.merging.actions import MergeError, confirm_candidate, refuse_candidate, undo_merge
from datahub.models import Feed, FieldChange, ImportRun, Merge, MergeCandidate, RowIssue, SourceRecord
from datahub.runs import close_interrupted_runs
from directory.admin import PlaceAdmin


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RowIssueInline(ReadOnlyMixin, admin.TabularInline):
    model = RowIssue
    fields = ["line", "record_id", "level", "reason"]
    readonly_fields = fields
    extra = 0
    max_num = 0


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = [
        "started_at", "source_format", "feed", "started_by", "status", "dry_run",
        "rows", "created", "updated", "unchanged", "merged", "rejected", "warnings", "absent",
    ]  # fmt: skip
    list_filter = ["status", "source_format", "dry_run", "feed"]
    search_fields = ["feed", "file_name"]
    readonly_fields = [
        "source_format", "feed", "file_name", "started_by", "started_at", "finished_at", "status", "dry_run",
        "rows", "created", "updated", "unchanged", "merged", "rejected", "warnings", "absent", "error",
        "issues_download",
    ]  # fmt: skip
    fields = readonly_fields
    inlines = [RowIssueInline]

    def changelist_view(self, request, extra_context=None):
        close_interrupted_runs()  # a run whose process was killed shows as failed, not « En cours » forever
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("tableur/<str:token>/", view(admin_views.mapping), name="datahub_importrun_mapping"),
            path("<int:pk>/problemes.csv", view(admin_views.issues_csv), name="datahub_importrun_issues"),
            *super().get_urls(),
        ]

    def add_view(self, request, form_url="", extra_context=None):
        """« Nouvel import »: choose a format, upload a file, then read the run's report."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        return admin_views.new_import(request)

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="lignes rejetées et avertissements")
    def issues_download(self, run):
        url = reverse("admin:datahub_importrun_issues", args=[run.pk])
        return format_html('<a href="{}">Télécharger en CSV ({} lignes)</a>', url, run.rejected + run.warnings)


class FieldChangeInline(ReadOnlyMixin, admin.TabularInline):
    model = FieldChange
    fields = ["changed_at", "run", "field", "old_value", "new_value"]
    readonly_fields = fields
    extra = 0


@admin.register(SourceRecord)
class SourceRecordAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["source", "kind", "source_id", "place", "service", "date_maj", "absent_since", "last_run"]
    list_filter = ["kind", "source", ("absent_since", admin.EmptyFieldListFilter)]
    search_fields = ["source_id", "place__nom"]
    list_select_related = ["place", "service", "last_run"]
    inlines = [FieldChangeInline]


@admin.register(FieldChange)
class FieldChangeAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["changed_at", "record", "field", "old_value", "new_value", "run"]
    list_filter = ["field"]
    search_fields = ["record__source_id", "record__place__nom"]
    list_select_related = ["record", "run"]


@admin.register(MergeCandidate)
class MergeCandidateAdmin(admin.ModelAdmin):
    list_display = ["place", "other_link", "score", "reasons", "status", "created_at", "decided_by"]
    list_filter = ["status"]
    search_fields = ["place__nom", "other_name"]
    readonly_fields = ["place", "other", "other_name", "score", "reasons", "run", "status", "decided_by", "decided_at"]
    actions = ["confirm", "refuse"]

    def has_add_permission(self, request):
        return False

    @admin.display(description="doublon possible")
    def other_link(self, candidate):
        return candidate.other or candidate.other_name

    def _decide(self, request, queryset, action, done: str):
        count = 0
        for candidate in queryset.select_related("place", "other"):
            try:
                action(candidate, request.user)
                count += 1
            except MergeError as exc:
                self.message_user(request, f"{candidate} : {exc}", messages.WARNING)
        self.message_user(request, f"{count} {done}.", messages.SUCCESS)

    @admin.action(description="Fusionner les lieux sélectionnés (confirmer le doublon)")
    def confirm(self, request, queryset):
        self._decide(request, queryset, confirm_candidate, "fusion(s) faite(s)")

    @admin.action(description="Ce ne sont pas les mêmes lieux (refuser)")
    def refuse(self, request, queryset):
        self._decide(request, queryset, refuse_candidate, "doublon(s) refusé(s)")


@admin.register(Merge)
class MergeAdmin(admin.ModelAdmin):
    list_display = ["created_at", "place", "absorbed_name", "automatic", "reasons", "by", "undone_at", "restored_place"]
    list_filter = ["automatic", ("undone_at", admin.EmptyFieldListFilter)]
    search_fields = ["place__nom", "absorbed_name"]
    readonly_fields = [f.name for f in Merge._meta.fields]
    actions = ["undo"]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Annuler la fusion (le lieu absorbé retrouve sa fiche)")
    def undo(self, request, queryset):
        count = 0
        for merge in queryset:
            try:
                undo_merge(merge, request.user)
                count += 1
            except MergeError as exc:
                self.message_user(request, f"{merge} : {exc}", messages.WARNING)
        self.message_user(request, f"{count} fusion(s) annulée(s).", messages.SUCCESS)


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["name", "source_format", "url", "active", "last_run"]
    list_filter = ["active", "source_format"]
    readonly_fields = ["last_run"]


class SourceRecordInline(ReadOnlyMixin, admin.TabularInline):
    """On a place's page: every source that describes it, with its id, date and absence."""

    model = SourceRecord
    fk_name = "place"
    fields = ["source", "kind", "source_id", "date_maj", "absent_since", "last_run"]
    readonly_fields = fields
    extra = 0
    max_num = 0
    verbose_name_plural = "sources de ce lieu"


# The data hub adds provenance to the directory's place page (directory must not import datahub).
PlaceAdmin.inlines = [*PlaceAdmin.inlines, SourceRecordInline]
