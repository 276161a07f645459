"""The apps are layers: an app imports only the apps installed before it
(``settings.INSTALLED_APPS``: the framework, the record apps from the bottom up, the
features over them), so no two apps import each other and ``core`` imports none.

Every import counts, those inside functions too: a late import is still a dependency.
What a lower app needs from a higher one comes through a ``Hook`` the lower app
declares and the higher one provides to (``core.registry.Hook``)."""

from __future__ import annotations

import ast
from pathlib import Path

from django.conf import settings

import doingoai

PACKAGE = Path(doingoai.__file__).parent


def installed_order() -> list[str]:
    return [a.split(".")[1] for a in settings.INSTALLED_APPS if a.startswith("doingoai.")]


def imports_of(path: Path, module: str) -> list[tuple[str, int]]:
    """(imported doingoai module, line) of every import in a file, relative ones resolved."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            out += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")[: -node.level if path.name != "__init__.py" else None]
                if path.name == "__init__.py" and node.level > 1:
                    base = module.split(".")[: -(node.level - 1)]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            out.append((name, node.lineno))
    return sorted((n, line) for n, line in out if n.startswith("doingoai."))


def app_imports() -> list[tuple[str, str, str]]:
    """(importing app, imported app, "file:line") for every import between two apps."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if len(rel.parts) < 2 or "migrations" in rel.parts:
            continue
        app = rel.parts[0]
        module = ".".join(("doingoai", *rel.with_suffix("").parts))
        for name, line in imports_of(path, module):
            target = name.split(".")[1]
            if target != app:
                found.append((app, target, f"{rel}:{line}"))
    return found


def test_every_app_is_installed():
    apps = {p.parent.name for p in PACKAGE.glob("*/apps.py")}
    assert apps == set(installed_order())


def test_an_app_imports_only_the_apps_installed_before_it():
    order = installed_order()
    rank = {app: i for i, app in enumerate(order)}
    upward = [
        f"{where}: {app} imports {target}"
        for app, target, where in app_imports()
        if target in rank and rank[target] > rank[app]
    ]
    assert not upward, (
        "imports against the layers (INSTALLED_APPS order); declare a Hook in the lower "
        "app and provide to it from the higher one:\n  " + "\n  ".join(upward)
    )


def test_core_imports_no_other_app():
    assert [
        w for app, target, w in app_imports() if app == "core" and target in installed_order()
    ] == []


def test_the_check_finds_an_upward_import(tmp_path, monkeypatch):
    """The walk sees imports inside functions and relative ones (it can fail)."""
    source = tmp_path / "doingoai" / "core" / "x.py"
    source.parent.mkdir(parents=True)
    source.write_text(
        "def f():\n    from doingoai.reports import figures\nfrom ..partners import models\n"
    )
    found = imports_of(source, "doingoai.core.x")
    assert sorted(n for n, _ in found) == ["doingoai.partners", "doingoai.reports"]
