"""Places (lieux / structures) and the services they offer.

Field names follow the national standards they come from, so that an import or an export is a
plain column-to-field copy: the « lieux de médiation numérique » standard for places, the
data·inclusion v1 schema for services.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from directory.fields import VocabularyListField
from standards import dataincl as di
from standards import lieux
from territory.departements import departement_of


class PlaceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(est_publie=True)


class Place(models.Model):
    # Identity
    nom = models.CharField(_("nom"), max_length=250)
    nom_recherche = models.CharField(
        _("nom normalisé (calculé)"),
        max_length=500,
        blank=True,
        editable=False,
        help_text=_("Nom et structure, sans accents."),
    )
    nom_source = models.CharField(
        _("nom tel que reçu"), max_length=250, blank=True, help_text=_("Nom original, avant mise en forme.")
    )
    pivot = models.CharField(
        _("SIRET, SIREN ou RNA"),
        max_length=14,
        blank=True,
        db_index=True,
        help_text=_("Identifiant de la structure : SIRET (14 chiffres) ou RNA (W suivi de 9 chiffres)."),
    )
    structure_parente = models.CharField(_("structure parente"), max_length=250, blank=True)
    structure = models.ForeignKey(
        "accounts.Structure",
        verbose_name=_("structure gestionnaire"),
        null=True,
        blank=True,
        related_name="places",
        on_delete=models.SET_NULL,
        help_text=_("La structure dont les membres tiennent cette fiche à jour."),
    )
    typologie = VocabularyListField("typologie", vocabulary=lieux.TYPOLOGIE)
    reseaux_porteurs = VocabularyListField("réseaux porteurs", vocabulary=di.RESEAUX_PORTEURS)
    # Address
    adresse = models.CharField(_("adresse"), max_length=250, blank=True)
    complement_adresse = models.CharField(_("complément d’adresse"), max_length=250, blank=True)
    code_postal = models.CharField(_("code postal"), max_length=5, blank=True)
    commune = models.CharField(_("commune"), max_length=150, blank=True)
    code_insee = models.CharField(_("code INSEE"), max_length=5, blank=True, db_index=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    position_approximative = models.BooleanField(
        _("position approximative"),
        default=False,
        help_text=_("Position inconnue : le lieu est placé au centre de sa commune."),
    )
    itinerance = VocabularyListField("itinérance", vocabulary=lieux.ITINERANCE)
    # Contact
    telephone = models.CharField(_("téléphone"), max_length=30, blank=True)
    courriels = VocabularyListField("courriels")
    site_web = VocabularyListField("sites web")
    prise_rdv = models.URLField(_("prise de rendez-vous en ligne"), max_length=500, blank=True)
    # Hours
    horaires = models.CharField(
        _("horaires (format OpenStreetMap)"),
        max_length=500,
        blank=True,
        help_text=_("Par exemple : Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off"),
    )
    horaires_precisions = models.CharField(_("précisions sur les horaires"), max_length=500, blank=True)
    jours_ouverture = models.CharField(_("jours d’ouverture (calculé)"), max_length=20, blank=True, editable=False)
    # Presentation
    presentation_resume = models.CharField(_("présentation courte"), max_length=280, blank=True)
    presentation_detail = models.TextField(_("présentation détaillée"), blank=True)
    # What the place offers and to whom (lieux standard, v1)
    publics_specifiquement_adresses = VocabularyListField(
        "publics spécifiquement adressés", vocabulary=lieux.PUBLICS_SPECIFIQUEMENT_ADRESSES
    )
    prise_en_charge_specifique = VocabularyListField(
        "prise en charge spécifique", vocabulary=lieux.PRISE_EN_CHARGE_SPECIFIQUE
    )
    frais_a_charge = VocabularyListField("frais à charge", vocabulary=lieux.FRAIS_A_CHARGE)
    modalites_acces = VocabularyListField("modalités d’accès", vocabulary=lieux.MODALITES_ACCES)
    modalites_accompagnement = VocabularyListField(
        "modalités d’accompagnement", vocabulary=lieux.MODALITES_ACCOMPAGNEMENT
    )
    dispositif_programmes_nationaux = VocabularyListField(
        "dispositifs et programmes nationaux", vocabulary=lieux.DISPOSITIF_PROGRAMMES_NATIONAUX
    )
    formations_labels = VocabularyListField("formations et labels", vocabulary=lieux.FORMATIONS_LABELS)
    autres_formations_labels = models.CharField(_("autres formations et labels"), max_length=500, blank=True)
    fiche_acces_libre = models.URLField(_("fiche Acceslibre"), max_length=500, blank=True)
    # Provenance and freshness
    source = models.CharField(_("source"), max_length=100, blank=True)
    date_maj = models.DateField(_("informations mises à jour le"), null=True, blank=True)
    est_publie = models.BooleanField(_("publié"), default=True)
    search_keys = VocabularyListField(
        "clés de recherche (calculées)",
        editable=False,
        help_text=_("Ce que proposent les services du lieu, pour la recherche (voir directory/domain/derived.py)."),
    )
    score_completude = models.PositiveSmallIntegerField(
        _("complétude (%)"),
        default=0,
        editable=False,
        help_text=_("Part pondérée des informations utiles renseignées (calculée)."),
    )
    cree_le = models.DateTimeField(_("créé le"), auto_now_add=True)
    modifie_le = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("lieu")
        verbose_name_plural = _("lieux")
        ordering = ["nom"]
        indexes = [
            models.Index(fields=["latitude", "longitude"], name="place_position"),
            models.Index(fields=["score_completude"], name="place_completeness"),
            models.Index(fields=["date_maj"], name="place_date_maj"),
        ]

    def __str__(self):
        return f"{self.nom} ({self.commune})" if self.commune else self.nom

    def save(self, *args, **kwargs):
        self.compute_derived()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "jours_ouverture", "score_completude", "nom_recherche"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("directory:place", kwargs={"pk": self.pk, "slug": slugify(self.nom)[:60] or "lieu"})

    def compute_derived(self, has_services: bool | None = None) -> None:
        """Set the fields computed from the place itself (also for places written in bulk)."""
        from directory.domain.hours import open_weekdays
        from directory.domain.quality import completeness
        from territory.text import fold

        self.nom_recherche = fold(f"{self.nom} {self.structure_parente}")[:500]
        self.jours_ouverture = open_weekdays(self.horaires)
        self.score_completude = completeness(self, has_services=has_services)

    def refresh_from_services(self) -> None:
        """Recompute what derives from the services (search keys, completeness) after they changed."""
        from directory.domain.derived import refresh_places

        refresh_places([self.pk])
        self.refresh_from_db(fields=["search_keys", "score_completude"])

    @property
    def has_position(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def departement(self) -> str:
        return departement_of(self.code_insee)


class Service(models.Model):
    """A service in the data·inclusion v1 sense, offered at a place."""

    place = models.ForeignKey(Place, verbose_name=_("lieu"), related_name="services", on_delete=models.CASCADE)
    nom = models.CharField(_("nom"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    type = models.CharField(_("type"), max_length=30, choices=di.TYPES_SERVICE.choices, blank=True)
    thematiques = VocabularyListField("thématiques", vocabulary=di.THEMATIQUES)
    mediation = VocabularyListField(
        "services de médiation numérique",
        vocabulary=lieux.SERVICES,
        help_text=_("Valeurs « services » du standard des lieux de médiation numérique."),
    )
    frais = models.CharField(_("frais"), max_length=20, choices=di.FRAIS.choices, blank=True)
    frais_precisions = models.CharField(_("précisions sur les frais"), max_length=500, blank=True)
    publics = VocabularyListField("publics", vocabulary=di.PUBLICS)
    publics_precisions = models.CharField(_("précisions sur les publics"), max_length=500, blank=True)
    conditions_acces = models.CharField(_("conditions d’accès"), max_length=500, blank=True)
    modes_accueil = VocabularyListField("modes d’accueil", vocabulary=di.MODES_ACCUEIL)
    zone_eligibilite = VocabularyListField(
        "zone d’éligibilité", help_text=_("Codes commune, EPCI, département, ou « france ».")
    )
    modes_mobilisation = VocabularyListField("modes de mobilisation", vocabulary=di.MODES_MOBILISATION)
    mobilisable_par = VocabularyListField("mobilisable par", vocabulary=di.MOBILISABLE_PAR)
    lien_mobilisation = models.URLField(_("lien de mobilisation"), max_length=500, blank=True)
    mobilisation_precisions = models.CharField(_("précisions sur la mobilisation"), max_length=500, blank=True)
    telephone = models.CharField(_("téléphone"), max_length=30, blank=True)
    courriel = models.EmailField(_("courriel"), blank=True)
    contact_nom_prenom = models.CharField(_("contact"), max_length=150, blank=True)
    horaires_accueil = models.CharField(
        _("horaires (format OpenStreetMap)"),
        max_length=500,
        blank=True,
        help_text=_("Vide : les horaires du lieu s’appliquent."),
    )
    # The service's own address (data·inclusion), when it is not given at its place's.
    adresse = models.CharField(_("adresse du service"), max_length=250, blank=True)
    code_postal = models.CharField(_("code postal du service"), max_length=5, blank=True)
    commune = models.CharField(_("commune du service"), max_length=150, blank=True)
    code_insee = models.CharField(_("code INSEE du service"), max_length=5, blank=True)
    volume_horaire_hebdomadaire = models.FloatField(_("volume horaire hebdomadaire"), null=True, blank=True)
    nombre_semaines = models.PositiveIntegerField(_("nombre de semaines"), null=True, blank=True)
    lien_source = models.URLField(_("lien vers la source"), max_length=500, blank=True)
    source = models.CharField(_("source"), max_length=100, blank=True)
    date_maj = models.DateField(_("mis à jour le"), null=True, blank=True)
    cree_le = models.DateTimeField(_("créé le"), auto_now_add=True)
    modifie_le = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("service")
        ordering = ["nom"]

    def __str__(self):
        return f"{self.nom} — {self.place.nom}"

    @property
    def own_address(self) -> str:
        """ "3 rue X, 91300 Massy" when the service is given somewhere else than its place, else ""."""
        town = " ".join(filter(None, [self.code_postal, self.commune]))
        line = ", ".join(filter(None, [self.adresse, town]))
        place = ", ".join(
            filter(None, [self.place.adresse, " ".join(filter(None, [self.place.code_postal, self.place.commune]))])
        )
        return line if line and line != place else ""

    @property
    def is_free(self) -> bool:
        return self.frais == di.GRATUIT

    @property
    def effective_hours(self) -> str:
        return self.horaires_accueil or self.place.horaires


class PlaceAlias(models.Model):
    """The address of a place absorbed by a merge: its old number answers with a permanent redirect.

    Written by the merge (datahub), removed when the merge is undone and the place gets its number back.
    """

    old_pk = models.PositiveBigIntegerField(_("ancien numéro du lieu"), primary_key=True)
    place = models.ForeignKey(
        Place, verbose_name=_("lieu qui l’a absorbé"), related_name="aliases", on_delete=models.CASCADE
    )
    cree_le = models.DateTimeField(_("créé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("ancienne adresse d’un lieu")
        verbose_name_plural = _("anciennes adresses des lieux")

    def __str__(self):
        return f"{self.old_pk} → {self.place_id}"


class ErrorReport(models.Model):
    """« Signaler une erreur » : a visitor's report, kept for the coordinators."""

    class Kind(models.TextChoices):
        HOURS = "horaires", _("Les horaires sont faux")
        ADDRESS = "adresse", _("L’adresse ou la position est fausse")
        CONTACT = "contact", _("Le téléphone, le courriel ou le site est faux")
        SERVICES = "services", _("Les services proposés ont changé")
        CLOSED = "ferme", _("Le lieu a fermé")
        OTHER = "autre", _("Autre chose")

    class Status(models.TextChoices):
        NEW = "nouveau", _("À traiter")
        DONE = "traite", _("Traité")
        REJECTED = "rejete", _("Sans suite")

    place = models.ForeignKey(Place, verbose_name=_("lieu"), related_name="error_reports", on_delete=models.CASCADE)
    kind = models.CharField(_("type d’erreur"), max_length=20, choices=Kind.choices)
    message = models.TextField(_("description"), max_length=2000)
    email = models.EmailField(_("courriel pour vous répondre"), blank=True)
    status = models.CharField(_("état"), max_length=20, choices=Status.choices, default=Status.NEW)
    notes = models.TextField(_("notes de l’équipe"), blank=True)
    cree_le = models.DateTimeField(_("signalé le"), auto_now_add=True)
    traite_le = models.DateTimeField(_("traité le"), null=True, blank=True)

    class Meta:
        verbose_name = _("signalement d’erreur")
        verbose_name_plural = _("signalements d’erreur")
        ordering = ["-cree_le"]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.place.nom}"


class TemporaryInfo(models.Model):
    """A dated closure, exceptional hours or message on a place (`directory.domain.temporary`).

    Shown ahead of time on the place page, applied during the period (`debut` to `fin`, both inclusive, in
    the place's own time zone), deleted some time after it ended. The end date is required: every temporary
    information must clear itself; a place closed for good is unpublished, not « closed until further notice ».
    """

    class Kind(models.TextChoices):
        CLOSURE = "fermeture", _("Fermeture exceptionnelle")
        HOURS = "horaires", _("Horaires exceptionnels")
        MESSAGE = "message", _("Message")

    place = models.ForeignKey(Place, verbose_name=_("lieu"), related_name="temporary_infos", on_delete=models.CASCADE)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.CLOSURE)
    debut = models.DateField(_("du"))
    fin = models.DateField(_("au (inclus)"))
    texte = models.CharField(
        _("texte pour le public"),
        max_length=500,
        blank=True,
        help_text=_("Par exemple : « Travaux : l’accueil se fait à la mairie. » Obligatoire pour un message."),
    )
    horaires = models.CharField(
        _("horaires exceptionnels (format OpenStreetMap)"),
        max_length=500,
        blank=True,
        help_text=_("Pour des horaires exceptionnels seulement. Par exemple : Mo-Fr 10:00-12:00"),
    )
    service = models.ForeignKey(
        Service,
        verbose_name=_("seulement pour le service"),
        related_name="temporary_infos",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("Vide : tout le lieu."),
    )
    cree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saisi par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    cree_le = models.DateTimeField(_("saisi le"), auto_now_add=True)
    modifie_le = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("information temporaire")
        verbose_name_plural = _("informations temporaires")
        ordering = ["debut", "pk"]
        indexes = [models.Index(fields=["fin", "debut"], name="temporary_period")]

    def __str__(self):
        return f"{self.get_kind_display()} du {self.debut:%d/%m/%Y} au {self.fin:%d/%m/%Y}"

    def clean(self):
        from directory.domain.temporary import validate

        validate(self)


class SearchGap(models.Model):
    """How many searches for a need in a commune found nothing or little, per week: an anonymous counter (no
    address, no words typed, no time finer than the week) that the observatory reads as a demand signal."""

    need = models.CharField(_("besoin"), max_length=40)
    code_insee = models.CharField(_("commune (code INSEE)"), max_length=5)
    week = models.DateField(_("semaine (lundi)"))
    nothing = models.PositiveIntegerField(_("recherches sans résultat"), default=0)
    few = models.PositiveIntegerField(_("recherches avec peu de résultats"), default=0)

    class Meta:
        verbose_name = _("recherche peu fructueuse")
        verbose_name_plural = _("recherches peu fructueuses")
        constraints = [models.UniqueConstraint(fields=["need", "code_insee", "week"], name="unique_search_gap")]

    def __str__(self):
        return f"{self.need} · {self.code_insee} · semaine du {self.week:%d/%m/%Y}"
