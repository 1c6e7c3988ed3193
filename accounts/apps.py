from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Comptes et structures"
    default_auto_field = "django.db.models.BigAutoField"
