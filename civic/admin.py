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


@admin.register(models.Jury)
class JuryAdmin(Base):
    list_display = ["title", "status", "seats", "drawn_at"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["status", "seed", "volunteers_digest", "drawn_at", "ended_at"]
