"""Vietnamese first: the vi catalogue covers every UI string, and pages speak Vietnamese by
default and English once the user switches.

The catalogue test runs Django's ``makemessages`` (xgettext + msgmerge) on a temporary copy of
the package, exactly as a developer would, and fails listing every msgid that is new and
untranslated, still empty, fuzzy, or whose placeholders differ from the msgid's.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

import doingoai

PACKAGE_DIR = Path(doingoai.__file__).parent
PO_PATH = PACKAGE_DIR / "locale" / "vi" / "LC_MESSAGES" / "django.po"

# Python %-placeholders (named or not), str.format fields, and the literal %%.
PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdifr]|%[sdif]|\{\w*\}|%%")


def _needs_gettext():
    missing = [t for t in ("xgettext", "msgmerge", "msgfmt") if not shutil.which(t)]
    if missing:
        pytest.fail(f"GNU gettext is missing ({', '.join(missing)}): apt-get install gettext")


def _copy_package(dest: Path) -> Path:
    copy = dest / "doingoai"
    shutil.copytree(
        PACKAGE_DIR,
        copy,
        ignore=shutil.ignore_patterns("__pycache__", "vendor", "*.mo", "*.pyc", "node_modules"),
    )
    return copy


def _problems(po: polib.POFile) -> list[str]:
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        label = repr(entry.msgid)
        where = ", ".join(f"{f}:{n}" for f, n in entry.occurrences[:2])
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {label} ({where})")
            continue
        if entry.msgid_plural:
            forms = [entry.msgstr_plural.get(i, "") for i in range(1)]
            wanted = set(PLACEHOLDER.findall(entry.msgid_plural))
        else:
            forms = [entry.msgstr]
            wanted = set(PLACEHOLDER.findall(entry.msgid))
        if not all(f.strip() for f in forms):
            problems.append(f"untranslated: {label} ({where})")
            continue
        for form in forms:
            if set(PLACEHOLDER.findall(form)) != wanted:
                problems.append(f"placeholders differ: {label} -> {form!r} ({where})")
    return problems


def test_committed_catalogue_header_and_format():
    _needs_gettext()
    po = polib.pofile(str(PO_PATH))
    assert not po.metadata_is_fuzzy, "the catalogue header is marked fuzzy"
    assert po.metadata.get("Language") == "vi"
    assert po.metadata.get("Plural-Forms", "").replace(" ", "") == "nplurals=1;plural=0;"
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(PO_PATH)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_every_ui_string_has_a_vietnamese_translation(tmp_path, settings, monkeypatch):
    """makemessages over the current source, merged into the committed vi catalogue."""
    _needs_gettext()
    copy = _copy_package(tmp_path)
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(copy)
    call_command(
        "makemessages",
        locale=["vi"],
        no_obsolete=True,
        ignore_patterns=["migrations"],
        verbosity=0,
    )
    po = polib.pofile(str(copy / "locale" / "vi" / "LC_MESSAGES" / "django.po"))
    problems = _problems(po)
    assert not problems, (
        f"{len(problems)} UI string(s) lack a Vietnamese translation in "
        "src/doingoai/locale/vi/LC_MESSAGES/django.po (run `cd src/doingoai && "
        "doingoai makemessages -l vi --no-obsolete --ignore=migrations` and translate):\n  "
        + "\n  ".join(problems)
    )


@pytest.fixture
def compiled_catalogue(tmp_path, settings):
    """The committed .po compiled afresh into a temporary locale path (so the test does not
    depend on `make messages` having run); changing LOCALE_PATHS resets Django's caches."""
    _needs_gettext()
    locale = tmp_path / "locale"
    target = locale / "vi" / "LC_MESSAGES"
    target.mkdir(parents=True)
    subprocess.run(["msgfmt", "--check", "-o", str(target / "django.mo"), str(PO_PATH)], check=True)
    settings.LOCALE_PATHS = [locale]
    return locale


def test_login_page_is_vietnamese_by_default(client, db, compiled_catalogue):
    # Also for a browser set to English: only the language switcher changes the language.
    for headers in ({}, {"Accept-Language": "en-US,en;q=0.9"}):
        page = client.get("/accounts/login/", headers=headers).content.decode()
        assert 'lang="vi"' in page
        assert "Đăng nhập" in page
        assert "Mật khẩu" in page
        assert "Log in" not in page


def test_pages_switch_between_vietnamese_and_english(login, compiled_catalogue):
    client = login("daklak")
    page = client.get("/partners/").content.decode()
    for label in ("Đối tác", "Tìm kiếm…", "Đăng xuất", "Tổng quan", "Bộ lọc", "Thêm"):
        assert label in page, label
    assert "Log out" not in page

    response = client.post("/i18n/setlang/", {"language": "en", "next": "/partners/"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert 'lang="en"' in page
    for label in ("Partners", "Search everything…", "Log out", "Dashboard", "Filters"):
        assert label in page, label
    assert "Đăng xuất" not in page

    client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    page = client.get("/").content.decode()
    assert "Tổng quan" in page and "Dashboard" not in page
