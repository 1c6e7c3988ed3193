"""The legal time zone of a commune, from its INSEE code (overseas territories have their own)."""

METROPOLE = "Europe/Paris"
OVERSEAS = {
    "971": "America/Guadeloupe",
    "972": "America/Martinique",
    "973": "America/Cayenne",
    "974": "Indian/Reunion",
    "975": "America/Miquelon",
    "976": "Indian/Mayotte",
    "977": "America/St_Barthelemy",
    "978": "America/Marigot",
    "986": "Pacific/Wallis",
    "987": "Pacific/Tahiti",
    "988": "Pacific/Noumea",
}


def timezone_for_insee(code_insee: str) -> str:
    """The IANA time zone of the commune with this INSEE code; metropolitan France when unknown."""
    return OVERSEAS.get((code_insee or "")[:3], METROPOLE)
