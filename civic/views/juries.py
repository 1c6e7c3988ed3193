"""Citizen juries: public pages (call, method, result), applications, the coordination's draw page."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.permissions import EDIT, can
from civic import forms
from civic.domain import draw as method
from civic.domain import juries
from civic.models import Jury
from core import signing
from core.throttle import throttled


def index(request):
    return render(request, "civic/juries.html", {"juries": Jury.objects.all()})


def _context(jury, request):
    return {
        "jury": jury, "count": juries.pool(jury).count(), "method": method, "may_draw": can(request.user, EDIT, jury),
        "drawn": jury.volunteers.filter(drawn_rank__isnull=False).order_by("drawn_rank"),
    }  # fmt: skip


@require_http_methods(["GET", "POST"])
@throttled("jury")
def jury(request, slug):
    item = get_object_or_404(Jury, slug=slug)
    form = forms.VolunteerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in ("first_name", "last_name", "email", "area", "age_band", "sex")}
        try:
            juries.apply(item, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(request, "civic/volunteer_sent.html", {"jury": item})
    return render(request, "civic/jury.html", {**_context(item, request), "form": form})


@require_http_methods(["GET", "POST"])
@throttled("jury")
def volunteer_confirm(request, token):
    try:
        if request.method == "POST":
            volunteer = juries.confirm(token)
            messages.success(
                request,
                _("Votre candidature est confirmée : vous êtes le volontaire n° %(number)s.")
                % {"number": volunteer.number},
            )
            return redirect("civic:jury", volunteer.jury.slug)
        juries.check_link(token)
    except (signing.LinkError, ValidationError) as error:
        text = error.messages[0] if isinstance(error, ValidationError) else error
        return render(request, "civic/link_error.html", {"error": text}, status=400)
    return render(request, "civic/volunteer_confirm.html")


@require_http_methods(["GET", "POST"])
def draw(request, slug):
    item = get_object_or_404(Jury, slug=slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can(request.user, EDIT, item):
        raise PermissionDenied(_("Le tirage au sort est conduit par la coordination."))
    form = forms.DrawStepForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        step, data = form.cleaned_data["step"], form.cleaned_data
        try:
            if step == "clore":
                juries.close(item, request.user, seed_source=data["seed_source"])
            elif step == "tirer":
                juries.run_draw(item, request.user, seed=data["seed"])
            else:
                juries.end(item, request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("civic:jury", item.slug)
    return render(request, "civic/draw.html", {**_context(item, request), "form": form})


def volunteers_csv(request, slug):
    """The anonymised list (number and strata only), published once applications are closed."""
    item = get_object_or_404(Jury, slug=slug)
    if item.status == Jury.Status.OPEN:
        raise Http404(_("La liste est publiée à la clôture des candidatures."))
    response = HttpResponse(method.to_csv(juries.entries(item)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{item.slug}_volontaires.csv"'
    return response
