from pathlib import Path

from django.core.management.base import BaseCommand

from core import planbook

# A plan workbook (core/planbook.py) of the reference data every installation needs: the
# governorates (ISO 3166-2:IQ codes; Halabja, a governorate since 2014, has the project's own
# IQ-HAL), the pillars, vulnerable groups, themes, funding source types, disaggregations, the
# entities of the 2020 conference, the framework references (SDG targets, CEDAW articles, the
# 1325 global indicators) and the conference's legal instruments and recommendations. Edit it
# in a spreadsheet program, or export it again from an installation (the admin's plan
# workbook, "reference data only").
REFERENCE = Path(__file__).resolve().parents[2] / "data" / "reference.xlsx"
REASON = "Reference data (policy/data/reference.xlsx)"


def summary(outcomes) -> str:
    totals = {"new": 0, "changed": 0, "unchanged": 0}
    for outcome in outcomes:
        totals["new"] += outcome.new
        totals["changed"] += outcome.changed
        totals["unchanged"] += outcome.unchanged
    return ", ".join(f"{n} {what}" for what, n in totals.items() if n) or "nothing"


class Command(BaseCommand):
    help = (
        "Load the reference data (policy/data/reference.xlsx, a plan workbook): governorates, "
        "pillars, vulnerable groups, themes, funding source types, disaggregations, the "
        "entities of the 2020 conference, the framework references, the conference's legal "
        "instruments and recommendations. Safe to run again: only what "
        "differs is written."
    )

    def handle(self, *args, **options):
        outcomes = planbook.import_workbook(
            user=None,
            content=REFERENCE.read_bytes(),
            name=REFERENCE.name,
            system=True,
            reason=REASON,
        )
        self.stdout.write(self.style.SUCCESS(f"Reference data: {summary(outcomes)}."))
