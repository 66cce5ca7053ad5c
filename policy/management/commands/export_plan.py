from pathlib import Path

from django.core.management.base import BaseCommand

from policy.sheets import SHEETS, sheet_export


class Command(BaseCommand):
    help = "Export a plan sheet as XLSX or CSV (by the file's extension), keyed by codes."

    def add_arguments(self, parser):
        parser.add_argument("sheet", choices=list(SHEETS))
        parser.add_argument("file")

    def handle(self, sheet, file, **options):
        path = Path(file)
        dataset = sheet_export(sheet=sheet)
        if path.suffix.lower() == ".xlsx":
            path.write_bytes(dataset.export("xlsx"))
        else:
            path.write_text(dataset.export("csv"), encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(dataset)} rows to {path}."))
