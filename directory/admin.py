"""Back-office for the territory's coordinators: places, services and error reports."""

from datetime import timedelta

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils import timezone

from directory.admin_support import CompactVocabularies, CoordinatorAdmin, LabelledInline
from directory.models import ErrorReport, Place, Service

# A web address typed without its scheme ("www.exemple.fr") is read as https.
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class FreshnessFilter(admin.SimpleListFilter):
    title = "fraîcheur des informations"
    parameter_name = "fraicheur"

    def lookups(self, request, model_admin):
        return [
            ("a-jour", f"Vérifiées depuis moins de {settings.ANCRAGE_STALE_AFTER_DAYS} jours"),
            ("ancien", "Anciennes, à vérifier"),
            ("inconnu", "Date inconnue"),
        ]

    def queryset(self, request, queryset):
        limit = timezone.localdate() - timedelta(days=settings.ANCRAGE_STALE_AFTER_DAYS)
        return {
            "a-jour": lambda: queryset.filter(date_maj__gte=limit),
            "ancien": lambda: queryset.filter(date_maj__lt=limit),
            "inconnu": lambda: queryset.filter(date_maj__isnull=True),
        }.get(self.value(), lambda: queryset)()


class CompletenessFilter(admin.SimpleListFilter):
    title = "complétude"
    parameter_name = "completude"

    def lookups(self, request, model_admin):
        return [("faible", "Moins de 50 %"), ("moyenne", "50 à 79 %"), ("bonne", "80 % et plus")]

    def queryset(self, request, queryset):
        ranges = {"faible": (0, 49), "moyenne": (50, 79), "bonne": (80, 100)}
        if self.value() in ranges:
            return queryset.filter(score_completude__range=ranges[self.value()])
        return queryset


class DepartementFilter(admin.SimpleListFilter):
    title = "département"
    parameter_name = "departement"

    def lookups(self, request, model_admin):
        codes = sorted({cp[:2] for cp in Place.objects.values_list("code_postal", flat=True).distinct() if cp})
        return [(code, code) for code in codes]

    def queryset(self, request, queryset):
        return queryset.filter(code_postal__startswith=self.value()) if self.value() else queryset


class ServiceInline(CompactVocabularies, admin.StackedInline):
    model = Service
    formfield_overrides = URL_FIELDS
    extra = 0
    show_change_link = True
    fields = ["nom", "description", "mediation", "thematiques", "frais", "publics", "modes_accueil", "source"]


class ErrorReportInline(LabelledInline):
    model = ErrorReport
    extra = 0
    fields = ["cree_le", "kind", "message", "status"]
    readonly_fields = ["cree_le", "kind", "message"]


@admin.register(Place)
class PlaceAdmin(CoordinatorAdmin):
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
    inlines = [ServiceInline, ErrorReportInline]
    list_per_page = 50
    fieldsets = [
        ("Identité", {"fields": ["nom", "nom_source", "pivot", "structure_parente", "typologie", "est_publie"]}),
        ("Adresse", {"fields": ["adresse", "complement_adresse", "code_postal", "commune", "code_insee",
                                "latitude", "longitude", "position_approximative", "itinerance"]}),
        ("Contact", {"fields": ["telephone", "courriels", "site_web", "prise_rdv"]}),
        ("Horaires", {"fields": ["horaires", "horaires_precisions", "jours_ouverture"]}),
        ("Présentation", {"fields": ["presentation_resume", "presentation_detail"]}),
        ("Publics et accueil", {"fields": ["publics_specifiquement_adresses", "prise_en_charge_specifique",
                                           "frais_a_charge", "modalites_acces", "modalites_accompagnement",
                                           "fiche_acces_libre"]}),
        ("Réseaux et labels", {"fields": ["dispositif_programmes_nationaux", "formations_labels",
                                          "autres_formations_labels", "reseaux_porteurs"], "classes": ["collapse"]}),
        ("Source et fraîcheur", {"fields": ["source", "date_maj", "score_completude", "cree_le", "modifie_le"]}),
    ]  # fmt: skip

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(nb_services=Count("services"))

    @admin.display(description="services", ordering="nb_services")
    def services_count(self, obj):
        return obj.nb_services

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.refresh_from_services()


@admin.register(Service)
class ServiceAdmin(CoordinatorAdmin):
    formfield_overrides = URL_FIELDS
    list_display = ["nom", "place", "type", "frais", "source", "date_maj"]
    list_filter = ["type", "frais", "source"]
    search_fields = ["nom", "description", "place__nom", "place__commune"]
    autocomplete_fields = ["place"]
    readonly_fields = ["cree_le", "modifie_le"]


@admin.register(ErrorReport)
class ErrorReportAdmin(CoordinatorAdmin):
    list_display = ["cree_le", "place", "kind", "status", "short_message"]
    list_filter = ["status", "kind"]
    search_fields = ["message", "place__nom", "place__commune", "email"]
    list_editable = ["status"]
    readonly_fields = ["cree_le", "place", "kind", "message", "email"]
    fields = ["cree_le", "place", "kind", "message", "email", "status", "notes", "traite_le"]
    actions = ["mark_done"]

    @admin.display(description="description")
    def short_message(self, obj):
        return obj.message[:80]

    @admin.action(description="Marquer comme traités")
    def mark_done(self, request, queryset):
        updated = queryset.update(status=ErrorReport.Status.DONE, traite_le=timezone.now())
        self.message_user(request, f"{updated} signalement(s) marqué(s) comme traité(s).")

    def has_add_permission(self, request):
        return False
