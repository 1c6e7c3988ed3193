"""Back-office of freshness: on a place's page, its cadence and its checks (a call or a visit is recorded
there); the update requests with the « Relance sans réponse » filter; the campaigns (launch, progress).

The place admin is extended here (as the data hub does) because `directory` must not import this app:
the registered place admin is subclassed and registered again.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.forms.models import BaseInlineFormSet
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.admin import AuditedAdmin
from directory.admin_support import CoordinatorAdmin, LabelledInline, LabelledInlineFormSet
from directory.models import Place
from freshness.domain import campaigns, due
from freshness.domain.confirm import confirm, set_cadence
from freshness.forms import CampaignForm, ConfirmationForm
from freshness.models import Campaign, Confirmation, PlaceFreshness, UpdateRequest


class _UserFormSet:
    user = None


class CadenceFormSet(_UserFormSet, BaseInlineFormSet):
    def save_new(self, form, commit=True):
        return set_cadence(self.instance, form.cleaned_data.get("cadence_months"), user=self.user)

    def save_existing(self, form, obj, commit=True):
        return set_cadence(self.instance, form.cleaned_data.get("cadence_months"), user=self.user)


class ConfirmationFormSet(_UserFormSet, LabelledInlineFormSet):
    def save_new(self, form, commit=True):
        data = form.cleaned_data
        return confirm(self.instance, channel=data["channel"], user=self.user, at=data["at"], note=data["note"])


class _WithUser:
    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (formset,), {"user": request.user})


class PlaceFreshnessInline(_WithUser, admin.StackedInline):
    model = PlaceFreshness
    formset = CadenceFormSet
    can_delete = False
    max_num = 1
    fields = ["cadence_months", "last_confirmed_at", "due_on", "state"]
    readonly_fields = ["last_confirmed_at", "due_on", "state"]

    @admin.display(description=gettext_lazy("prochaine vérification"))
    def due_on(self, obj):
        return date_format(due.due_date_of(obj.place), "j F Y") if obj and obj.place_id else "—"

    @admin.display(description=gettext_lazy("état"))
    def state(self, obj):
        return due.STATUS_LABELS[due.status_of(obj.place)] if obj and obj.place_id else "—"


class ConfirmationInline(_WithUser, LabelledInline):
    """The place's checks, newest first; a coordinator adds a call or a visit (existing ones are read only)."""

    model = Confirmation
    form = ConfirmationForm
    formset = ConfirmationFormSet
    extra = 1  # a blank row without JavaScript; left blank, it records nothing
    fields = ["at", "channel", "by", "note"]
    readonly_fields = ["by"]
    verbose_name = gettext_lazy("vérification (appel, visite…)")
    verbose_name_plural = gettext_lazy("vérifications des informations")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        return obj is not None and request.user.has_perm("freshness.add_confirmation")


class FreshnessStatusFilter(admin.SimpleListFilter):
    title = gettext_lazy("vérification périodique")
    parameter_name = "verification"

    def lookups(self, request, model_admin):
        return [(state, label) for state, label in due.STATUS_LABELS.items()]

    def queryset(self, request, queryset):
        if self.value() in due.STATUS_LABELS:
            return queryset.filter(due.status_condition(self.value()))
        return queryset


_PlaceAdmin = type(admin.site.get_model_admin(Place))


class FreshnessPlaceAdmin(_PlaceAdmin):
    inlines = [*_PlaceAdmin.inlines, PlaceFreshnessInline, ConfirmationInline]
    list_filter = [*_PlaceAdmin.list_filter, FreshnessStatusFilter]


admin.site.unregister(Place)
admin.site.register(Place, FreshnessPlaceAdmin)


class RequestStateFilter(admin.SimpleListFilter):
    title = gettext_lazy("état")
    parameter_name = "etat"

    def lookups(self, request, model_admin):
        return [(state.value, state.label) for state in UpdateRequest.State]

    def queryset(self, request, queryset):
        State, waiting = UpdateRequest.State, queryset.filter(answered_at__isnull=True)
        return {
            State.NO_ADDRESS: lambda: waiting.filter(sent_at__isnull=True, recipients_count=0),
            State.QUEUED: lambda: waiting.filter(sent_at__isnull=True, recipients_count__gt=0),
            State.SENT: lambda: waiting.filter(sent_at__isnull=False, reminded_at__isnull=True),
            State.REMINDED: lambda: waiting.filter(reminded_at__isnull=False, escalated_at__isnull=True),
            State.NO_ANSWER: lambda: waiting.filter(escalated_at__isnull=False),
            State.CONFIRMED: lambda: queryset.filter(outcome=UpdateRequest.Outcome.CONFIRMED),
            State.EDITED: lambda: queryset.filter(outcome=UpdateRequest.Outcome.EDITED),
        }.get(self.value(), lambda: queryset)()


@admin.register(UpdateRequest)
class UpdateRequestAdmin(CoordinatorAdmin):
    list_display = ["place_link", "commune", "campaign", "due_on", "sent_at", "reminded_at", "escalated_at", "etat"]
    list_filter = [RequestStateFilter, "campaign"]
    search_fields = ["place__nom", "place__commune"]
    list_select_related = ["place", "campaign"]
    readonly_fields = [f.name for f in UpdateRequest._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("lieu"), ordering="place__nom")
    def place_link(self, obj):
        url = reverse("admin:directory_place_change", args=[obj.place_id])
        return format_html('<a href="{}">{}</a>', url, obj.place.nom)

    @admin.display(description=gettext_lazy("commune"), ordering="place__commune")
    def commune(self, obj):
        return obj.place.commune

    @admin.display(description=gettext_lazy("état"))
    def etat(self, obj):
        return obj.get_state_display()


@admin.register(Campaign)
class CampaignAdmin(AuditedAdmin, CoordinatorAdmin):
    list_display = ["name", "created_at", "created_by", "places", "scope"]
    search_fields = ["name"]
    change_list_template = "admin/freshness/campaign_change_list.html"

    @admin.display(description=gettext_lazy("lieux"))
    def places(self, obj):
        return obj.requests.count()

    def has_change_permission(self, request, obj=None):
        return False

    def add_view(self, request, form_url="", extra_context=None):
        """« Lancer une campagne »: choose the places, count them, then launch."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = CampaignForm(request.POST or None)
        numbers = None
        if request.method == "POST" and form.is_valid():
            criteria = form.criteria()
            numbers = campaigns.preview(criteria)
            if "lancer" in request.POST:
                if not numbers["places"]:
                    form.add_error(None, _("Aucun lieu publié ne correspond à ces critères : campagne non lancée."))
                else:
                    campaign = campaigns.launch(form.cleaned_data["name"], criteria, form.scope(), user=request.user)
                    messages.success(
                        request,
                        _("Campagne lancée : %(n)s courriel(s) en cours d’envoi.") % {"n": numbers["reachable"]},
                    )
                    return redirect(reverse("admin:freshness_campaign_change", args=[campaign.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Lancer une campagne de mise à jour"),
            "form": form,
            "numbers": numbers,
        }
        return render(request, "admin/freshness/campaign_form.html", context, status=400 if form.errors else 200)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The campaign's progress, place by place."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        campaign = get_object_or_404(Campaign, pk=object_id)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Campagne « %(name)s »") % {"name": campaign},
            "campaign": campaign,
            **campaigns.progress(campaign),
        }
        return render(request, "admin/freshness/campaign_progress.html", context)
