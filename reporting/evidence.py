"""Checks on uploaded evidence: an allowed kind by name and by content, within the size limit."""

import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# extension -> (content type, check of the content)
KINDS = {
    ".pdf": ("application/pdf", lambda head, f: head.startswith(b"%PDF-")),
    ".jpg": ("image/jpeg", lambda head, f: head.startswith(b"\xff\xd8\xff")),
    ".jpeg": ("image/jpeg", lambda head, f: head.startswith(b"\xff\xd8\xff")),
    ".png": ("image/png", lambda head, f: head.startswith(b"\x89PNG\r\n\x1a\n")),
    ".docx": (DOCX, lambda head, f: _office(head, f, "word/document.xml")),
    ".xlsx": (XLSX, lambda head, f: _office(head, f, "xl/workbook.xml")),
}
ALLOWED_NAMES = "PDF, JPEG, PNG, DOCX, XLSX"


def _office(head, upload, part):
    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names and part in names


def check_evidence(upload) -> str:
    """The file's content type, or ValidationError with a message a reporter understands."""
    name = upload.name or ""
    limit = settings.EVIDENCE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("%(name)s is %(size)s; files may be at most %(limit)s.")
            % {"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_big",
        )
    if upload.size == 0:
        raise ValidationError(_("%(name)s is empty.") % {"name": name}, code="empty")
    kind = KINDS.get(PurePath(name).suffix.lower())
    if kind is None:
        raise ValidationError(
            _("%(name)s is not a kind of file we accept. Send %(kinds)s.")
            % {"name": name, "kinds": ALLOWED_NAMES},
            code="kind",
        )
    content_type, looks_right = kind
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not looks_right(head, upload):
        raise ValidationError(
            _("%(name)s is not really a %(kind)s file: its content does not match its name.")
            % {"name": name, "kind": PurePath(name).suffix.lstrip(".").upper()},
            code="content",
        )
    return content_type
