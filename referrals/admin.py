"""The coordination's view of referrals: statuses, copied details and the timeline, read-only. The person's data
are shown only masked (initials, hidden contact): a person's access or erasure goes through the command
`referrals_person`, which logs it."""

from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.permissions import CanAdminMixin
from core.admin import AuditedAdmin
from directory.admin_support import LabelledInline
from referrals.models import Referral, ReferralEvent, ReferralOptIn


def mask(value: str) -> str:
    """« Josiane » → « J•••• »; empty stays empty."""
    value = (value or "").strip()
    return f"{value[0]}••••" if value else ""


class EventInline(LabelledInline):
    model = ReferralEvent
    fields = ("at", "kind", "by", "detail")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Referral)
class ReferralAdmin(CanAdminMixin, AuditedAdmin):
    list_display = ("__str__", "status", "place_name", "sent_at")
    list_filter = ("status", "refusal_reason")
    date_hierarchy = "sent_at"
    search_fields = ("service_name", "place_name")
    inlines = [EventInline]
    fields = (
        "status", "sender", "person", "consent_version", "consent_at", "service_name", "place_name",
        "place_address", "phone", "destination", "refusal_reason", "sent_at", "seen_at", "reminded_at",
        "decided_at", "attendance_at", "last_event_at",
    )  # fmt: skip
    readonly_fields = fields

    @admin.display(description=gettext_lazy("personne (masquée)"))
    def person(self, obj):
        if obj.anonymised:
            return _("données effacées")
        held = [_("téléphone") if obj.person_phone else "", _("courriel") if obj.person_email else ""]
        contact = " · ".join(filter(None, held))
        return f"{mask(obj.person_first_name)} {mask(obj.person_last_name)} ({contact or _('aucun contact')})"

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # statuses change through the workflow only


@admin.register(ReferralOptIn)
class ReferralOptInAdmin(CanAdminMixin, admin.ModelAdmin):
    list_display = ("structure", "created_at")
