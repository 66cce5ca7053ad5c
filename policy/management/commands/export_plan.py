from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core import planbook
from core.sheets import SHEETS, sheet_export
from policy.models import Policy


class Command(BaseCommand):
    help = (
        "Export a plan sheet as XLSX or CSV (by the file's extension), keyed by codes; or, with "
        "`workbook`, the plan workbook: every sheet in one XLSX (--policy: one plan and the "
        "reference data; --reference: the reference data only; --template: no rows)."
    )

    def add_arguments(self, parser):
        parser.add_argument("sheet", choices=["workbook", *SHEETS])
        parser.add_argument("file")
        parser.add_argument("--policy", help="workbook: the plan's code")
        parser.add_argument("--reference", action="store_true", help="workbook: reference only")
        parser.add_argument("--template", action="store_true", help="workbook: no rows")

    def handle(self, sheet, file, policy=None, reference=False, template=False, **options):
        path = Path(file)
        if sheet == "workbook":
            plan = None
            if policy:
                plan = Policy.objects.filter(code=policy).first()
                if plan is None:
                    raise CommandError(f"No policy with the code {policy!r}.")
            content = planbook.write_workbook(
                policy=plan,
                rows=not template,
                only="reference" if reference else None,
            )
            path.write_bytes(content)
            self.stdout.write(self.style.SUCCESS(f"Wrote the plan workbook to {path}."))
            return
        dataset = sheet_export(sheet=sheet)
        if path.suffix.lower() == ".xlsx":
            path.write_bytes(dataset.export("xlsx"))
        else:
            path.write_text(dataset.export("csv"), encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(dataset)} rows to {path}."))
