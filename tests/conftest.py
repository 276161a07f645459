"""Shared fixtures: the unit tree, terms and the demo users, loaded through the real
services; clients logged in as each demo user."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("AXES_ENABLED", "0")
os.environ.setdefault("DOINGOAI_FAST_HASHER", "1")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop vs live_server

import shutil  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--lang=vi",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"chromium not found at {CHROMIUM}: run 'make test' (installs it)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server, transactional_db, monkeypatch):
    """A browser page on the live server. ``page.server_lock`` is held by the live
    server while it answers a request; a test holds it while it runs the worker in its
    own thread (``tests.browser.conftest.run_worker``): on SQLite the test database is
    in memory and the server's thread shares the test's connection, so a page polling
    while the worker wrote deadlocked both (seen once in a clean clone: the HTMX poll
    reading the user while the worker's spreadsheet preview wrote). On SQLite every
    statement the test itself runs takes the lock too: a test making its next records
    while the browser still asked for a page's late parts deadlocked the same way (seen
    once in a clean clone: ``make`` in test_picker_chips while a request read the
    session)."""
    import contextlib
    import threading

    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection

    lock = threading.RLock()
    answer = WSGIHandler.__call__

    def answer_alone(self, environ, start_response):
        with lock:
            return answer(self, environ, start_response)

    def statement_alone(execute, sql, params, many, context):
        with lock:
            return execute(sql, params, many, context)

    monkeypatch.setattr(WSGIHandler, "__call__", answer_alone)
    with contextlib.ExitStack() as stack:
        if connection.vendor == "sqlite":  # the server's thread shares this connection
            stack.enter_context(connection.execute_wrapper(statement_alone))
        ensure_world()
        context = browser.new_context(viewport={"width": 1360, "height": 900}, locale="vi-VN")
        pg = context.new_page()
        pg.set_default_timeout(15000)
        pg.base = live_server.url
        pg.server_lock = lock
        yield pg
        context.close()


OUTPUT_DIR = Path(os.environ.get("TEST_OUTPUT_DIR", Path(__file__).parent.parent / "test-output"))


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    return OUTPUT_DIR


def _empty_search_index(using: str) -> None:
    from django.db import connections

    from doingoai.core.searchindex import TABLE

    with connections[using].cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")


#: rows the migrations write and no test changes: kept when a transactional test ends
KEPT_BY_THE_FLUSH = ("django_content_type", "auth_permission")
WORLD_COPY = "doingoai_world"  # PostgreSQL: a schema; SQLite: an attached database


class WorldCopy:
    """The rows ``ensure_world()`` wrote (units, terms, demo users, their history, ...),
    copied once per test database into a schema (PostgreSQL) or an attached database
    file in a temporary folder (SQLite) that no test and no query of the product sees.
    A transactional test ends with every table emptied; the world is then copied back
    with one ``INSERT ... SELECT`` a table instead of loaded again through the services
    (1-2 s a test)."""

    copied: list[str] = []
    last_ids: dict[str, int] = {}
    sqlite_file = ""

    @classmethod
    def take(cls, using="default"):
        from django.db import connections

        from doingoai.core.searchindex import TABLE

        connection = connections[using]
        qn = connection.ops.quote_name
        tables = connection.introspection.django_table_names(only_existing=True)
        with connection.cursor() as cur:
            if connection.vendor == "postgresql":
                cur.execute(f"DROP SCHEMA IF EXISTS {WORLD_COPY} CASCADE")
                cur.execute(f"CREATE SCHEMA {WORLD_COPY}")
            else:
                import tempfile

                cls.sqlite_file = f"{tempfile.mkdtemp(prefix='doingoai-world-')}/{using}.sqlite3"
                cls.attached(cur)
            cls.copied = []
            for table in [*sorted(tables), TABLE]:
                if table in KEPT_BY_THE_FLUSH:
                    cur.execute(f"SELECT COALESCE(MAX(id), 0) FROM {qn(table)}")
                    cls.last_ids[table] = cur.fetchone()[0]
                    continue
                cur.execute(f"SELECT 1 FROM {qn(table)} LIMIT 1")
                if cur.fetchone():
                    cur.execute(
                        f"CREATE TABLE {WORLD_COPY}.{qn(table)} AS "
                        f"SELECT {cls.columns(connection, table)} FROM {qn(table)}"
                    )
                    cls.copied.append(table)

    @staticmethod
    def columns(connection, table) -> str:
        """What a copy of ``table`` keeps: every column; and for SQLite's search index (an
        FTS5 table, whose ``*`` leaves out the rowid) the rowid too, which is the entry's
        id: copied back without it, the entries took new ids and a unit's entry answered
        for another record (a search right after a transactional test found no unit)."""
        from doingoai.core.searchindex import COLUMNS, TABLE

        if connection.vendor == "sqlite" and table == TABLE:
            return f"rowid, {COLUMNS}"
        return "*"

    @classmethod
    def attached(cls, cur):
        """SQLite: the copy's file attached to this connection (a connection opened again
        since, e.g. while a live server's thread shared the in-memory database, has lost
        what was attached to the one before)."""
        cur.execute("PRAGMA database_list")
        if WORLD_COPY not in {row[1] for row in cur.fetchall()}:
            cur.execute(f"ATTACH DATABASE %s AS {WORLD_COPY}", [cls.sqlite_file])

    @classmethod
    def empty_and_restore(cls, using="default"):
        """Every table emptied but the kept ones (what a test added to those deleted),
        then the world copied back."""
        from django.core.management.color import no_style
        from django.db import connections, transaction

        connection = connections[using]
        qn = connection.ops.quote_name
        tables = [
            t
            for t in connection.introspection.django_table_names(only_existing=True)
            if t not in KEPT_BY_THE_FLUSH
        ]
        if connection.vendor == "postgresql":
            # Django's flush truncates: new files for each table and index (0.5-1 s on a
            # quiet machine, 2-3 s on a busy one, for a few rows); deleting the rows, the
            # foreign keys (deferrable) checked at the end, takes 0.01-0.03 s. The product
            # has no triggers a delete would fire.
            flush = ["SET CONSTRAINTS ALL DEFERRED", *(f"DELETE FROM {qn(t)}" for t in tables)]
        else:
            flush = connection.ops.sql_flush(no_style(), tables)  # SQLite deletes already
        connection.ops.execute_sql_flush(flush)
        _empty_search_index(using)
        if connection.vendor == "sqlite":
            with connection.cursor() as cur:
                cls.attached(cur)
        with transaction.atomic(using=using), connection.cursor() as cur:
            for table in reversed(KEPT_BY_THE_FLUSH):  # permissions first
                cur.execute(f"DELETE FROM {qn(table)} WHERE id > %s", [cls.last_ids[table]])
            for table in cls.copied:
                columns = cls.columns(connection, table)
                into = "" if columns == "*" else f"({columns})"
                cur.execute(
                    f"INSERT INTO {qn(table)}{into} SELECT {columns} FROM {WORLD_COPY}.{qn(table)}"
                )


@pytest.fixture
def shared_database():
    """The ``SharedDatabase`` of this run (see ``world_copy`` for why a fixture)."""
    return SharedDatabase


@pytest.fixture
def world_copy():
    """The ``WorldCopy`` this run took (this module as pytest loaded it: ``from
    tests.conftest import WorldCopy`` in a test module gives another copy of the class,
    without what it holds)."""
    return WorldCopy


@pytest.fixture(scope="session", autouse=True)
def _tables_emptied_and_the_world_copied_back():
    """At the end of a transactional test Django's flush empties every model's table
    and loads the content types and permissions again (0.7 s); the next test then loads
    the world again through the services (1-2 s). Instead every table is emptied but the
    content types' and permissions' (what a test added to them deleted), the search
    index too (``core_search``, a table of its own, no model: its entries outlived their
    records into the next tests, where a search counted records that were not there),
    and the world is copied back (``WorldCopy``). Transactional tests that ask for
    Django's other ways (serialized rollback, some apps only, sequences reset) get its
    own flush."""
    from django.test import TransactionTestCase

    flush = TransactionTestCase._fixture_teardown

    def teardown(self):
        if self.available_apps is not None or self.serialized_rollback or self.reset_sequences:
            flush(self)
            for name in self._databases_names(include_mirrors=False):
                _empty_search_index(name)
            return
        for name in self._databases_names(include_mirrors=False):
            WorldCopy.empty_and_restore(name)

    TransactionTestCase._fixture_teardown = teardown
    yield
    TransactionTestCase._fixture_teardown = flush
    if WorldCopy.sqlite_file:
        shutil.rmtree(Path(WorldCopy.sqlite_file).parent, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def _static_files_found_when_asked():
    """Django's test client loads the middleware anew for every client, and WhiteNoise
    lists every static file when it is loaded (0.1 s, hundreds of tests): in the tests
    it finds a file when it is asked for (its "autorefresh" mode). ``doingoai serve``'s
    own listing is tested through the real server (tests/core/test_serve.py)."""
    from django.conf import settings

    settings.WHITENOISE_AUTOREFRESH = True


class SharedDatabase:
    """One xdist worker of a run migrates the test database and loads the world; the
    others start from a copy of it (each worker migrating its own took 15-20 s of CPU:
    Django renders the models of every migration's state). The first worker to take the
    lock builds; the others wait for it and copy: on PostgreSQL a database created from
    the builder's as its template (``TEST["TEMPLATE"]``; Django's migrate then has
    nothing to do, ``TEST["MIGRATE"] = False``), on SQLite (in memory) a file the builder
    backed its database up to, restored with SQLite's backup. A run without workers
    migrates as usual."""

    mode = ""  # "" (no workers), "build" or "copy"
    lock = None
    base = ""

    @classmethod
    def before_setup(cls):
        import fcntl
        import tempfile

        from django.conf import settings

        run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
        if not run or int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")) < 2:
            return
        db = settings.DATABASES["default"]
        vendor = db["ENGINE"].rsplit(".", 1)[-1]  # "sqlite3", "postgresql"
        cls.base = os.path.join(tempfile.gettempdir(), f"doingoai-db-{run}-{vendor}")
        cls.lock = open(f"{cls.base}.lock", "a")  # noqa: SIM115 (held until built)
        fcntl.flock(cls.lock, fcntl.LOCK_EX)
        if os.path.exists(f"{cls.base}.ready"):
            cls.release()
            cls.mode = "copy"
            db.setdefault("TEST", {})["MIGRATE"] = False
            if db["ENGINE"].endswith("postgresql"):
                db["TEST"]["TEMPLATE"] = cls.template_name()
        else:
            cls.mode = "build"

    @classmethod
    def template_name(cls) -> str:
        return f"doingoai_template_{os.environ['PYTEST_XDIST_TESTRUNUID'][:12]}"

    @classmethod
    def release(cls):
        import fcntl

        fcntl.flock(cls.lock, fcntl.LOCK_UN)
        cls.lock.close()
        cls.lock = None

    @classmethod
    def after_setup(cls):
        """The builder keeps what it made for the others; a copier restores it (SQLite)."""
        import sqlite3
        from contextlib import closing

        from django.db import connection, connections

        if cls.mode == "build":
            try:
                if connection.vendor == "postgresql":
                    name = connection.settings_dict["NAME"]
                    connections.close_all()  # a template has no other session
                    with connection._nodb_cursor() as cur:
                        cur.execute(f'DROP DATABASE IF EXISTS "{cls.template_name()}"')
                        cur.execute(f'CREATE DATABASE "{cls.template_name()}" TEMPLATE "{name}"')
                else:
                    connection.ensure_connection()
                    with closing(sqlite3.connect(f"{cls.base}.sqlite3")) as kept:
                        connection.connection.backup(kept)
                Path(f"{cls.base}.ready").touch()
            finally:
                cls.release()
        elif cls.mode == "copy" and connection.vendor == "sqlite":
            connection.ensure_connection()
            with closing(sqlite3.connect(f"{cls.base}.sqlite3")) as kept:
                kept.backup(connection.connection)

    @classmethod
    def migrated_file(cls, dest: Path) -> bool:
        """A SQLite database file already migrated (the one built for the run's workers)
        copied to ``dest``, for a test that starts the product in a process of its own
        and need not watch every migration run again on a new file; False when this run
        has none (no workers, or PostgreSQL)."""
        if not cls.base or not Path(f"{cls.base}.ready").exists():
            return False
        try:
            shutil.copyfile(f"{cls.base}.sqlite3", dest)
        except OSError:  # none (PostgreSQL), or the builder's run ended and took it away
            dest.unlink(missing_ok=True)
            return False
        return True

    @classmethod
    def at_the_end(cls):
        from django.db import connection

        if cls.mode != "build":
            return
        if connection.vendor == "postgresql":
            with connection._nodb_cursor() as cur:
                cur.execute(f'DROP DATABASE IF EXISTS "{cls.template_name()}"')
        for suffix in (".sqlite3", ".ready", ".lock"):
            Path(f"{cls.base}{suffix}").unlink(missing_ok=True)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Each worker's database settings (pytest-django's suffix), then the shared
    database's: build it, or copy the one built (``SharedDatabase``)."""
    SharedDatabase.before_setup()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the unit tree, terms and demo users once; each test rolls back to this."""
    with django_db_blocker.unblock():
        try:
            if SharedDatabase.mode != "copy":  # a copy holds the builder's world
                ensure_world()
        finally:
            SharedDatabase.after_setup()
        WorldCopy.take()
    yield
    with django_db_blocker.unblock():
        SharedDatabase.at_the_end()


def forget_what_is_kept():
    """What the product keeps in the cache and in the process, under versions that roll
    back with a test: forgotten before each test, and before a module's records are made
    (``records_for_the_module``)."""
    from django.core.cache import cache

    cache.clear()  # figures are cached under a data version that rolls back with each test
    from doingoai.core import keptquery

    keptquery.clear()  # and list queries kept in the process, likewise
    from doingoai.organization import backends

    backends.clear()  # and the signed-in users kept under their app's version
    from doingoai.core import searchkept

    searchkept.forget()  # the search's kept matches too (the index's log rolls back)
    from doingoai.search import ranking

    ranking.forget_groups()  # and its groups kept per reader
    from doingoai.core import memo

    memo.request_ends()  # a request left open by an earlier test keeps no answers


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.AXES_ENABLED = False
    forget_what_is_kept()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def ensure_world():
    """Units, terms and demo users; cheap when already there."""
    from doingoai.organization import services
    from doingoai.organization.demo import load_demo_users
    from doingoai.organization.models import Unit, User

    if not Unit.objects.filter(level="province").exists():
        services.load_units()
        services.load_terms()
    if not User.objects.filter(username="daklak").exists():
        load_demo_users()
    from doingoai.activities.models import Activity
    from doingoai.reports.models import SummaryState

    if not SummaryState.objects.exists() and not Activity.objects.exists():
        # a transactional test flushed every table, the migration's row too: an empty
        # database's summary tables are complete (as the migration says)
        SummaryState.objects.create(pk=1, valid=True)


class World:
    def __init__(self):
        from doingoai.organization import services
        from doingoai.organization.models import User

        self.central = services.central_unit()
        self.daklak = services.province("Đắk Lắk")
        self.hanoi = services.province("Hà Nội")
        self.phu_yen = services.Unit.objects.get(area_name="Phú Yên")
        self.users = {
            u.username: u
            for u in User.objects.filter(
                username__in=["admin", "trunguong", "daklak", "daklak_lead", "hanoi"]
            )
        }

    def user(self, name):
        return self.users[name]


@pytest.fixture
def world(db):
    ensure_world()
    return World()


def records_for_the_module(make_records):
    """A module-scoped fixture: ``make_records(world)``'s records made once for the
    module's tests, in a transaction rolled back after its last test. Each test runs
    in a savepoint inside it, as usual, so what a test changes is gone for the next.
    For the modules whose tests all read one large set of records (only tests that run
    in a transaction: a transactional test would end it). Every test of the module that
    reaches the database must ask for the fixture (a test that did not would see the
    records all the same); one that cannot reach it need not."""

    @pytest.fixture(scope="module")
    def fixture(request, django_db_setup, django_db_blocker):
        from django.db import transaction

        # the records are there for every test of the module while it runs: a test
        # that does not ask for them would see them all the same
        name = request.fixturename
        strays = [
            item.name
            for item in request.session.items
            if getattr(item, "module", None) is request.module
            and name not in item.fixturenames
            and reaches_the_database(item)
        ]
        if strays:
            pytest.fail(f"{', '.join(strays)}: every test of this module must use {name}")
        with django_db_blocker.unblock(), transaction.atomic():
            ensure_world()
            forget_what_is_kept()  # what an earlier module's last test kept
            yield make_records(World())
            transaction.set_rollback(True)

    return fixture


def read_again(made, world):
    """A namespace of records made once for a module (``records_for_the_module``) as the
    database holds them for this test: each record, alone or in a list, read afresh, one
    object a record as made (the same record under two names is one object). What an
    earlier test changed is rolled back with it, and the objects it changed are not
    handed on."""
    from types import SimpleNamespace

    from django.db.models import Model

    found = {}

    def stored(value):
        if isinstance(value, list):
            return [stored(v) for v in value]
        if isinstance(value, Model):
            key = (type(value), value.pk)
            if key not in found:
                found[key] = type(value)._base_manager.get(pk=value.pk)
            return found[key]
        return value

    return SimpleNamespace(
        world=world, **{name: stored(v) for name, v in vars(made).items() if name != "world"}
    )


@pytest.fixture
def login(client, world):
    def as_user(username):
        client.force_login(world.user(username))
        return client

    return as_user


class Background:
    """The set-up every test of background work repeats: the worker, the page polled
    while it works, a worker that is not running."""

    def __init__(self, monkeypatch, settings):
        self.monkeypatch = monkeypatch
        self.settings = settings

    @staticmethod
    def work():
        """What the worker started by ``doingoai serve`` does (the tasks queued now)."""
        from django.core.management import call_command

        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    def poll_at(self, client, url: str, done: int, **status) -> dict:
        """Poll ``url`` as HTMX does when the task reports ``done`` (and ``status``'s
        values): ``seen["poll"]`` is the answer, once the work is done."""
        from doingoai.imports import background as background_module

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
        from doingoai.imports import background as background_module

        return background_module.read_status(token)


@pytest.fixture
def background_work(monkeypatch, settings):
    return Background(monkeypatch, settings)


@pytest.fixture
def saves_at_once():
    """Two officers saving at the same moment (PostgreSQL): ``first()`` runs in a
    transaction left open (her request still running) while ``second()`` runs in
    another thread; after 1.5 s ``meanwhile()`` looks at what a reader sees, then the
    first commits. Returns what ``meanwhile`` returned; neither save may fail."""
    import threading

    from django.db import connection, transaction

    def run(first, second, meanwhile=None):
        saved, go, errors = threading.Event(), threading.Event(), []

        def one():
            try:
                with transaction.atomic():
                    first()
                    saved.set()
                    go.wait(10)  # the officer's request is still running
            except Exception as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
            finally:
                connection.close()

        def two():
            try:
                second()
            except Exception as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
            finally:
                connection.close()

        started = threading.Thread(target=one)
        started.start()
        assert saved.wait(10)
        other = threading.Thread(target=two)
        other.start()
        other.join(1.5)
        seen = meanwhile() if meanwhile is not None else None
        go.set()
        started.join(30)
        other.join(30)
        assert errors == []
        return seen

    return run


# pytest-django's fixtures that give a test the database: a test asking for none of them
# (and not marked ``django_db``) cannot reach it, so it tests nothing of the database
DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "live_server",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
    }
)


def reaches_the_database(item) -> bool:
    """Whether the test asks for the database (a fixture or the ``django_db`` mark)."""
    return item.get_closest_marker("django_db") is not None or bool(
        DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


def pytest_collection_modifyitems(config, items):
    """A test that cannot reach the database is marked ``once``: ``make test`` runs it in
    the SQLite pass only, as the tests marked by hand (the news reader's 600 tests, the
    layering and translation checks). Its own subprocesses, if any, are given their own
    database (tests/core/test_warmup.py)."""
    for item in items:
        if not reaches_the_database(item):
            item.add_marker(pytest.mark.once)
