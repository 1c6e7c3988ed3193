"""The situation sheet a professional fills during an interview, and the uncovered needs it reveals.

A sheet names no one: the person is identified only in a referral (`referrals`). It holds only what the
exclusion-risk rules (`orientation/rules/risques.toml`) and the matching read, and is deleted
`ANCRAGE_SITUATION_RETENTION_DAYS` after its last change (`orientation/retention.py`).
"""

from django.conf import settings
from django.db import models


class Equipment(models.TextChoices):
    SMARTPHONE = "smartphone", "Un smartphone"
    COMPUTER = "ordinateur", "Un ordinateur ou une tablette"
    NONE = "aucun", "Aucun équipement"


class YesNo(models.TextChoices):
    YES = "oui", "Oui"
    NO = "non", "Non"


class Account(models.TextChoices):
    FRANCECONNECT = "franceconnect", "FranceConnect"
    AMELI = "ameli", "Ameli (Assurance maladie)"
    CAF = "caf", "CAF"
    IMPOTS = "impots", "impots.gouv"
    FRANCE_TRAVAIL = "france-travail", "France Travail"


class Skill(models.TextChoices):
    ALONE = "seul", "Sans aide"
    HELPED = "aide", "Avec de l’aide"
    NOT = "non", "Pas du tout"


# The five domains of the INSEE's digital skills (enquête TIC): field name → the domain in plain French.
SKILL_DOMAINS = {
    "skill_information": "chercher une information",
    "skill_communication": "communiquer (courriel, messages)",
    "skill_problems": "résoudre un problème (un mot de passe, un formulaire qui bloque)",
    "skill_software": "se servir d’un logiciel ou d’une application (remplir, joindre un document)",
    "skill_privacy": "protéger ses données personnelles",
}
DOMAIN_OF_FIELD = {
    "skill_information": "information",
    "skill_communication": "communication",
    "skill_problems": "resolution",
    "skill_software": "logiciels",
    "skill_privacy": "protection",
}


class Reading(models.TextChoices):
    EASY = "facile", "Lit le français facilement"
    HARD = "difficile", "Lit le français avec difficulté"
    NOT = "non", "Ne lit pas le français"


class Disability(models.TextChoices):
    SIGHT = "vue", "Vue"
    HEARING = "audition", "Audition"
    MOTOR = "moteur", "Motricité"
    COGNITIVE = "cognitif", "Troubles cognitifs ou psychiques"


class Mobility(models.TextChoices):
    WALK = "pied", "À pied"
    TRANSPORT = "transports", "En transports en commun"
    CAR = "voiture", "En voiture (ou conduite par un proche)"
    NONE = "aucun", "Ne peut pas se déplacer"


class Procedure(models.TextChoices):
    CAF = "caf", "CAF (allocations, RSA, prime d’activité)"
    TAXES = "impots", "Impôts"
    HEALTH = "sante", "Santé, Ameli, complémentaire santé solidaire"
    FRANCE_TRAVAIL = "france-travail", "France Travail (emploi)"
    IDENTITY = "identite", "Papiers d’identité, permis, carte grise (ANTS)"
    RETIREMENT = "retraite", "Retraite"
    HOUSING = "logement", "Logement (demande de logement social, APL)"
    ENERGY = "energie", "Énergie (chèque énergie, fournisseur)"
    OTHER = "autre", "Autre démarche"


WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
HALVES = {"matin": "matin", "apres-midi": "après-midi"}
# "2-matin": Tuesday morning (ISO weekday, half-day).
SLOTS = [(f"{day}-{half}", f"{name.capitalize()} {label}") for day, name in enumerate(WEEKDAYS, 1)
         for half, label in HALVES.items()]  # fmt: skip


class Situation(models.Model):
    class Status(models.TextChoices):
        DRAFT = "brouillon", "Brouillon"
        COMPLETE = "complete", "Complète"

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="rédigée par", related_name="situations", on_delete=models.CASCADE
    )
    status = models.CharField("état", max_length=10, choices=Status.choices, default=Status.DRAFT)
    equipment = models.JSONField("équipement", default=list, blank=True)
    internet_home = models.CharField("internet à la maison", max_length=3, choices=YesNo.choices, blank=True)
    has_email = models.CharField("adresse e-mail", max_length=3, choices=YesNo.choices, blank=True)
    accounts = models.JSONField("comptes en ligne accessibles", default=list, blank=True)
    skill_information = models.CharField(max_length=5, choices=Skill.choices, blank=True)
    skill_communication = models.CharField(max_length=5, choices=Skill.choices, blank=True)
    skill_problems = models.CharField(max_length=5, choices=Skill.choices, blank=True)
    skill_software = models.CharField(max_length=5, choices=Skill.choices, blank=True)
    skill_privacy = models.CharField(max_length=5, choices=Skill.choices, blank=True)
    reading = models.CharField("lecture du français", max_length=10, choices=Reading.choices, blank=True)
    language = models.CharField("langue parlée, si ce n’est pas le français", max_length=60, blank=True)
    disabilities = models.JSONField("handicap", default=list, blank=True)
    mobility = models.CharField("déplacement", max_length=10, choices=Mobility.choices, blank=True)
    distance_km = models.PositiveSmallIntegerField("distance possible (km)", null=True, blank=True)
    availability = models.JSONField("disponibilités", default=list, blank=True)
    procedure = models.CharField("démarche en jeu", max_length=20, choices=Procedure.choices, blank=True)
    deadline = models.DateField("échéance de la démarche", null=True, blank=True)
    commune = models.ForeignKey(
        "territory.Commune", verbose_name="commune", null=True, blank=True, on_delete=models.SET_NULL
    )
    # Uncovered needs already counted for this sheet ("need|insee|reason|month"): counted once per sheet.
    counted_gaps = models.JSONField(default=list, blank=True, editable=False)
    created = models.DateTimeField("créée le", auto_now_add=True)
    updated = models.DateTimeField("modifiée le", auto_now=True)

    class Meta:
        verbose_name = "fiche situation"
        verbose_name_plural = "fiches situations"
        ordering = ["-updated", "-pk"]

    def __str__(self):
        return f"Situation n° {self.pk}"

    @property
    def is_complete(self) -> bool:
        return self.status == self.Status.COMPLETE


class UncoveredNeed(models.Model):
    """A need that no service answered for a sheet: need × commune × reason × month, a counter. No person."""

    need = models.CharField("besoin", max_length=60)
    code_insee = models.CharField("code INSEE de la commune", max_length=5)
    reason = models.CharField("règle à l’origine", max_length=40)
    month = models.DateField("mois", help_text="Le premier jour du mois.")
    count = models.PositiveIntegerField("nombre de fiches", default=0)

    class Meta:
        verbose_name = "besoin non couvert"
        verbose_name_plural = "besoins non couverts"
        ordering = ["-month", "-count"]
        constraints = [
            models.UniqueConstraint(fields=["need", "code_insee", "reason", "month"], name="uncovered_need_unique")
        ]

    def __str__(self):
        return f"{self.need} · {self.code_insee} · {self.month:%m/%Y} ({self.count})"
