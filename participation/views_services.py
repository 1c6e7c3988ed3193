"""The services' side: a queue per responsible service and the page where a request is handled."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.permissions import can
from participation import forms
from participation.domain import journal, queries, workflow
from participation.models import Request
from territory.search import resolve_commune

ORDERS = {"priorite": ["-priority", "received_at"], "recentes": ["-received_at"], "anciennes": ["received_at"]}


@login_required
@require_http_methods(["GET"])
def queue(request):
    if not queries.handles_any(request.user):
        raise PermissionDenied(_("Réservé aux services qui traitent les demandes."))
    rows = queries.queue(request.user)
    form = forms.QueueFilterForm(request.GET or None)
    if form.is_valid():
        d = form.cleaned_data
        if d["status"] == "":
            rows = rows.filter(status__in=Request.OPEN)
        elif d["status"] != "toutes":
            rows = rows.filter(status=d["status"])
        if d["category"]:
            rows = rows.filter(category=d["category"])
        if d["priority"] is not None:
            rows = rows.filter(priority=d["priority"])
        commune = resolve_commune(d["commune"]) if d["commune"] else None
        if commune:
            rows = rows.filter(commune=commune)
    else:
        rows = rows.filter(status__in=Request.OPEN)
    order = request.GET.get("ordre", "priorite")
    rows = rows.order_by(*ORDERS.get(order, ORDERS["priorite"]), "pk")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    services = list(request.user.request_services.all())
    return render(
        request, "participation/queue.html", {"form": form, "page": page, "services": services, "order": order}
    )


def _forms(row, data=None, action=""):
    return {
        "status_form": forms.StatusForm(data if action == "etat" else None, request=row),
        "priority_form": forms.PriorityForm(data if action == "priorite" else None, initial={"priority": row.priority}),
        "note_form": forms.InternalNoteForm(data if action == "note" else None),
        "merge_form": forms.MergeForm(data if action == "fusion" else None),
    }


def _act(row, action, f, user):
    """Run the posted action through the domain; returns (the form that failed or None, what was done)."""
    form = f[{"etat": "status_form", "priorite": "priority_form", "note": "note_form", "fusion": "merge_form"}[action]]
    if not form.is_valid():
        return form, ""
    d = form.cleaned_data
    try:
        if action == "etat":
            update = workflow.change_status(
                row, d["status"], d["note"], user=user, planned_for=d["planned_for"], close_reason=d["close_reason"]
            )
            done = _(
                "État enregistré : %(status)s. Les personnes qui suivent la demande sont prévenues par courriel."
            ) % {"status": update.get_status_display()}
        elif action == "priorite":
            priority = workflow.set_priority(row, d["priority"], user=user).get_priority_display()
            done = _("Priorité enregistrée : %(priority)s.") % {"priority": priority}
        elif action == "note":
            workflow.add_internal_note(row, d["text"], user=user)
            done = _("Note interne ajoutée.")
        else:
            survivor = Request.objects.filter(pk=d["survivor"]).select_related("category").first()
            if survivor is None or not can(user, "merge", survivor):
                raise ValidationError(_("Demande introuvable parmi celles que vous traitez."))
            workflow.merge(row, survivor, d["merge_note"], user=user)
            done = _("Demande fusionnée dans la demande n° %(pk)s.") % {"pk": survivor.pk}
    except ValidationError as error:
        form.add_error(None, error)
        return form, ""
    return None, done


@login_required
@require_http_methods(["GET", "POST"])
def handle(request, pk: int):
    row = get_object_or_404(queries.public().select_related("category__service"), pk=pk)
    if not can(request.user, "edit", row):
        raise PermissionDenied(_("Cette demande relève d’un autre service."))
    action = request.POST.get("action", "")
    f = _forms(row, request.POST, action)
    failed = None
    if request.method == "POST" and action in ("etat", "priorite", "note", "fusion"):
        failed, done = _act(row, action, f, request.user)
        if failed is None:
            messages.success(request, done)
            return redirect("participation:handle", pk=row.pk)
    return render(
        request,
        "participation/handle.html",
        {
            **f,
            "row": row,
            "updates": row.updates.all(),
            "notes": row.internal_notes.select_related("author"),
            "journal": journal.lines(row),
            "failed": failed,
            "status": 400 if failed else 200,
        },
        status=400 if failed else 200,
    )
