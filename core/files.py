"""Serving an uploaded file: always as a download, never rendered by the browser."""

from django.http import FileResponse


def attachment(file, filename):
    response = FileResponse(
        file.open("rb"),
        as_attachment=True,
        filename=filename,
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
