from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from doingoai.organization import services
from doingoai.organization.demo import DEMO_PASSWORD, DEMO_USERS, load_demo_users


class Command(BaseCommand):
    help = ("Load the demo: units, terms, demo users, and each app's demo records "
            "(the two articles and marked sample data). Loading twice changes nothing.")

    def add_arguments(self, parser):
        parser.add_argument("--quiet-users", action="store_true")

    @transaction.atomic
    def handle(self, *args, **opts):
        services.load_units()
        services.load_terms()
        services.load_communes(province_code=services.province("Đắk Lắk").code)
        load_demo_users()
        # each app may contribute demo records in <app>/demo.py: load(stdout)
        for name in ("partners", "agreements", "activities", "resources", "news", "reports"):
            config = apps.get_app_config(name)
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.demo":
                    raise
                continue
            module.load(stdout=self.stdout)
        if not opts["quiet_users"]:
            self.stdout.write(f"Demo users (password: {DEMO_PASSWORD}):")
            for username, _full_name, province, role in DEMO_USERS:
                self.stdout.write(f"  {username:<12} {role.label:<28} {province or 'Trung ương'}")
