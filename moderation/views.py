"""`/moderation/`: one list of everything waiting for a moderator's decision (thin: the registry does the work)."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from accounts.permissions import MODERATE, can
from moderation import registry

PER_SECTION = 10  # items shown per kind on the queue's front page
PER_PAGE = 50  # items per page when one kind is shown


class _Lazy:
    """A provider's items as a sequence the paginator can count and slice without reading them all."""

    def __init__(self, provider, user):
        self.provider, self.user = provider, user

    def count(self):
        return self.provider.total(self.user)

    def __getitem__(self, window: slice):
        return self.provider.page(self.user, window.start or 0, window.stop)


def moderator_only(view):
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can(request.user, MODERATE):
            raise PermissionDenied(gettext("Cette page est réservée à l’équipe de modération."))
        return view(request, *args, **kwargs)

    wrapper.__name__, wrapper.__doc__ = view.__name__, view.__doc__
    return wrapper


@require_GET
@moderator_only
def queue(request):
    chosen = registry.provider(request.GET.get("type", ""))
    if chosen:
        page = Paginator(_Lazy(chosen, request.user), PER_PAGE).get_page(request.GET.get("page"))
        return render(request, "moderation/kind.html", {"provider": chosen, "page": page})
    sections = [
        {"provider": p, "total": p.total(request.user), "items": p.page(request.user, 0, PER_SECTION)}
        for p in registry.providers()
    ]
    return render(
        request, "moderation/queue.html", {"sections": sections, "waiting": sum(s["total"] for s in sections)}
    )
