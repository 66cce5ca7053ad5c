"""What the languages cost: page weight (gzipped HTML) of the main pages in English, Arabic and
Kurdish, and the time to rewrite a page with Eastern Arabic digits (core/digits.py).

    make run   # or any database with the demo data (seed_demo)
    .venv/bin/python benchmarks/bench_languages.py

Runs in process through Django's test client as the demo reviewer; prints a Markdown table.
"""

import gzip
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.test import Client

    from accounts.models import User
    from core.digits import html_eastern

    client = Client()
    client.force_login(User.objects.get(username="reviewer"))
    pages = ["/my/", "/review/", "/", "/map/", "/governorates/IQ-BG/"]
    report = client.get("/review/?status=").content.decode()
    if 'href="/reports/' in report:
        pk = report.split('href="/reports/', 1)[1].split("/", 1)[0]
        pages.append(f"/reports/{pk}/")
    print("| page | en KiB | ar KiB | ckb KiB | Eastern digits rewrite, ms |")
    print("|---|---|---|---|---|")
    for url in pages:
        sizes = []
        for language in ("en", "ar", "ckb"):
            html = client.get(url, {"lang": language}).content
            sizes.append(len(gzip.compress(html)) / 1024)
        text = html.decode()
        best = min(_timed(html_eastern, text) for _ in range(5))
        print(f"| `{url}` | " + " | ".join(f"{s:.1f}" for s in sizes) + f" | {best * 1000:.1f} |")


def _timed(function, *args):
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
