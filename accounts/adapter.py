"""django-allauth, the Ancrage way: mail through `core.mail.send` (queued, retried, French templates), no public
sign-up (accounts come from invitations and the coordination)."""

from allauth.account.adapter import DefaultAccountAdapter
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from core import mail


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def send_mail(self, template_prefix, email, context):
        """allauth's "account/email/login_code" → our `mail/allauth/login_code.*` when we wrote it in plain
        French; otherwise allauth's own (translated) message, still queued through core.mail."""
        name = "allauth/" + template_prefix.rsplit("/", 1)[-1]
        context = {**context, "email": email}
        try:
            get_template(f"mail/{name}.subject.txt")
        except TemplateDoesNotExist:
            message = self.render_mail(template_prefix, email, context)
            mail.deliver.enqueue(to=[email], subject=message.subject, text=message.body, html="")
            return
        mail.send(name, [email], context)
