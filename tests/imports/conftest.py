"""Fixtures of the imports' tests: English messages, and ``background_work`` for the pages of
work done in the background (the spreadsheet, the IATI preview, the news batches)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.utils import translation

from doingoai.imports import background as background_module


@pytest.fixture(autouse=True)
def _english_messages():
    """Assertions on message text read the English msgids; the Vietnamese rendering is
    checked by test_problem_reads_in_vietnamese."""
    with translation.override("en"):
        yield


class Background:
    """The set-up every test of background work repeats: the worker, the page polled
    while it works, a worker that is not running."""

    def __init__(self, monkeypatch, settings):
        self.monkeypatch = monkeypatch
        self.settings = settings

    @staticmethod
    def work():
        """What the worker started by ``doingoai serve`` does (the tasks queued now)."""
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    def poll_at(self, client, url: str, done: int, **status) -> dict:
        """Poll ``url`` as HTMX does when the task reports ``done`` (and ``status``'s
        values): ``seen["poll"]`` is the answer, once the work is done."""
        seen = {}
        self.monkeypatch.setattr(background_module, "PROGRESS_EVERY", 0)
        write = background_module.write_status

        def watch(token, **written):
            write(token, **written)
            wanted = {"done": done, **status}
            if all(written.get(key) == value for key, value in wanted.items()):
                seen["poll"] = client.get(url, headers={"HX-Request": "true"})

        self.monkeypatch.setattr(background_module, "write_status", watch)
        return seen

    def no_worker(self):
        """No worker runs: the pages say so at once (not after TASK_WORKER_WAIT)."""
        self.settings.TASK_WORKER_WAIT = 0

    @staticmethod
    def token(url: str) -> str:
        """The upload's token, last in its page's URL."""
        return url.rstrip("/").rsplit("/", 1)[-1]

    @staticmethod
    def status(token: str) -> dict | None:
        return background_module.read_status(token)


@pytest.fixture
def background_work(monkeypatch, settings):
    return Background(monkeypatch, settings)
