"""The pages of a logged-in person: their account, a structure's page (members, invitations, requests), and
the invitation link. Thin: a form parses, a function of accounts.domain.membership acts."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts import tools
from accounts.domain import membership as domain
from accounts.forms import DecideForm, InviteForm, JoinForm
from accounts.models import JoinRequest, Membership, Structure
from accounts.permissions import INVITE, MANAGE_MEMBERS, REQUEST_JOIN, VIEW, can, is_coordinator, is_moderator
from core.signing import LinkError
from core.throttle import throttled


@login_required
def home(request):
    memberships = Membership.objects.filter(user=request.user).select_related("structure")
    return render(
        request,
        "accounts/home.html",
        {
            "memberships": memberships,
            "pending": domain.pending_for(request.user),
            "offer_second_factor": is_coordinator(request.user) or is_moderator(request.user),
            "tools": tools.for_user(request.user),
        },
    )


@login_required
@throttled("structure")
def structure(request, pk):
    """A structure as its people see it; « Je travaille dans cette structure » for the others."""
    structure = get_object_or_404(Structure, pk=pk)
    user = request.user
    invite_form, join_form = InviteForm(), JoinForm()
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "inviter":
                invite_form = InviteForm(request.POST)
                if invite_form.is_valid():
                    domain.invite(structure, **invite_form.cleaned_data, by=user)
                    messages.success(
                        request, _("Invitation envoyée à %(email)s.") % {"email": invite_form.cleaned_data["email"]}
                    )
                    return redirect("accounts:structure", pk=pk)
            elif action == "rejoindre":
                join_form = JoinForm(request.POST)
                if join_form.is_valid():
                    domain.request_to_join(user, structure, join_form.cleaned_data["message"])
                    messages.success(request, _("Votre demande est envoyée. Vous recevrez la réponse par e-mail."))
                    return redirect("accounts:structure", pk=pk)
            elif action == "decider":
                join = get_object_or_404(JoinRequest, pk=request.POST.get("demande"), structure=structure)
                form = DecideForm(request.POST)
                if form.is_valid():
                    accept = form.cleaned_data["decision"] == "accepter"
                    domain.decide(join, accept, by=user, reason=form.cleaned_data["reason"])
                    if accept:
                        text = _("Demande de %(name)s : acceptée.")
                    else:
                        text = _("Demande de %(name)s : refusée.")
                    messages.success(request, text % {"name": join.user.get_full_name()})
                    return redirect("accounts:structure", pk=pk)
        except ValidationError as error:
            target = invite_form if action == "inviter" else join_form
            for field, errors in getattr(error, "message_dict", {None: error.messages}).items():
                for message in errors:
                    target.add_error(field if field in target.fields else None, message)
    context = {
        "structure": structure,
        "can_view": can(user, VIEW, structure),
        "can_manage": can(user, MANAGE_MEMBERS, structure),
        "can_invite": can(user, INVITE, structure),
        "can_join": can(user, REQUEST_JOIN, structure),
        "asked": JoinRequest.objects.filter(user=user, structure=structure, status=JoinRequest.Status.PENDING).exists(),
        "invite_form": invite_form,
        "join_form": join_form,
    }
    if context["can_view"]:
        context["memberships"] = structure.memberships.select_related("user").order_by("user__email")
    if context["can_manage"]:
        context["pending"] = structure.join_requests.filter(status=JoinRequest.Status.PENDING).select_related("user")
    return render(request, "accounts/structure.html", context)


@throttled("invitation")
def invitation(request, token):
    """The invitation link: shown first (GET), accepted by the button (POST), so a mail scanner opening the
    link accepts nothing."""
    try:
        structure, email, role = domain.read_invitation(token)
    except LinkError as error:
        return render(request, "accounts/invitation.html", {"error": str(error)}, status=410)
    context = {"structure": structure, "email": email, "role": Membership.Role(role).label}
    if request.method == "POST":
        try:
            membership = domain.accept_invitation(token, request.user)
        except (LinkError, domain.WrongAccount) as error:
            return render(request, "accounts/invitation.html", {**context, "error": str(error)}, status=400)
        if not request.user.is_authenticated:
            login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request, _("Bienvenue : vous faites maintenant partie de « %(name)s ».") % {"name": structure.name}
        )
        return redirect("accounts:home")
    return render(request, "accounts/invitation.html", context)


def admin_login(request):
    """The admin's login is the site's (password or code, then the second factor): no second door. A person
    already logged in without access to the administration is told so, not sent round in circles."""
    if request.user.is_authenticated:
        return render(request, "accounts/no_admin.html", status=403)
    next_url = request.GET.get("next", "/admin/")
    return HttpResponseRedirect(reverse("account_login") + "?" + urlencode({"next": next_url}))
