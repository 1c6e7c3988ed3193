"""The coordination's view of the orientation: the uncovered needs (counters, no person). The situation sheets
are not in the back office: only their author reads them (`accounts.permissions`)."""

from django.contrib import admin

from accounts.permissions import CanAdminMixin
from orientation.models import UncoveredNeed


@admin.register(UncoveredNeed)
class UncoveredNeedAdmin(CanAdminMixin, admin.ModelAdmin):
    list_display = ["month", "code_insee", "need", "reason", "count"]
    list_filter = ["month", "reason", "need"]
    search_fields = ["code_insee", "need", "reason"]
    readonly_fields = ["need", "code_insee", "reason", "month", "count"]

    def has_add_permission(self, request, *args):
        return False
