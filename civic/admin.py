"""The coordination's back office for civic: debates, commitments, councils and juries are set up here; states
change only through the domain functions (public pages: update form, clerk form, draw page)."""

from django.contrib import admin

from accounts.permissions import CanAdminMixin
from civic import models
from core.admin import AuditedAdmin
from directory.admin_support import CoordinatorAdmin, LabelledInline


class Base(CanAdminMixin, AuditedAdmin, CoordinatorAdmin):
    pass


@admin.register(models.Debate)
class DebateAdmin(Base):
    list_display = ["title", "status", "threshold", "created"]
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["officials"]
    search_fields = ["title"]


class MilestoneInline(LabelledInline):
    model = models.Milestone
    extra = 1


@admin.register(models.Proposal)
class ProposalAdmin(Base):
    """Read here to link proposals to commitments; moderated and answered on the public pages."""

    list_display = ["title", "debate", "supports_count", "answer_status"]
    search_fields = ["title"]
    readonly_fields = [f.name for f in models.Proposal._meta.fields if f.name != "id"]


@admin.register(models.Commitment)
class CommitmentAdmin(Base):
    list_display = ["title", "kind", "status", "progress", "parent"]
    list_filter = ["kind", "status"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["parent", "proposals"]
    inlines = [MilestoneInline]

    def get_readonly_fields(self, request, obj=None):
        # State and progress change through public updates (civic.domain.commitments.update), never here.
        return ["status", "progress", "abandon_reason", "updated"] if obj else ["updated"]


class CouncillorInline(LabelledInline):
    model = models.Councillor
    extra = 1
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Council)
class CouncilAdmin(Base):
    list_display = ["name", "body_name", "seats"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CouncillorInline]


class VolunteerInline(LabelledInline):
    """Paper applications typed by the coordination (confirmed at once); frozen once applications close, since
    the published list's digest must not change."""

    model = models.Volunteer
    extra = 1
    fields = ["number", "first_name", "last_name", "email", "phone", "area", "age_band", "sex", "confirmed_at"]

    def _open(self, obj):
        return obj is None or obj.status == models.Jury.Status.OPEN

    def has_add_permission(self, request, obj=None):
        return self._open(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._open(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._open(obj) and super().has_delete_permission(request, obj)


@admin.register(models.Jury)
class JuryAdmin(Base):
    inlines = [VolunteerInline]
    list_display = ["title", "status", "seats", "drawn_at"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["status", "seed", "volunteers_digest", "drawn_at", "ended_at"]
