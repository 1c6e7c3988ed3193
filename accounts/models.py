"""People (`User`, login by e-mail), the structures that act (`Structure`) and who works in them (`Membership`).

Roles: `User.role` says what a person does for the territory (coordination, moderation); `User.profession`
says who they are in the field (social worker, mediator, aidant); a `Membership` says they work in a structure,
as its admin or a member. What each may do is decided in one place: `accounts/permissions/`.
"""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.fields import IdentifierField
from standards.identifiers import clean_identifier, validate_rna, validate_siret


def normalize_email(address: str) -> str:
    """The whole address in lower case: people type it in any case, and it is their login."""
    return (address or "").strip().lower()


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        return self.get(email__iexact=normalize_email(username))

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError(_("Une adresse e-mail est nécessaire."))
        user = self.model(email=normalize_email(email), **extra)
        user.set_password(password)  # None: an unusable password (login by e-mailed code only)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        extra.setdefault("role", User.Role.COORDINATOR)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    class Role(models.TextChoices):
        NONE = "", _("aucun rôle territorial")
        MODERATOR = "moderation", _("modération")
        COORDINATOR = "coordination", _("coordination du territoire")

    class Profession(models.TextChoices):
        NONE = "", _("non précisé")
        SOCIAL_WORKER = "travailleur-social", _("travailleur ou travailleuse social(e)")
        MEDIATOR = "mediateur-numerique", _("médiateur ou médiatrice numérique")
        AIDANT = "aidant", _("aidant ou aidante numérique")
        OTHER = "autre", _("autre professionnel(le)")

    email = models.EmailField(_("adresse e-mail"), max_length=254, unique=True)
    full_name = models.CharField(_("nom"), max_length=150, blank=True, help_text=_("Prénom et nom, tels qu’affichés."))
    role = models.CharField(
        _("rôle sur le territoire"),
        max_length=20,
        choices=Role.choices,
        blank=True,
        default=Role.NONE,
        help_text=_("La coordination administre tout le territoire ; la modération relit les contributions."),
    )
    profession = models.CharField(
        _("profession"), max_length=30, choices=Profession.choices, blank=True, default=Profession.NONE
    )
    is_active = models.BooleanField(
        _("actif"), default=True, help_text=_("Un compte inactif ne peut plus se connecter ; il n’est pas supprimé.")
    )
    is_staff = models.BooleanField(
        _("accès à l’administration"), default=False, help_text=_("Donné à la coordination du territoire.")
    )
    date_joined = models.DateTimeField(_("inscrit le"), default=timezone.now)
    inactivity_warned_at = models.DateTimeField(_("prévenu de l’inactivité le"), null=True, blank=True, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("personne")
        verbose_name_plural = _("personnes")
        ordering = ["email"]
        constraints = [models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique")]

    def __str__(self):
        return f"{self.full_name} <{self.email}>" if self.full_name else self.email

    def save(self, *args, **kwargs):
        self.email = normalize_email(self.email)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.email = normalize_email(self.email)

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def is_coordinator(self) -> bool:
        return self.is_active and (self.is_superuser or self.role == self.Role.COORDINATOR)

    @property
    def is_moderator(self) -> bool:
        return self.is_active and self.role == self.Role.MODERATOR


class Structure(models.Model):
    """The organisation that acts (association, commune, CCAS…): it owns places (`directory.Place.structure`)."""

    class Kind(models.TextChoices):
        ASSOCIATION = "association", _("association")
        COMMUNE = "commune", _("commune")
        EPCI = "epci", _("intercommunalité")
        CCAS = "ccas", _("CCAS ou CIAS")
        DEPARTEMENT = "departement", _("département")
        STATE = "etat", _("service de l’État")
        FRANCE_SERVICES = "france-services", _("France Services")
        LIBRARY_NETWORK = "reseau-bibliotheques", _("réseau de bibliothèques")
        SOCIAL_HOUSING = "bailleur-social", _("bailleur social")
        COMPANY = "entreprise", _("entreprise")
        OTHER = "autre", _("autre")

    name = models.CharField(_("nom"), max_length=250)
    kind = models.CharField(_("type de structure"), max_length=30, choices=Kind.choices, default=Kind.ASSOCIATION)
    siret = IdentifierField(
        _("SIRET"),
        max_length=14,
        blank=True,
        db_index=True,
        validators=[validate_siret],
        help_text=_("14 chiffres, sans espaces (sur l’avis de situation INSEE ou annuaire-entreprises.data.gouv.fr)."),
    )
    rna = IdentifierField(
        _("RNA"),
        max_length=10,
        blank=True,
        db_index=True,
        validators=[validate_rna],
        help_text=_("Pour une association : W suivi de 9 chiffres."),
    )
    email = models.EmailField(_("adresse e-mail de contact"), blank=True)
    validated = models.BooleanField(
        _("structure validée"),
        default=False,
        help_text=_(
            "Les modifications d’une structure validée sont publiées aussitôt ; "
            "celles d’une nouvelle structure attendent la modération."
        ),
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="structures", verbose_name=_("membres")
    )

    class Meta:
        verbose_name = _("structure")
        verbose_name_plural = _("structures")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.siret = clean_identifier(self.siret)
        self.rna = clean_identifier(self.rna)
        super().save(*args, **kwargs)

    def admins(self):
        return self.members.filter(memberships__structure=self, memberships__role=Membership.Role.ADMIN)


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", _("administrateur ou administratrice")
        MEMBER = "membre", _("membre")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("personne"), related_name="memberships", on_delete=models.CASCADE
    )
    structure = models.ForeignKey(
        Structure, verbose_name=_("structure"), related_name="memberships", on_delete=models.CASCADE
    )
    role = models.CharField(_("rôle dans la structure"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    since = models.DateTimeField(_("depuis le"), auto_now_add=True)

    class Meta:
        verbose_name = _("appartenance à une structure")
        verbose_name_plural = _("appartenances aux structures")
        constraints = [models.UniqueConstraint(fields=["user", "structure"], name="accounts_membership_unique")]

    def __str__(self):
        return f"{self.user} — {self.structure} ({self.get_role_display()})"


class JoinRequest(models.Model):
    """« Je travaille dans cette structure » : a person asks to join; the structure's admin or a coordinator
    decides (accounts.domain.membership)."""

    class Status(models.TextChoices):
        PENDING = "en-attente", _("en attente")
        ACCEPTED = "acceptee", _("acceptée")
        REFUSED = "refusee", _("refusée")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("personne"), related_name="join_requests", on_delete=models.CASCADE
    )
    structure = models.ForeignKey(
        Structure, verbose_name=_("structure"), related_name="join_requests", on_delete=models.CASCADE
    )
    message = models.CharField(_("message"), max_length=500, blank=True)
    status = models.CharField(_("état"), max_length=12, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("demandée le"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("décidée par"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    reason = models.CharField(_("motif"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("demande pour rejoindre une structure")
        verbose_name_plural = _("demandes pour rejoindre une structure")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "structure"],
                condition=models.Q(status="en-attente"),
                name="accounts_joinrequest_one_pending",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.structure} ({self.get_status_display()})"
