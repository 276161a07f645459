"""Walk every URL of every registered record kind with users of several units and roles.

The expectations are stated per scope rule, not per kind: a new kind is covered
as soon as it is registered with a sample (``samples.py``), without editing this
file. Out of scope is 404; visible but not changeable is 403.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from doingoai.core.registry import REGISTRY
from doingoai.core.samples import load_all

from .expectations import EXPECT, USERS, Y, rule_of

SAMPLES = load_all()
KINDS = sorted(REGISTRY)


def test_every_kind_has_a_sample():
    missing = [slug for slug in KINDS if slug not in SAMPLES]
    assert not missing, f"record kinds without a sample in samples.py: {missing}"


@pytest.mark.parametrize("slug", KINDS)
def test_anonymous_is_sent_to_login(slug, world, client):
    obj = SAMPLES[slug](world.daklak)
    for url in (
        reverse(f"{slug}_list"),
        reverse(f"{slug}_detail", args=[obj.pk]),
        reverse(f"{slug}_export", args=["csv"]),
        reverse(f"{slug}_add"),
        reverse(f"{slug}_edit", args=[obj.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert reverse("login") in response["Location"]


@pytest.mark.parametrize("slug", KINDS)
@pytest.mark.parametrize("username", USERS)
def test_scope_of_every_url(slug, username, world, login):
    kind = REGISTRY[slug]
    rule = rule_of(kind.model)
    obj = SAMPLES[slug](world.daklak)
    label = str(obj)
    client = login(username)
    expect = EXPECT[rule]

    # the list and both exports contain the record exactly when it is visible
    list_page = client.get(reverse(f"{slug}_list"), {"q": _first_export_value(kind, obj)})
    assert list_page.status_code == 200
    csv = client.get(reverse(f"{slug}_export", args=["csv"]))
    assert csv.status_code == 200
    csv_text = b"".join(csv.streaming_content).decode()
    xlsx = client.get(reverse(f"{slug}_export", args=["xlsx"]))
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    visible = expect["view"][username] == Y
    detail_url = obj.get_absolute_url()
    assert (detail_url in list_page.content.decode()) == visible, f"{slug} list, {username}"
    assert (_first_export_value(kind, obj) in csv_text) == visible, f"{slug} csv, {username}"

    assert client.get(detail_url).status_code == expect["view"][username], f"detail {label}"
    edit = client.get(reverse(f"{slug}_edit", args=[obj.pk]))
    assert edit.status_code == expect["change"][username], f"edit {slug} as {username}"
    delete = client.get(reverse(f"{slug}_delete", args=[obj.pk]))
    assert delete.status_code == expect["change"][username], f"delete {slug} as {username}"
    add = client.get(reverse(f"{slug}_add"))
    assert add.status_code == expect["add"][username], f"add {slug} as {username}"

    # the record's documents download exactly when the record is visible
    if kind.has_attachments:
        att = _attach(obj)
        download = client.get(reverse("attachment_download", args=[att.pk]))
        assert download.status_code == expect["view"][username], f"download {slug}"

    # a refused POST changes nothing
    if expect["change"][username] != Y:
        before = type(obj)._default_manager.filter(pk=obj.pk).values().first()
        response = client.post(reverse(f"{slug}_delete", args=[obj.pk]))
        assert response.status_code == expect["change"][username]
        response = client.post(reverse(f"{slug}_edit", args=[obj.pk]), {"notes": "x"})
        assert response.status_code == expect["change"][username]
        assert type(obj)._default_manager.filter(pk=obj.pk).values().first() == before


def _unique_values_changed(model, data):
    """A copy of the form data that differs in every unique field and constraint."""
    import datetime as dt

    groups = [[f.name] for f in model._meta.fields if f.unique and not f.primary_key]
    groups += [list(getattr(c, "fields", ())) for c in model._meta.constraints]
    groups += [list(t) for t in model._meta.unique_together]
    out = dict(data)

    def changed(value):
        if isinstance(value, str) and len(value) == 10 and value[4] == "-":
            return (dt.date.fromisoformat(value) + dt.timedelta(days=1)).isoformat()
        if isinstance(value, int) and not isinstance(value, bool):
            return value + 1000
        if isinstance(value, str) and value:
            return f"{value}9"
        return None

    for group in groups:
        present = [n for n in group if out.get(n) not in (None, "")]
        # prefer a date, then a number, then text: the least likely to break validation
        present.sort(
            key=lambda n: (
                not (isinstance(out[n], str) and len(out[n]) == 10 and out[n][4:5] == "-"),
                not isinstance(out[n], int),
            )
        )
        for name in present:
            new = changed(out[name])
            if new is not None:
                out[name] = new
                break
    return out


def _attach(obj):
    from django.contrib.contenttypes.models import ContentType
    from django.core.files.base import ContentFile

    from doingoai.core.models import Attachment

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


def _first_export_value(kind, obj) -> str:
    from doingoai.core.exports import _value

    value = _value(obj, kind.get_export_fields()[0])
    return str(value)


@pytest.mark.parametrize("slug", KINDS)
def test_record_of_another_province_is_invisible(slug, world, login):
    """A Hà Nội record never shows to the Đắk Lắk editor, by URL, list or export."""
    kind = REGISTRY[slug]
    rule = rule_of(kind.model)
    obj = SAMPLES[slug](world.hanoi)
    client = login("daklak")
    expected = {"unit": 404, "tree": 404, "users": 404, "directory": 200, "reference": 200}[rule]
    assert client.get(obj.get_absolute_url()).status_code == expected
    if expected == 404:
        assert obj.get_absolute_url() not in client.get(reverse(f"{slug}_list")).content.decode()
        csv = b"".join(client.get(reverse(f"{slug}_export", args=["csv"])).streaming_content)
        assert _first_export_value(kind, obj) not in csv.decode()


@pytest.mark.parametrize("slug", KINDS)
def test_editor_can_create_and_edit_through_the_form(slug, world, login):
    """Saving the form of a sample as a new record works for whoever may add."""
    from django.forms.models import model_to_dict

    kind = REGISTRY[slug]
    rule = rule_of(kind.model)
    username = "daklak" if EXPECT[rule]["add"]["daklak"] == Y else "admin"
    client = login(username)
    obj = SAMPLES[slug](world.daklak)
    form = kind.get_form_class()(instance=obj, user=world.user(username))
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            if name in model_to_dict(obj) and all(
                hasattr(v, "pk") or isinstance(v, int) for v in value
            ):
                data[name] = [getattr(v, "pk", v) for v in value]
            else:
                data[name] = ", ".join(str(v) for v in value)
        elif hasattr(value, "isoformat"):
            data[name] = value.isoformat()
        else:
            data[name] = value
    if "password" in form.fields:
        data["password"] = "another-Sample-pass-42"
    if "save_anyway" in form.fields:  # a copy of the sample is asked about as a duplicate
        data["save_anyway"] = "on"
    add_data = _unique_values_changed(kind.model, data)
    count = type(obj)._default_manager.count()
    response = client.post(reverse(f"{slug}_add"), add_data)
    assert response.status_code == 302, _form_errors(response)
    assert type(obj)._default_manager.count() == count + 1
    data["version"] = obj.version
    data["notes"] = "đã sửa"
    response = client.post(reverse(f"{slug}_edit", args=[obj.pk]), data)
    assert response.status_code == 302, _form_errors(response)


def _form_errors(response):
    form = (response.context or {}).get("form")
    return form.errors if form is not None else response.content.decode()[:3000]
