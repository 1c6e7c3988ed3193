# ruff: noqa: E501
"""The texts of `orientation/rules/risques.toml` shown to people, marked for makemessages (the file is data).
Generated from the rules file by tests/orientation/test_rules_messages.py: do not edit by hand."""

from django.utils.translation import gettext_noop

# fmt: off
MESSAGES = [
    # PERTE-DROIT
    gettext_noop("Risque de perdre un droit"),
    gettext_noop("La personne n’a aucun équipement et sa démarche se fait seulement en ligne, avec une échéance dans les 15 jours (ou déjà passée)."),
    # Translators: keep the words in braces ({procedure}, {deadline}…) exactly as they are.
    gettext_noop("Pas d’équipement et une démarche {procedure} en ligne à faire avant le {deadline}"),
    # LECTURE
    gettext_noop("Besoin d’une aide en personne pour lire et écrire"),
    gettext_noop("La personne lit le français avec difficulté ou ne le lit pas : un tutoriel ou une vidéo ne suffit pas, il lui faut quelqu’un à côté d’elle."),
    gettext_noop("Lit le français avec difficulté ou pas du tout : une aide en personne, pas un tutoriel vidéo"),
    # LANGUE
    gettext_noop("Besoin d’une aide dans sa langue"),
    gettext_noop("La personne ne parle pas français : il lui faut une aide dans sa langue."),
    # Translators: keep the words in braces ({procedure}, {deadline}…) exactly as they are.
    gettext_noop("Parle {language} : une aide dans sa langue"),
    # SANS-COURRIEL
    gettext_noop("Ne peut pas recevoir les messages de la démarche"),
    gettext_noop("La personne n’a pas d’adresse e-mail : elle ne recevra ni les codes de connexion ni les messages de l’administration."),
    # Translators: keep the words in braces ({procedure}, {deadline}…) exactly as they are.
    gettext_noop("Pas d’adresse e-mail : la démarche {procedure} envoie ses codes et ses messages par courriel"),
    # COMPTE-EN-LIGNE
    gettext_noop("Pas d’accès au compte en ligne de la démarche"),
    gettext_noop("La démarche se fait dans un compte en ligne (CAF, Ameli, impots.gouv, France Travail, FranceConnect) auquel la personne n’a pas accès."),
    # Translators: keep the words in braces ({procedure}, {deadline}…) exactly as they are.
    gettext_noop("Pas d’accès au compte {account}, nécessaire pour la démarche {procedure}"),
    # HANDICAP-AUDITION
    gettext_noop("Besoin d’un accompagnement adapté à la surdité"),
    gettext_noop("La personne a une déficience auditive : il lui faut un lieu qui accueille les personnes sourdes ou malentendantes."),
    gettext_noop("Déficience auditive : un accueil adapté à la surdité (LSF, boucle magnétique, écrit)"),
    # HANDICAP-VUE
    gettext_noop("Besoin d’un accompagnement adapté à la déficience visuelle"),
    gettext_noop("La personne a une déficience visuelle : il lui faut un lieu qui accompagne les personnes aveugles ou malvoyantes."),
    gettext_noop("Déficience visuelle : un accompagnement adapté (lecteur d’écran, grands caractères)"),
    # HANDICAP-MOTEUR
    gettext_noop("Besoin d’un lieu adapté au handicap moteur"),
    gettext_noop("La personne a un handicap moteur : il lui faut un lieu qui accueille les personnes à mobilité réduite."),
    gettext_noop("Handicap moteur : un lieu accessible et un accompagnement adapté"),
    # HANDICAP-COGNITIF
    gettext_noop("Besoin d’un accompagnement adapté aux troubles cognitifs"),
    gettext_noop("La personne a des troubles cognitifs ou psychiques : il lui faut un accompagnement adapté, en personne."),
    gettext_noop("Troubles cognitifs ou psychiques : un accompagnement adapté, en personne"),
    # SANS-DEPLACEMENT
    gettext_noop("Ne peut pas se déplacer"),
    gettext_noop("La personne ne peut pas se déplacer : il lui faut une aide à distance (téléphone, visio) ou à domicile."),
    gettext_noop("Ne peut pas se déplacer : une aide à distance ou à domicile"),
    # SANS-INTERNET
    gettext_noop("Pas d’internet à la maison"),
    gettext_noop("La personne n’a pas internet chez elle : il lui faut un lieu où se connecter, ou un accès à prix solidaire."),
    gettext_noop("Pas d’internet à la maison : un lieu où se connecter, ou une connexion à prix solidaire"),
    # COMPETENCES
    gettext_noop("Compétences numériques insuffisantes pour la démarche"),
    gettext_noop("La démarche demande des compétences numériques (parmi les cinq domaines de l’INSEE) que la personne n’a pas, ou seulement avec de l’aide."),
    # Translators: keep the words in braces ({procedure}, {deadline}…) exactly as they are.
    gettext_noop("La démarche {procedure} demande de {weak_skills} : la personne ne le fait pas seule"),
    # démarche caf
    gettext_noop("CAF"),
    gettext_noop("Votre numéro d’allocataire CAF et votre code confidentiel (si vous l’avez)"),
    gettext_noop("Une pièce d’identité"),
    gettext_noop("Vos derniers justificatifs de ressources (bulletins de salaire, avis d’imposition)"),
    gettext_noop("Un relevé d’identité bancaire (RIB)"),
    gettext_noop("Le courrier ou le message reçu de la CAF"),
    # démarche impots
    gettext_noop("impôts"),
    gettext_noop("Votre dernier avis d’impôt (numéro fiscal et numéro d’accès en ligne)"),
    gettext_noop("Une pièce d’identité"),
    gettext_noop("Vos justificatifs de revenus de l’année"),
    gettext_noop("Le courrier reçu des impôts"),
    # démarche sante
    gettext_noop("santé"),
    gettext_noop("Votre carte Vitale ou votre attestation de droits"),
    gettext_noop("Une pièce d’identité"),
    gettext_noop("Vos justificatifs de ressources (pour la complémentaire santé solidaire)"),
    gettext_noop("Un relevé d’identité bancaire (RIB)"),
    # démarche france-travail
    gettext_noop("France Travail"),
    gettext_noop("Votre identifiant France Travail"),
    gettext_noop("Une pièce d’identité"),
    gettext_noop("Votre CV si vous en avez un"),
    gettext_noop("Un relevé d’identité bancaire (RIB)"),
    # démarche identite
    gettext_noop("papiers d’identité (ANTS)"),
    gettext_noop("Votre ancienne pièce d’identité (ou la déclaration de perte ou de vol)"),
    gettext_noop("Un justificatif de domicile de moins d’un an"),
    gettext_noop("Une photo d’identité récente (avec son code e-photo si possible)"),
    gettext_noop("Un timbre fiscal si la démarche en demande un"),
    # démarche retraite
    gettext_noop("retraite"),
    gettext_noop("Votre numéro de sécurité sociale"),
    gettext_noop("Une pièce d’identité"),
    gettext_noop("Vos relevés de carrière ou bulletins de salaire anciens"),
    gettext_noop("Un relevé d’identité bancaire (RIB)"),
    # démarche logement
    gettext_noop("logement"),
    gettext_noop("Une pièce d’identité ou un titre de séjour"),
    gettext_noop("Votre dernier avis d’impôt"),
    gettext_noop("Vos justificatifs de ressources"),
    gettext_noop("Votre numéro unique de demande de logement social (si vous en avez un)"),
    # démarche energie
    gettext_noop("énergie"),
    gettext_noop("Votre chèque énergie ou votre dernière facture"),
    gettext_noop("Votre dernier avis d’impôt"),
    gettext_noop("Une pièce d’identité"),
    # démarche autre
    gettext_noop("administrative"),
    gettext_noop("Une pièce d’identité"),
    gettext_noop("Le courrier ou le message reçu au sujet de la démarche"),
]
# fmt: on
