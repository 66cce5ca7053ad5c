"""Backup and restore of the whole portal: the database and the uploaded files (evidence).

A backup is a folder, or the same folder as one tar file (`.tar`, `.tar.gz`, `.tgz`)::

    manifest.json          what is in it (below)
    database.dump          PostgreSQL: `pg_dump --format=custom`
    database.sqlite3       SQLite: a copy made with SQLite's backup API
    media/...              every file under MEDIA_ROOT (evidence uploads), paths kept

manifest.json holds the time it was made, the database vendor, the applied migrations (the
latest per app, and all of them), the SHA-256 and size of every file, and the number of rows
of every table. The counts come from the same moment as the copy: PostgreSQL dumps an
exported snapshot that the counts read too; on SQLite they are counted in the copy.

A restore goes into an EMPTY database only: one with no tables at all (a new `createdb`, or
a new SQLite file), never over a running portal's data. It first checks every file against
the manifest (and refuses files the manifest does not list), then restores the database in
one transaction (`pg_restore --single-transaction`; SQLite's backup API), puts the files in
place with one rename, and compares the row counts with the manifest. docs/deployment.md,
"Backup and restore".
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import django
from django.conf import settings
from django.db import connections, transaction
from django.db.migrations.loader import MigrationLoader

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DUMPS = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
ARCHIVE_SUFFIXES = (".tar", ".tar.gz", ".tgz")
CHUNK = 1024 * 1024


class BackupError(Exception):
    """Something a person must put right; the message says what and names the file."""


@dataclass
class RestoreReport:
    tables: int = 0
    rows: int = 0
    files: int = 0
    mismatches: list[str] = field(default_factory=list)
    newer_code: list[str] = field(default_factory=list)


def is_archive(path: Path) -> bool:
    return path.name.endswith(ARCHIVE_SUFFIXES)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _vendor(connection) -> str:
    if connection.vendor not in DUMPS:
        raise BackupError(f"Backups of a {connection.vendor} database are not supported.")
    return connection.vendor


def _quote(connection, table):
    return connection.ops.quote_name(table)


def _count_rows(cursor, tables, quote) -> dict[str, int]:
    """{table: rows}; SQLite's own tables (sqlite_sequence, sqlite_stat1) are not data."""
    counts = {}
    for table in sorted(t for t in tables if not t.startswith("sqlite_")):
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # a table's name, quoted
        counts[table] = cursor.fetchone()[0]
    return counts


def _migrations(rows) -> tuple[dict[str, str], list[str]]:
    """[(app, name)] of django_migrations -> ({app: latest}, ["app.name", ...])."""
    latest = {}
    for app, name in sorted(rows):
        latest[app] = max(latest.get(app, name), name)
    return latest, [f"{app}.{name}" for app, name in sorted(rows)]


def _pg_environment(settings_dict) -> dict[str, str]:
    """libpq's variables for the database of `settings_dict`: the password never goes on a
    command line (where `ps` shows it)."""
    environment = dict(os.environ)
    values = {
        "PGDATABASE": settings_dict.get("NAME"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGSSLMODE": (settings_dict.get("OPTIONS") or {}).get("sslmode"),
    }
    environment.update({key: str(value) for key, value in values.items() if value})
    return environment


def _run(command, environment, what):
    try:
        done = subprocess.run(command, env=environment, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (needed for {what}).") from error
    if done.returncode != 0:
        raise BackupError(f"{what} failed: {done.stderr.strip() or done.stdout.strip()}")
    return done


# -- Backup ----------------------------------------------------------------------------------


def _dump_postgresql(connection, target: Path):
    """pg_dump of an exported snapshot; the row counts and migrations read the same one."""
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        _run(
            ["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={target}"],
            _pg_environment(connection.settings_dict),
            "pg_dump",
        )
        tables = connection.introspection.table_names(cursor)
        counts = _count_rows(cursor, tables, lambda t: _quote(connection, t))
        rows = []
        if "django_migrations" in tables:
            cursor.execute("SELECT app, name FROM django_migrations")
            rows = cursor.fetchall()
    return counts, rows


def _dump_sqlite(connection, target: Path):
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        cursor = copy.cursor()
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        tables = [row[0] for row in cursor.fetchall()]
        counts = _count_rows(cursor, tables, lambda t: '"' + t.replace('"', '""') + '"')
        rows = []
        if "django_migrations" in tables:
            rows = cursor.execute("SELECT app, name FROM django_migrations").fetchall()
    finally:
        copy.close()
    return counts, rows


def _media_files(root: Path):
    """Every regular file under MEDIA_ROOT, as (path, relative posix name). Links are left
    out: a backup copies what the portal stored, never what a link points to."""
    if not root.is_dir():
        return []
    found = []
    for folder, folders, files in os.walk(root):
        folders.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if path.is_symlink() or not path.is_file():
                continue
            found.append((path, path.relative_to(root).as_posix()))
    return found


def _referenced_files_missing(using) -> list[str]:
    """Files the database names that are not under MEDIA_ROOT (a warning in the manifest)."""
    from django.apps import apps
    from django.db.models import FileField

    root = Path(settings.MEDIA_ROOT)
    missing = []
    for model in apps.get_models():
        for model_field in model._meta.concrete_fields:
            if isinstance(model_field, FileField):
                names = (
                    model._default_manager.using(using)
                    .exclude(**{model_field.name: ""})
                    .values_list(model_field.name, flat=True)
                )
                missing += [name for name in names if name and not (root / name).is_file()]
    return sorted(missing)


def backup(target: Path, using: str = "default") -> dict:
    """Write a backup to `target` (a new folder, or a new .tar/.tar.gz file); return its
    manifest. Nothing is left at `target` if anything fails."""
    target = Path(target).absolute()
    if target.exists() and (target.is_file() or any(target.iterdir())):
        raise BackupError(f"{target} already exists: give a new file or an empty folder.")
    target.parent.mkdir(parents=True, exist_ok=True)
    connection = connections[using]
    vendor = _vendor(connection)
    with tempfile.TemporaryDirectory(prefix=f".{target.name}.", dir=target.parent) as work:
        staging = Path(work) / "backup"
        staging.mkdir(mode=0o700)
        dump = staging / DUMPS[vendor]
        if vendor == "postgresql":
            counts, migration_rows = _dump_postgresql(connection, dump)
        else:
            counts, migration_rows = _dump_sqlite(connection, dump)
        files = {DUMPS[vendor]: dump}
        for source, name in _media_files(Path(settings.MEDIA_ROOT)):
            copy = staging / MEDIA / name
            copy.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            shutil.copyfile(source, copy)
            files[f"{MEDIA}/{name}"] = copy
        latest, applied = _migrations(migration_rows)
        manifest = {
            "format": FORMAT,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "django": django.get_version(),
            "database": {"vendor": vendor, "file": DUMPS[vendor]},
            "migrations": latest,
            "applied_migrations": applied,
            "row_counts": counts,
            "files": {
                name: {"sha256": sha256(path), "bytes": path.stat().st_size}
                for name, path in sorted(files.items())
            },
            "missing_media": _referenced_files_missing(using),
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        for path in staging.rglob("*"):
            path.chmod(0o700 if path.is_dir() else 0o600)
        if is_archive(target):
            partial = Path(work) / "archive"
            mode = "w:gz" if target.name.endswith((".gz", ".tgz")) else "w"
            with tarfile.open(partial, mode) as archive:
                for path in sorted(staging.rglob("*")):
                    if path.is_file():
                        archive.add(path, arcname=path.relative_to(staging).as_posix())
            partial.chmod(0o600)
            os.replace(partial, target)
        else:
            if target.exists():
                target.rmdir()
            os.replace(staging, target)
    return manifest


# -- Restore ---------------------------------------------------------------------------------


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts


def _unpack(source: Path, into: Path) -> Path:
    """The backup's folder: `source` itself, or the archive unpacked into `into` (regular
    files and folders with plain relative names only)."""
    if source.is_dir():
        return source
    if not source.is_file():
        raise BackupError(f"{source}: no such backup (a folder or a .tar file).")
    try:
        with tarfile.open(source) as archive:
            members = archive.getmembers()
            for member in members:
                if not (member.isfile() or member.isdir()) or not _safe_name(member.name):
                    raise BackupError(
                        f"{source}: the archive holds {member.name!r}, which a backup never "
                        "does (a link, a device or a path out of the folder); refused."
                    )
            archive.extractall(into, members=members, filter="data")
    except tarfile.TarError as error:
        raise BackupError(f"{source} is not a readable backup archive: {error}") from error
    return into


def read_manifest(folder: Path) -> dict:
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text())
    except FileNotFoundError as error:
        raise BackupError(f"{MANIFEST} is missing: {folder} is not a backup.") from error
    except (ValueError, UnicodeError) as error:
        raise BackupError(f"{MANIFEST} is not readable JSON: {error}") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{MANIFEST}: format {manifest.get('format')!r} is not {FORMAT}.")
    return manifest


def verify(folder: Path, manifest: dict):
    """Every file the manifest lists, with its checksum; no file it does not list."""
    listed = manifest.get("files") or {}
    for name, expected in sorted(listed.items()):
        if not _safe_name(name):
            raise BackupError(f"{MANIFEST} names {name!r}, a path out of the backup; refused.")
        path = folder / name
        if not path.is_file():
            raise BackupError(f"{name} is listed in {MANIFEST} but missing from the backup.")
        if sha256(path) != expected.get("sha256"):
            raise BackupError(
                f"{name} does not match its checksum in {MANIFEST}: the backup is damaged or "
                "was changed. Nothing was restored."
            )
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_file() and name != MANIFEST and name not in listed:
            raise BackupError(f"{name} is in the backup but not in {MANIFEST}; refused.")
    database = manifest.get("database") or {}
    if database.get("file") not in listed:
        raise BackupError(f"{MANIFEST} names no database file.")


def _tables(connection) -> list[str]:
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    return [table for table in tables if not table.startswith("sqlite_")]


def _check_target(connection, manifest, media_root: Path):
    vendor = manifest["database"]["vendor"]
    if connection.vendor != vendor:
        raise BackupError(
            f"The backup is of a {vendor} database; this portal's database is "
            f"{connection.vendor}. Restore into a {vendor} database."
        )
    if vendor == "sqlite" and connection.is_in_memory_db():
        raise BackupError("The database is an in-memory SQLite database: give a file.")
    tables = _tables(connection)
    if tables:
        raise BackupError(
            f"The database {connection.settings_dict['NAME']} is not empty: it has "
            f"{len(tables)} tables (for example {sorted(tables)[0]}). Restore only into a new, "
            "empty database (createdb, or a new SQLite file); nothing was changed."
        )
    if media_root.exists() and (not media_root.is_dir() or any(media_root.iterdir())):
        raise BackupError(
            f"MEDIA_ROOT ({media_root}) is not empty: restore the files only into a new, "
            "empty folder; nothing was changed."
        )
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [
        name
        for name in manifest.get("applied_migrations", [])
        if tuple(name.split(".", 1)) not in known
    ]
    if unknown:
        raise BackupError(
            f"The backup comes from a newer version of the portal: migration {unknown[0]} is "
            "unknown to this one. Deploy that version (or newer) first; nothing was changed."
        )
    applied = set(manifest.get("applied_migrations", []))
    return sorted(f"{app}.{name}" for app, name in known if f"{app}.{name}" not in applied)


def _restore_postgresql(connection, dump: Path):
    connection.close()
    _run(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={connection.settings_dict['NAME']}",
            str(dump),
        ],
        _pg_environment(connection.settings_dict),
        "pg_restore",
    )


def _restore_sqlite(connection, dump: Path):
    """SQLite's backup API copies the whole file into the (empty) database in one go."""
    connection.ensure_connection()
    source = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
    try:
        source.backup(connection.connection)
    finally:
        source.close()
    connection.close()


def _count_target(connection) -> dict[str, int]:
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        return _count_rows(cursor, tables, lambda t: _quote(connection, t))


def restore(source: Path, using: str = "default") -> RestoreReport:
    """Restore the backup at `source` (folder or archive) into the empty database `using`
    and the empty MEDIA_ROOT. Refuses, changing nothing, on a checksum that does not match,
    a file the manifest does not list, another vendor, a database or media folder that is
    not empty, or migrations this code does not know."""
    source = Path(source).absolute()
    connection = connections[using]
    media_root = Path(settings.MEDIA_ROOT).absolute()
    with tempfile.TemporaryDirectory(prefix=".restore.") as unpacked:
        folder = _unpack(source, Path(unpacked))
        manifest = read_manifest(folder)
        verify(folder, manifest)
        report = RestoreReport(newer_code=_check_target(connection, manifest, media_root))
        # The files go to a folder beside MEDIA_ROOT first (same disk): one rename at the end.
        media_root.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(
            tempfile.mkdtemp(prefix=f".{media_root.name}.restore.", dir=media_root.parent)
        )
        try:
            for name in manifest["files"]:
                if name.startswith(f"{MEDIA}/"):
                    copy = staging / name[len(MEDIA) + 1 :]
                    copy.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(folder / name, copy)
                    copy.chmod(getattr(settings, "FILE_UPLOAD_PERMISSIONS", None) or 0o640)
                    report.files += 1
            dump = folder / manifest["database"]["file"]
            if manifest["database"]["vendor"] == "postgresql":
                _restore_postgresql(connection, dump)
            else:
                _restore_sqlite(connection, dump)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        if media_root.exists():
            media_root.rmdir()  # empty: checked above
        os.replace(staging, media_root)
    counts = _count_target(connection)
    expected = manifest.get("row_counts", {})
    for table in sorted(set(expected) | set(counts)):
        if expected.get(table) != counts.get(table):
            report.mismatches.append(
                f"{table}: {expected.get(table, 'absent')} in the backup, "
                f"{counts.get(table, 'absent')} restored"
            )
    report.tables = len(counts)
    report.rows = sum(counts.values())
    return report


def sha256_text(manifest: dict) -> str:
    """The SHA-256 of manifest.json as `backup` wrote it."""
    text = json.dumps(manifest, indent=2, sort_keys=True) + "\n"
    return hashlib.sha256(text.encode()).hexdigest()
