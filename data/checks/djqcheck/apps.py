from django.apps import AppConfig


class DjqCheckConfig(AppConfig):
    """The app that owns a check's models (app_label "djqcheck")."""

    name = "djqcheck"
    default_auto_field = "django.db.models.BigAutoField"
