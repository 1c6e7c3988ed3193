"""Councils, their elected members, sittings, deliberations and each member's vote (public officials' acts)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from standards.identifiers import validate_siret


class Council(models.Model):
    name = models.CharField(_("nom"), max_length=200, help_text=_("« Conseil communautaire de Paris-Saclay »"))
    slug = models.SlugField(_("adresse"), max_length=80, unique=True)
    body_name = models.CharField(_("collectivité (COLL_NOM)"), max_length=200)
    body_siret = models.CharField(
        _("SIRET de la collectivité (COLL_SIRET)"), max_length=14, validators=[validate_siret]
    )
    seats = models.PositiveSmallIntegerField(_("nombre de sièges"), help_text=_("L’effectif légal (VOTE_EFFECTIF)."))

    class Meta:
        verbose_name = _("conseil")
        permissions = [("greffe", "Saisir les séances, délibérations et votes (greffe)")]
        ordering = ["name"]

    def __str__(self):
        return self.name


class Councillor(models.Model):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="councillors")
    name = models.CharField(
        _("nom"), max_length=150, help_text=_("Prénom et nom, tels que publiés par la collectivité.")
    )
    slug = models.SlugField(_("adresse"), max_length=80)
    group = models.CharField(_("groupe"), max_length=150, blank=True)
    mandate_start = models.DateField(_("début du mandat"))
    mandate_end = models.DateField(_("fin du mandat"), null=True, blank=True)

    class Meta:
        verbose_name = _("élu")
        verbose_name_plural = _("élus")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["council", "slug"], name="civic_councillor_slug")]

    def __str__(self):
        return self.name

    def sits_on(self, day) -> bool:
        return self.mandate_start <= day and (self.mandate_end is None or day <= self.mandate_end)


class Sitting(models.Model):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="sittings")
    date = models.DateField(_("date"))
    place = models.CharField(_("lieu"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("séance")
        ordering = ["-date"]
        constraints = [models.UniqueConstraint(fields=["council", "date"], name="civic_one_sitting_a_day")]

    def __str__(self):
        return _("Séance du %(day)s") % {"day": f"{self.date:%d/%m/%Y}"}


class Deliberation(models.Model):
    class Result(models.TextChoices):
        ADOPTED = "adoptee", _("adoptée")
        REJECTED = "rejetee", _("rejetée")
        WITHDRAWN = "retiree", _("retirée")

    sitting = models.ForeignKey(Sitting, on_delete=models.CASCADE, related_name="deliberations")
    number = models.CharField(_("numéro (DELIB_ID)"), max_length=40)
    title = models.CharField(_("objet (DELIB_OBJET)"), max_length=500)
    subject_code = models.CharField(
        _("code matière (DELIB_MATIERE_CODE)"), max_length=10, help_text=_("Nomenclature Actes : « 7.1 ».")
    )
    subject_name = models.CharField(
        _("matière (DELIB_MATIERE_NOM)"), max_length=200, help_text=_("« Finances locales/Décisions budgétaires »")
    )
    result = models.CharField(_("résultat"), max_length=10, choices=Result.choices)
    url = models.URLField(_("lien vers l’acte (DELIB_URL)"), blank=True)

    class Meta:
        verbose_name = _("délibération")
        ordering = ["sitting__date", "number"]
        constraints = [models.UniqueConstraint(fields=["sitting", "number"], name="civic_delib_number")]

    def __str__(self):
        return f"{self.number} — {self.title}"


class Vote(models.Model):
    class Choice(models.TextChoices):
        FOR = "pour", _("pour")
        AGAINST = "contre", _("contre")
        ABSTENTION = "abstention", _("abstention")
        ABSENT = "absent", _("absent")

    deliberation = models.ForeignKey(Deliberation, on_delete=models.CASCADE, related_name="votes")
    councillor = models.ForeignKey(Councillor, on_delete=models.CASCADE, related_name="votes")
    choice = models.CharField(_("vote"), max_length=10, choices=Choice.choices)
    proxy = models.ForeignKey(
        Councillor, null=True, blank=True, on_delete=models.PROTECT, related_name="proxy_votes",
        verbose_name=_("pouvoir donné à"), help_text=_("L’élu absent qui a donné pouvoir : celui qui a voté pour lui."),
    )  # fmt: skip

    class Meta:
        verbose_name = _("vote")
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
