"""Checks on uploaded evidence: an allowed kind by name and by content, within the size limit."""

import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext as _

from core.text import isolate, join_list

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
KIND_NAMES = ("PDF", "JPEG", "PNG", "DOCX", "XLSX")


def allowed_names() -> str:
    """The kinds we accept, as a list in the page's language: "PDF, JPEG, PNG, DOCX, XLSX" in
    English; Arabic commas, and each code a run of its own, in Arabic and Kurdish."""
    return join_list(KIND_NAMES)


# Worked out when it is put into a message (a form's help, an error), in that request's language.
ALLOWED_NAMES = lazy(allowed_names, str)()


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
    shown = isolate(name)  # a run of its own in the sentence, whatever its script
    limit = settings.EVIDENCE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("%(name)s is %(size)s; files may be at most %(limit)s.")
            % {"name": shown, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_big",
        )
    if upload.size == 0:
        raise ValidationError(_("%(name)s is empty.") % {"name": shown}, code="empty")
    kind = KINDS.get(PurePath(name).suffix.lower())
    if kind is None:
        raise ValidationError(
            _("%(name)s is not a kind of file we accept. Send %(kinds)s.")
            % {"name": shown, "kinds": ALLOWED_NAMES},
            code="kind",
        )
    content_type, looks_right = kind
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not looks_right(head, upload):
        raise ValidationError(
            _("%(name)s is not really a %(kind)s file: its content does not match its name.")
            % {"name": shown, "kind": PurePath(name).suffix.lstrip(".").upper()},
            code="content",
        )
    return content_type
