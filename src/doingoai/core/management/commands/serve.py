"""``doingoai serve``: the production server.

gunicorn with several worker processes (default 2 × cores + 1), DEBUG off, static
files collected into ``var/staticfiles`` with hashed, compressed names and served
by WhiteNoise (``STATIC_MANIFEST=1``), and one background task worker (``doingoai
db_worker``: rebuilding the summary tables after a merge of units). Behind a reverse
proxy bind to 127.0.0.1 (the default) and let the proxy terminate TLS.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def static_stamp() -> str:
    """A fingerprint of every static source file: collecting (and compressing) takes
    a minute, so it runs again only when something changed."""
    from django.contrib.staticfiles.finders import get_finders

    h = hashlib.sha256()
    for finder in get_finders():
        for path, storage in finder.list(["CVS", ".*", "*~"]):
            st = os.stat(storage.path(path))
            h.update(f"{path}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def start_children(cmd, doingoai, env) -> list:
    """The web server, the task worker and the commands that repeat themselves
    (settings.PERIODIC_COMMANDS: the reminders, hourly)."""
    children = [subprocess.Popen(cmd, env=env)]
    children.append(subprocess.Popen([*doingoai, "db_worker", "--no-reload", "-v0"], env=env))
    for command in getattr(settings, "PERIODIC_COMMANDS", []):
        children.append(subprocess.Popen([*doingoai, *command, "-v0"], env=env))
    return children


def default_workers() -> int:
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    return 2 * cores + 1


class Command(BaseCommand):
    help = "Run the production server (gunicorn, several workers, WhiteNoise static files)."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("BIND", "127.0.0.1:8000"))
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", 0)) or None,
            help="worker processes (default: 2 × cores + 1)",
        )
        parser.add_argument(
            "--threads", type=int, default=1, help="threads per worker (gthread worker when > 1)"
        )
        parser.add_argument("--timeout", type=int, default=120)
        parser.add_argument(
            "--max-requests",
            type=int,
            default=5000,
            help="recycle a worker after this many requests (0: never)",
        )
        parser.add_argument("--no-collectstatic", action="store_true")
        parser.add_argument(
            "--no-migrate", action="store_true", help="do not apply migrations before starting"
        )
        parser.add_argument("--access-log", action="store_true")
        parser.add_argument(
            "--no-task-worker",
            action="store_true",
            help="do not start the background task worker (run 'doingoai db_worker' elsewhere)",
        )

    def handle(self, *args, **o):
        gunicorn = shutil.which("gunicorn") or os.path.join(
            os.path.dirname(sys.executable), "gunicorn"
        )
        if not os.path.exists(gunicorn):
            raise CommandError("gunicorn is not installed (pip install gunicorn)")
        env = dict(os.environ)
        env["DEBUG"] = "0"
        env["STATIC_MANIFEST"] = "1"
        env.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
        doingoai = [sys.executable, "-m", "doingoai.cli"]
        if not o["no_migrate"]:
            subprocess.run([*doingoai, "migrate", "--no-input", "-v0"], env=env, check=True)
        if not o["no_collectstatic"]:
            stamp = static_stamp()
            marker = os.path.join(settings.STATIC_ROOT, ".collected")
            if not os.path.exists(marker) or open(marker).read() != stamp:
                self.stdout.write("Collecting and compressing static files (once per change)")
                subprocess.run(
                    [*doingoai, "collectstatic", "--no-input", "-v0"], env=env, check=True
                )
                with open(marker, "w") as f:
                    f.write(stamp)
        workers = o["workers"] or default_workers()
        cmd = [
            gunicorn,
            "doingoai.wsgi:application",
            "--bind",
            o["bind"],
            "--workers",
            str(workers),
            "--timeout",
            str(o["timeout"]),
            "--graceful-timeout",
            "20",
            "--keep-alive",
            "5",
            "--worker-tmp-dir",
            "/dev/shm" if os.path.isdir("/dev/shm") else "/tmp",
            "--preload",
        ]
        if o["threads"] > 1:
            cmd += ["--threads", str(o["threads"]), "--worker-class", "gthread"]
        if o["max_requests"]:
            cmd += [
                "--max-requests",
                str(o["max_requests"]),
                "--max-requests-jitter",
                str(max(1, o["max_requests"] // 10)),
            ]
        if o["access_log"]:
            cmd += ["--access-logfile", "-"]
        self.stdout.write(
            f"doingoai: serving on http://{o['bind']} with {workers} workers (Ctrl-C to stop)"
        )
        self.stdout.flush()
        if o["no_task_worker"]:
            os.execve(cmd[0], cmd, env)
        children = start_children(cmd, doingoai, env)

        def stop(signum, _frame):
            for child in children:
                if child.poll() is None:
                    child.send_signal(signum)

        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(sig, stop)
        code = children[0].wait()  # the web server ends the task worker with it
        stop(signal.SIGTERM, None)
        for child in children[1:]:
            try:
                child.wait(20)
            except subprocess.TimeoutExpired:
                child.kill()
        sys.exit(code)
