"""The stock rasa-webchat widget from npm chats through the gateway's socket.io protocol, unchanged.

The page is served by the test itself, on 127.0.0.1; the widget is the bundle npm installed into
var/npm/ (`scripts/install-webchat.sh`; `make test` runs it), never from a CDN.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.support.gateway import RunningGateway, Stack, start_gateway
from tests.support.paths import ROOT
from tests.support.servers import RunningAssistant
from tests.support.socketio_client import tracker_events, user_texts

pytestmark = pytest.mark.integration

WEBCHAT = ROOT / "tests" / "browser" / "webchat"
BUNDLE = ROOT / "var" / "npm" / "node_modules" / "rasa-webchat" / "lib" / "index.js"
FILES = {"/": (WEBCHAT / "index.html", "text/html"), "/rasa-webchat.js": (BUNDLE, "text/javascript")}


class SiteFiles(BaseHTTPRequestHandler):
    """Some site that embeds the widget: the page and the widget's bundle, nothing else."""

    def do_GET(self) -> None:
        found = FILES.get(urlparse(self.path).path)
        body = found[0].read_bytes() if found else b""
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", found[1] if found else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    if not BUNDLE.exists():
        pytest.fail("rasa-webchat is missing: run scripts/install-webchat.sh (make test does).")
    server = ThreadingHTTPServer(("127.0.0.1", 0), SiteFiles)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def gateway(stack: Stack, site: str, tmp_path: Path) -> Iterator[RunningGateway]:
    running = start_gateway(tmp_path, stack.assistant, env={"GATEWAY_ALLOWED_ORIGINS": site})
    yield running
    running.stop()


def user_texts_when(assistant: RunningAssistant, sender: str, count: int) -> list[str]:
    """The visitor's messages in the tracker, once Rasa has handled `count` of them (at most 60 s)."""
    deadline = time.monotonic() + 60
    texts = user_texts(assistant, sender)
    while len(texts) < count and time.monotonic() < deadline:
        time.sleep(0.2)
        texts = user_texts(assistant, sender)
    return texts


def send(page: Page, text: str) -> None:
    field = page.locator(".rw-new-message")
    field.fill(text)
    field.press("Enter")


def test_stock_rasa_webchat_gets_replies_buttons_history_and_no_commands(
    context: BrowserContext, page: Page, stack: Stack, site: str, gateway: RunningGateway, artifacts: Path
) -> None:
    context.route("https://fonts.googleapis.com/**", lambda route: route.abort())  # the widget's web font
    page.goto(f"{site}/?socket={gateway.socketio_url}")
    page.locator(".rw-launcher").click()
    send(page, "hoi")
    chat = page.locator(".rw-messages-container")
    expect(chat).to_contain_text("digitale assistent")
    page.locator(".rw-reply", has_text="Voor mezelf").click()
    expect(chat).to_contain_text("3 op de 10")
    expect(chat.locator(".rw-client")).to_have_text(["hoi", "Voor mezelf"])
    session = page.evaluate("JSON.parse(localStorage.getItem('chat_session')).session_id")
    answers = chat.locator(".rw-response").count()

    # After a reload the widget asks for its stored session; the gateway goes on with it.
    page.reload()
    expect(page.locator(".rw-launcher")).to_be_visible()  # shown once the session is confirmed
    expect(chat).to_be_visible()  # it was open before the reload
    expect(chat.locator(".rw-client")).to_have_text(["hoi", "Voor mezelf"])
    expect(chat).to_contain_text("3 op de 10")
    assert page.evaluate("JSON.parse(localStorage.getItem('chat_session')).session_id") == session

    send(page, "/restart")
    expect(chat.locator(".rw-client")).to_have_text(["hoi", "Voor mezelf", "/restart"])
    page.wait_for_function("n => document.querySelectorAll('.rw-response').length > n", arg=answers)
    page.screenshot(path=str(artifacts / "rasa-webchat.png"))
    assert user_texts_when(stack.assistant, session, 3) == ["hoi", "/for_myself", "restart"]
    assert not [e for e in tracker_events(stack.assistant, session) if e["event"] == "restart"]
