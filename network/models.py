"""A professional's network profile (opt-in) and the practice sheets the network shares.

A `Profile` is seen only by professionals and coordinators, and only while its person chooses to appear
(`listed`, with the consent's date) and their account is active. A `Practice` is public once published; a new
author's first sheet waits for the moderation (`network.domain.practices`)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from directory.presentation import phone_display
from network import vocabularies as v


class ProfileQuerySet(models.QuerySet):
    def listed(self):
        """The profiles the directory shows: chosen to appear, account still active."""
        return self.filter(listed=True, user__is_active=True)


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("personne"), related_name="network_profile", on_delete=models.CASCADE
    )
    listed = models.BooleanField(_("apparaît dans le réseau"), default=False)
    consent_at = models.DateTimeField(_("accord donné le"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("retiré le"), null=True, blank=True)
    job_title = models.CharField(_("fonction"), max_length=120, blank=True)
    needs = models.JSONField(_("aide pour"), default=list, blank=True)
    communes = models.ManyToManyField(
        "territory.Commune", verbose_name=_("communes où la personne intervient"), related_name="+", blank=True
    )
    languages = models.JSONField(_("langues parlées"), default=list, blank=True)
    labels = models.JSONField(_("habilitations et labels"), default=list, blank=True)
    other_label = models.CharField(_("autre formation ou label"), max_length=200, blank=True)
    work_email = models.EmailField(_("adresse e-mail professionnelle"), blank=True)
    work_phone = models.CharField(_("téléphone professionnel"), max_length=20, blank=True)
    search_keys = models.TextField(default="|", editable=False)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("profil dans le réseau")
        verbose_name_plural = _("profils dans le réseau")
        ordering = ["user__full_name", "pk"]

    def __str__(self):
        return f"Profil réseau n° {self.pk}"  # no name: this string goes to the audit log

    def save(self, *args, **kwargs):
        self.search_keys = v.keys(need=self.needs, label=self.labels, lang=self.languages)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_keys", "updated_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("network:profile", args=[self.pk])

    @property
    def work_phone_display(self) -> str:
        return phone_display(self.work_phone) if self.work_phone else ""

    @property
    def needs_labels(self):
        return [v.NEEDS.label(n) for n in self.needs]

    @property
    def labels_labels(self):
        return [self.other_label or v.LABELS.label(x) if x == v.OTHER_LABEL else v.LABELS.label(x) for x in self.labels]

    @property
    def languages_labels(self):
        return [v.LANGUAGES.label(x) for x in self.languages]


class PracticeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Practice.Status.PUBLISHED)


class Practice(models.Model):
    class Status(models.TextChoices):
        PENDING = "a-moderer", _("en attente de relecture")
        PUBLISHED = "publiee", _("publiée")
        REFUSED = "refusee", _("refusée")
        UNPUBLISHED = "depubliee", _("dépubliée par la modération")

    structure = models.ForeignKey(
        "accounts.Structure",
        verbose_name=_("structure à contacter"),
        related_name="practices",
        on_delete=models.CASCADE,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("autrice ou auteur"), null=True, blank=True, related_name="practices",
        on_delete=models.SET_NULL,
    )  # fmt: skip
    title = models.CharField(_("titre"), max_length=150)
    summary = models.TextField(_("en quelques lignes"), max_length=1500)
    themes = models.JSONField(_("thèmes"), default=list)
    publics = models.JSONField(_("publics"), default=list, blank=True)
    time_needed = models.CharField(_("temps nécessaire"), max_length=300, blank=True)
    people_needed = models.CharField(_("personnes nécessaires"), max_length=300, blank=True)
    equipment_needed = models.CharField(_("matériel nécessaire"), max_length=300, blank=True)
    worked = models.TextField(_("ce qui a marché"), max_length=2000, blank=True)
    avoid = models.TextField(_("ce qu’il vaut mieux éviter"), max_length=2000, blank=True)
    status = models.CharField(_("état"), max_length=12, choices=Status.choices, default=Status.PENDING)
    reason = models.TextField(_("motif de la modération"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("décidée par"), null=True, blank=True, related_name="+",
        on_delete=models.SET_NULL,
    )  # fmt: skip
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    published_at = models.DateTimeField(_("publiée le"), null=True, blank=True)
    search_keys = models.TextField(default="|", editable=False)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("fiche pratique")
        verbose_name_plural = _("fiches pratiques")
        ordering = ["-published_at", "-created_at", "pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_keys = v.keys(theme=self.themes, public=self.publics)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_keys", "updated_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("network:practice", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def themes_labels(self):
        return [v.NEEDS.label(t) for t in self.themes]

    @property
    def publics_labels(self):
        return [v.PUBLICS.label(p) for p in self.publics]
