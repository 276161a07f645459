"""The demo's reminders: made from its records as the hourly command would."""


def load(stdout=None):
    from .services import refresh

    counts = refresh()
    if stdout is not None:
        stdout.write("reminders: {opened} opened, {due} open".format(**counts))
