"""The jury draw's declaration for the public register of algorithms, read from `civic/domain/draw.py`."""

from core.algorithms import Declaration, Rule, constant


def declare() -> Declaration:
    from civic.domain import draw
    from civic.models import Volunteer

    return Declaration(
        slug="tirage-jury",
        name="Tirage au sort stratifié des jurys citoyens",
        purpose="Choisir les membres d’un jury citoyen parmi les volontaires, en respectant la diversité des "
        "communes et quartiers, des âges et des sexes, d’une façon que chacun peut vérifier.",
        part_in_outcome="Le tirage désigne les jurés ; la coordination contacte les personnes tirées, qui restent "
        "libres d’accepter. Aucune autre décision n’en découle.",
        data=(
            ("numéro, commune ou quartier, tranche d’âge et sexe des volontaires confirmés", "leur candidature"),
            (
                "la graine",
                "une valeur publique annoncée avant le tirage (résultat de loterie à venir, empreinte "
                "d’un document public)",
            ),
        ),
        operations=(
            "Former les strates : chaque combinaison " + " × ".join(map(str, draw.STRATA)) + ".",
            "Répartir les sièges niveau par niveau (zone, puis tranche d’âge dans la zone, puis sexe) en proportion "
            "des volontaires, plus forts restes, égalités départagées par " + draw.HASH + "(graine | groupe).",
            "Dans chaque strate, classer les volontaires par " + draw.HASH + "(graine : numéro) et tirer les premiers.",
            "Classer les tirés par la même clé.",
        ),
        human_role="La coordination annonce la source de la graine et publie l’empreinte de la liste avant le "
        "tirage ; quiconque refait le tirage avec la commande `jury_draw`, la graine et la liste anonyme publiées. "
        "Un volontaire qui conteste s’adresse à la coordination (page Contact).",
        module="civic.domain.draw",
        parameters=(
            constant(
                "civic.domain.draw.STRATA",
                "Strates",
                "Critères croisés des strates, dans cet ordre.",
                show=lambda strata: ", ".join(str(s) for s in strata),
            ),
        ),
        rules=(
            Rule(
                "quotas",
                "Les sièges sont répartis en proportion des volontaires, niveau par niveau (méthode de "
                "Hamilton, plus forts restes).",
            ),
            Rule("hachage", f"Les volontaires sont ordonnés par {draw.HASH}(graine : numéro)."),
            Rule("tranches-age", "Tranches d’âge proposées : " + ", ".join(map(str, Volunteer.AgeBand.labels)) + "."),
            Rule("graine", "La graine est annoncée (sa source) avant le tirage et saisie une fois connue."),
            Rule(
                "liste",
                "L’empreinte " + draw.HASH + " de la liste anonyme est publiée avant le tirage ; le "
                "tirage est refusé si la liste a changé.",
            ),
        ),
        rules_version=draw.VERSION,
    )
