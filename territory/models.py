from django.db import models
from django.utils.translation import gettext_lazy as _

from territory.departements import DEPARTEMENTS


class Epci(models.Model):
    """An établissement public de coopération intercommunale (SIREN code)."""

    code = models.CharField(_("code SIREN"), max_length=9, primary_key=True)
    nom = models.CharField(_("nom"), max_length=200)
    type = models.CharField(_("type"), max_length=10)
    population = models.PositiveIntegerField(_("population"), default=0)

    class Meta:
        verbose_name = _("EPCI")
        verbose_name_plural = _("EPCI")
        ordering = ["nom"]

    def __str__(self):
        return self.nom


class Commune(models.Model):
    """A current French commune, from the INSEE Code officiel géographique."""

    code_insee = models.CharField(_("code INSEE"), max_length=5, primary_key=True)
    nom = models.CharField(_("nom"), max_length=200)
    nom_recherche = models.CharField(_("nom normalisé"), max_length=200, db_index=True)
    departement = models.CharField(_("département"), max_length=3, db_index=True)
    region = models.CharField(_("région"), max_length=3)
    epci = models.ForeignKey(Epci, verbose_name=_("EPCI"), null=True, blank=True, on_delete=models.SET_NULL)
    population = models.PositiveIntegerField(_("population"), default=0)
    # "|91300|91301|": one lookup with `contains="|91300|"` finds a postal code.
    codes_postaux = models.TextField(_("codes postaux"))
    code_postal_principal = models.CharField(max_length=5, db_index=True)
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    position_approximative = models.BooleanField(
        _("position approximative"),
        default=False,
        help_text=_("Position de la mairie inconnue : centre estimé à partir des communes voisines."),
    )
    codes_qpv = models.TextField(_("quartiers prioritaires (codes)"), blank=True)
    noms_qpv = models.TextField(_("quartiers prioritaires (noms)"), blank=True)

    class Meta:
        verbose_name = _("commune")
        ordering = ["nom"]

    def __str__(self):
        return f"{self.nom} ({self.code_postal_principal})"

    @property
    def postal_codes(self) -> list[str]:
        return [c for c in self.codes_postaux.split("|") if c]

    @property
    def departement_nom(self) -> str:
        return DEPARTEMENTS.get(self.departement, self.departement)

    @property
    def label(self) -> str:
        """What a user reads in a suggestion list: "Massy (91300)"."""
        return f"{self.nom} ({self.code_postal_principal})"


class FormerCommune(models.Model):
    """A name or INSEE code that no longer is a commune of its own, and today's commune it belongs to.

    Communes déléguées and associées of a commune nouvelle, former codes of merged communes (no
    name), and the arrondissements municipaux of Paris, Lyon and Marseille (a code of their own).
    """

    class Kind(models.TextChoices):
        DELEGUEE = "deleguee", _("commune déléguée")
        ASSOCIEE = "associee", _("commune associée")
        ANCIENNE = "ancienne", _("ancien code")
        ARRONDISSEMENT = "arrondissement", _("arrondissement municipal")

    code_insee = models.CharField(_("code INSEE"), max_length=5, db_index=True)
    nom = models.CharField(_("nom"), max_length=200, blank=True)
    nom_recherche = models.CharField(_("nom normalisé"), max_length=200, blank=True, db_index=True)
    type = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    commune = models.ForeignKey(Commune, verbose_name=_("commune actuelle"), on_delete=models.CASCADE)
    codes_postaux = models.TextField(_("codes postaux"), blank=True)

    class Meta:
        verbose_name = _("ancienne commune")
        constraints = [models.UniqueConstraint(fields=["code_insee", "type", "nom"], name="unique_former_commune")]

    def __str__(self):
        return f"{self.nom or self.code_insee} → {self.commune_id}"
