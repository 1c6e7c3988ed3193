"""The site's languages: which exist, how far each translation was reviewed, and which pages are translated.

French is the source language, at unprefixed addresses (/recherche/). Every other language lives under its
prefix (/en/recherche/, /ar/recherche/): an address says its language, so a shared link, a bookmark and the
page cache all stay right, and the language switcher is plain links that keep the page (no script, no cookie).

Only the pages of TRANSLATED_PAGES are translated: the pages an inhabitant uses (search, results, place page
and its sheet, the agenda and its registrations, requests, the survey). Under a language prefix, any other page
is sent to its French address, so that no page says `lang="en"` while it speaks French.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse, translate_url
from django.utils import translation


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in the language itself: a reader recognises their own language, not its French name
    french_name: str
    review: str  # "source", "relue" (checked by a fluent reader) or "à relire" (drafted, not yet checked)
    review_note: str = ""

    @property
    def bidi(self):
        return self.code in settings.LANGUAGES_BIDI

    @property
    def direction(self):
        return "rtl" if self.bidi else "ltr"

    @property
    def reviewed(self):
        return self.review != "à relire"


DRAFT = "Brouillon de l’équipe, à faire relire par un locuteur natif."
LANGUAGES = [
    Language("fr", "Français", "français", "source"),
    Language("en", "English", "anglais", "à relire", DRAFT),
    Language("ar", "العربية", "arabe", "à relire", DRAFT),
    Language("uk", "Українська", "ukrainien", "à relire", DRAFT),
    Language("fa", "دری / فارسی", "dari (persan)", "à relire", DRAFT),
]
BY_CODE = {language.code: language for language in LANGUAGES}

# The translated pages, by URL name. Any other page exists in French only.
TRANSLATED_PAGES = {
    "directory:home",
    "directory:results",
    "directory:communes",
    "directory:place",
    "directory:place-short",
    "directory:place-sheet",
    "directory:report",
    "directory:report-thanks",
    "agenda:find",
    "agenda:event",
    "agenda:programme",
    "agenda:register",
    "agenda:registered",
    "agenda:cancel",
    "participation:index",
    "participation:new",
    "participation:similar",
    "participation:sent",
    "participation:support-sent",
    "participation:confirm",
    "participation:confirm-support",
    "participation:contest",
    "participation:statistics",
    "participation:detail",
    "participation:support",
    "observatory:survey",
    "observatory:survey-thanks",
    "web:contact",
    "web:site-map",
}


def is_translated(request):
    match = getattr(request, "resolver_match", None)
    return bool(match) and match.view_name in TRANSLATED_PAGES


def current():
    return BY_CODE.get(translation.get_language(), BY_CODE[settings.LANGUAGE_CODE])


class FrenchOnlyPagesMiddleware:
    """Under a language prefix, a page that is not translated is sent to its French address (reading requests),
    or served in French (a form sent from a translated page to a French-only one keeps its data)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if translation.get_language() == settings.LANGUAGE_CODE or is_translated(request):
            return None
        if request.method in ("GET", "HEAD"):
            return HttpResponseRedirect(translate_url(request.get_full_path(), settings.LANGUAGE_CODE))
        translation.activate(settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return None


def switcher(request):
    """The links of the language switcher: this same page in every language (or, on a French-only page, each
    language's home page), each marked with its own language."""
    translated = is_translated(request)
    path = request.get_full_path()
    links = []
    for language in LANGUAGES:
        if translated:
            address = translate_url(path, language.code)
        else:
            with translation.override(language.code):
                address = reverse("directory:home")
        links.append({"language": language, "url": address, "current": language.code == current().code})
    return links


def context(request):
    language = current()
    return {
        "language": language,
        "page_translated": is_translated(request),
        "language_links": switcher(request),
    }
