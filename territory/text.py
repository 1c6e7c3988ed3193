"""Text normalisation shared by every search on names."""

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case, drop accents, turn hyphens, apostrophes and runs of spaces into one space.

    "Saint-Rémy-lès-Chevreuse" and "st remy les chevreuse" differ only by the
    "saint"/"st" abbreviation, which `fold_commune` handles on top of this.
    """
    decomposed = unicodedata.normalize("NFKD", text or "")
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    ascii_text = ascii_text.replace("œ", "oe").replace("æ", "ae")
    return _NON_ALNUM.sub(" ", ascii_text).strip()


_ABBREVIATIONS = {"st": "saint", "ste": "sainte"}


def fold_commune(text: str) -> str:
    """`fold` plus the usual abbreviations of commune names (St → Saint)."""
    return " ".join(_ABBREVIATIONS.get(word, word) for word in fold(text).split())
