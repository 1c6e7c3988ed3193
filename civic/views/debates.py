"""Debates: the public pages and their POSTs (thin: forms check, `civic.domain.debates` acts)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.permissions import ANSWER, PARTICIPATE, can
from civic import forms
from civic.domain import debates, participants
from civic.models import Comment, Debate, Proposal
from core import signing
from core.throttle import throttled
from moderation.views import moderator_only


def index(request):
    items = Debate.objects.annotate(count=Count("proposals", filter=Q(proposals__hidden_at__isnull=True)))
    return render(request, "civic/debates.html", {"debates": items})


def _proposal(slug, pk):
    return get_object_or_404(Proposal.objects.select_related("debate"), debate__slug=slug, pk=pk)


@require_http_methods(["GET", "POST"])
@throttled("debat")
def debate(request, slug):
    item = get_object_or_404(Debate, slug=slug)
    form = forms.ProposalForm(request.POST or None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if form.is_valid():
            try:
                proposal = debates.propose(item, request.user, **{k: form.cleaned_data[k] for k in ("title", "body")})
            except PermissionDenied as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Votre proposition est publiée."))
                return redirect("civic:proposal", item.slug, proposal.pk)
    context = {"debate": item, "proposals": item.proposals.all(), "form": form,
               "may_propose": can(request.user, PARTICIPATE, item)}  # fmt: skip
    return render(request, "civic/debate.html", context)


@require_http_methods(["GET", "POST"])
@throttled("debat")
def proposal(request, slug, pk):
    item = _proposal(slug, pk)
    form = forms.CommentForm(request.POST or None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if form.is_valid():
            try:
                debates.comment(item, request.user, body=form.cleaned_data["body"])
            except (PermissionDenied, ValidationError) as error:
                form.add_error(None, error.messages[0] if isinstance(error, ValidationError) else str(error))
            else:
                messages.success(request, _("Votre commentaire est publié."))
                return redirect("civic:proposal", slug, pk)
    user = request.user
    context = {
        "debate": item.debate, "proposal": item, "comments": item.comments.all(), "form": form,
        "may_participate": can(user, PARTICIPATE, item) and not item.is_hidden,
        "may_answer": can(user, ANSWER, item), "own": user.is_authenticated and item.author_id == user.pk,
        "supported": user.is_authenticated and item.supports.filter(user=user).exists(),
        "commitments": item.commitments.all(),
    }  # fmt: skip
    return render(request, "civic/proposal.html", context)


@require_POST
@throttled("debat")
def support(request, slug, pk):
    item = _proposal(slug, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("civic:proposal", args=[slug, pk]))
    try:
        added = debates.support(item, request.user)
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, error.messages[0] if isinstance(error, ValidationError) else str(error))
    else:
        messages.success(
            request, _("Votre soutien est compté.") if added else _("Vous soutenez déjà cette proposition.")
        )
    return redirect("civic:proposal", slug, pk)


@require_http_methods(["GET", "POST"])
@throttled("signalement-debat")
def flag(request, kind, pk):
    target = _target(kind, pk)
    proposal = target if kind == "proposition" else target.proposal
    form = forms.FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        debates.flag(**{"proposal" if kind == "proposition" else "comment": target}, reason=form.cleaned_data["reason"])
        messages.success(request, _("Merci : l’équipe de modération va lire ce texte."))
        return redirect("civic:proposal", proposal.debate.slug, proposal.pk)
    return render(request, "civic/flag.html", {"form": form, "target": target, "proposal": proposal, "kind": kind})


def _target(kind, pk):
    if kind == "proposition":
        return get_object_or_404(Proposal.objects.select_related("debate"), pk=pk)
    if kind == "commentaire":
        return get_object_or_404(Comment.objects.select_related("proposal__debate"), pk=pk)
    raise PermissionDenied


@require_http_methods(["GET", "POST"])
def answer(request, slug, pk):
    item = _proposal(slug, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can(request.user, ANSWER, item):
        raise PermissionDenied(_("Seuls la coordination et les répondants désignés du débat répondent."))
    initial = {"status": item.answer_status, "text": item.answer, "signed_as": item.answered_as}
    form = forms.AnswerForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            debates.answer(item, request.user, status=form.cleaned_data["status"], text=form.cleaned_data["text"],
                           signed_as=form.cleaned_data["signed_as"])  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("La réponse officielle est publiée."))
            return redirect("civic:proposal", slug, pk)
    return render(request, "civic/answer.html", {"form": form, "proposal": item, "debate": item.debate})


@moderator_only
@require_http_methods(["GET", "POST"])
def review(request, kind, pk):
    target = _target(kind, pk)
    proposal = target if kind == "proposition" else target.proposal
    form = forms.ModerationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["decision"] == "masquer":
            debates.hide(target, request.user, reason=form.cleaned_data["reason"])
        else:
            debates.keep(target, request.user)
        return redirect(reverse("moderation:queue") + "#debats")
    context = {"form": form, "target": target, "proposal": proposal, "kind": kind, "flags": target.flags.all()}
    return render(request, "civic/review.html", context)


@require_http_methods(["GET", "POST"])
@throttled("participer")
def participate(request):
    next_url = request.GET.get("suite", "")
    if not next_url.startswith("/") or next_url.startswith("//"):
        next_url = ""
    form = forms.ParticipantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        participants.request_account(form.cleaned_data["email"], form.cleaned_data["full_name"], next_url)
        return render(request, "civic/participant_sent.html", {"email": form.cleaned_data["email"]})
    return render(request, "civic/participate.html", {"form": form})


@require_http_methods(["GET", "POST"])
@throttled("participer")
def participant_confirm(request, token):
    try:
        participants.read(token, consume=False)
        if request.method == "POST":
            _user, next_url = participants.confirm_account(request, token)
            messages.success(request, _("Votre compte est créé : vous pouvez proposer, commenter et soutenir."))
            return redirect(next_url)
    except signing.LinkError as error:
        return render(request, "civic/link_error.html", {"error": error}, status=400)
    return render(request, "civic/participant_confirm.html")
