from django.core.management.base import BaseCommand
from django.db import transaction

from doingoai.core.registry import import_app_modules
from doingoai.organization import services
from doingoai.organization.demo import DEMO_PASSWORD, DEMO_USERS, load_demo_users


class Command(BaseCommand):
    help = (
        "Load the demo: units, terms, demo users, and each app's demo records "
        "(the two articles and marked sample data). Loading twice changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiet-users", action="store_true")

    @transaction.atomic
    def handle(self, *args, **opts):
        services.load_units()
        services.load_terms()
        services.load_communes(province_code=services.province("Đắk Lắk").code)
        load_demo_users()
        # each app may contribute demo records in <app>/demo.py: load(stdout), in the
        # order the apps are installed (partners before the agreements that name them)
        for module in import_app_modules("demo"):
            if hasattr(module, "load"):
                module.load(stdout=self.stdout)
        if not opts["quiet_users"]:
            self.stdout.write(f"Demo users (password: {DEMO_PASSWORD}):")
            for username, _full_name, province, role in DEMO_USERS:
                self.stdout.write(f"  {username:<12} {role.label:<28} {province or 'Trung ương'}")
