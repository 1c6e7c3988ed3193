"""Citizens' requests: categories and the services answering them, the requests with their public timeline,
supports (« Moi aussi »), internal notes, response templates, commissions ranking requests, Open311 API keys.

No state is changed here: every change goes through `participation.domain` (validate, save, audit, notify).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q


class ResponsibleService(models.Model):
    """A team answering requests (the digital inclusion team, the roads department): its members see its queue."""

    name = models.CharField("nom", max_length=150, unique=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="membres", blank=True, related_name="request_services"
    )

    class Meta:
        verbose_name = "service responsable"
        verbose_name_plural = "services responsables"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Category(models.Model):
    """A kind of request the territory takes (an Open311 « service »: `code` is its `service_code`)."""

    code = models.SlugField("code", max_length=50, unique=True, help_text="Identifiant stable (Open311 service_code).")
    name = models.CharField("nom", max_length=150)
    description = models.TextField("description", blank=True)
    group = models.CharField("groupe", max_length=100, blank=True)
    keywords = models.CharField("mots-clés", max_length=200, blank=True)
    service = models.ForeignKey(
        ResponsibleService, verbose_name="service responsable", on_delete=models.PROTECT, related_name="categories"
    )
    active = models.BooleanField("proposée au public", default=True)
    order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "catégorie de demande"
        verbose_name_plural = "catégories de demandes"
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class ResponseTemplate(models.Model):
    """A ready-made public answer a service picks when it changes a request's state."""

    title = models.CharField("titre", max_length=150)
    text = models.TextField("texte")
    service = models.ForeignKey(
        ResponsibleService,
        verbose_name="service (vide : tous)",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="templates",
    )

    class Meta:
        verbose_name = "modèle de réponse"
        verbose_name_plural = "modèles de réponse"
        ordering = ["title"]

    def __str__(self):
        return self.title


class Request(models.Model):
    class Status(models.TextChoices):
        DRAFT = "brouillon", "Brouillon"
        UNCONFIRMED = "a-confirmer", "Adresse à confirmer"
        RECEIVED = "recue", "Reçue"
        QUALIFIED = "qualifiee", "Qualifiée"
        PLANNED = "planifiee", "Planifiée"
        IN_PROGRESS = "en-cours", "En cours"
        DONE = "faite", "Faite"
        CLOSED = "close", "Close"

    class CloseReason(models.TextChoices):
        DUPLICATE = "doublon", "Doublon d’une autre demande"
        NOT_OURS = "hors-competence", "Hors de notre compétence"
        NOT_REPRODUCED = "non-constate", "Problème non constaté sur place"
        WONT_DO = "pas-prevu", "Pas d’intervention prévue"
        WITHDRAWN = "retiree", "Retirée par la personne"

    class Priority(models.IntegerChoices):
        LOW = 0, "Basse"
        NORMAL = 1, "Normale"
        HIGH = 2, "Haute"
        URGENT = 3, "Urgente"

    category = models.ForeignKey(Category, verbose_name="catégorie", on_delete=models.PROTECT, related_name="requests")
    status = models.CharField("état", max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    close_reason = models.CharField("motif de clôture", max_length=20, choices=CloseReason.choices, blank=True)
    priority = models.PositiveSmallIntegerField("priorité", choices=Priority.choices, default=Priority.NORMAL)
    planned_for = models.DateField("date d’intervention prévue", null=True, blank=True)
    address = models.CharField("adresse ou lieu", max_length=250, blank=True)
    commune = models.ForeignKey("territory.Commune", verbose_name="commune", on_delete=models.PROTECT)
    neighbourhood = models.CharField("quartier", max_length=150, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    description = models.TextField("description", max_length=4000)
    photo = models.FileField("photo", upload_to="demandes/", blank=True)
    # The author: the e-mail serves follow-up only (never shown, exported or logged; erased after retention).
    email = models.EmailField("adresse e-mail", blank=True)
    anonymous = models.BooleanField("anonyme publiquement", default=True)
    display_name = models.CharField("prénom affiché", max_length=60, blank=True)
    source = models.CharField("canal", max_length=20, default="site")
    merged_into = models.ForeignKey(
        "self", verbose_name="fusionnée dans", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged"
    )
    created = models.DateTimeField("créée le", auto_now_add=True)
    updated = models.DateTimeField("mise à jour le", auto_now=True)
    received_at = models.DateTimeField("reçue le", null=True, blank=True, db_index=True)
    planned_at = models.DateTimeField("planifiée le", null=True, blank=True)
    closed_at = models.DateTimeField("close ou faite le", null=True, blank=True)

    PUBLIC = [Status.RECEIVED, Status.QUALIFIED, Status.PLANNED, Status.IN_PROGRESS, Status.DONE, Status.CLOSED]
    OPEN = [Status.RECEIVED, Status.QUALIFIED, Status.PLANNED, Status.IN_PROGRESS]

    class Meta:
        verbose_name = "demande"
        verbose_name_plural = "demandes"
        ordering = ["-received_at", "-pk"]

    def __str__(self):
        return f"Demande n° {self.pk} — {self.category.name if self.category_id else ''}"

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def public_author(self) -> str:
        """What the public sees of the author: a first name they chose, or nothing."""
        return "" if self.anonymous else self.display_name


class Support(models.Model):
    """« Moi aussi »: a person who has the same problem; counted once confirmed, and told of every change."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="supports")
    email = models.EmailField("adresse e-mail", blank=True)
    confirmed_at = models.DateTimeField("confirmé le", null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "soutien"
        constraints = [
            models.UniqueConstraint(fields=["request", "email"], condition=~Q(email=""), name="one_support_per_email")
        ]

    def __str__(self):
        return f"Soutien à la demande n° {self.request_id}"


class Update(models.Model):
    """One entry of the public timeline: a state reached, with its public note."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField("état", max_length=20, choices=Request.Status.choices)
    note = models.TextField("note publique")
    planned_for = models.DateField(null=True, blank=True)
    close_reason = models.CharField(max_length=20, choices=Request.CloseReason.choices, blank=True)
    by_service = models.BooleanField(default=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]

    def __str__(self):
        return f"{self.get_status_display()} (demande n° {self.request_id})"


class InternalNote(models.Model):
    """What a service writes for itself: never public, never exported."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="internal_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    text = models.TextField("note interne")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]

    def __str__(self):
        return f"Note interne (demande n° {self.request_id})"


class Commission(models.Model):
    """A neighbourhood commission or council: its members rank the open requests of its communes, in public."""

    name = models.CharField("nom", max_length=150)
    slug = models.SlugField("adresse", max_length=80, unique=True)
    communes = models.ManyToManyField("territory.Commune", verbose_name="communes")
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="membres", blank=True, related_name="commissions"
    )
    ranked_at = models.DateTimeField("classement mis à jour le", null=True, blank=True)

    class Meta:
        verbose_name = "commission de quartier"
        verbose_name_plural = "commissions de quartier"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Ranking(models.Model):
    commission = models.ForeignKey(Commission, on_delete=models.CASCADE, related_name="rankings")
    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="rankings")
    rank = models.PositiveSmallIntegerField("rang")

    class Meta:
        ordering = ["rank"]
        constraints = [models.UniqueConstraint(fields=["commission", "request"], name="one_rank_per_request")]

    def __str__(self):
        return f"Rang {self.rank}"


class Minutes(models.Model):
    commission = models.ForeignKey(Commission, on_delete=models.CASCADE, related_name="minutes")
    date = models.DateField("date de la réunion")
    text = models.TextField("compte rendu")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "compte rendu"
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"Compte rendu du {self.date}"


class APIKey(models.Model):
    """A key for an Open311 client that posts requests; only its SHA-256 digest is stored."""

    name = models.CharField("application", max_length=150)
    prefix = models.CharField("début de la clé", max_length=8, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    active = models.BooleanField("active", default=True)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField("dernière utilisation", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "clé d’API Open311"
        verbose_name_plural = "clés d’API Open311"

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"
