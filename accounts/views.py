"""The pages of a logged-in person: their account; invitations and join requests (thin: forms → domain)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import urlencode

from accounts.models import Membership
from accounts.permissions import is_coordinator, is_moderator


@login_required
def home(request):
    memberships = Membership.objects.filter(user=request.user).select_related("structure")
    return render(
        request,
        "accounts/home.html",
        {
            "memberships": memberships,
            "offer_second_factor": is_coordinator(request.user) or is_moderator(request.user),
        },
    )


def admin_login(request):
    """The admin's login is the site's (password or code, then the second factor): no second door. A person
    already logged in without access to the administration is told so, not sent round in circles."""
    if request.user.is_authenticated:
        return render(request, "accounts/no_admin.html", status=403)
    next_url = request.GET.get("next", "/admin/")
    return HttpResponseRedirect("/connexion/?" + urlencode({"next": next_url}))
