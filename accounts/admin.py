"""Back office for people, structures and who works where (French labels; permissions from `can()`)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from accounts.domain.membership import structures_without_admin
from accounts.domain.roles import set_role
from accounts.models import JoinRequest, Membership, Structure, User
from accounts.permissions import COORDINATE, CanAdminMixin, can
from core.admin import AuditedAdmin


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "full_name")


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class MembershipInline(admin.StackedInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user", "structure"]
    verbose_name = "appartenance"
    verbose_name_plural = _("structures où la personne travaille")


class StructureMembershipInline(MembershipInline):
    fields = ["user", "role"]
    verbose_name_plural = _("membres de la structure")


@admin.register(User)
class UserAdmin(CanAdminMixin, AuditedAdmin, DjangoUserAdmin):
    form = UserEditForm
    add_form = UserCreationForm
    list_display = ["email", "full_name", "role", "profession", "is_active", "last_login"]
    list_filter = ["role", "profession", "is_active", "is_staff"]
    search_fields = ["email", "full_name"]
    ordering = ["email"]
    readonly_fields = ["last_login", "date_joined", "inactivity_warned_at"]
    filter_horizontal = []
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Identité"), {"fields": ["full_name", "profession"]}),
        (_("Rôle"), {"fields": ["role", "is_active", "is_staff", "is_superuser"]}),
        ("Dates", {"fields": ["last_login", "date_joined", "inactivity_warned_at"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "usable_password", "password1", "password2"]}),
    ]

    def get_inlines(self, request, obj):
        return self.inlines if obj else []  # the person first, then their structures

    def has_view_permission(self, request, obj=None):
        """The list of people is the coordination's (moderators see the places, not who works where)."""
        return can(request.user, COORDINATE) if obj is None else super().has_view_permission(request, obj)

    def save_model(self, request, obj, form, change):
        # The role goes through set_role (which also gives or takes the back office), audited.
        role = obj.role
        obj.role = form.initial.get("role", "") if change else ""
        super().save_model(request, obj, form, change)
        set_role(obj, role, by=request.user)


class WithoutAdminFilter(admin.SimpleListFilter):
    title = _("administration de la structure")
    parameter_name = "admin"

    def lookups(self, request, model_admin):
        lonely = structures_without_admin().count()
        return [("sans", _("sans administrateur (%(n)s)") % {"n": lonely}), ("avec", _("avec administrateur"))]

    def queryset(self, request, queryset):
        if self.value() == "sans":
            return queryset.filter(pk__in=structures_without_admin().values("pk"))
        if self.value() == "avec":
            return queryset.exclude(pk__in=structures_without_admin().values("pk"))
        return queryset


def with_admin_count(queryset):
    return queryset.annotate(nb_admins=Count("memberships", filter=Q(memberships__role=Membership.Role.ADMIN)))


@admin.register(Structure)
class StructureAdmin(CanAdminMixin, AuditedAdmin):
    list_display = ["name", "kind", "siret", "rna", "validated", "admins_count"]
    list_filter = [WithoutAdminFilter, "validated", "kind"]
    search_fields = ["name", "siret", "rna", "email"]
    readonly_fields = ["created_at"]
    fields = ["name", "kind", "siret", "rna", "email", "validated", "created_at"]
    inlines = [StructureMembershipInline]

    def get_queryset(self, request):
        return with_admin_count(super().get_queryset(request))

    @admin.display(description="administrateurs", ordering="nb_admins")
    def admins_count(self, obj):
        return obj.nb_admins


@admin.register(Membership)
class MembershipAdmin(CanAdminMixin, AuditedAdmin):
    list_display = ["user", "structure", "role", "since"]
    list_filter = ["role"]
    search_fields = ["user__email", "user__full_name", "structure__name"]
    autocomplete_fields = ["user", "structure"]

    def has_view_permission(self, request, obj=None):
        return can(request.user, COORDINATE) if obj is None else super().has_view_permission(request, obj)


@admin.register(JoinRequest)
class JoinRequestAdmin(CanAdminMixin, admin.ModelAdmin):
    """Read here; decided on the structure's page (/compte/structures/…), through the domain function."""

    list_display = ["created_at", "user", "structure", "status", "decided_by"]
    list_filter = ["status"]
    search_fields = ["user__email", "structure__name"]
    readonly_fields = ["user", "structure", "message", "status", "created_at", "decided_by", "decided_at", "reason"]

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False
