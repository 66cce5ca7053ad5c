from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from core.sheets import SHEETS, SheetRefused, load_dataset, sheet_import


class Command(BaseCommand):
    help = (
        "Import a plan sheet (XLSX or CSV) as a given user, all or nothing; or, with "
        "`workbook`, a plan workbook (every sheet of one XLSX, in dependency order). Sheets in "
        "dependency order: " + ", ".join(SHEETS)
    )

    def add_arguments(self, parser):
        parser.add_argument("sheet", choices=["workbook", *SHEETS])
        parser.add_argument("file")
        parser.add_argument("--user", required=True, help="Who imports (needs the import right).")
        parser.add_argument("--dry-run", action="store_true", help="Check only; write nothing.")

    def handle(self, sheet, file, user, dry_run=False, **options):
        try:
            importer = User.objects.get(username=user)
        except User.DoesNotExist:
            raise CommandError(f"No user named {user!r}.") from None
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        if sheet == "workbook":
            return self.workbook(importer, path, dry_run)
        try:
            dataset = load_dataset(path.read_bytes(), path.name)
            result = sheet_import(user=importer, sheet=sheet, dataset=dataset, dry_run=dry_run)
        except SheetRefused as refused:
            raise self.refused(path, refused.problems) from None
        totals = result.totals
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {path.name}: {totals['new']} new, {totals['update']} updated, "
                f"{totals['skip']} unchanged."
            )
        )

    def refused(self, path, problems):
        """Each problem on stderr; the error that ends the command."""
        for problem in problems:
            self.stderr.write(f"{path.name}: {problem}")
        return CommandError(
            f"{path.name} was refused; nothing was written ({len(problems)} problem(s) above)."
        )

    def workbook(self, importer, path, dry_run):
        from core import planbook
        from core.workbook import WorkbookRefused

        try:
            outcomes = planbook.import_workbook(
                user=importer, content=path.read_bytes(), name=path.name, dry_run=dry_run
            )
        except WorkbookRefused as refused:
            raise self.refused(path, refused.problems) from None
        verb = "Would import" if dry_run else "Imported"
        for o in outcomes:
            self.stdout.write(
                f"{o.title}: {o.new} new, {o.changed} changed, {o.unchanged} unchanged."
            )
        self.stdout.write(self.style.SUCCESS(f"{verb} {path.name}."))
