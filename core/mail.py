"""One way to send an e-mail: `send("name", to=[...], context={...})`.

A message has three templates, in French: `mail/<name>.subject.txt`, `mail/<name>.txt` and, optionally,
`mail/<name>.html`. They are rendered when the message is queued; a job with retries sends it (the console
backend in development, SMTP in production: `EMAIL_URL`). Tests read `django.core.mail.outbox`.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from core.jobs import job


def render(name: str, context: dict) -> dict:
    subject = " ".join(render_to_string(f"mail/{name}.subject.txt", context, using="text").split())
    text = render_to_string(f"mail/{name}.txt", context, using="text")
    try:
        html = render_to_string(f"mail/{name}.html", context)
    except TemplateDoesNotExist:
        html = ""
    return {"subject": subject, "text": text, "html": html}


def send(name: str, to: list[str], context: dict | None = None, reply_to: str = ""):
    """Queue the message; returns the job's result handle."""
    message = render(
        name, {"site_name": settings.ANCRAGE_SITE_NAME, "site_url": settings.ANCRAGE_SITE_URL, **(context or {})}
    )
    return deliver.enqueue(to=list(to), reply_to=reply_to, **message)


@job(retries=5, retry_delay=120, priority=10, label=_("Envoi d’un courriel"))
def deliver(*, subject: str, text: str, html: str, to: list[str], reply_to: str = "") -> int:
    email = EmailMultiAlternatives(subject, text, to=to, reply_to=[reply_to] if reply_to else None)
    if html:
        email.attach_alternative(html, "text/html")
    return email.send()
