"""Where France is: the mainland and every overseas territory, with their telephone country codes.

INSEE codes of the DROM (971–976) and of the COM (975, 977, 978, 986, 987, 988) start with their
three-digit "département" code; their phone numbers use their own country code (lieux standard).
"""

import math

# (lat min, lat max, lon min, lon max), a little wider than the land, islands included.
BOXES = {
    "": (41.2, 51.2, -5.3, 9.7),  # mainland and Corsica
    "971": (15.8, 16.6, -61.9, -60.9),  # Guadeloupe
    "972": (14.3, 14.95, -61.3, -60.75),  # Martinique
    "973": (2.0, 5.9, -54.7, -51.5),  # Guyane
    "974": (-21.45, -20.8, 55.15, 55.9),  # La Réunion
    "975": (46.7, 47.2, -56.5, -56.05),  # Saint-Pierre-et-Miquelon
    "976": (-13.1, -12.55, 44.9, 45.35),  # Mayotte
    "977": (17.85, 18.0, -62.97, -62.77),  # Saint-Barthélemy
    "978": (18.0, 18.14, -63.18, -62.95),  # Saint-Martin
    "986": (-14.45, -13.1, -178.3, -175.9),  # Wallis-et-Futuna
    "987": (-28.0, -7.7, -155.0, -134.0),  # Polynésie française
    "988": (-23.0, -17.8, 158.0, 172.3),  # Nouvelle-Calédonie
}

# Country code and length of the local number (after it) in each territory with its own plan.
# The DROM, Saint-Martin and Saint-Barthélemy use 10-digit national numbers (0590…, 0692…).
PHONE_PLANS = {"975": ("+508", 6), "986": ("+681", 6), "987": ("+689", 8), "988": ("+687", 6)}
COUNTRY_CODES = ("+33", "+262", "+269", "+508", "+590", "+594", "+596", "+681", "+687", "+689")
# National numbers of the DROM: their first four digits give their country code.
NATIONAL_PREFIXES = {
    "0590": "+590", "0690": "+590", "0691": "+590", "0594": "+594", "0694": "+594", "0262": "+262",
    "0263": "+262", "0692": "+262", "0693": "+262", "0269": "+262", "0639": "+262", "0596": "+596",
    "0696": "+596", "0697": "+596",
}  # fmt: skip


def departement_of(code_insee: str) -> str:
    """ "91377" → "91", "98818" → "988", "2A004" → "2A"."""
    code = (code_insee or "").strip().upper()
    return code[:3] if code[:2] in ("97", "98") else code[:2]


def territory_of(lat: float, lon: float) -> str | None:
    """ "" for the mainland, "988" for New Caledonia…, None when the position is not in France."""
    for code, (lat_min, lat_max, lon_min, lon_max) in BOXES.items():
        if lat_min <= lat <= lat_max and lon_min <= lon <= lon_max:
            return code
    return None


def territory_of_departement(departement: str) -> str:
    """The key of BOXES a département belongs to ("" for the mainland)."""
    return departement if departement in BOXES else ""


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(a)))
