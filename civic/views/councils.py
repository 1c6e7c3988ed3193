"""Councils and votes: public pages per council, sitting, deliberation and member; the greffe's entry and import."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.permissions import CLERK, can
from civic import council_forms as forms
from civic.domain import council_import, councils
from civic.models import Council, Deliberation, Sitting


def index(request):
    return render(request, "civic/councils.html", {"councils": Council.objects.all()})


def council(request, slug):
    item = get_object_or_404(Council, slug=slug)
    members = [(m, councils.attendance(m)) for m in item.councillors.all()]
    context = {
        "council": item,
        "members": members,
        "sittings": item.sittings.all(),
        "may_clerk": can(request.user, CLERK, item),
    }
    return render(request, "civic/council.html", context)


def sitting(request, slug, day):
    try:
        when = date.fromisoformat(day)
    except ValueError as error:
        raise Http404(_("Date de séance illisible.")) from error
    item = get_object_or_404(Sitting.objects.select_related("council"), council__slug=slug, date=when)
    rows = [(d, councils.totals(d)) for d in item.deliberations.all()]
    presence = []
    for member in item.council.councillors.all():
        state = councils.presence_by_sitting(member).get(item.pk)
        if state:
            presence.append((member, state))
    return render(
        request, "civic/sitting.html", {"sitting": item, "council": item.council, "rows": rows, "presence": presence}
    )


def deliberation(request, slug, pk):
    item = get_object_or_404(
        Deliberation.objects.select_related("sitting__council"), sitting__council__slug=slug, pk=pk
    )
    context = {
        "deliberation": item, "council": item.sitting.council, "totals": councils.totals(item),
        "votes": item.votes.select_related("councillor", "proxy"), "may_clerk": can(request.user, CLERK, item),
    }  # fmt: skip
    return render(request, "civic/deliberation.html", context)


def councillor(request, slug, member):
    item = get_object_or_404(Council, slug=slug)
    person = get_object_or_404(item.councillors, slug=member)
    votes = person.votes.select_related("deliberation__sitting", "proxy").order_by("-deliberation__sitting__date")
    context = {"council": item, "person": person, "attendance": councils.attendance(person), "votes": votes}
    return render(request, "civic/councillor.html", context)


def _clerk(request, council):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can(request.user, CLERK, council):
        raise PermissionDenied(_("La saisie est réservée au greffe et à la coordination."))
    return None


@require_http_methods(["GET", "POST"])
def enter(request, slug):
    item = get_object_or_404(Council, slug=slug)
    if refused := _clerk(request, item):
        return refused
    form = forms.DeliberationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        day = councils.sitting_for(item, request.user, date=data["date"], place=data["place"])
        delib = councils.save_deliberation(
            day, request.user, number=data["number"], title=data["title"], subject_code=data["subject_code"],
            subject_name=data["subject_name"], result=data["result"], url=data["url"],
        )  # fmt: skip
        return redirect("civic:votes-entry", slug, delib.pk)
    return render(request, "civic/clerk_deliberation.html", {"council": item, "form": form})


@require_http_methods(["GET", "POST"])
def enter_votes(request, slug, pk):
    item = get_object_or_404(
        Deliberation.objects.select_related("sitting__council"), sitting__council__slug=slug, pk=pk
    )
    council_ = item.sitting.council
    if refused := _clerk(request, council_):
        return refused
    members = [m for m in council_.councillors.all() if m.sits_on(item.sitting.date)]
    current = {v.councillor_id: (v.choice, v.proxy_id) for v in item.votes.all()}
    form = forms.VoteSheetForm(request.POST or None, members=members, votes=current)
    if request.method == "POST" and form.is_valid():
        try:
            councils.record_votes(item, request.user, form.sheet())
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Les votes sont enregistrés et publiés."))
            return redirect("civic:deliberation", slug, item.pk)
    return render(request, "civic/clerk_votes.html", {"council": council_, "deliberation": item, "form": form})


@require_http_methods(["GET", "POST"])
def import_votes(request, slug):
    item = get_object_or_404(Council, slug=slug)
    if refused := _clerk(request, item):
        return refused
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            report = council_import.import_votes(item, request.user, form.cleaned_data["file"])
        except ValidationError as error:
            form.add_error("file", error)
    context = {"council": item, "form": form, "report": report, "columns": council_import.COLUMNS}
    return render(request, "civic/clerk_import.html", context, status=400 if report and not report.ok else 200)
