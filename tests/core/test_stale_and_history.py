"""Two people editing the same record never overwrite each other silently."""

from django.urls import reverse
from django.utils.html import escape

from doingoai.core.samples import make
from doingoai.partners.models import Partner


def form_data(partner, **over):
    data = {
        "name_vi": partner.name_vi,
        "kind": partner.kind,
        "country": partner.country,
        "subdivision": partner.subdivision,
        "unit": partner.unit_id,
        "version": partner.version,
    }
    data.update(over)
    return data


def test_stale_edit_is_refused_and_shows_the_other_change(world, login):
    partner = make("partners", world.daklak)
    opened = form_data(partner)  # both open the form at version 1
    first = login("daklak").post(
        reverse("partners_edit", args=[partner.pk]), {**opened, "city": "Pakse"}
    )
    assert first.status_code == 302
    second = login("daklak_lead").post(
        reverse("partners_edit", args=[partner.pk]), {**opened, "city": "Vientiane"}
    )
    assert second.status_code == 409
    text = second.content.decode()
    assert "Pakse" in text  # their change is shown
    partner.refresh_from_db()
    assert partner.city == "Pakse" and partner.version == 2


def test_history_shows_who_changed_which_field(world, login):
    partner = make("partners", world.daklak)
    client = login("daklak")
    client.post(reverse("partners_edit", args=[partner.pk]), form_data(partner, city="Pakse"))
    page = client.get(partner.get_absolute_url()).content.decode()
    history = page[page.index('id="history"') :]
    assert "Pakse" in history and escape(str(world.user("daklak"))) in history
    assert Partner.objects.get(pk=partner.pk).history.count() == 2
