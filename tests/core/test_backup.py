"""manage.py backup and restore: a backup restored into an empty database has every row and
every evidence file of the original; a damaged or changed backup, a database that is not empty
and a media folder that is not empty are refused with nothing changed.

Runs on the suite's database: SQLite by default (the restore goes into a new file), PostgreSQL
when DATABASE_URL says so, as in CI (the restore goes into a new database the test creates)."""

import copy
import hashlib
import io
import json
import re
import tarfile
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connections
from django.db.utils import load_backend

from core import backup
from reporting import services
from reporting.models import Evidence
from tests.reporting_helpers import complete, draft, fresh

TARGET = "restore_target"
PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def row_counts(alias):
    connection = connections[alias]
    with connection.cursor() as cursor:
        tables = [
            t for t in connection.introspection.table_names(cursor) if not t.startswith("sqlite_")
        ]
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.fixture
def source(transactional_db, world, settings, tmp_path):
    """The world with an approved report and its evidence file, committed (pg_dump reads the
    database from another connection)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    report = complete(world, draft(world))
    upload = SimpleUploadedFile("attendance.pdf", PDF, content_type="application/pdf")
    evidence = services.evidence_add(user=world.reporter, report=report, upload=upload)
    # Approved, so the lock triggers stand on its rows: a restore must still put them back.
    report = services.report_submit(
        user=world.reporter, report=fresh(report), version=fresh(report).version
    )
    services.report_approve(user=world.reviewer, report=report, version=report.version)
    return evidence


@pytest.fixture
def target(transactional_db, tmp_path):
    """A second, empty database under the alias TARGET: a new SQLite file, or a new PostgreSQL
    database beside the test database."""
    default = connections["default"]
    settings_dict = copy.deepcopy(default.settings_dict)
    created = None
    if default.vendor == "postgresql":
        created = f"{default.settings_dict['NAME']}_restore_{uuid.uuid4().hex[:8]}"
        with default.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE {default.ops.quote_name(created)}")
        settings_dict["NAME"] = created
    else:
        settings_dict["NAME"] = str(tmp_path / "restored.sqlite3")
    # Made here rather than in DATABASES: pytest-django would create and migrate a test
    # database for it, and the restore needs an empty one.
    connections[TARGET] = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(
        settings_dict, TARGET
    )
    yield TARGET
    connections[TARGET].close()
    del connections[TARGET]
    if created:
        with default.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {default.ops.quote_name(created)}")


def tar(folder, archive):
    with tarfile.open(archive, "w") as out:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                out.add(path, arcname=path.relative_to(folder).as_posix())
    return archive


def run(command, *args):
    out = io.StringIO()
    call_command(command, *[str(a) for a in args], stdout=out, stderr=io.StringIO())
    return out.getvalue()


# Each test commits its data (pg_dump reads it from another connection), which costs a flush of
# the test database afterwards: the refusals share their tests.


@pytest.mark.parametrize("name", ["backup.tar.gz", "backup-folder"])
def test_a_backup_restored_into_an_empty_database_has_every_row_and_file(
    source, target, settings, tmp_path, name
):
    before = row_counts("default")
    assert before["reporting_evidence"] == 1
    where = tmp_path / "backups" / name
    said = run("backup", where)
    assert "1 uploaded files" in said

    settings.MEDIA_ROOT = tmp_path / "restored-media"
    said = run("restore", where, "--database", TARGET)
    assert "Every table has the rows the manifest counted." in said

    assert row_counts(TARGET) == before
    restored = Evidence.objects.using(TARGET).get()
    assert restored.original_name == "attendance.pdf"
    with restored.file.open("rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == hashlib.sha256(PDF).hexdigest()


def test_the_manifest_says_what_the_backup_holds_and_no_backup_overwrites_another(source, tmp_path):
    run("backup", tmp_path / "b")
    manifest = json.loads((tmp_path / "b" / "manifest.json").read_text())
    vendor = connections["default"].vendor
    assert manifest["database"]["vendor"] == vendor
    assert manifest["created_at"]
    assert manifest["migrations"]["reporting"].startswith("0")
    assert f"reporting.{manifest['migrations']['reporting']}" in manifest["applied_migrations"]
    assert manifest["row_counts"]["reporting_evidence"] == 1
    assert manifest["row_counts"] == row_counts("default")
    evidence = f"media/{source.file.name}"
    assert manifest["files"][evidence]["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert manifest["files"][manifest["database"]["file"]]["bytes"] > 0
    assert manifest["missing_media"] == []
    # Survivors' data: only the owner may read the backup.
    assert (tmp_path / "b").stat().st_mode & 0o077 == 0
    assert (tmp_path / "b" / evidence).stat().st_mode & 0o077 == 0

    run("backup", tmp_path / "b.tar")
    first = (tmp_path / "b.tar").read_bytes()
    for existing in ("b.tar", "b"):
        with pytest.raises(CommandError, match="already exists"):
            run("backup", tmp_path / existing)
    assert (tmp_path / "b.tar").read_bytes() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b", "b.tar", "media"]


def test_a_damaged_or_changed_backup_is_refused_naming_the_file_and_nothing_is_restored(
    source, target, settings, tmp_path
):
    folder = tmp_path / "b"
    run("backup", folder)
    settings.MEDIA_ROOT = tmp_path / "restored-media"

    def refused(where, message):
        with pytest.raises(CommandError, match=re.escape(message)):
            run("restore", where, "--database", TARGET)
        assert row_counts(TARGET) == {}
        assert not settings.MEDIA_ROOT.exists()

    # An evidence file changed.
    changed = folder / "media" / source.file.name
    original = changed.read_bytes()
    changed.write_bytes(PDF.replace(b"200 200", b"300 300"))
    refused(folder, f"media/{source.file.name} does not match its checksum")
    changed.write_bytes(original)

    # A file slipped in that the manifest does not list.
    planted = folder / "media" / "evidence" / "planted.pdf"
    planted.write_bytes(PDF)
    refused(folder, "media/evidence/planted.pdf is in the backup but not in manifest.json")
    planted.unlink()

    # One byte of the database dump changed, inside an archive.
    manifest = json.loads((folder / "manifest.json").read_text())
    dump = folder / manifest["database"]["file"]
    data = bytearray(dump.read_bytes())
    data[len(data) // 2] ^= 0xFF
    dump.write_bytes(bytes(data))
    refused(tar(folder, tmp_path / "b.tar"), f"{dump.name} does not match its checksum")

    # An archive that would write outside its folder.
    evil = tmp_path / "evil.tar"
    with tarfile.open(evil, "w") as out:
        info = tarfile.TarInfo("../outside.txt")
        info.size = 3
        out.addfile(info, io.BytesIO(b"bad"))
    refused(evil, "'../outside.txt'")
    assert not (tmp_path / "outside.txt").exists()


def test_restore_refuses_a_database_or_media_folder_that_is_not_empty(
    source, target, settings, tmp_path, monkeypatch
):
    run("backup", tmp_path / "b")
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    settings.MEDIA_ROOT.mkdir()
    (settings.MEDIA_ROOT / "someone-elses.pdf").write_bytes(PDF)
    with pytest.raises(CommandError, match=r"MEDIA_ROOT .* is not empty"):
        run("restore", tmp_path / "b", "--database", TARGET)
    assert row_counts(TARGET) == {}
    (settings.MEDIA_ROOT / "someone-elses.pdf").unlink()

    # The database restore fails half-way (a full disk): no file is put in place either.
    def fails(connection, dump):
        raise backup.BackupError("pg_restore failed: could not extend file: No space left")

    monkeypatch.setattr(backup, "_restore_postgresql", fails)
    monkeypatch.setattr(backup, "_restore_sqlite", fails)
    with pytest.raises(CommandError, match="No space left"):
        run("restore", tmp_path / "b", "--database", TARGET)
    assert not any(settings.MEDIA_ROOT.iterdir())
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    monkeypatch.undo()

    with connections[TARGET].cursor() as cursor:
        cursor.execute("CREATE TABLE earlier_work (note varchar(20))")
        cursor.execute("INSERT INTO earlier_work VALUES ('keep me')")
    with pytest.raises(CommandError, match=r"is not empty: it has 1 tables .*earlier_work"):
        run("restore", tmp_path / "b", "--database", TARGET)
    assert row_counts(TARGET) == {"earlier_work": 1}
    assert not any(settings.MEDIA_ROOT.iterdir())
