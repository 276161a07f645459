"""``doingoai generate``: national-scale generated data for benchmarks (see core/generate.py)."""

import json

from django.core.management.base import BaseCommand

from doingoai.core import generate


class Command(BaseCommand):
    help = ("Fill the database with deterministic national-scale data: by default 1,000,000 "
            "activities, 200,000 resources, 50,000 agreements and 100,000 partners over "
            "20 years. Progress goes to stderr.")

    def add_arguments(self, parser):
        d = generate.DEFAULTS
        parser.add_argument("--activities", type=int, default=d["activities"])
        parser.add_argument("--resources", type=int, default=d["resources"])
        parser.add_argument("--agreements", type=int, default=d["agreements"])
        parser.add_argument("--partners", type=int, default=d["partners"])
        parser.add_argument("--news", type=int, default=None,
                            help="news items (default: one per 20 activities)")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--reset", action="store_true",
                            help="delete generated kinds of records first")
        parser.add_argument("--no-search", action="store_true",
                            help="do not rebuild the search index afterwards")
        parser.add_argument("--quiet", action="store_true")

    def handle(self, *args, **o):
        if o["reset"]:
            generate.reset()
        stats = generate.generate(
            activities=o["activities"], resources=o["resources"], agreements=o["agreements"],
            partners=o["partners"], news=o["news"], seed=o["seed"], quiet=o["quiet"],
            stream=self.stderr._out, search=not o["no_search"])
        self.stdout.write(json.dumps(stats, indent=1))
