"""``doingoai generate``: national-scale generated data for benchmarks (see core/generate.py)."""

import argparse
import json

from django.core.management.base import BaseCommand

from doingoai.demo import generate


def count(text: str) -> int:
    """A number of records: a whole number, 0 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


class Command(BaseCommand):
    help = (
        "Fill the database with deterministic national-scale data: by default 1,000,000 "
        "activities, 200,000 resources, 50,000 agreements and 100,000 partners over "
        "20 years. Progress goes to stderr."
    )

    def add_arguments(self, parser):
        d = generate.DEFAULTS
        parser.add_argument("--activities", type=count, default=d["activities"])
        parser.add_argument("--resources", type=count, default=d["resources"])
        parser.add_argument("--agreements", type=count, default=d["agreements"])
        parser.add_argument("--partners", type=count, default=d["partners"])
        parser.add_argument(
            "--news", type=count, default=None, help="news items (default: one per 20 activities)"
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--reset", action="store_true", help="delete generated kinds of records first"
        )
        parser.add_argument(
            "--no-search", action="store_true", help="do not rebuild the search index afterwards"
        )
        parser.add_argument("--quiet", action="store_true")

    def handle(self, *args, **o):
        if o["reset"]:
            generate.reset()
        stats = generate.generate(
            activities=o["activities"],
            resources=o["resources"],
            agreements=o["agreements"],
            partners=o["partners"],
            news=o["news"],
            seed=o["seed"],
            quiet=o["quiet"],
            stream=self.stderr._out,
            search=not o["no_search"],
        )
        self.stdout.write(json.dumps(stats, indent=1))
