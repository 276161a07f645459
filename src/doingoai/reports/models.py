"""Summary tables: the figures of the dashboards and reports, counted per unit and
month and kept current by every change (``reports/summaries.py``).

Every row is kept for each unit *and each unit above it* (its ``path``), so the
figures of any unit are a sum over a few hundred rows of its own, whatever the size
of the country: the central union's term is 60 months × 10 kinds of activity.
A month is ``year * 12 + month - 1``.
"""

from __future__ import annotations

from django.db import models


class UnitMonth(models.Model):
    """A row of a unit (the records' own unit or any unit above it) and a month."""

    unit = models.ForeignKey("organization.Unit", on_delete=models.CASCADE, related_name="+")
    month = models.IntegerField()

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.unit_id} {self.month // 12}-{self.month % 12 + 1:02d}"


class Money(models.Model):
    """Resources counted and summed in VND and USD (``no_rate``: without a rate)."""

    items = models.IntegerField(default=0)
    vnd = models.DecimalField(max_digits=30, decimal_places=0, default=0)
    usd = models.DecimalField(max_digits=28, decimal_places=2, default=0)
    no_rate = models.IntegerField(default=0)

    class Meta:
        abstract = True


class ActivityMonth(UnitMonth):
    """Activities organized under ``unit`` that started in ``month`` and took place
    (``figures.took_place``), by kind."""

    kind = models.CharField(max_length=20)
    activities = models.IntegerField(default=0)
    with_partners = models.IntegerField(default=0)
    participants = models.BigIntegerField(default=0)
    women = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "month", "kind"], name="activitymonth_once")
        ]


class ActivityRecordMonth(UnitMonth):
    """Every activity organized under ``unit`` that started in ``month``, whatever its
    state (``ActivityMonth`` counts those that took place): how many a unit's subtree
    owns, which a scoped reader's activity list adds to those of others she sees
    (``summaries.COUNTED``)."""

    records = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "month"], name="activityrecordmonth_once")
        ]


class TookPartMonth(UnitMonth):
    """Activities with partners organized under ``unit`` in ``month`` in which a unit
    of the subtree of ``child`` (a unit directly below ``unit``) took part."""

    child = models.ForeignKey("organization.Unit", on_delete=models.CASCADE, related_name="+")
    activities = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "month", "child"], name="tookpartmonth_once")
        ]


class ResourceMonth(UnitMonth, Money):
    """Resources of units under ``unit`` dated in ``month``, by direction, kind and the
    partner's country (``figures.resource_country``)."""

    direction = models.CharField(max_length=10)
    kind = models.CharField(max_length=24)
    country = models.CharField(max_length=2, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "month", "direction", "kind", "country"], name="resourcemonth_once"
            )
        ]
        indexes = [
            # a term's row summed from its months (``summaries.refresh_resource_terms``):
            # one cell's months, not every cell of the unit's term
            models.Index(
                fields=["unit", "direction", "kind", "country", "month"],
                name="resourcemonth_cell",
            )
        ]


class ResourceTotalMonth(UnitMonth, Money):
    """The same resources by direction and legal regime (``figures.regime``: one a
    month but the month Decree 313 began): the totals, the units below and the money
    by regime."""

    direction = models.CharField(max_length=10)
    regime = models.CharField(max_length=4, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "month", "direction", "regime"], name="resourcetotalmonth_once"
            )
        ]


class ResourcePartnerMonth(UnitMonth, Money):
    """The same resources by direction and partner (none: a gift to several), with
    what the ranking of the partners and the report split them by: the legal regime
    (``figures.regime``), the stage, the kind and the partner's country. A term's
    ranking at the centre sums these rows, not the resources with their countries."""

    direction = models.CharField(max_length=10)
    partner = models.ForeignKey(
        "partners.Partner", null=True, on_delete=models.CASCADE, related_name="+"
    )
    regime = models.CharField(max_length=4)
    stage = models.CharField(max_length=10)
    kind = models.CharField(max_length=24)
    country = models.CharField(max_length=2, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "unit",
                    "month",
                    "direction",
                    "partner",
                    "regime",
                    "stage",
                    "kind",
                    "country",
                ],
                name="resourcepartnermonth_once",
            )
        ]


class ResourcePartnerTerm(Money):
    """The resources under ``unit`` dated within a congress term (of whole months), by
    direction and partner (none: a gift to several): the term's ranking of the
    partners reads its leading rows in the order of an index and counts the others,
    not a sum over every partner's months (56,000 partners at the centre)."""

    unit = models.ForeignKey("organization.Unit", on_delete=models.CASCADE, related_name="+")
    term = models.ForeignKey("organization.Term", on_delete=models.CASCADE, related_name="+")
    direction = models.CharField(max_length=10)
    partner = models.ForeignKey(
        "partners.Partner", null=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "term", "partner", "direction"], name="resourcepartnerterm_once"
            )
        ]
        indexes = [
            # the ranking: a unit's term and direction in the order of the money
            models.Index(
                fields=["unit", "term", "direction", "vnd"], name="resourcepartnerterm_rank"
            )
        ]

    def __str__(self):
        return f"{self.unit_id} {self.term_id} {self.partner_id}"


class DelegationMonth(UnitMonth):
    """Delegations (sent abroad, received) organized under ``unit`` that started in
    ``month`` and took place, by kind and main purpose ("": none recorded): the
    report's delegations, their counts and what they went for."""

    kind = models.CharField(max_length=20)
    main_purpose = models.CharField(max_length=20, blank=True)
    delegations = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "month", "kind", "main_purpose"], name="delegationmonth_once"
            )
        ]


class DelegationCountryMonth(UnitMonth):
    """The same delegations by country: one sent abroad counts once in each country of
    its places (Viet Nam left out), one received once in each country of its partners
    ("": a partner without one)."""

    kind = models.CharField(max_length=20)
    country = models.CharField(max_length=2, blank=True)
    delegations = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "month", "kind", "country"], name="delegationcountrymonth_once"
            )
        ]


class ResourceTerm(Money):
    """The resources under ``unit`` dated within a congress term (of whole months), by
    direction, kind and the partner's country: the sum of the term's ``ResourceMonth``
    rows, kept so that a term's money by country and by kind reads a few hundred rows
    (the centre's term: 440) instead of every month's (17,000)."""

    unit = models.ForeignKey("organization.Unit", on_delete=models.CASCADE, related_name="+")
    term = models.ForeignKey("organization.Term", on_delete=models.CASCADE, related_name="+")
    direction = models.CharField(max_length=10)
    kind = models.CharField(max_length=24)
    country = models.CharField(max_length=2, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "term", "direction", "kind", "country"], name="resourceterm_once"
            )
        ]

    def __str__(self):
        return f"{self.unit_id} {self.term_id} {self.direction} {self.kind} {self.country}"


class AgreementMonth(UnitMonth):
    """Agreements recorded under ``unit`` signed in ``month``."""

    signed = models.IntegerField(default=0)
    renewed = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "month"], name="agreementmonth_once")
        ]


class PartnerReach(models.Model):
    """When the units under ``unit`` worked with ``partner``: the first month ever and,
    from 2000 to 2034, a bit per month (60 a column) with an activity, a resource or
    an agreement running. The partner's country is kept here for the figures."""

    unit = models.ForeignKey("organization.Unit", on_delete=models.CASCADE, related_name="+")
    partner = models.ForeignKey("partners.Partner", on_delete=models.CASCADE, related_name="+")
    country = models.CharField(max_length=2, blank=True)
    first_month = models.IntegerField()
    m0 = models.BigIntegerField(default=0)
    m1 = models.BigIntegerField(default=0)
    m2 = models.BigIntegerField(default=0)
    m3 = models.BigIntegerField(default=0)
    m4 = models.BigIntegerField(default=0)
    m5 = models.BigIntegerField(default=0)
    m6 = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "partner"], name="partnerreach_once")
        ]
        indexes = [
            # the new partners of each unit below (targets): a count of an index range
            models.Index(fields=["unit", "first_month"], name="partnerreach_unit_first")
        ]

    def __str__(self):
        return f"{self.unit_id} {self.partner_id}"


class SummaryState(models.Model):
    """One row: are the summary tables complete? Off while they are rebuilt (after a
    unit moved in the tree); the figures are then counted from the records."""

    valid = models.BooleanField(default=False)
    rebuilt_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return "valid" if self.valid else "invalid"
