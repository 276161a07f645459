"""``make demo`` serves the demo with ``doingoai runserver`` and its autoreloader. Seen at
stop 42: the server started, then every request failed ("The included URLconf
'doingoai.urls' does not appear to have any patterns in it"): the autoreloader's thread and
the server's system checks imported the URLconf at the same time, and one of them got it
half-imported. The command now imports it before either starts (``doingoai.cli``)."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.once

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_demo_server_with_its_autoreloader_answers(tmp_path):
    command = Path(sys.executable).parent / "doingoai"  # the console script, as make demo
    port = _free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTEST", "DJANGO_SETTINGS", "DATABASE_URL", "RUN_MAIN"))
    }
    env.update(DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [str(command), "runserver", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        status = None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and status is None:
            time.sleep(0.5)
            if b"Traceback" in log.read_bytes():
                time.sleep(1)  # let it finish writing the error
                break
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/") as r:
                    status = r.status
            except urllib.error.HTTPError as exc:
                status = exc.code
            except OSError:
                continue
        output = log.read_text(encoding="utf-8", errors="replace")
        assert "Traceback" not in output, output
        assert status == 200, output
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
