"""Back-office for the territory's coordinators: places, services and error reports."""

from datetime import timedelta

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.permissions import ADD_SERVICE, EDIT, CanAdminMixin, can
from core.admin import AuditedAdmin
from directory.admin_support import CompactVocabularies, CoordinatorAdmin, LabelledInline
from directory.domain import temporary, writes
from directory.models import ErrorReport, Place, Service, TemporaryInfo
from territory.departements import DEPARTEMENTS, departement_of, in_departement

# A web address typed without its scheme ("www.exemple.fr") is read as https.
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class FreshnessFilter(admin.SimpleListFilter):
    title = _("fraîcheur des informations")
    parameter_name = "fraicheur"

    def lookups(self, request, model_admin):
        return [
            (
                "a-jour",
                gettext("Vérifiées depuis moins de %(days)s jours") % {"days": settings.ANCRAGE_STALE_AFTER_DAYS},
            ),
            ("ancien", gettext("Anciennes, à vérifier")),
            ("inconnu", gettext("Date inconnue")),
        ]

    def queryset(self, request, queryset):
        limit = timezone.localdate() - timedelta(days=settings.ANCRAGE_STALE_AFTER_DAYS)
        return {
            "a-jour": lambda: queryset.filter(date_maj__gte=limit),
            "ancien": lambda: queryset.filter(date_maj__lt=limit),
            "inconnu": lambda: queryset.filter(date_maj__isnull=True),
        }.get(self.value(), lambda: queryset)()


class CompletenessFilter(admin.SimpleListFilter):
    title = _("complétude")
    parameter_name = "completude"

    def lookups(self, request, model_admin):
        return [
            ("faible", gettext("Moins de 50 %")),
            ("moyenne", gettext("50 à 79 %")),
            # xgettext:no-python-format
            ("bonne", gettext("80 % et plus")),
        ]

    def queryset(self, request, queryset):
        ranges = {"faible": (0, 49), "moyenne": (50, 79), "bonne": (80, 100)}
        if self.value() in ranges:
            return queryset.filter(score_completude__range=ranges[self.value()])
        return queryset


class DepartementFilter(admin.SimpleListFilter):
    title = _("département")
    parameter_name = "departement"

    def lookups(self, request, model_admin):
        insee = Place.objects.values_list("code_insee", flat=True).distinct()
        codes = sorted({departement_of(code) for code in insee} - {""})
        return [(code, f"{code} {DEPARTEMENTS[code]}") for code in codes]

    def queryset(self, request, queryset):
        return queryset.filter(in_departement(self.value())) if self.value() else queryset


class ServiceInline(CompactVocabularies, admin.StackedInline):
    model = Service
    formfield_overrides = URL_FIELDS
    extra = 0
    show_change_link = True
    fields = ["nom", "description", "mediation", "thematiques", "frais", "publics", "modes_accueil", "source"]

    # The place's rules (accounts.permissions): who may edit the place edits and adds its services.
    def has_view_permission(self, request, obj=None):
        return obj is None or can(request.user, "view", obj)

    def has_add_permission(self, request, obj=None):
        return obj is not None and can(request.user, ADD_SERVICE, obj)

    def has_change_permission(self, request, obj=None):
        return obj is not None and can(request.user, EDIT, obj)

    def has_delete_permission(self, request, obj=None):
        return obj is not None and can(request.user, EDIT, obj)


class ErrorReportInline(LabelledInline):
    model = ErrorReport
    extra = 0
    fields = ["cree_le", "kind", "message", "status"]
    readonly_fields = ["cree_le", "kind", "message"]


class TemporaryInfoInline(LabelledInline):
    """Closures, exceptional hours and messages, dated; written through `directory.domain.temporary`."""

    model = TemporaryInfo
    extra = 1  # a blank row, so that one can be added without JavaScript
    fields = ["kind", "debut", "fin", "texte", "horaires", "service", "cree_par", "cree_le"]
    readonly_fields = ["cree_par", "cree_le"]
    verbose_name_plural = _("informations temporaires (fermetures, horaires exceptionnels, messages)")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "service":
            place_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
            kwargs["queryset"] = Service.objects.filter(place_id=place_id) if place_id else Service.objects.none()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Place)
class PlaceAdmin(CanAdminMixin, AuditedAdmin, CoordinatorAdmin):
    formfield_overrides = URL_FIELDS
    list_display = [
        "nom", "commune", "code_postal", "source", "date_maj", "score_completude", "services_count", "est_publie",
    ]  # fmt: skip
    list_filter = [
        FreshnessFilter, CompletenessFilter, DepartementFilter, "est_publie", "position_approximative", "source",
    ]  # fmt: skip
    search_fields = ["nom", "nom_source", "commune", "code_postal", "code_insee", "pivot", "adresse"]
    list_editable = ["est_publie"]
    readonly_fields = ["score_completude", "jours_ouverture", "cree_le", "modifie_le"]
    inlines = [ServiceInline, TemporaryInfoInline, ErrorReportInline]
    autocomplete_fields = ["structure"]
    list_per_page = 50
    fieldsets = [
        (_("Identité"), {"fields": ["nom", "nom_source", "pivot", "structure", "structure_parente", "typologie",
                                 "est_publie"]}),
        (_("Adresse"), {"fields": ["adresse", "complement_adresse", "code_postal", "commune", "code_insee",
                                "latitude", "longitude", "position_approximative", "itinerance"]}),
        (_("Contact"), {"fields": ["telephone", "courriels", "site_web", "prise_rdv"]}),
        (_("Horaires"), {"fields": ["horaires", "horaires_precisions", "jours_ouverture"]}),
        (_("Présentation"), {"fields": ["presentation_resume", "presentation_detail"]}),
        (_("Publics et accueil"), {"fields": ["publics_specifiquement_adresses", "prise_en_charge_specifique",
                                           "frais_a_charge", "modalites_acces", "modalites_accompagnement",
                                           "fiche_acces_libre"]}),
        (_("Réseaux et labels"), {"fields": ["dispositif_programmes_nationaux", "formations_labels",
                                          "autres_formations_labels", "reseaux_porteurs"], "classes": ["collapse"]}),
        (_("Source et fraîcheur"), {"fields": ["source", "date_maj", "score_completude", "cree_le", "modifie_le"]}),
    ]  # fmt: skip

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(nb_services=Count("services"))

    @admin.display(description=_("services"), ordering="nb_services")
    def services_count(self, obj):
        return obj.nb_services

    # Writes go through directory.domain.writes: derived data stays fresh, edits are recorded.
    def save_model(self, request, obj, form, change):
        writes.save_place(obj, user=request.user, fields=form.changed_data if change else None)

    def save_formset(self, request, form, formset, change):
        if formset.model is ErrorReport:
            previous = dict(form.instance.error_reports.values_list("pk", "status"))
            for report in formset.save(commit=False):
                writes.set_report_status(report, report.status, previous=previous.get(report.pk), user=request.user)
            for report in formset.deleted_objects:
                report.delete()
            return None
        if formset.model is TemporaryInfo:
            for info in formset.save(commit=False):
                temporary.save(info, user=request.user)
            for info in formset.deleted_objects:
                temporary.remove(info, user=request.user)
            return None
        if formset.model is not Service:
            return super().save_formset(request, form, formset, change)
        # Each service edited in the place's form is a person's edit, recorded as such.
        for service in formset.save(commit=False):
            changed = next((f.changed_data for f in formset.forms if f.instance is service), None)
            writes.save_service(service, user=request.user, fields=changed if service.pk else None)
        for service in formset.deleted_objects:
            writes.delete_service(service)
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.refresh_from_services()


@admin.register(Service)
class ServiceAdmin(CanAdminMixin, CoordinatorAdmin):
    formfield_overrides = URL_FIELDS
    list_display = ["nom", "place", "type", "frais", "source", "date_maj"]
    list_filter = ["type", "frais", "source"]
    search_fields = ["nom", "description", "place__nom", "place__commune"]
    autocomplete_fields = ["place"]
    readonly_fields = ["cree_le", "modifie_le"]

    def save_model(self, request, obj, form, change):
        writes.save_service(obj, user=request.user, fields=form.changed_data if change else None)

    def delete_model(self, request, obj):
        writes.delete_service(obj)

    def delete_queryset(self, request, queryset):
        writes.delete_services(queryset)


@admin.register(ErrorReport)
class ErrorReportAdmin(AuditedAdmin, CoordinatorAdmin):
    list_display = ["cree_le", "place", "kind", "status", "short_message"]
    list_filter = ["status", "kind"]
    search_fields = ["message", "place__nom", "place__commune", "email"]
    list_editable = ["status"]
    readonly_fields = ["cree_le", "place", "kind", "message", "email"]
    fields = ["cree_le", "place", "kind", "message", "email", "status", "notes", "traite_le"]
    actions = ["mark_done"]

    @admin.display(description=_("description"))
    def short_message(self, obj):
        return obj.message[:80]

    def save_model(self, request, obj, form, change):
        previous = ErrorReport.objects.filter(pk=obj.pk).values_list("status", flat=True).first()
        writes.set_report_status(obj, obj.status, previous=previous, user=request.user)

    @admin.action(description=_("Marquer comme traités"))
    def mark_done(self, request, queryset):
        reports = list(queryset.exclude(status=ErrorReport.Status.DONE))
        for report in reports:
            writes.set_report_status(report, ErrorReport.Status.DONE, user=request.user)
        self.message_user(request, gettext("%(n)s signalement(s) marqué(s) comme traité(s).") % {"n": len(reports)})

    def has_add_permission(self, request):
        return False
