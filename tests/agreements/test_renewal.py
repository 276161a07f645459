"""Renewal (issue 17): "Ký tiếp" creates the successor; the predecessor stays in force
to its end date and shows that it was renewed; renewing twice is refused; the proposed
end date keeps the day of the month."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from doingoai.agreements.models import Agreement, Status, add_months, status_q
from doingoai.core.samples import make

TODAY = dt.date.today()


def running_agreement(world, start, end):
    return make(
        "agreements",
        world.daklak,
        title="Thỏa thuận hợp tác với UN Women",
        signed_date=start,
        start_date=start,
        end_date=end,
    )


def renew(client, agreement, start, end):
    return client.post(
        reverse("agreement_renew", args=[agreement.pk]),
        {"title": "Thỏa thuận ký tiếp", "start_date": start, "end_date": end},
    )


def test_renewal_keeps_the_predecessor_in_force_until_its_end(world, login):
    end = TODAY + dt.timedelta(days=400)
    old = running_agreement(world, dt.date(2022, 1, 1), end)
    in_force = Agreement.objects.filter(status_q(Status.IN_FORCE)).count()
    client = login("daklak")
    response = renew(client, old, "01/01/2035", "31/12/2039")
    assert response.status_code == 302
    new = Agreement.objects.get(renews=old)
    assert (new.start_date, new.end_date) == (dt.date(2035, 1, 1), dt.date(2039, 12, 31))
    old.refresh_from_db()
    assert old.status() == Status.IN_FORCE
    assert old.status_override == ""
    # the predecessor still counts as in force; the successor is not yet in force
    assert Agreement.objects.filter(status_q(Status.IN_FORCE)).count() == in_force
    with translation.override("vi"):
        page = client.get(old.get_absolute_url()).content.decode()
    assert "đã ký tiếp" in page and new.get_absolute_url() in page
    # after its end date it reads "renewed", not "expired"
    later = end + dt.timedelta(days=1)
    assert old.status(later) == Status.RENEWED
    assert Agreement.objects.filter(status_q(Status.RENEWED, later), pk=old.pk).exists()
    assert not Agreement.objects.filter(status_q(Status.EXPIRED, later), pk=old.pk).exists()


def test_renewing_twice_is_refused_and_changes_nothing(world, login):
    old = running_agreement(world, dt.date(2022, 1, 1), TODAY + dt.timedelta(days=400))
    client = login("daklak")
    assert renew(client, old, "01/01/2035", "31/12/2039").status_code == 302
    count = Agreement.objects.count()
    with translation.override("vi"):
        response = renew(client, old, "01/01/2035", "31/12/2039")
    assert response.status_code == 200
    assert "đã được ký tiếp" in response.content.decode()
    assert Agreement.objects.count() == count
    assert Agreement.objects.filter(renews=old).count() == 1


@pytest.mark.parametrize(
    ("start", "end", "proposed_start", "proposed_end"),
    [
        # six whole years to 31/12/2027: the next six to 31/12/2033 (not 30/12/2033)
        (dt.date(2022, 1, 1), dt.date(2027, 12, 31), "01/01/2028", "31/12/2033"),
        (dt.date(2022, 7, 1), dt.date(2027, 6, 30), "01/07/2027", "30/06/2032"),
        # not whole months: as many months as it ran (rounded), keeping the end's day
        (dt.date(2022, 7, 10), dt.date(2027, 6, 30), "01/07/2027", "30/06/2032"),
        # two whole years from 01/03/2026 end on the leap day
        (dt.date(2024, 3, 1), dt.date(2026, 2, 28), "01/03/2026", "29/02/2028"),
        (dt.date(2023, 3, 10), dt.date(2025, 2, 28), "01/03/2025", "28/02/2027"),
    ],
)
def test_proposed_renewal_dates_keep_the_day_of_the_month(
    world, login, start, end, proposed_start, proposed_end
):
    old = running_agreement(world, start, end)
    page = login("daklak").get(reverse("agreement_renew", args=[old.pk])).content.decode()
    assert f'value="{proposed_start}"' in page
    assert f'value="{proposed_end}"' in page


def test_add_months_keeps_the_day_or_the_month_end():
    assert add_months(dt.date(2027, 12, 31), 72) == dt.date(2033, 12, 31)
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 2, 28), 12) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2026, 4, 15), -4) == dt.date(2025, 12, 15)
