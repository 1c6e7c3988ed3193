"""The coordination configures requests: categories and their services, response templates, commissions, Open311
keys. Requests themselves are handled on the services' pages (/demandes/traitement/), where every change goes
through the domain; the admin shows them read-only, without the author's e-mail."""

from django.contrib import admin, messages
from django.utils.translation import gettext as _

from core.admin import AuditedAdmin
from participation.models import APIKey, Category, Commission, Request, ResponseTemplate, ResponsibleService
from participation.open311 import keys


@admin.register(ResponsibleService)
class ResponsibleServiceAdmin(AuditedAdmin):
    list_display = ["name"]
    filter_horizontal = ["members"]
    search_fields = ["name"]


@admin.register(Category)
class CategoryAdmin(AuditedAdmin):
    list_display = ["name", "code", "service", "active", "order"]
    list_filter = ["active", "service"]
    search_fields = ["name", "code"]


@admin.register(ResponseTemplate)
class ResponseTemplateAdmin(AuditedAdmin):
    list_display = ["title", "service"]


@admin.register(Commission)
class CommissionAdmin(AuditedAdmin):
    list_display = ["name", "slug"]
    filter_horizontal = ["members"]
    raw_id_fields = ["communes"]  # INSEE codes, comma-separated (the referential holds ~35,000 communes)
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Request)
class RequestAdmin(AuditedAdmin):
    list_display = ["pk", "category", "commune", "status", "priority", "received_at"]
    list_filter = ["status", "category", "priority"]
    fields = [
        "category",
        "status",
        "close_reason",
        "priority",
        "planned_for",
        "commune",
        "neighbourhood",
        "address",
        "description",
        "anonymous",
        "source",
        "merged_into",
        "received_at",
        "planned_at",
        "closed_at",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(APIKey)
class APIKeyAdmin(AuditedAdmin):
    list_display = ["name", "prefix", "active", "created", "last_used"]
    readonly_fields = ["prefix", "created", "last_used"]
    fields = ["name", "active", "prefix", "created", "last_used"]

    def save_model(self, request, obj, form, change):
        raw = keys.issue(obj) if not change else None
        super().save_model(request, obj, form, change)
        if raw:
            messages.warning(
                request,
                _("Clé à transmettre à « %(name)s » (elle ne sera plus affichée) : %(key)s")
                % {"name": obj.name, "key": raw},
            )
