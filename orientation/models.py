"""The situation sheet a professional fills during an interview, and the uncovered needs it reveals.

A sheet names no one: the person is identified only in a referral (`referrals`). It holds only what the
exclusion-risk rules (`orientation/rules/risques.toml`) and the matching read, and is deleted
`ANCRAGE_SITUATION_RETENTION_DAYS` after its last change (`orientation/retention.py`).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Equipment(models.TextChoices):
    SMARTPHONE = "smartphone", _("Un smartphone")
    COMPUTER = "ordinateur", _("Un ordinateur ou une tablette")
    NONE = "aucun", _("Aucun équipement")


class YesNo(models.TextChoices):
    YES = "oui", _("Oui")
    NO = "non", _("Non")


class Account(models.TextChoices):
    FRANCECONNECT = "franceconnect", _("FranceConnect")
    AMELI = "ameli", _("Ameli (Assurance maladie)")
    CAF = "caf", _("CAF")
    IMPOTS = "impots", _("impots.gouv")
    FRANCE_TRAVAIL = "france-travail", _("France Travail")


class Skill(models.TextChoices):
    ALONE = "seul", _("Sans aide")
    HELPED = "aide", _("Avec de l’aide")
    NOT = "non", _("Pas du tout")


# The five domains of the INSEE's digital skills (enquête TIC): field name → the domain in plain French.
SKILL_DOMAINS = {
    "skill_information": _("chercher une information"),
    "skill_communication": _("communiquer (courriel, messages)"),
    "skill_problems": _("résoudre un problème (un mot de passe, un formulaire qui bloque)"),
    "skill_software": _("se servir d’un logiciel ou d’une application (remplir, joindre un document)"),
    "skill_privacy": _("protéger ses données personnelles"),
}
DOMAIN_OF_FIELD = {
    "skill_information": "information",
    "skill_communication": "communication",
    "skill_problems": "resolution",
    "skill_software": "logiciels",
    "skill_privacy": "protection",
}


class Reading(models.TextChoices):
    EASY = "facile", _("Lit le français facilement")
    HARD = "difficile", _("Lit le français avec difficulté")
    NOT = "non", _("Ne lit pas le français")


class Disability(models.TextChoices):
    SIGHT = "vue", _("Vue")
    HEARING = "audition", _("Audition")
    MOTOR = "moteur", _("Motricité")
    COGNITIVE = "cognitif", _("Troubles cognitifs ou psychiques")


class Mobility(models.TextChoices):
    WALK = "pied", _("À pied")
    TRANSPORT = "transports", _("En transports en commun")
    CAR = "voiture", _("En voiture (ou conduite par un proche)")
    NONE = "aucun", _("Ne peut pas se déplacer")


class Procedure(models.TextChoices):
    CAF = "caf", _("CAF (allocations, RSA, prime d’activité)")
    TAXES = "impots", _("Impôts")
    HEALTH = "sante", _("Santé, Ameli, complémentaire santé solidaire")
    FRANCE_TRAVAIL = "france-travail", _("France Travail (emploi)")
    IDENTITY = "identite", _("Papiers d’identité, permis, carte grise (ANTS)")
    RETIREMENT = "retraite", _("Retraite")
    HOUSING = "logement", _("Logement (demande de logement social, APL)")
    ENERGY = "energie", _("Énergie (chèque énergie, fournisseur)")
    OTHER = "autre", _("Autre démarche")


HALVES = {"matin": _("matin"), "apres-midi": _("après-midi")}
# "2-matin": Tuesday morning (ISO weekday, half-day).
SLOTS = [
    ("1-matin", _("Lundi matin")), ("1-apres-midi", _("Lundi après-midi")),
    ("2-matin", _("Mardi matin")), ("2-apres-midi", _("Mardi après-midi")),
    ("3-matin", _("Mercredi matin")), ("3-apres-midi", _("Mercredi après-midi")),
    ("4-matin", _("Jeudi matin")), ("4-apres-midi", _("Jeudi après-midi")),
    ("5-matin", _("Vendredi matin")), ("5-apres-midi", _("Vendredi après-midi")),
    ("6-matin", _("Samedi matin")), ("6-apres-midi", _("Samedi après-midi")),
]  # fmt: skip


class Situation(models.Model):
    class Status(models.TextChoices):
        DRAFT = "brouillon", _("Brouillon")
        COMPLETE = "complete", _("Complète")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("rédigée par"), related_name="situations", on_delete=models.CASCADE
    )
    status = models.CharField(_("état"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    equipment = models.JSONField(_("équipement"), default=list, blank=True)
    internet_home = models.CharField(_("internet à la maison"), max_length=3, choices=YesNo.choices, blank=True)
    has_email = models.CharField(_("adresse e-mail"), max_length=3, choices=YesNo.choices, blank=True)
    accounts = models.JSONField(_("comptes en ligne accessibles"), default=list, blank=True)
    skill_information = models.CharField(max_length=5, choices=Skill.choices, blank=True)
    skill_communication = models.CharField(max_length=5, choices=Skill.choices, blank=True)
    skill_problems = models.CharField(max_length=5, choices=Skill.choices, blank=True)
    skill_software = models.CharField(max_length=5, choices=Skill.choices, blank=True)
    skill_privacy = models.CharField(max_length=5, choices=Skill.choices, blank=True)
    reading = models.CharField(_("lecture du français"), max_length=10, choices=Reading.choices, blank=True)
    language = models.CharField(_("langue parlée, si ce n’est pas le français"), max_length=60, blank=True)
    disabilities = models.JSONField(_("handicap"), default=list, blank=True)
    mobility = models.CharField(_("déplacement"), max_length=10, choices=Mobility.choices, blank=True)
    distance_km = models.PositiveSmallIntegerField(_("distance possible (km)"), null=True, blank=True)
    availability = models.JSONField(_("disponibilités"), default=list, blank=True)
    procedure = models.CharField(_("démarche en jeu"), max_length=20, choices=Procedure.choices, blank=True)
    deadline = models.DateField(_("échéance de la démarche"), null=True, blank=True)
    commune = models.ForeignKey(
        "territory.Commune", verbose_name=_("commune"), null=True, blank=True, on_delete=models.SET_NULL
    )
    # Uncovered needs already counted for this sheet ("need|insee|reason|month"): counted once per sheet.
    counted_gaps = models.JSONField(default=list, blank=True, editable=False)
    created = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        verbose_name = _("fiche situation")
        verbose_name_plural = _("fiches situations")
        ordering = ["-updated", "-pk"]

    def __str__(self):
        return f"Situation n° {self.pk}"  # stored by the audit (object_repr): not translated

    @property
    def is_complete(self) -> bool:
        return self.status == self.Status.COMPLETE


class UncoveredNeed(models.Model):
    """A need that no service answered for a sheet: need × commune × reason × month, a counter. No person."""

    need = models.CharField(_("besoin"), max_length=60)
    code_insee = models.CharField(_("code INSEE de la commune"), max_length=5)
    reason = models.CharField(_("règle à l’origine"), max_length=40)
    month = models.DateField(_("mois"), help_text=_("Le premier jour du mois."))
    count = models.PositiveIntegerField(_("nombre de fiches"), default=0)

    class Meta:
        verbose_name = _("besoin non couvert")
        verbose_name_plural = _("besoins non couverts")
        ordering = ["-month", "-count"]
        constraints = [
            models.UniqueConstraint(fields=["need", "code_insee", "reason", "month"], name="uncovered_need_unique")
        ]

    def __str__(self):
        return f"{self.need} · {self.code_insee} · {self.month:%m/%Y} ({self.count})"
