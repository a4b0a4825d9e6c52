"""Drive the dashboard in Debian's headless Chromium through Playwright, against a real local server.

Chromium comes from the system package (`apt-get install -y chromium`), never from
`playwright install`: Playwright only drives the executable at CHROMIUM.

Fixtures: `live_server` (the app on a free loopback port, in a thread), `browser` (one
Chromium per test session) and `page` (a fresh browser context per test, desktop-sized;
its console errors fail the test unless announced with `expect_console_error`). Helpers:
`login(page, email, password)` and `screenshot(page, name)`, which saves test-artifacts/<name>.png.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from werkzeug.serving import make_server

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 667}


@dataclass
class LiveServer:
    url: str


@pytest.fixture
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield LiveServer(f"http://127.0.0.1:{server.server_port}")
    server.shutdown()
    thread.join()


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"no Chromium at {CHROMIUM}: install Debian's package (apt-get install -y chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, live_server: LiveServer, request):
    context = browser.new_context(base_url=live_server.url, viewport=DESKTOP)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.expected_errors = []
    yield page
    screenshot(page, f"{request.node.name}-last")
    context.close()
    unexpected = [e for e in errors if not any(part in e for part in page.expected_errors)]
    assert unexpected == [], f"the browser console reported errors: {unexpected}"


def expect_console_error(page: Page, part: str) -> None:
    """The console may report an error containing `part` (a form answered 400 on purpose)."""
    page.expected_errors.append(part)


def screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def login(page: Page, email: str, password: str) -> None:
    """Sign in through the real form, as a person would, and wait for the next page."""
    page.goto("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
