import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from doingoai.news.extraction import JSON_KEYS, extract
from doingoai.news.services import article_text


class Command(BaseCommand):
    help = (
        "Read one news article (.txt, .html, .docx) and print the facts found in it: "
        "with --json, one JSON object with the keys title, published, start_date, "
        "end_date, kind, units, partners, places, countries, amounts, agreement."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the article: .txt, .html, .htm or .docx")
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument(
            "--published",
            help="publication date (YYYY-MM-DD) when the "
            "article does not give one; it gives the year of dates without one",
        )
        parser.add_argument(
            "--all",
            action="store_true",
            help="with --json, also print subdivisions, topics, events, spans",
        )

    def handle(self, *args, **opts):
        path = Path(opts["file"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror or exc}") from exc
        published = None
        if opts["published"]:
            try:
                published = date.fromisoformat(opts["published"])
            except ValueError as exc:
                raise CommandError(f"--published {opts['published']!r}: use YYYY-MM-DD") from exc
        try:
            text, doc_published, _title = article_text(data, path.name)
        except (ValueError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        except Exception as exc:  # noqa: BLE001 - a broken file
            raise CommandError(f"{path}: could not be read ({exc})") from exc
        result = extract(text, published=published or doc_published).to_json()
        if opts["json"]:
            out = result if opts["all"] else {key: result[key] for key in JSON_KEYS}
            self.stdout.write(json.dumps(out, ensure_ascii=False))
            return
        for key in JSON_KEYS:
            value = result[key]
            if key == "amounts":
                value = "; ".join(
                    f"{a['text']} = {a['value']} {a['currency']} ({a['direction']})" for a in value
                )
            elif isinstance(value, list):
                value = "; ".join(value)
            self.stdout.write(f"{key:<12} {value if value not in (None, '') else '—'}")
