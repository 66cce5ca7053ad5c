"""The Celery application: background work (imports and exports of large sheets, summary
refreshes, the national report files, e-mails, reminders). Redis is the broker.

Without a broker (the quick start, `make run`) every task runs at once in the process that asks
for it (CELERY_TASK_ALWAYS_EAGER, config/settings/base.py), so nothing more needs to be running.
A worker: `celery -A config worker`; the schedule (reminders, clean-ups): `celery -A config beat`.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("wps")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
