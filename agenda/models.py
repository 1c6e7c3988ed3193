"""Events, their dated occurrences and the registrations to them.

An `Event` says what, where, who organises, and its schedule (one date, or a simple recurrence with exceptions:
`domain/recurrence.py` turns it into an RFC 5545 RRULE and into dates). `Occurrence` rows are the dates
materialised up to a horizon (`domain/schedule.py`), so that capacity, registrations and attendance attach to
one date. `Registration` is a person's seats on one occurrence, registered or waiting, made without an account.
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from directory.needs import NEEDS


class Programme(models.Model):
    """A set of events under one name and period: « Semaines des Usages Numériques 2026 », 10–24 October."""

    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("adresse"), max_length=80, unique=True)
    description = models.TextField(_("présentation"), blank=True)
    starts_on = models.DateField(_("premier jour"))
    ends_on = models.DateField(_("dernier jour"))
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)

    class Meta:
        verbose_name = _("programme")
        ordering = ["-starts_on"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agenda:programme", args=[self.slug])


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Event.Status.PUBLISHED)

    def public(self):
        """What anyone may see: published, trainings for aidants excepted."""
        return self.published().exclude(kind=Event.Kind.TRAINING)


class Event(models.Model):
    class Kind(models.TextChoices):
        WORKSHOP = "atelier", _("Atelier")
        PERMANENCE = "permanence", _("Permanence")
        ROUND_TABLE = "table-ronde", _("Table ronde")
        OPEN_DAY = "portes-ouvertes", _("Portes ouvertes")
        TRAINING = "formation", _("Formation pour les aidants (professionnels seulement)")

    class Status(models.TextChoices):
        PENDING = "en-attente", _("en attente de relecture")
        PUBLISHED = "publie", _("publié")
        REFUSED = "refuse", _("refusé")
        CANCELLED = "annule", _("annulé")

    class Mode(models.TextChoices):
        PLACE = "lieu", _("Dans un lieu de l’annuaire")
        ADDRESS = "adresse", _("À une autre adresse")
        ONLINE = "en-ligne", _("En ligne")

    class Audience(models.TextChoices):
        ALL = "tous", _("Tout public")
        SENIORS = "seniors", _("Seniors")
        YOUTH = "jeunes", _("Jeunes")
        FAMILIES = "familles", _("Parents et familles")
        JOBSEEKERS = "emploi", _("Personnes en recherche d’emploi")
        PROFESSIONALS = "professionnels", _("Professionnels et aidants")

    class Registration(models.TextChoices):
        ONLINE = "ancrage", _("Inscription sur ce site")
        PHONE = "telephone", _("Inscription par téléphone")
        NONE = "aucune", _("Sans inscription")

    class Repeat(models.TextChoices):
        NONE = "", _("Une seule date")
        WEEKLY = "hebdo", _("Chaque semaine, les jours choisis")
        MONTHLY_DAY = "mois-jour", _("Chaque mois, le même jour du mois")
        MONTHLY_WEEKDAY = "mois-semaine", _("Chaque mois, le même jour de la semaine (ex. le 2e mardi)")

    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.WORKSHOP)
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    structure = models.ForeignKey(
        "accounts.Structure", on_delete=models.PROTECT, related_name="events", verbose_name=_("organisateur")
    )
    programme = models.ForeignKey(
        Programme, null=True, blank=True, on_delete=models.SET_NULL, related_name="events", verbose_name=_("programme")
    )
    theme = models.CharField(_("thème"), max_length=30, choices=[(n.slug, n.label) for n in NEEDS])
    audience = models.CharField(_("public"), max_length=20, choices=Audience.choices, default=Audience.ALL)
    free = models.BooleanField(_("gratuit"), default=True)
    price = models.CharField(_("tarif"), max_length=200, blank=True)
    accessibility = models.TextField(_("accessibilité"), blank=True)
    # Where
    mode = models.CharField(_("où"), max_length=10, choices=Mode.choices, default=Mode.PLACE)
    place = models.ForeignKey(
        "directory.Place", null=True, blank=True, on_delete=models.SET_NULL, related_name="events",
        verbose_name=_("lieu"),
    )  # fmt: skip
    address = models.CharField(_("adresse"), max_length=250, blank=True)
    online_url = models.URLField(_("lien de connexion"), blank=True)
    # Where, as searched (copied from the place, or the commune of the address): `domain/events.locate`
    commune = models.CharField(_("commune"), max_length=150, blank=True)
    code_insee = models.CharField(_("code INSEE"), max_length=5, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    # How to register
    registration = models.CharField(
        "inscription", max_length=10, choices=Registration.choices, default=Registration.ONLINE
    )
    phone = models.CharField(_("téléphone pour s’inscrire"), max_length=30, blank=True)
    capacity = models.PositiveIntegerField(_("places par date"), null=True, blank=True)
    # When: the first date, the duration, and the recurrence (domain/recurrence.py)
    timezone = models.CharField(_("fuseau horaire"), max_length=40, default="Europe/Paris")
    start_date = models.DateField(_("date"))
    start_time = models.TimeField(_("heure de début"))
    end_time = models.TimeField(_("heure de fin"))
    repeat = models.CharField(_("répétition"), max_length=15, choices=Repeat.choices, blank=True, default="")
    interval = models.PositiveSmallIntegerField(_("toutes les N semaines ou N mois"), default=1)
    weekdays = models.JSONField(_("jours"), default=list, blank=True)  # 0 = Monday
    until = models.DateField(_("jusqu’au"), null=True, blank=True)
    count = models.PositiveSmallIntegerField(_("nombre de séances"), null=True, blank=True)
    skip_holidays = models.BooleanField(_("pas les jours fériés"), default=True)
    skipped_dates = models.JSONField(_("dates sans séance"), default=list, blank=True)  # ISO dates
    # Life
    status = models.CharField(_("état"), max_length=12, choices=Status.choices, default=Status.PENDING)
    sequence = models.PositiveIntegerField(_("version (iCalendar)"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    refusal_reason = models.TextField(_("raison du refus"), blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("événement")
        ordering = ["start_date", "start_time", "pk"]
        indexes = [models.Index(fields=["status", "kind"]), models.Index(fields=["latitude", "longitude"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agenda:event", args=[self.pk, slugify(self.title)[:60] or "evenement"])

    @property
    def for_professionals(self) -> bool:
        return self.kind == self.Kind.TRAINING

    @property
    def takes_registrations(self) -> bool:
        return self.registration == self.Registration.ONLINE

    @property
    def theme_label(self) -> str:
        return self.get_theme_display()


class Occurrence(models.Model):
    """One date of an event; `taken` counts the registered seats and never exceeds `capacity` (a constraint)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="occurrences")
    starts_at = models.DateTimeField(_("début"), db_index=True)
    ends_at = models.DateTimeField(_("fin"))
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True)  # None: no limit
    taken = models.PositiveIntegerField(_("places prises"), default=0)
    cancelled = models.BooleanField(_("annulée"), default=False)
    attendance_recorded = models.BooleanField(_("présences saisies"), default=False)

    class Meta:
        verbose_name = _("date")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(taken__lte=models.F("capacity")),
                name="agenda_occurrence_within_capacity",
            ),
        ]

    def __str__(self):
        return f"{self.event} ({self.starts_at:%Y-%m-%d %H:%M})"

    @property
    def seats_left(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.taken, 0)

    @property
    def full(self) -> bool:
        return self.capacity is not None and self.taken >= self.capacity


class Registration(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "inscrit", _("inscrit")
        WAITING = "attente", _("en liste d’attente")
        CANCELLED = "annule", _("annulé")

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("nom ou prénom"), max_length=120)
    email = models.EmailField(_("adresse e-mail"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    seats = models.PositiveSmallIntegerField(_("places"), default=1)
    status = models.CharField(_("état"), max_length=10, choices=Status.choices)
    attended = models.PositiveSmallIntegerField(_("présents"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    # The language the person registered in: every e-mail about this registration is written in it.
    language = models.CharField(_("langue"), max_length=8, default="fr", editable=False)

    class Meta:
        verbose_name = _("inscription")
        ordering = ["occurrence", "pk"]  # pk order is arrival order: ids are taken under the occurrence's lock
        indexes = [models.Index(fields=["occurrence", "status"])]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"
