from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class DatahubConfig(AppConfig):
    name = "datahub"
    verbose_name = gettext_lazy("Données")

    def ready(self):
        from datahub import algorithm, moderation
        from datahub.provenance import record_edit
        from directory.domain.writes import edited

        # A person's edit of a place or a service is recorded as a source of its own, with its history.
        edited.connect(record_edit, dispatch_uid="datahub-record-edit")
        moderation.register()
        algorithm.register()  # the merge rules in the public register of algorithms
