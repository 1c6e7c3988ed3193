"""The public pages every accessibility and validity check goes through, for a given place."""


def _search_and_place(place):
    return {
        "accueil": "/",
        "résultats": "/recherche/?besoin=demarches&ou=91300",
        "résultats vides": "/recherche/?besoin=equipement&ou=91300&rayon=2",
        "recherche à corriger": "/recherche/?ou=Zzyzx",
        "lieu": place.get_absolute_url(),
        "fiche à imprimer": f"/lieux/{place.pk}/fiche/",
        "signaler une erreur": f"/lieux/{place.pk}/signaler/",
    }


def pages(place):
    return {
        **_search_and_place(place),
        "accessibilité": "/accessibilite/",
        "mentions légales": "/mentions-legales/",
        "données personnelles": "/donnees-personnelles/",
        "contact": "/contact/",
        "plan du site": "/plan-du-site/",
        "page introuvable": "/nulle-part/",
        "données ouvertes": "/donnees-ouvertes/",
        "documentation de l’API": "/api/docs",
        "algorithmes publics": "/algorithmes/",
        "algorithme de recherche": "/algorithmes/recherche/",
        "algorithme de fusion": "/algorithmes/fusion-des-donnees/",
        "algorithme de fraîcheur": "/algorithmes/fraicheur/",
    }


def translated_pages(place, event, request):
    """The pages an inhabitant uses, translated into every language of core.i18n (French addresses)."""
    occurrence = event.occurrences.first()
    return {
        **_search_and_place(place),
        "contact": "/contact/",
        "plan du site": "/plan-du-site/",
        "page introuvable": "/nulle-part/",
        "agenda": "/agenda/",
        "événement": event.get_absolute_url(),
        "inscription": f"/agenda/dates/{occurrence.pk}/inscription/",
        "demandes": "/demandes/",
        "nouvelle demande": "/demandes/nouvelle/",
        "demande": f"/demandes/{request.pk}/",
        "statistiques des demandes": "/demandes/statistiques/",
        "enquête": "/enquete/",
    }


def main_menu(html):
    """The main menu of a page (the language switcher above it is another navigation)."""
    return html.split('aria-label="Menu principal"')[1].split("</nav>")[0]
