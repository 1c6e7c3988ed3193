"""Easy-to-read French (« facile à lire et à comprendre », FALC) versions of the directory's public pages.

Thin views over the same domain functions as the full pages (`directory.views`): the search, the needs, a
place's context, its hours and notices. This module only phrases their results in short, plain sentences
(European easy-to-read rules, Inclusion Europe): one idea per sentence, common words, no abbreviations.
These pages are French-only by design: their text is not translated.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from directory import presentation
from directory.domain import explain, gaps, hours
from directory.domain.search import Result, nearest, needs_of, needs_with_places, search
from directory.forms import SearchForm
from directory.needs import NEEDS
from directory.views import _place_context, _published_place, follows_merges, remembered_page

PAGE_SIZE = 5
PICTOS = "directory/easy/pictos/"
NBSP = "\u00a0"


@dataclass(frozen=True)
class EasyNeed:
    slug: str
    label: str  # plain words, said by the person: « Je veux… »
    picto: str


# The needs of `directory.needs.NEEDS`, in plain words. A need missing here keeps its own label.
EASY_NEEDS = {
    "demarches": ("Faire vos papiers sur internet", "papier"),
    "outils": ("Apprendre à utiliser un ordinateur ou un téléphone", "ordinateur"),
    "securite": ("Éviter les arnaques sur internet", "cadenas"),
    "emploi": ("Chercher un travail avec internet", "travail"),
    "parents": ("Aider vos enfants avec les écrans", "famille"),
    "comprendre": ("Comprendre internet et les réseaux sociaux", "idee"),
    "loisirs": ("Faire des loisirs avec un ordinateur", "etoile"),
    "wifi": ("Aller sur internet gratuitement", "wifi"),
    "acces": ("Utiliser un ordinateur ou une imprimante sur place", "imprimante"),
    "equipement": ("Acheter un ordinateur ou un téléphone pas cher", "euro"),
    "don": ("Donner un vieil ordinateur ou un vieux téléphone", "coeur"),
}

# What « how to come » values of the lieux standard mean, in plain sentences (`Place.modalites_acces`).
ACCESS_SENTENCES = {
    "Se présenter": "Vous pouvez venir sans rendez-vous.",
    "Téléphoner": "Vous pouvez appeler pour avoir un rendez-vous.",
    "Contacter par mail": "Vous pouvez écrire un e-mail pour avoir un rendez-vous.",
    "Prendre un RDV en ligne": "Vous pouvez prendre rendez-vous sur internet.",
    "Envoyer un mail avec une fiche de prescription": "Une personne qui vous aide déjà doit vous envoyer ici.",
    "Ce lieu n'accueille pas de public": "Ce lieu ne reçoit pas de public.",
}
FEE_SENTENCES = {
    "Gratuit": "C’est gratuit.",
    "Gratuit sous conditions": "C’est gratuit pour certaines personnes.",
    "Payant": "C’est payant.",
    "": "Demandez le prix avant d’y aller.",
}


def easy_need(need) -> EasyNeed:
    label, picto = EASY_NEEDS.get(need.slug, (need.label, "question"))
    return EasyNeed(need.slug, label, f"{PICTOS}{picto}.svg")


def offered_needs() -> list[EasyNeed]:
    """The needs of the search form that some place answers (the others are not offered at all here)."""
    available = needs_with_places()
    return [easy_need(need) for need in NEEDS if need.slug in available]


def distance_sentence(result: Result, town: str) -> str:
    """« C’est à 2 km de Massy. »: whole kilometres, no decimals."""
    if result.distance_km is None:
        return ""
    place = result.place
    if place.position_approximative and result.distance_km < 5:
        return f"C’est dans la ville de {place.commune}." if place.commune else ""
    where = f" de {town}" if town else ""
    if result.distance_km < 1:
        return f"C’est à moins de 1{NBSP}km{where}."
    return f"C’est à {round(result.distance_km)}{NBSP}km{where}."


def status_sentences(status: hours.Status, code_insee: str) -> list[str]:
    """Open now, or when it opens next, in one or two short sentences."""
    if status.is_open:
        return ["C’est ouvert maintenant.", status.label.replace("Ouvert", "Ça ferme", 1).replace("jusqu’à", "à") + "."]
    if status.next_opening:
        today = hours.place_now(code_insee).date()
        day = hours.format_day(status.next_opening.date(), today)
        return ["C’est fermé maintenant.", f"Ça ouvre {day} à {hours.format_time(status.next_opening)}."]
    if status.known:
        return ["C’est fermé en ce moment.", "Appelez pour savoir quand ça ouvre."]
    if status.label == hours.HOLIDAY_TO_CHECK:
        return ["Aujourd’hui, c’est un jour férié.", "Appelez pour savoir si c’est ouvert."]
    return ["Nous ne connaissons pas les horaires.", "Appelez avant d’y aller."]


def _span(text: str) -> str:
    """« 9 h – 12 h » → « de 9 h à 12 h »; other texts (« toute la journée ») as they are."""
    if " – " not in text:
        return text
    start, rest = text.split(" – ", 1)
    end, _, more = rest.partition(" ")
    return f"de {start} à {end}" + (f" {more}" if more else "")


def day_lines(week) -> list[dict]:
    """One line per day of the week: « Lundi : de 9 h à 12 h et de 14 h à 17 h. »"""
    lines = []
    for day in week:
        if day.to_check:
            text = "jour férié, appelez pour savoir si c’est ouvert"
        elif not day.spans:
            text = "fermé"
        else:
            text = " et ".join(_span(span) for span in day.spans)
        lines.append({"name": day.name, "text": re.sub(r"^Fermeture", "fermeture", text), "today": day.is_today})
    return lines


def access_sentences(place) -> list[str]:
    sentences = []
    for value in place.modalites_acces:
        if value == "Téléphoner" and not place.telephone:
            continue
        if value in ACCESS_SENTENCES:
            sentences.append(ACCESS_SENTENCES[value])
    return sentences or ["Appelez avant d’y aller pour savoir comment venir."]


def _describe(result: Result, town: str) -> Result:
    facts = presentation.place_facts(result.place, result.services)
    result.easy = {
        "distance": distance_sentence(result, town),
        "fee": FEE_SENTENCES.get(facts["fee"], FEE_SENTENCES[""]),
        "status": status_sentences(result.status, result.place.code_insee),
        "phone": facts["phone"],
    }
    return result


def _problems(form: SearchForm, typed: str) -> list[str]:
    """What went wrong with the search, in plain sentences."""
    if "ou" in form.errors and typed:
        return [
            f"Nous ne trouvons pas la ville « {typed} ».",
            "Vérifiez comment le nom est écrit.",
            "Vous pouvez aussi écrire le code postal.",
        ]
    if "ou" in form.errors:
        return ["Vous n’avez pas écrit votre ville.", "Écrivez le nom de votre ville ou son code postal."]
    if "besoin" in form.errors:
        return ["Nous ne connaissons pas ce besoin.", "Choisissez un besoin dans la liste."]
    return ["Votre recherche n’a pas marché.", "Recommencez avec le formulaire."]


def _full_version(name: str, query: str = "", **kwargs) -> str:
    url = reverse(f"directory:{name}", kwargs=kwargs or None)
    return f"{url}?{query}" if query else url


@require_GET
@remembered_page
def home(request):
    context = {"needs": offered_needs(), "full_url": _full_version("home"), "help_line": explain.help_line()}
    return render(request, "directory/easy/home.html", context)


@require_GET
@remembered_page
def results(request):
    query = presentation.search_query(request.GET)
    form = SearchForm(request.GET, needs_available=needs_with_places())
    context = {
        "form": form,
        "needs": offered_needs(),
        "chosen": request.GET.get("besoin", ""),
        "typed": request.GET.get("ou", "").strip(),
        "full_url": _full_version("results", query),
    }
    if not form.is_valid():
        context.update(problems=_problems(form, context["typed"]), suggestions=form.suggestions)
        return render(request, "directory/easy/results.html", context, status=400)
    criteria = form.criteria()
    number = form.cleaned_data.get("page") or 1
    page = search(criteria, page=number, page_size=PAGE_SIZE)
    if number == 1:  # counted like the full results page
        gaps.record(criteria.need.slug if criteria.need else "", criteria.code_insee, page.total)
    town = form.commune.nom if form.commune else ""
    left = page.total - page.last_index
    context.update(
        criteria=criteria,
        page=page,
        town=town,
        need=easy_need(criteria.need) if criteria.need else None,
        places=[_describe(result, town) for result in page.results],
        nearest=[] if page.total else [_describe(result, town) for result in nearest(criteria)],
        next_count=min(PAGE_SIZE, left),
        help_line=explain.help_line(),
        back_query=query,
    )
    return render(request, "directory/easy/results.html", context)


def _easy_place_context(place) -> dict:
    context = _place_context(place)
    services = context["services"]
    answered = needs_of(place)
    context.update(
        needs=[easy_need(need) for need in answered],
        fee=FEE_SENTENCES.get(context["facts"]["fee"], FEE_SENTENCES[""]),
        access=access_sentences(place),
        now=status_sentences(context["status"], place.code_insee),
        days=day_lines(context["week"]),
        conditions=[s.conditions_acces for s in services if s.conditions_acces],
        papers=any(need.slug == "demarches" for need in answered),
    )
    return context


@require_GET
@remembered_page
@follows_merges
def place(request, pk: int):
    found = _published_place(pk)
    context = _easy_place_context(found)
    back_query = presentation.search_query(request.GET)
    context.update(
        back_query=back_query,
        full_url=found.get_absolute_url() + (f"?{back_query}" if back_query else ""),
    )
    return render(request, "directory/easy/place.html", context)


@require_GET
@follows_merges
def sheet(request, pk: int):
    found = _published_place(pk)
    context = _easy_place_context(found)
    context.update(
        full_url=_full_version("place-sheet", pk=found.pk),
        share_url=request.build_absolute_uri(reverse("directory:easy-place", kwargs={"pk": found.pk})),
    )
    return render(request, "directory/easy/sheet.html", context)


# The full pages that have an easy-to-read version: full page's URL name → easy page's URL name.
EASY_VERSIONS = {
    "home": "easy-home",
    "results": "easy-results",
    "place": "easy-place",
    "place-short": "easy-place",
    "place-sheet": "easy-sheet",
}
EASY_PARAMETERS = ("besoin", "ou", "rayon")  # what the easy search reads (its pages are 5 places long: no `page`)


def easy_version_url(request) -> str:
    """The easy-to-read version of the page `request` shows, else the easy-to-read home page (for the link in the
    layout, on every page). Easy-to-read pages are in French: their address is French whatever the page's language."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.app_name != "directory" or match.url_name not in EASY_VERSIONS:
        with translation.override(settings.LANGUAGE_CODE):
            return reverse("directory:easy-home")
    kwargs = {"pk": match.kwargs["pk"]} if "pk" in match.kwargs else None
    with translation.override(settings.LANGUAGE_CODE):
        url = reverse(f"directory:{EASY_VERSIONS[match.url_name]}", kwargs=kwargs)
    query = request.GET.copy()
    for key in list(query):
        if key not in EASY_PARAMETERS:
            del query[key]
    if match.url_name == "place-sheet" or not query:
        return url
    return f"{url}?{query.urlencode()}"
