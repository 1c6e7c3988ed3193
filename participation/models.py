"""Citizens' requests: categories and the services answering them, the requests with their public timeline,
supports (« Moi aussi »), internal notes, response templates, commissions ranking requests, Open311 API keys.

No state is changed here: every change goes through `participation.domain` (validate, save, audit, notify).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ResponsibleService(models.Model):
    """A team answering requests (the digital inclusion team, the roads department): its members see its queue."""

    name = models.CharField(_("nom"), max_length=150, unique=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("membres"), blank=True, related_name="request_services"
    )

    class Meta:
        verbose_name = _("service responsable")
        verbose_name_plural = _("services responsables")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Category(models.Model):
    """A kind of request the territory takes (an Open311 « service »: `code` is its `service_code`)."""

    code = models.SlugField(
        _("code"), max_length=50, unique=True, help_text=_("Identifiant stable (Open311 service_code).")
    )
    name = models.CharField(_("nom"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    group = models.CharField(_("groupe"), max_length=100, blank=True)
    keywords = models.CharField(_("mots-clés"), max_length=200, blank=True)
    service = models.ForeignKey(
        ResponsibleService, verbose_name=_("service responsable"), on_delete=models.PROTECT, related_name="categories"
    )
    active = models.BooleanField(_("proposée au public"), default=True)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("catégorie de demande")
        verbose_name_plural = _("catégories de demandes")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class ResponseTemplate(models.Model):
    """A ready-made public answer a service picks when it changes a request's state."""

    title = models.CharField(_("titre"), max_length=150)
    text = models.TextField(_("texte"))
    service = models.ForeignKey(
        ResponsibleService,
        verbose_name=_("service (vide : tous)"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="templates",
    )

    class Meta:
        verbose_name = _("modèle de réponse")
        verbose_name_plural = _("modèles de réponse")
        ordering = ["title"]

    def __str__(self):
        return self.title


class Request(models.Model):
    class Status(models.TextChoices):
        DRAFT = "brouillon", pgettext_lazy("request status", "Brouillon")
        UNCONFIRMED = "a-confirmer", pgettext_lazy("request status", "Adresse à confirmer")
        RECEIVED = "recue", pgettext_lazy("request status", "Reçue")
        QUALIFIED = "qualifiee", pgettext_lazy("request status", "Qualifiée")
        PLANNED = "planifiee", pgettext_lazy("request status", "Planifiée")
        IN_PROGRESS = "en-cours", pgettext_lazy("request status", "En cours")
        DONE = "faite", pgettext_lazy("request status", "Faite")
        CLOSED = "close", pgettext_lazy("request status", "Close")

    class CloseReason(models.TextChoices):
        DUPLICATE = "doublon", pgettext_lazy("request close reason", "Doublon d’une autre demande")
        NOT_OURS = "hors-competence", pgettext_lazy("request close reason", "Hors de notre compétence")
        NOT_REPRODUCED = "non-constate", pgettext_lazy("request close reason", "Problème non constaté sur place")
        WONT_DO = "pas-prevu", pgettext_lazy("request close reason", "Pas d’intervention prévue")
        WITHDRAWN = "retiree", pgettext_lazy("request close reason", "Retirée par la personne")

    class Priority(models.IntegerChoices):
        LOW = 0, pgettext_lazy("request priority", "Basse")
        NORMAL = 1, pgettext_lazy("request priority", "Normale")
        HIGH = 2, pgettext_lazy("request priority", "Haute")
        URGENT = 3, pgettext_lazy("request priority", "Urgente")

    category = models.ForeignKey(
        Category, verbose_name=_("catégorie"), on_delete=models.PROTECT, related_name="requests"
    )
    status = models.CharField(_("état"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    close_reason = models.CharField(_("motif de clôture"), max_length=20, choices=CloseReason.choices, blank=True)
    priority = models.PositiveSmallIntegerField(_("priorité"), choices=Priority.choices, default=Priority.NORMAL)
    planned_for = models.DateField(_("date d’intervention prévue"), null=True, blank=True)
    address = models.CharField(_("adresse ou lieu"), max_length=250, blank=True)
    commune = models.ForeignKey("territory.Commune", verbose_name=_("commune"), on_delete=models.PROTECT)
    neighbourhood = models.CharField(_("quartier"), max_length=150, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    description = models.TextField(_("description"), max_length=4000)
    photo = models.FileField(_("photo"), upload_to="demandes/", blank=True)
    # The author: the e-mail serves follow-up only (never shown, exported or logged; erased after retention).
    email = models.EmailField(_("adresse e-mail"), blank=True)
    anonymous = models.BooleanField(_("anonyme publiquement"), default=True)
    # The language the author wrote in: the e-mails about their request are written in it.
    language = models.CharField(_("langue"), max_length=8, default="fr", editable=False)
    display_name = models.CharField(_("prénom affiché"), max_length=60, blank=True)
    source = models.CharField(_("canal"), max_length=20, default="site")
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("fusionnée dans"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged",
    )
    created = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated = models.DateTimeField(_("mise à jour le"), auto_now=True)
    received_at = models.DateTimeField(_("reçue le"), null=True, blank=True, db_index=True)
    planned_at = models.DateTimeField(_("planifiée le"), null=True, blank=True)
    closed_at = models.DateTimeField(_("close ou faite le"), null=True, blank=True)

    PUBLIC = [Status.RECEIVED, Status.QUALIFIED, Status.PLANNED, Status.IN_PROGRESS, Status.DONE, Status.CLOSED]
    OPEN = [Status.RECEIVED, Status.QUALIFIED, Status.PLANNED, Status.IN_PROGRESS]

    class Meta:
        verbose_name = _("demande")
        verbose_name_plural = _("demandes")
        ordering = ["-received_at", "-pk"]

    def __str__(self):
        return _("Demande n° %(pk)s — %(category)s") % {
            "pk": self.pk,
            "category": self.category.name if self.category_id else "",
        }

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
    email = models.EmailField(_("adresse e-mail"), blank=True)
    confirmed_at = models.DateTimeField(_("confirmé le"), null=True, blank=True)
    language = models.CharField(_("langue"), max_length=8, default="fr", editable=False)  # as the author's
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("soutien")
        constraints = [
            models.UniqueConstraint(fields=["request", "email"], condition=~Q(email=""), name="one_support_per_email")
        ]

    def __str__(self):
        return _("Soutien à la demande n° %(pk)s") % {"pk": self.request_id}


class Update(models.Model):
    """One entry of the public timeline: a state reached, with its public note."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(_("état"), max_length=20, choices=Request.Status.choices)
    note = models.TextField(_("note publique"))
    planned_for = models.DateField(null=True, blank=True)
    close_reason = models.CharField(max_length=20, choices=Request.CloseReason.choices, blank=True)
    by_service = models.BooleanField(default=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]

    def __str__(self):
        return _("%(status)s (demande n° %(pk)s)") % {"status": self.get_status_display(), "pk": self.request_id}


class InternalNote(models.Model):
    """What a service writes for itself: never public, never exported."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="internal_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    text = models.TextField(_("note interne"))
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]

    def __str__(self):
        return _("Note interne (demande n° %(pk)s)") % {"pk": self.request_id}


class Commission(models.Model):
    """A neighbourhood commission or council: its members rank the open requests of its communes, in public."""

    name = models.CharField(_("nom"), max_length=150)
    slug = models.SlugField(_("adresse"), max_length=80, unique=True)
    communes = models.ManyToManyField("territory.Commune", verbose_name=_("communes"))
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("membres"), blank=True, related_name="commissions"
    )
    ranked_at = models.DateTimeField(_("classement mis à jour le"), null=True, blank=True)

    class Meta:
        verbose_name = _("commission de quartier")
        verbose_name_plural = _("commissions de quartier")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Ranking(models.Model):
    commission = models.ForeignKey(Commission, on_delete=models.CASCADE, related_name="rankings")
    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="rankings")
    rank = models.PositiveSmallIntegerField(_("rang"))

    class Meta:
        ordering = ["rank"]
        constraints = [models.UniqueConstraint(fields=["commission", "request"], name="one_rank_per_request")]

    def __str__(self):
        return _("Rang %(rank)s") % {"rank": self.rank}


class Minutes(models.Model):
    commission = models.ForeignKey(Commission, on_delete=models.CASCADE, related_name="minutes")
    date = models.DateField(_("date de la réunion"))
    text = models.TextField(_("compte rendu"))
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("compte rendu")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return _("Compte rendu du %(date)s") % {"date": self.date}


class APIKey(models.Model):
    """A key for an Open311 client that posts requests; only its SHA-256 digest is stored."""

    name = models.CharField(_("application"), max_length=150)
    prefix = models.CharField(_("début de la clé"), max_length=8, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    active = models.BooleanField(_("active"), default=True)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(_("dernière utilisation"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("clé d’API Open311")
        verbose_name_plural = _("clés d’API Open311")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"
