"""Back office of the data hub: imports and their reports, source records and their history,
the review queue of possible duplicates, merges (and their undoing), synchronised feeds."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy

from core.admin import AuditedAdmin
from datahub import admin_views, review
from datahub.merging.actions import MergeError, confirm_candidate, refuse_candidate, undo_merge
from datahub.models import Feed, FieldChange, ImportRun, Merge, MergeCandidate, RowIssue, SourceRecord
from directory.admin import PlaceAdmin
from directory.admin_support import CoordinatorAdmin, LabelledInline
from directory.models import Place


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RowIssueInline(ReadOnlyMixin, LabelledInline):
    model = RowIssue
    fields = ["line", "record_id", "level", "reason"]
    readonly_fields = fields
    extra = 0
    max_num = 0


@admin.register(ImportRun)
class ImportRunAdmin(CoordinatorAdmin):
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
    change_form_template = "admin/datahub/importrun/change_form.html"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The run's page: while it waits or runs, its state and progress (refreshed by `web/job-progress.js`, or the
        « Actualiser » link); then its report."""
        run = ImportRun.objects.filter(pk=object_id).first() if str(object_id).isdigit() else None
        if run is not None and not run.finished:
            extra_context = {**(extra_context or {}), **admin_views.progress_context(run)}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("tableur/<int:pk>/", view(admin_views.mapping), name="datahub_importrun_mapping"),
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

    @admin.display(description=gettext_lazy("lignes rejetées et avertissements"))
    def issues_download(self, run):
        url = reverse("admin:datahub_importrun_issues", args=[run.pk])
        text = gettext("Télécharger en CSV (%(n)s lignes)") % {"n": run.rejected + run.warnings}
        return format_html('<a href="{}">{}</a>', url, text)


class FieldChangeInline(ReadOnlyMixin, LabelledInline):
    model = FieldChange
    fields = ["changed_at", "run", "field", "old_value", "new_value"]
    readonly_fields = fields
    extra = 0


@admin.register(SourceRecord)
class SourceRecordAdmin(ReadOnlyMixin, CoordinatorAdmin):
    list_display = ["source", "kind", "source_id", "lieu", "service", "date_maj", "absent_since", "dernier_import"]
    list_filter = ["kind", "source", ("absent_since", admin.EmptyFieldListFilter)]
    search_fields = ["source_id", "place__nom"]
    list_select_related = ["place", "service", "last_run"]
    fields = [
        "source", "kind", "source_id", "feed", "lieu", "service", "parent", "date_maj", "absent_since",
        "premier_import", "dernier_import", "fingerprint", "data",
    ]  # fmt: skip
    inlines = [FieldChangeInline]

    @admin.display(description=gettext_lazy("lieu"), ordering="place__nom")
    def lieu(self, record):
        return record.place

    @admin.display(description=gettext_lazy("premier import"))
    def premier_import(self, record):
        return record.first_run

    @admin.display(description=gettext_lazy("dernier import"), ordering="last_run__started_at")
    def dernier_import(self, record):
        return record.last_run


@admin.register(FieldChange)
class FieldChangeAdmin(ReadOnlyMixin, CoordinatorAdmin):
    list_display = ["changed_at", "lieu", "record", "field", "old_value", "new_value", "run"]
    list_filter = ["field"]
    search_fields = ["record__source_id", "record__place__nom"]
    list_select_related = ["record", "record__place", "run"]

    @admin.display(description=gettext_lazy("lieu"), ordering="record__place__nom")
    def lieu(self, change):
        place = change.record.place
        if place is None:
            return "—"
        url = reverse("datahub:history", args=[place.pk])
        return format_html('<a href="{}" title="{}">{}</a>', url, gettext("Historique des valeurs de ce lieu"), place)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("lieu/<int:pk>/", view(admin_views.place_history), name="datahub_fieldchange_place"),
            *super().get_urls(),
        ]


@admin.register(MergeCandidate)
class MergeCandidateAdmin(AuditedAdmin, CoordinatorAdmin):
    list_display = ["place", "other_link", "score", "reasons", "status", "created_at", "decided_by", "compare_link"]
    list_filter = ["status"]
    search_fields = ["place__nom", "other_name"]
    readonly_fields = ["place", "other", "other_name", "score", "reasons", "run", "status", "decided_by", "decided_at"]
    actions = ["confirm", "refuse"]

    def has_add_permission(self, request):
        return False

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/fusionner/", view(admin_views.merge), name="datahub_mergecandidate_merge"),
            path("<int:pk>/refuser/", view(admin_views.refuse), name="datahub_mergecandidate_refuse"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The two places side by side, with « Fusionner » and « Refuser »."""
        return admin_views.compare(request, object_id)

    @admin.display(description=gettext_lazy("doublon possible"))
    def other_link(self, candidate):
        return candidate.other or candidate.other_name

    @admin.display(description=gettext_lazy("comparaison"))
    def compare_link(self, candidate):
        url = reverse("admin:datahub_mergecandidate_change", args=[candidate.pk])
        pending = candidate.status == MergeCandidate.Status.PENDING
        label = gettext("Comparer et décider") if pending else gettext("Voir la comparaison")
        return format_html('<a href="{}">{}</a>', url, label)

    def _decide(self, request, queryset, action, done):
        count = 0
        for candidate in queryset.select_related("place", "other"):
            try:
                action(candidate, request.user)
                count += 1
            except MergeError as exc:
                self.message_user(request, f"{candidate} : {exc}", messages.WARNING)
        self.message_user(request, done(count) % {"n": count}, messages.SUCCESS)

    @admin.action(description=gettext_lazy("Fusionner les lieux sélectionnés (confirmer le doublon)"))
    def confirm(self, request, queryset):
        self._decide(request, queryset, confirm_candidate, lambda n: gettext("%(n)s fusion(s) faite(s)."))

    @admin.action(description=gettext_lazy("Ce ne sont pas les mêmes lieux (refuser)"))
    def refuse(self, request, queryset):
        self._decide(request, queryset, refuse_candidate, lambda n: gettext("%(n)s doublon(s) refusé(s)."))


@admin.register(Merge)
class MergeAdmin(CoordinatorAdmin):
    list_display = ["created_at", "place", "absorbed_name", "automatic", "reasons", "by", "undone_at", "restored_place"]
    list_filter = ["automatic", ("undone_at", admin.EmptyFieldListFilter)]
    search_fields = ["place__nom", "absorbed_name"]
    readonly_fields = [f.name for f in Merge._meta.fields]
    actions = ["undo"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=gettext_lazy("Annuler la fusion (le lieu absorbé retrouve sa fiche)"))
    def undo(self, request, queryset):
        count = 0
        for merge in queryset:
            try:
                undo_merge(merge, request.user)
                count += 1
            except MergeError as exc:
                self.message_user(request, f"{merge} : {exc}", messages.WARNING)
        self.message_user(request, gettext("%(n)s fusion(s) annulée(s).") % {"n": count}, messages.SUCCESS)


@admin.register(Feed)
class FeedAdmin(CoordinatorAdmin):
    list_display = ["name", "source_format", "url", "active", "last_run"]
    list_filter = ["active", "source_format"]
    readonly_fields = ["last_run"]


class SourceRecordInline(ReadOnlyMixin, LabelledInline):
    """On a place's page: every source that describes it, with its id, date and absence."""

    model = SourceRecord
    fk_name = "place"
    fields = ["source", "kind", "source_id", "date_maj", "absent_since", "dernier_import"]
    readonly_fields = fields
    extra = 0
    max_num = 0
    verbose_name_plural = gettext_lazy("sources de ce lieu")

    @admin.display(description=gettext_lazy("dernier import"))
    def dernier_import(self, record):
        return record.last_run


class AbsentFromSourceFilter(admin.SimpleListFilter):
    """Places that every source stopped sending (closed? moved?), to check before unpublishing them."""

    title = gettext_lazy("absent de la source")
    parameter_name = "absent"

    def lookups(self, request, model_admin):
        return [
            ("oui", gettext_lazy("Absent de toutes ses sources")),
            ("non", gettext_lazy("Présent dans au moins une source")),
            ("sans", gettext_lazy("Sans source (saisi à la main)")),
        ]

    def queryset(self, request, queryset):
        records = SourceRecord.objects.filter(place=OuterRef("pk"))
        has_source, present = Exists(records), Exists(records.filter(absent_since__isnull=True))
        return {
            "oui": lambda: queryset.filter(has_source, ~present),
            "non": lambda: queryset.filter(present),
            "sans": lambda: queryset.filter(~has_source),
        }.get(self.value(), lambda: queryset)()


class ProvenancePlaceAdmin(PlaceAdmin):
    """The directory's place admin, with what the data hub knows: sources, absence, value history.

    Registered here because `directory` must not import `datahub`.
    """

    inlines = [*PlaceAdmin.inlines, SourceRecordInline]
    list_filter = [*PlaceAdmin.list_filter, AbsentFromSourceFilter]
    change_form_template = "admin/datahub/place_change_form.html"
    history_shown = 20

    def change_view(self, request, object_id, form_url="", extra_context=None):
        place = Place.objects.filter(pk=object_id).first() if str(object_id).isdigit() else None
        if place is not None:
            history = review.place_history(place)
            count = history.count()
            extra_context = {
                **(extra_context or {}),
                "history": review.labelled(history[: self.history_shown]), "history_count": count,
                "history_shown": min(count, self.history_shown), "history_more": count > self.history_shown,
            }  # fmt: skip
        return super().change_view(request, object_id, form_url, extra_context)


admin.site.unregister(Place)
admin.site.register(Place, ProvenancePlaceAdmin)
