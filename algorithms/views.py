"""/algorithmes/: the public register, read from the declarations next to each algorithm's code."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from algorithms import register


@require_safe
def index(request):
    return render(request, "algorithms/index.html", {"entries": register.entries()})


@require_safe
def detail(request, slug: str):
    entry = register.entry(slug)
    if entry is None:
        raise Http404(gettext("Algorithme inconnu"))
    return render(request, "algorithms/detail.html", {"entry": entry, "d": entry.declaration})
