"""The reference households of the acceptance test (December 2026), in the engine's terms.

MASSY and EVRY are INSEE codes (Massy 91377, Évry-Courcouronnes 91228: housing aid zone 2).
"""

from datetime import date

from rights.situation import Adult, Child, Household

MONTH = date(2026, 12, 1)
MASSY, EVRY = "91377", "91228"

REFERENCE = {
    # A single parent, one child at collège, 900 € net a month, renting in Massy.
    "parent_isole_college_massy": Household(
        adults=(Adult(age=35, salary=900),),
        children=(Child(age=12, school="college"),),
        rent=700,
        depcom=MASSY,
        rfr=9000,
    ),
    # A couple of retirees on small pensions (500 € and 400 € net a month), owners.
    "retraites_couple": Household(
        adults=(Adult(age=70, pension=500), Adult(age=68, pension=400)),
        housing="proprietaire",
        depcom=MASSY,
        rfr=10_800,
    ),
    # A young worker at about the net SMIC, renting in Évry-Courcouronnes.
    "jeune_smic_evry": Household(adults=(Adult(age=24, salary=1443),), rent=550, depcom=EVRY, rfr=15_000),
    # A single person with no income, renting.
    "seul_sans_revenu": Household(adults=(Adult(age=40),), rent=500, depcom=MASSY, rfr=0),
    # The same, who already receives the RSA (580 € a month): never shown as a new right.
    "seul_rsa_percu": Household(adults=(Adult(age=40),), rent=500, depcom=MASSY, rfr=0, received={"rsa": 580.0}),
    # A couple, one salary of 1,800 €, two children (8 at primary school, 15 at lycée), renting.
    "couple_deux_enfants": Household(
        adults=(Adult(age=41, salary=1800), Adult(age=39)),
        children=(Child(age=8, school="primaire"), Child(age=15, school="lycee")),
        rent=900,
        depcom=EVRY,
        rfr=19_000,
    ),
    # A single adult with an 80 % disability, no income, hosted free of charge.
    "handicap_80_heberge": Household(
        adults=(Adult(age=45, disability_rate=80),), housing="heberge", depcom=MASSY, rfr=0
    ),
    # A single parent of three (4, 9 and 13), on unemployment benefit (1,000 € a month), renting.
    "parent_isole_trois_enfants": Household(
        adults=(Adult(age=38, unemployment=1000),),
        children=(Child(age=4, school="maternelle"), Child(age=9, school="primaire"), Child(age=13, school="college")),
        rent=800,
        depcom=EVRY,
        rfr=11_000,
    ),
    # A person of 67 with no pension, renting.
    "senior_seul_sans_pension": Household(adults=(Adult(age=67),), rent=450, depcom=MASSY, rfr=0),
    # A couple earning 3,500 € net each, one child, owners: nothing to claim.
    "couple_aise": Household(
        adults=(Adult(age=45, salary=3500), Adult(age=44, salary=3500)),
        children=(Child(age=10, school="primaire"),),
        housing="proprietaire",
        depcom=MASSY,
        rfr=80_000,
    ),
}
