from django.db import models

from territory.departements import DEPARTEMENTS


class Epci(models.Model):
    """An établissement public de coopération intercommunale (SIREN code)."""

    code = models.CharField("code SIREN", max_length=9, primary_key=True)
    nom = models.CharField("nom", max_length=200)
    type = models.CharField("type", max_length=10)
    population = models.PositiveIntegerField("population", default=0)

    class Meta:
        verbose_name = "EPCI"
        verbose_name_plural = "EPCI"
        ordering = ["nom"]

    def __str__(self):
        return self.nom


class Commune(models.Model):
    """A current French commune, from the INSEE Code officiel géographique."""

    code_insee = models.CharField("code INSEE", max_length=5, primary_key=True)
    nom = models.CharField("nom", max_length=200)
    nom_recherche = models.CharField("nom normalisé", max_length=200, db_index=True)
    departement = models.CharField("département", max_length=3, db_index=True)
    region = models.CharField("région", max_length=3)
    epci = models.ForeignKey(Epci, verbose_name="EPCI", null=True, blank=True, on_delete=models.SET_NULL)
    population = models.PositiveIntegerField("population", default=0)
    # "|91300|91301|": one lookup with `contains="|91300|"` finds a postal code.
    codes_postaux = models.TextField("codes postaux")
    code_postal_principal = models.CharField(max_length=5, db_index=True)
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    position_approximative = models.BooleanField(
        "position approximative",
        default=False,
        help_text="Position de la mairie inconnue : centre estimé à partir des communes voisines.",
    )
    codes_qpv = models.TextField("quartiers prioritaires (codes)", blank=True)
    noms_qpv = models.TextField("quartiers prioritaires (noms)", blank=True)

    class Meta:
        verbose_name = "commune"
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
        DELEGUEE = "deleguee", "commune déléguée"
        ASSOCIEE = "associee", "commune associée"
        ANCIENNE = "ancienne", "ancien code"
        ARRONDISSEMENT = "arrondissement", "arrondissement municipal"

    code_insee = models.CharField("code INSEE", max_length=5, db_index=True)
    nom = models.CharField("nom", max_length=200, blank=True)
    nom_recherche = models.CharField("nom normalisé", max_length=200, blank=True, db_index=True)
    type = models.CharField("type", max_length=20, choices=Kind.choices)
    commune = models.ForeignKey(Commune, verbose_name="commune actuelle", on_delete=models.CASCADE)
    codes_postaux = models.TextField("codes postaux", blank=True)

    class Meta:
        verbose_name = "ancienne commune"
        constraints = [models.UniqueConstraint(fields=["code_insee", "type", "nom"], name="unique_former_commune")]

    def __str__(self):
        return f"{self.nom or self.code_insee} → {self.commune_id}"
