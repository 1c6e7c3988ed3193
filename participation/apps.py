"""Citizens' requests (Open311), debates, follow-up of commitments, councils and votes."""

from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = "Participation"

    def ready(self):
        from django.db.models.signals import post_delete

        from participation import retention, tools
        from participation.models import Request

        retention.register()
        tools.register()
        post_delete.connect(_delete_photo, sender=Request, dispatch_uid="participation-photo")


def _delete_photo(sender, instance, **kwargs):
    """A deleted request (a draft past its retention, a draft replaced by « Moi aussi ») takes its photo along."""
    if instance.photo:
        instance.photo.delete(save=False)
