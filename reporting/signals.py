"""What the reporting workflow tells the apps above it, which reporting does not know."""

from django.dispatch import Signal

# Sent when a report's step changes what the figures count (a report started, submitted,
# returned, approved or reopened; reports made from a workbook): `indicator_ids`, whose
# approved values changed, and `period_ids`, whose reporting rate changed. The dashboards'
# figures listen (analytics/figures.py, connected in analytics/apps.py).
reports_changed = Signal()
