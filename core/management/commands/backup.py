"""manage.py backup <folder or file.tar[.gz]>: the database and the uploaded files, with a
manifest of checksums and row counts (core/backup.py; docs/deployment.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core import backup


class Command(BaseCommand):
    help = (
        "Back up the database and the uploaded files (MEDIA_ROOT) into a new folder, or into "
        "one archive when the name ends in .tar, .tar.gz or .tgz, with manifest.json "
        "(checksums, migrations, row counts)."
    )

    def add_arguments(self, parser):
        parser.add_argument("target", help="a new folder, or a new file ending in .tar/.tar.gz")
        parser.add_argument("--database", default="default", help="the database alias")

    def handle(self, *args, target, database, **options):
        try:
            manifest = backup.backup(Path(target), using=database)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        files = manifest["files"]
        media = [name for name in files if name.startswith(f"{backup.MEDIA}/")]
        self.stdout.write(
            f"Backed up the {manifest['database']['vendor']} database "
            f"({len(manifest['row_counts'])} tables, {sum(manifest['row_counts'].values())} rows) "
            f"and {len(media)} uploaded files to {Path(target).absolute()}."
        )
        for name in manifest["missing_media"]:
            self.stderr.write(
                self.style.WARNING(f"Warning: {name} is named in the database but not on disk.")
            )
        manifest_sha = backup.sha256_text(manifest)
        self.stdout.write(f"manifest.json SHA-256: {manifest_sha} (keep it to check the copy).")
