"""Rebuild every summary figure of the dashboards (analytics/figures.py): into a new
generation, made current only when complete, so readers never see a half-built set."""

import time

from django.core.management.base import BaseCommand

from analytics import figures


class Command(BaseCommand):
    help = "Rebuild the dashboards' summary figures from the approved values."

    def handle(self, *args, **options):
        started = time.monotonic()

        def progress(done, total):
            if options["verbosity"] > 1:
                self.stdout.write(f"{done} of {total} indicators")

        generation = figures.rebuild(progress)
        self.stdout.write(
            f"Figures rebuilt (generation {generation}) in {time.monotonic() - started:.1f} s."
        )
