"""The server's parent process compiles every template and builds the URLs' reverse table
in every language before forking its workers (``core.warmup``, called by
``doingoai.wsgi``): a worker's first page, and every recycled worker's, compiles nothing."""

import os
import subprocess
import sys
from unittest import mock

import pytest
from django.template import engines
from django.template.base import Template
from django.urls import clear_url_caches
from django.urls.resolvers import URLResolver

from doingoai.core import warmup


@pytest.fixture
def fresh_process():
    """What a newly started process has: no template compiled, no reverse table."""
    from django.forms.renderers import get_default_renderer

    form_engine = get_default_renderer().engine
    for engine in [*engines.all(), form_engine]:
        for loader in engine.engine.template_loaders:
            loader.reset()
    clear_url_caches()
    yield
    clear_url_caches()


def compiled_during(client, paths) -> list[str]:
    """The templates compiled while ``paths`` are served."""
    seen = []
    original = Template.compile_nodelist

    def counting(self):
        seen.append(self.name)
        return original(self)

    with mock.patch.object(Template, "compile_nodelist", counting):
        for path in paths:
            assert client.get(path).status_code == 200
    return seen


def populated_during(client, paths, language) -> int:
    calls = []
    original = URLResolver._populate

    def counting(self):
        calls.append(self)
        return original(self)

    client.cookies["django_language"] = language
    with mock.patch.object(URLResolver, "_populate", counting):
        for path in paths:
            assert client.get(path).status_code == 200
    return len(calls)


PAGES = ["/", "/activities/", "/partners/"]


def test_a_fresh_process_compiles_its_templates_on_its_first_pages(world, login, fresh_process):
    # the cost the warm-up takes away: without it the first pages compile templates
    client = login("daklak")
    assert compiled_during(client, PAGES)


def test_after_the_warm_up_the_first_pages_compile_nothing(world, login, fresh_process):
    warmup.templates()
    client = login("daklak")
    assert compiled_during(client, PAGES) == []


@pytest.mark.parametrize("language", ["vi", "en"])
def test_after_the_warm_up_no_reverse_table_is_built(world, login, fresh_process, language):
    client = login("daklak")
    clear_url_caches()
    assert populated_during(client, PAGES, language) > 0  # without it: built on first use
    clear_url_caches()
    warmup.urls()
    assert populated_during(client, PAGES, language) == 0


def test_the_warm_up_reads_no_database(fresh_process):
    # the parent process must not open a connection its forked workers would share: no
    # database is allowed in this test (pytest-django raises on the first statement)
    warmup.warm_up()


def test_every_template_of_the_project_is_listed():
    names = warmup.template_names()
    assert "dashboard.html" in names
    assert "documents/appendix.html" in names
    assert all(not n.startswith("/") and n.endswith(".html") for n in names)


def test_what_a_first_request_imports_is_imported_by_the_warm_up(tmp_path):
    # in a process of its own: this one has long imported everything
    script = (
        "import sys, django; django.setup()\n"
        "from doingoai.core import warmup\n"
        "lazy = ['django.contrib.sessions.serializers', 'doingoai.core.context_processors',"
        " 'django.contrib.messages.storage.fallback']\n"
        "print([m in sys.modules for m in lazy])\n"
        "warmup.warm_up()\n"
        "print([m in sys.modules for m in lazy])\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "doingoai.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'none.sqlite3'}",
    }
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[0] == "[False, False, False]"
    assert out[1] == "[True, True, True]"
