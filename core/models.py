from django.db import models
from django.utils.translation import gettext_lazy as _


class Timestamped(models.Model):
    """When a row last changed: partners ask the API for what changed since a date."""

    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    class Meta:
        abstract = True
