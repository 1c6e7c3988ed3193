"""Councils, their elected members, sittings, deliberations and each member's vote (public officials' acts)."""

from django.db import models

from standards.identifiers import validate_siret


class Council(models.Model):
    name = models.CharField("nom", max_length=200, help_text="« Conseil communautaire de Paris-Saclay »")
    slug = models.SlugField("adresse", max_length=80, unique=True)
    body_name = models.CharField("collectivité (COLL_NOM)", max_length=200)
    body_siret = models.CharField("SIRET de la collectivité (COLL_SIRET)", max_length=14, validators=[validate_siret])
    seats = models.PositiveSmallIntegerField("nombre de sièges", help_text="L’effectif légal (VOTE_EFFECTIF).")

    class Meta:
        verbose_name = "conseil"
        permissions = [("greffe", "Saisir les séances, délibérations et votes (greffe)")]
        ordering = ["name"]

    def __str__(self):
        return self.name


class Councillor(models.Model):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="councillors")
    name = models.CharField("nom", max_length=150, help_text="Prénom et nom, tels que publiés par la collectivité.")
    slug = models.SlugField("adresse", max_length=80)
    group = models.CharField("groupe", max_length=150, blank=True)
    mandate_start = models.DateField("début du mandat")
    mandate_end = models.DateField("fin du mandat", null=True, blank=True)

    class Meta:
        verbose_name = "élu"
        verbose_name_plural = "élus"
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["council", "slug"], name="civic_councillor_slug")]

    def __str__(self):
        return self.name

    def sits_on(self, day) -> bool:
        return self.mandate_start <= day and (self.mandate_end is None or day <= self.mandate_end)


class Sitting(models.Model):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="sittings")
    date = models.DateField("date")
    place = models.CharField("lieu", max_length=200, blank=True)

    class Meta:
        verbose_name = "séance"
        ordering = ["-date"]
        constraints = [models.UniqueConstraint(fields=["council", "date"], name="civic_one_sitting_a_day")]

    def __str__(self):
        return f"Séance du {self.date:%d/%m/%Y}"


class Deliberation(models.Model):
    class Result(models.TextChoices):
        ADOPTED = "adoptee", "adoptée"
        REJECTED = "rejetee", "rejetée"
        WITHDRAWN = "retiree", "retirée"

    sitting = models.ForeignKey(Sitting, on_delete=models.CASCADE, related_name="deliberations")
    number = models.CharField("numéro (DELIB_ID)", max_length=40)
    title = models.CharField("objet (DELIB_OBJET)", max_length=500)
    subject_code = models.CharField(
        "code matière (DELIB_MATIERE_CODE)", max_length=10, help_text="Nomenclature Actes : « 7.1 »."
    )
    subject_name = models.CharField(
        "matière (DELIB_MATIERE_NOM)", max_length=200, help_text="« Finances locales/Décisions budgétaires »"
    )
    result = models.CharField("résultat", max_length=10, choices=Result.choices)
    url = models.URLField("lien vers l’acte (DELIB_URL)", blank=True)

    class Meta:
        verbose_name = "délibération"
        ordering = ["sitting__date", "number"]
        constraints = [models.UniqueConstraint(fields=["sitting", "number"], name="civic_delib_number")]

    def __str__(self):
        return f"{self.number} — {self.title}"


class Vote(models.Model):
    class Choice(models.TextChoices):
        FOR = "pour", "pour"
        AGAINST = "contre", "contre"
        ABSTENTION = "abstention", "abstention"
        ABSENT = "absent", "absent"

    deliberation = models.ForeignKey(Deliberation, on_delete=models.CASCADE, related_name="votes")
    councillor = models.ForeignKey(Councillor, on_delete=models.CASCADE, related_name="votes")
    choice = models.CharField("vote", max_length=10, choices=Choice.choices)
    proxy = models.ForeignKey(
        Councillor, null=True, blank=True, on_delete=models.PROTECT, related_name="proxy_votes",
        verbose_name="pouvoir donné à", help_text="L’élu absent qui a donné pouvoir : celui qui a voté pour lui.",
    )  # fmt: skip

    class Meta:
        verbose_name = "vote"
        ordering = ["councillor__name"]
        constraints = [
            models.UniqueConstraint(fields=["deliberation", "councillor"], name="civic_one_vote_each"),
            models.CheckConstraint(
                condition=~models.Q(choice="absent", proxy__isnull=False), name="civic_absent_without_proxy"
            ),
        ]

    def __str__(self):
        return f"{self.councillor} : {self.get_choice_display()}"

    @property
    def in_person(self) -> bool:
        return self.choice != self.Choice.ABSENT and self.proxy_id is None
