# ruff: noqa: E501
"""The texts shown to people that come from data the translation tools cannot read, listed for makemessages.

- the benefits' names (`rights/situation.py`, plain Python without Django, read by the engine too);
- how to claim each benefit (`rights/data/demarches.json`: organisation, contact, procedure, documents, conditions).

The pages show them through gettext (`precheck.shown_procedure`, `{% translate o.label %}`); the data stay French.
Keep this list in step (tests/rights/test_messages.py checks it).
"""

from django.utils.translation import gettext_noop

BENEFIT_LABELS = (
    gettext_noop("Revenu de solidarité active (RSA)"),
    gettext_noop("Prime d’activité"),
    gettext_noop("Aide au logement (APL, ALF ou ALS)"),
    gettext_noop("Allocations familiales"),
    gettext_noop("Allocation de soutien familial (ASF)"),
    gettext_noop("Complémentaire santé solidaire"),
    gettext_noop("Allocation aux adultes handicapés (AAH)"),
    gettext_noop("Allocation de solidarité aux personnes âgées (ASPA, minimum vieillesse)"),
    gettext_noop("Allocation de rentrée scolaire (ARS)"),
    gettext_noop("Bourse de collège"),
    gettext_noop("Bourse de lycée"),
    gettext_noop("Chèque énergie"),
)
PROCEDURES = (
    gettext_noop("Caf (ou MSA pour les personnes affiliées au régime agricole)"),
    gettext_noop("Caf : 32 30 (service gratuit + prix d’un appel)"),
    gettext_noop(
        "Demande en ligne sur caf.fr (« Faire une demande de prestation » puis « RSA »), ou auprès du CCAS de la commune ou du département."
    ),
    gettext_noop("Pièce d’identité (et titre de séjour le cas échéant)"),
    gettext_noop("RIB"),
    gettext_noop("Ressources des 3 derniers mois de chaque membre du foyer"),
    gettext_noop("Numéro fiscal"),
    gettext_noop(
        "Résider en France de façon stable (et, pour une personne étrangère, un titre de séjour autorisant à travailler depuis au moins 5 ans, sauf exceptions)"
    ),
    gettext_noop("Ne pas être étudiant"),
    gettext_noop(
        "L’accompagnement (France Travail, 15 heures d’activité par semaine) : il s’organise avec le référent"
    ),
    gettext_noop("Caf (ou MSA)"),
    gettext_noop("Caf : 32 30"),
    gettext_noop("Demande en ligne sur caf.fr (« Prime d’activité »), puis déclaration trimestrielle des ressources."),
    gettext_noop("Ressources des 3 derniers mois"),
    gettext_noop("Résider en France de façon stable"),
    gettext_noop("Pour un étudiant ou un apprenti : des revenus d’au moins 78 % du Smic"),
    gettext_noop("La déclaration trimestrielle : la prime suit les revenus de chaque trimestre"),
    gettext_noop(
        "Demande en ligne sur caf.fr (« Aide au logement »), avec l’attestation de loyer remplie par le propriétaire."
    ),
    gettext_noop("Bail"),
    gettext_noop("Attestation de loyer (ou de prêt) remplie par le bailleur"),
    gettext_noop("Logement décent et d’une surface suffisante, résidence principale (8 mois par an)"),
    gettext_noop("Pas de lien de famille avec le propriétaire"),
    gettext_noop("Le loyer réellement payé et les charges : l’estimation retient le loyer indiqué"),
    gettext_noop(
        "Souvent versées sans demande après la déclaration de grossesse ou la naissance ; sinon, déclarer la situation sur caf.fr."
    ),
    gettext_noop("Livret de famille ou actes de naissance"),
    gettext_noop("Au moins 2 enfants à charge effective et permanente, résidant en France"),
    gettext_noop("Pour un enfant de plus de 16 ans : son éventuel salaire"),
    gettext_noop(
        "Formulaire « Demande d’allocation de soutien familial » sur caf.fr, avec les justificatifs sur la pension alimentaire."
    ),
    gettext_noop("Jugement fixant la pension alimentaire, ou preuve qu’elle n’est pas payée"),
    gettext_noop("Livret de famille"),
    gettext_noop(
        "L’autre parent ne verse pas la pension alimentaire, ou moins que l’ASF, ou l’enfant n’a pas de filiation établie"
    ),
    gettext_noop("Vivre seul ou seule (sans conjoint, concubin ni partenaire de Pacs)"),
    gettext_noop("Assurance maladie (CPAM ; MSA au régime agricole)"),
    gettext_noop("Assurance maladie : 36 46"),
    gettext_noop(
        "Demande en ligne dans le compte ameli (« Mes démarches »), ou formulaire S3711 déposé à la CPAM. Gratuite, ou avec une participation de quelques euros par mois selon les ressources."
    ),
    gettext_noop("Ressources des 12 derniers mois de chaque membre du foyer"),
    gettext_noop("Pièce d’identité"),
    gettext_noop("Attestation de carte Vitale"),
    gettext_noop("Résider en France de façon stable et régulière"),
    gettext_noop("Être affilié à l’Assurance maladie"),
    gettext_noop("MDPH du département (la décision), puis Caf (le versement)"),
    gettext_noop("La MDPH du département, ou la Caf : 32 30"),
    gettext_noop(
        "Dossier de demande à la MDPH (formulaire Cerfa 15692) avec un certificat médical de moins d’un an (Cerfa 15695) ; la CDAPH décide du taux d’incapacité."
    ),
    gettext_noop("Formulaire de demande MDPH"),
    gettext_noop("Certificat médical de moins d’un an"),
    gettext_noop("Justificatif de domicile"),
    gettext_noop("Le taux d’incapacité reconnu par la CDAPH (le taux indiqué ici est le vôtre)"),
    gettext_noop(
        "Entre 50 et 79 % : une « restriction substantielle et durable d’accès à l’emploi », que la CDAPH apprécie"
    ),
    gettext_noop(
        "La caisse de retraite (Carsat ou CNAV, MSA…) ; sans retraite : le service de l’ASPA (Caisse des dépôts)"
    ),
    gettext_noop("Assurance retraite : 39 60"),
    gettext_noop(
        "Formulaire de demande d’ASPA (Cerfa 13710) à la caisse qui verse la retraite, ou en ligne sur lassuranceretraite.fr."
    ),
    gettext_noop("Avoir demandé toutes les retraites auxquelles on a droit"),
    gettext_noop("Résider en France plus de 9 mois par an"),
    gettext_noop("Les sommes versées peuvent être récupérées sur la succession au-delà d’un montant fixé par la loi"),
    gettext_noop(
        "Versée sans demande en août aux familles connues de la Caf ; sinon, déclarer ses ressources à la Caf. Pour un enfant de 16 à 18 ans, confirmer sa scolarité sur caf.fr."
    ),
    gettext_noop("Déclaration de ressources"),
    gettext_noop("Certificat de scolarité pour un enfant de 16 à 18 ans"),
    gettext_noop("Chaque enfant de 6 à 18 ans est scolarisé (ou en apprentissage avec un petit salaire)"),
    gettext_noop("Le collège de l’enfant"),
    gettext_noop("Le secrétariat du collège"),
    gettext_noop(
        "Demande en ligne avec ÉduConnect (Scolarité services) de la rentrée à la mi-octobre, ou formulaire papier au collège."
    ),
    gettext_noop("Avis d’impôt sur le revenu (revenus N-2)"),
    gettext_noop("Déposer la demande pendant la campagne de l’année scolaire"),
    gettext_noop("L’enfant est inscrit dans un collège public ou privé sous contrat"),
    gettext_noop("Le lycée (ou le collège en classe de 3e)"),
    gettext_noop("Le secrétariat du lycée"),
    gettext_noop(
        "Demande en ligne avec ÉduConnect au printemps de la 3e, ou à la rentrée au lycée ; formulaire papier possible."
    ),
    gettext_noop("Déposer la demande pendant la campagne"),
    gettext_noop("L’élève est inscrit dans un lycée public ou privé sous contrat"),
    gettext_noop("L’État (Agence de services et de paiement)"),
    gettext_noop("Chèque énergie : 0 805 204 805 (gratuit)"),
    gettext_noop(
        "Envoyé sans demande au printemps, à partir de la déclaration de revenus : il suffit de déclarer ses revenus chaque année, même faibles ou nuls."
    ),
    gettext_noop("Déclaration de revenus faite chaque année"),
    gettext_noop(
        "Avoir déclaré ses revenus (même nuls) et occuper un logement soumis à la taxe d’habitation ou un logement-foyer conventionné"
    ),
)
