"""The delegations already recorded get the main purpose the term report inferred from
them until now: from the kinds of the events held during the trip (a signing or a
review of an agreement before a conference or workshop, before aid handed over to a
delegation received), else from words of its title and purpose, else a visit."""

from collections import defaultdict

from django.db import migrations

DELEGATION_KINDS = ("delegation_out", "delegation_in")
#: the purpose an event of the trip says, strongest first
BY_EVENT = (
    ("agreement", {"signing", "review_meeting"}),
    ("conference", {"conference", "workshop"}),
)
#: words of the title or the purpose text (folded to lower case), when no event says it
BY_WORDS = (
    ("agreement", ("ký kết", "thỏa thuận", "thoả thuận", "sơ kết", "tổng kết")),
    ("conference", ("hội nghị", "hội thảo", "diễn đàn")),
    ("study", ("học tập kinh nghiệm", "khảo sát", "học hỏi")),
    ("resources", ("vận động", "tài trợ", "viện trợ")),
)
CHUNK = 1000


def infer(kind: str, events: set, text: str) -> str:
    for purpose, kinds in BY_EVENT:
        if events & kinds:
            return purpose
    if kind == "delegation_in" and "aid_handover" in events:
        return "resources"  # a delegation received that brought aid
    text = text.lower()
    for purpose, words in BY_WORDS:
        if any(w in text for w in words):
            return purpose
    return "visit"


def fill(apps, schema_editor):
    Activity = apps.get_model("activities", "Activity")
    todo = Activity.objects.filter(kind__in=DELEGATION_KINDS, main_purpose="")
    events = defaultdict(set)
    for parent, kind in (
        Activity.objects.filter(parent__in=todo.values("pk"))
        .values_list("parent_id", "kind")
        .distinct()
    ):
        events[parent].add(kind)
    chosen = defaultdict(list)
    for pk, kind, title, purpose in todo.values_list("pk", "kind", "title", "purpose").iterator():
        chosen[infer(kind, events.get(pk, set()), f"{title} {purpose}")].append(pk)
    for purpose, ids in chosen.items():
        for i in range(0, len(ids), CHUNK):
            Activity.objects.filter(pk__in=ids[i : i + CHUNK]).update(main_purpose=purpose)


class Migration(migrations.Migration):
    dependencies = [("activities", "0006_delegation_main_purpose")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
