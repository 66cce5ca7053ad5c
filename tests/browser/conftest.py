"""Browser tests: real headless Chromium driven by Playwright against pytest-django's
live_server. Skipped, with the reason, when Playwright or /usr/bin/chromium is missing."""

import os
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop in this thread; Django would then refuse ORM calls
# from the test (and the fixtures) as "async unsafe". Nothing here is really asynchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PHONE = {"width": 360, "height": 740}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _why_not_runnable():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install playwright, or .[dev])"
    if not CHROMIUM.exists():
        return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _why_not_runnable()
    if reason is None:
        return
    skip = pytest.mark.skip(reason=f"browser test skipped: {reason}")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def chromium():
    reason = _why_not_runnable()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def demo_data(transactional_db, demo_snapshot, settings, tmp_path):
    """The demo plan, accounts and reports, as `manage.py seed_demo` leaves them, committed for
    the live server from the snapshot seeded once per test process (tests/demo_snapshot.py); the
    flush after the test empties the database again. Uploaded evidence goes to a temporary
    folder."""
    from tests import demo_snapshot as snapshots

    settings.MEDIA_ROOT = tmp_path / "media"
    snapshots.restore(demo_snapshot)


@pytest.fixture
def phone(chromium, live_server):
    """A page in a fresh phone-sized context, with the browser's console errors collected in
    `phone.console_errors`."""
    context = chromium.new_context(
        viewport=PHONE,
        device_scale_factor=1,
        is_mobile=True,
        has_touch=True,
        base_url=live_server.url,
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors = []
    page.on(
        "console",
        lambda message: (
            errors.append(f"{message.type}: {message.text} ({page.url})")
            if message.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(f"page error: {error} ({page.url})"))
    page.console_errors = errors
    yield page
    context.close()


@pytest.fixture
def screenshot(tmp_path):
    """screenshot(page, "name.png", full_page=False). Into docs/screenshots/ when the
    environment says UPDATE_SCREENSHOTS=1 (`make screenshots`), else into a temporary folder,
    so that an ordinary test run leaves the work tree clean."""
    folder = SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)

    def take(page, name, full_page=False):
        page.evaluate("document.activeElement && document.activeElement.blur()")
        page.screenshot(path=str(folder / name), full_page=full_page, animations="disabled")

    return take
