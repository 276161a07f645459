"""``Server-Timing`` for benchmarks: the time the application spent on a request.

Installed only when the setting ``BENCH_TIMING`` is on (environment ``BENCH_TIMING=1``),
first in the middleware chain so it covers every other middleware and the view."""

from __future__ import annotations

import time


class ServerTimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started, cpu = time.perf_counter(), time.process_time()
        response = self.get_response(request)
        elapsed = (time.perf_counter() - started) * 1000
        cpu = (time.process_time() - cpu) * 1000
        # app: wall time in the worker; cpu: the worker's own CPU time (SQLite's work
        # included, PostgreSQL's not), which a busy machine does not inflate
        response["Server-Timing"] = f"app;dur={elapsed:.2f}, cpu;dur={cpu:.2f}"
        return response
