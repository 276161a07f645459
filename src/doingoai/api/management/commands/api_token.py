from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from doingoai.api.models import DEFAULT_DAYS, MAX_DAYS, ApiToken


class Command(BaseCommand):
    help = "Create a personal API token for a user and print it (it is shown only once)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="What the token is for.")
        parser.add_argument(
            "--days",
            type=int,
            default=DEFAULT_DAYS,
            help=f"How many days the token lasts (1 to {MAX_DAYS}; default {DEFAULT_DAYS}).",
        )

    def handle(self, username, name, days, **options):
        if not 1 <= days <= MAX_DAYS:
            raise CommandError(f"--days must be from 1 to {MAX_DAYS}, not {days}.")
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        if not user.is_active:
            raise CommandError(f"User {username!r} is not active.")
        token, text = ApiToken.issue(user, name or "command line", days=days)
        self.stdout.write(text)
        self.stderr.write(f"valid until {token.expires:%Y-%m-%d} (UTC)")
