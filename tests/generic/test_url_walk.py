"""Every URL name of the site, for every role, in and out of scope: one table.

The record kinds' pages (list, add, detail, edit, delete, exports, attachments) and the
pages declared against a kind (renew, close a review, write news ...) take their
expectations from the kind's scope rule and the action the page needs
(``expectations.py``); every other page has a row in ``PAGES`` below. A URL name with
neither fails the walk: a new page cannot land without saying who may open it.

The API (``api-v1:``) is walked kind by kind in ``tests/api/test_generic.py``; the
admin site is checked once (only system administrators enter).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import URLResolver, get_resolver, reverse

from doingoai.core.models import Attachment
from doingoai.core.registry import REGISTRY
from doingoai.core.samples import load_all

from .expectations import FORBIDDEN, NO, USERS, Y, expect, rule_of

SAMPLES = load_all()
ANON = "anonymous"
ROLES = [ANON, *USERS]
EVERYONE = {u: Y for u in USERS}
GENERIC = {
    "list": "view",
    "export": "view",
    "detail": "view",
    "add": "add",
    "edit": "change",
    "delete": "change",
    "attach": None,
}


def url_names() -> list[str]:
    def walk(patterns, ns=None):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, p.namespace or ns)
            elif p.name:
                yield f"{ns}:{p.name}" if ns else p.name

    return sorted(set(walk(get_resolver().url_patterns)))


@dataclass
class Page:
    """A URL that is not a kind's: how to build it and who gets what."""

    args: object = None  # fn(world) -> args for reverse(), or None
    query: dict = field(default_factory=dict)
    method: str = "get"
    # status by user; anonymous users are sent to the login page unless said
    status: dict = field(default_factory=lambda: dict(EVERYONE))
    anonymous: int = 302


def _unit(name):
    return lambda w: [getattr(w, name).pk]


def _agreement(owner):
    return lambda w: [SAMPLES["agreements"](getattr(w, owner)).pk]


def _case(w, document=False):
    """A protection case handled by nobody the walk signs in as: a case page is 404 for
    every one of them, whatever the role (tests/protection walks it as its handler)."""
    from tests.protection.helpers import make_case

    case = make_case(w.daklak)
    return [case.pk, case.documents.get().pk] if document else [case.pk]


NOBODY = {u: NO for u in USERS}
TO_SECOND_FACTOR = 302  # the second factor is set up / asked for first


def _target(owner):
    def make(w):
        from doingoai.organization.models import Term
        from doingoai.targets.models import Target

        term = Term.objects.get(name="XIII")
        return [Target.objects.create(unit=getattr(w, owner), term=term).pk]

    return make


def _reminder(owner):
    """A reminder about a record of ``owner``'s union (its agreement ending soon)."""

    def make(w):
        import datetime as dt

        from doingoai.reminders import services

        agreement = SAMPLES["agreements"](getattr(w, owner))
        agreement.end_date = services.today() + dt.timedelta(days=20)
        agreement.save()
        services.refresh()
        return [services.visible(w.user("admin")).get(object_id=agreement.pk).pk]

    return make


#: marking a reminder done or for later: whoever may see its record (back to the list)
HANOI_DEALT = {"daklak": NO, "daklak_lead": NO, "hanoi": 302, "trunguong": 302, "admin": 302}
CENTRAL_ONLY = {
    "daklak": FORBIDDEN,
    "daklak_lead": FORBIDDEN,
    "hanoi": FORBIDDEN,
    "trunguong": Y,
    "admin": Y,
}
EDITORS = {"daklak": Y, "daklak_lead": Y, "hanoi": FORBIDDEN, "trunguong": FORBIDDEN, "admin": Y}
DAKLAK_SCOPE = {"daklak": Y, "daklak_lead": Y, "hanoi": NO, "trunguong": Y, "admin": Y}
HANOI_SCOPE = {"daklak": NO, "daklak_lead": NO, "hanoi": Y, "trunguong": Y, "admin": Y}

PAGES: dict[str, Page] = {
    "login": Page(anonymous=200),
    "logout": Page(status={u: 405 for u in USERS}),  # POST only
    "password_change": Page(),  # every signed-in user changes her own password
    "password_change_done": Page(),
    # a forgotten password: open to everyone (the link from the email has its own test)
    "password_reset": Page(anonymous=200),
    "password_reset_done": Page(anonymous=200),
    "password_reset_confirm": Page(args=lambda w: ["MQ", "not-a-token"], anonymous=200),
    "password_reset_complete": Page(anonymous=200),
    "set_language": Page(
        method="post",
        query={"language": "en", "next": "/"},
        status={u: 302 for u in USERS},
        anonymous=302,
    ),
    "healthz": Page(anonymous=200),
    "dashboard": Page(),
    "dashboard@daklak": Page(query={"unit": "daklak"}, status=DAKLAK_SCOPE),
    "dashboard@hanoi": Page(query={"unit": "hanoi"}, status=HANOI_SCOPE),
    "profile": Page(),
    "api_tokens": Page(),  # her own tokens
    "api_token_revoke": Page(
        args=lambda w: [10**6], method="post", status={u: NO for u in USERS}
    ),  # not her token
    "reports_index": Page(),
    "reports_unit": Page(args=_unit("daklak"), status=DAKLAK_SCOPE),
    "reports_unit@hanoi": Page(args=_unit("hanoi"), status=HANOI_SCOPE),
    "reports_agreement": Page(args=_agreement("daklak"), status=DAKLAK_SCOPE),
    "reports_agreement@hanoi": Page(args=_agreement("hanoi"), status=HANOI_SCOPE),
    "reports_world": Page(),
    "search": Page(query={"q": "champasak"}),
    "pick": Page(args=lambda w: ["partners"], query={"q": "hoi"}),
    "import_index": Page(),
    "import_upload": Page(args=lambda w: ["partners"], status=EDITORS),
    "import_template": Page(args=lambda w: ["partners"], status=EDITORS),
    "import_preview": Page(
        args=lambda w: ["partners", "0" * 32],
        status={**EDITORS, "daklak": NO, "daklak_lead": NO, "admin": NO},
    ),  # no preview of this user's upload: not found
    "import_result": Page(
        args=lambda w: ["partners", "0" * 32],
        status={**EDITORS, "daklak": NO, "daklak_lead": NO, "admin": NO},
    ),  # no import of this user's upload: not found
    "import_run_here": Page(
        args=lambda w: ["0" * 32], method="post", status={u: NO for u in USERS}
    ),  # any upload read in the background, only the user's own: none here, not found
    "import_confirm": Page(
        args=lambda w: ["partners"],
        method="post",
        status={**EDITORS, "daklak": 302, "daklak_lead": 302, "admin": 302},
    ),  # no upload pending: back to the form
    "news_batch": Page(
        args=lambda w: ["0" * 32],
        status={**EDITORS, "daklak": NO, "daklak_lead": NO, "admin": NO},
    ),  # no batch of articles read for this user: not found
    "iati_export": Page(status=CENTRAL_ONLY),
    "iati_import": Page(status=EDITORS),
    "iati_import_preview": Page(
        args=lambda w: ["0" * 32],
        status={**EDITORS, "daklak": NO, "daklak_lead": NO, "admin": NO},
    ),  # no preview of this user's upload: not found
    "iati_import_confirm": Page(
        method="post", status={**EDITORS, "daklak": 302, "daklak_lead": 302, "admin": 302}
    ),  # no upload pending: back to the form
    "attachment_download": Page(args="attachment:daklak", status=DAKLAK_SCOPE),
    "attachment_download@hanoi": Page(args="attachment:hanoi", status=HANOI_SCOPE),
    "attachment_thumbnail": Page(args="attachment:daklak", status=DAKLAK_SCOPE),
    "attachment_delete": Page(
        args="attachment:hanoi",
        method="post",
        status={
            "daklak": NO,
            "daklak_lead": NO,
            "hanoi": FORBIDDEN,
            "trunguong": FORBIDDEN,
            "admin": 302,
        },
    ),
    "cases_list": Page(),
    "cases_add": Page(status={**EDITORS, "daklak": 302, "daklak_lead": 302, "admin": 302}),
    "cases_access_log": Page(status={**NOBODY, "admin": Y}),
    "cases_verify": Page(status={u: TO_SECOND_FACTOR for u in USERS}),
    "cases_2fa_setup": Page(),
    "cases_detail": Page(args=_case, status=NOBODY),
    "cases_edit": Page(args=_case, status=NOBODY),
    "cases_action_add": Page(args=_case, status=NOBODY, method="post"),
    "cases_document_add": Page(args=_case, status=NOBODY, method="post"),
    "cases_document": Page(args=lambda w: _case(w, document=True), status=NOBODY),
    "cases_break_glass": Page(args=_case, status={**NOBODY, "admin": TO_SECOND_FACTOR}),
    "targets": Page(),
    "targets@daklak": Page(query={"unit": "daklak"}, status=DAKLAK_SCOPE),
    "targets@hanoi": Page(query={"unit": "hanoi"}, status=HANOI_SCOPE),
    "targets_export": Page(query={"unit": "daklak"}, status=DAKLAK_SCOPE),
    # an empty form for the user's own unit: approvers and admins are told what is missing
    "target_add": Page(
        method="post",
        status={
            "daklak": FORBIDDEN,
            "daklak_lead": 400,
            "hanoi": FORBIDDEN,
            "trunguong": FORBIDDEN,
            "admin": 400,
        },
    ),
    "target_delete": Page(
        args=_target("hanoi"),
        method="post",
        status={
            "daklak": NO,
            "daklak_lead": NO,
            "hanoi": FORBIDDEN,
            "trunguong": FORBIDDEN,
            "admin": 302,
        },
    ),
    # a step of a delegation's path (POST only): the editor's "submit" on a record
    # recorded after the fact is refused with a message (back to the record), a viewer
    # without the right gets 403, out of scope 404
    "activities_step": Page(
        args=lambda w: [SAMPLES["activities"](w.daklak).pk, "submit"],
        method="post",
        status={
            "daklak": 302,
            "daklak_lead": 302,
            "hanoi": NO,
            "trunguong": FORBIDDEN,
            "admin": 302,
        },
    ),
    "activities_step@hanoi": Page(
        args=lambda w: [SAMPLES["activities"](w.hanoi).pk, "submit"],
        method="post",
        # hanoi is a viewer of her own union: she sees the record, may not take steps
        status={
            "daklak": NO,
            "daklak_lead": NO,
            "hanoi": FORBIDDEN,
            "trunguong": FORBIDDEN,
            "admin": 302,
        },
    ),
    "reminders": Page(),
    "reminder_bell": Page(),
    "calendar": Page(),
    "calendar@daklak": Page(query={"unit": "daklak"}, status=DAKLAK_SCOPE),
    "calendar@hanoi": Page(query={"unit": "hanoi"}, status=HANOI_SCOPE),
    # the secret address is the key: a wrong one is unknown to everyone
    "calendar_feed": Page(
        args=lambda w: ["not-a-token"], status={u: NO for u in USERS}, anonymous=NO
    ),
    "calendar_feed_new": Page(method="post", status={u: 302 for u in USERS}),
    "calendar_feed_revoke": Page(method="post", status={u: 302 for u in USERS}),
    "reminder_done": Page(args=_reminder("hanoi"), method="post", status=HANOI_DEALT),
    "reminder_later": Page(args=_reminder("hanoi"), method="post", status=HANOI_DEALT),
    "reminder_settings": Page(
        method="post", query={"email": "none"}, status={u: 302 for u in USERS}
    ),
    "api-v1:openapi-json": Page(anonymous=200),
    "api-v1:openapi-view": Page(anonymous=200),
}
COVERED_ELSEWHERE = {
    "api-v1:": "tests/api/test_generic.py walks every kind's endpoints",
    "admin:": "test_only_system_admins_enter_the_admin_site",
}


def kind_routes() -> dict[str, tuple]:
    """URL name -> (kind, action or None, detail) for every kind's page."""
    routes = {}
    for slug, kind in REGISTRY.items():
        for suffix, action in GENERIC.items():
            routes[f"{slug}_{suffix}"] = (
                kind,
                action,
                suffix in ("detail", "edit", "delete", "attach"),
            )
        for view in kind.views:
            if "<" in view.path and not view.name.endswith("_step"):
                continue  # a page with more arguments: its own row in PAGES
            routes[view.name] = (kind, view.action, view.detail)
    return routes


ROUTES = kind_routes()


def test_every_url_name_has_expectations():
    missing = [
        n
        for n in url_names()
        if n not in ROUTES
        and n not in PAGES
        and not any(n.startswith(p) for p in COVERED_ELSEWHERE)
    ]
    assert not missing, f"URL names nobody said who may open: {missing}"


def test_every_row_is_a_url_name():
    names = set(url_names())
    assert [n for n in PAGES if n.split("@")[0] not in names] == []


def _attachment(obj):
    att = Attachment(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        original_name="bien-ban.pdf",
        mime_type="application/pdf",
        size=9,
    )
    att.file.save("bien-ban.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    att.save()
    return att


def _request(client, method, url, query):
    if method == "post":
        return client.post(url, query)
    return client.get(url, query)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page(name, world, client):
    page = PAGES[name]
    url_name = name.split("@")[0]
    args = page.args
    if isinstance(args, str):  # an attachment of a record of that unit
        args = [_attachment(SAMPLES["activities"](getattr(world, args.split(":")[1]))).pk]
    elif callable(args):
        args = args(world)
    query = {
        k: getattr(world, v).pk if isinstance(v, str) and hasattr(world, v) else v
        for k, v in page.query.items()
    }
    url = reverse(url_name, args=args or [])
    got = {}
    for user in ROLES:
        client.logout()
        if user != ANON:
            client.force_login(world.user(user))
        got[user] = _request(client, page.method, url, query).status_code
    assert got == {ANON: page.anonymous, **page.status}, url


def _sample_url(name, kind, action, detail, owner):
    if name.endswith("_export"):
        return reverse(name, args=["csv"])
    if not detail:
        return reverse(name)
    if name.endswith("_step"):  # a kind's path (core.workflow): POST only
        return reverse(name, args=[SAMPLES[kind.slug](owner).pk, kind.workflow.steps[0].name])
    return reverse(name, args=[SAMPLES[kind.slug](owner).pk])


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_kind_page(name, world, client):
    """Every page of every kind: in scope (a Đắk Lắk record) and out of scope (a Hà Nội
    record for the Đắk Lắk users), by the kind's rule and the page's action."""
    kind, action, detail = ROUTES[name]
    rule = rule_of(kind.model)
    if action is None:  # uploads: POST only, checked with the record's other changes
        action = "change"
    method = "post" if name.endswith("_attach") else "get"
    want, got = {}, {}
    for owner_name, users in (("daklak", ROLES), ("hanoi", ["daklak", "daklak_lead"])):
        owner = getattr(world, owner_name)
        url = _sample_url(name, kind, action, detail, owner)
        for user in users:
            client.logout()
            if user != ANON:
                client.force_login(world.user(user))
            key = f"{user}@{owner_name}"
            got[key] = _request(client, method, url, {}).status_code
            want[key] = expect(rule, action, user, owner_name, detail=detail)
            if method == "post" and want[key] == Y:
                want[key] = 302  # an upload without a file: back to the record
            if name.endswith("_step") and want[key] == Y:
                want[key] = 405  # a step is taken by POST (tests of the kind's path)
    assert got == want, name


def test_only_system_admins_enter_the_admin_site(world, client):
    url = reverse("admin:index")
    for user in ROLES:
        client.logout()
        if user != ANON:
            client.force_login(world.user(user))
        status = client.get(url).status_code
        assert status == (200 if user == "admin" else 302), user
