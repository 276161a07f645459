from .registry import REGISTRY


def navigation(request):
    kinds = sorted(
        (k for k in REGISTRY.values() if k.nav_group == "records"), key=lambda k: k.menu_order
    )
    admin_kinds = sorted(
        (k for k in REGISTRY.values() if k.nav_group == "admin"), key=lambda k: k.menu_order
    )
    return {"nav_kinds": kinds, "nav_admin_kinds": admin_kinds}
