"""``doingoai serve``, the production server, run as a user runs it: several gunicorn
workers, DEBUG off, hashed and compressed static files with far-future caching, the
background task worker beside it, all stopped together."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    finally:
        conn.close()


def descendants(pid: int) -> dict[int, str]:
    """{pid: command line} of every process below ``pid``."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = {}, [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            try:
                out[child] = (Path("/proc") / str(child) / "cmdline").read_text().replace("\0", " ")
            except OSError:
                continue
            todo.append(child)
    return out


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.once
def test_production_server(tmp_path, shared_database):
    # a database migrated already when the run has one (migrating a new file is tested
    # with the demo server): the server still runs its migrate, which finds none to do
    # (``from tests.conftest import SharedDatabase`` gave another copy of the class, which
    # never had one: stop 50's test migrated a new file all the same)
    shared_database.migrated_file(tmp_path / "serve.sqlite3")
    port = free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DEBUG", "DJANGO_SETTINGS_MODULE", "PYTEST_CURRENT_TEST")
    }
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        SECRET_KEY="x" * 50,
        DOINGOAI_PROTECTION_KEYS="mDWjyQ7kHoO6Hd1l5B2pU3zQ8d0JQ0JrZ6J9XH8m2nE=",
        ALLOWED_HOSTS="127.0.0.1",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "doingoai.cli", "serve", f"--bind=127.0.0.1:{port}", "--workers=2"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 300  # the first start collects and compresses
        while True:
            assert proc.poll() is None, proc.stdout.read().decode()[-3000:]
            try:
                if get(port, "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.5)

        status, _h, body = get(port, "/accounts/login/")
        assert status == 200
        css = re.search(rb'href="(/static/css/app\.[0-9a-f]{12}\.css)"', body)
        assert css, "static files are served under hashed names"
        status, headers, _b = get(port, css.group(1).decode(), {"Accept-Encoding": "gzip"})
        assert status == 200 and headers.get("Content-Encoding") == "gzip"
        assert "max-age=315360000" in headers.get("Cache-Control", "")

        status, _h, body = get(port, "/khong-co-trang-nay/")
        assert status in (302, 404) and b"Traceback" not in body  # DEBUG is off

        # the master and its two workers (the second may still be booting on a busy
        # machine), and the task worker
        deadline = time.monotonic() + 60
        while True:
            running = descendants(proc.pid)
            commands = list(running.values())
            web = sum("gunicorn" in c and "doingoai.wsgi" in c for c in commands)
            if web >= 3 and any("db_worker" in c for c in commands) or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert web >= 3, commands
        assert any("db_worker" in c for c in commands), commands
        # stopping the command stops the web server and the task worker with it
        proc.send_signal(signal.SIGTERM)
        proc.wait(40)
        deadline = time.monotonic() + 20
        while any(alive(pid) for pid in running) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [c for pid, c in running.items() if alive(pid)]
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
