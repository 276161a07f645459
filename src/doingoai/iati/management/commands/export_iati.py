from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from doingoai.core.commandline import acting_user
from doingoai.core.progress import Progress
from doingoai.iati.export import export_iati, validate
from doingoai.organization.commandline import find_unit


class Command(BaseCommand):
    help = (
        "Write the resources received as an IATI 2.03 activity file; resources that "
        "cannot be expressed are listed with the reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("--unit", help="only this unit's subtree (code or name)")
        parser.add_argument("--output", required=True)
        parser.add_argument("--as", dest="username", help="act as this user (her scope)")
        parser.add_argument("--no-validate", action="store_true")
        parser.add_argument("--quiet", action="store_true")

    def handle(self, *args, **opts):
        user = acting_user(opts["username"])
        unit = find_unit(opts["unit"]) if opts["unit"] else None
        with Progress("IATI export", stream=self.stderr._out, quiet=opts["quiet"]) as progress:
            result = export_iati(user=user, unit=unit, progress=progress)
        Path(opts["output"]).write_bytes(result.xml)
        for s in result.skipped:
            self.stderr.write(f"not exported: resource {s.resource_id} “{s.title}”: {s.reason}")
        self.stdout.write(
            f"{opts['output']}: {len(result.exported)} activities, "
            f"{len(result.skipped)} not expressible"
        )
        if not opts["no_validate"] and result.exported:
            errors = validate(result.xml)
            if errors:
                raise CommandError("The file does not validate:\n" + "\n".join(errors[:20]))
            self.stdout.write("Valid against the IATI 2.03 schema.")
