"""News items: articles about the organization's activities, imported from the press
(and read into draft activities) or written from an activity."""

from __future__ import annotations

import hashlib

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from doingoai.core.models import Record
from doingoai.core.scope import UnitOwned
from doingoai.core.text import fold


def fingerprint_of(text: str) -> str:
    """sha256 of the folded article (title and body lines, without page furniture,
    datelines, captions and bylines) with its whitespace squashed: the same article
    pasted, uploaded as a file or copied with other line breaks gives the same key."""
    from .documents import segment

    lines = [ln.text for ln in segment(text or "") if ln.role in ("title", "body", "related")]
    folded = " ".join(fold(" ".join(lines) or text or "").split())
    if not folded:
        return ""
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


class NewsItem(Record):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft (to review)")
        CONFIRMED = "confirmed", _("Confirmed (activity recorded)")
        PUBLISHED = "published", _("Published")
        WRITTEN = "written", _("Written from an activity")

    title = models.CharField(_("title"), max_length=500)
    published = models.DateField(_("publication date"), null=True, blank=True)
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    body = models.TextField(_("text"), blank=True)
    source_file = models.CharField(_("file name"), max_length=255, blank=True)
    fingerprint = models.CharField(
        max_length=64, blank=True, default="", editable=False, db_index=True
    )
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.DRAFT)
    unit = models.ForeignKey(
        "organization.Unit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="news_items",
    )
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_items",
    )
    extraction = models.JSONField(
        _("facts read from the text"), default=dict, blank=True, editable=False
    )
    search_text = models.TextField(editable=False, default="", blank=True)

    scope_policy = UnitOwned(owner="unit", shared=None)

    class Meta:
        ordering = ["-published", "-pk"]
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        constraints = [
            # an expression index: the same as fields=[unit, fingerprint]; articles
            # without text (entered by hand) are not compared
            models.UniqueConstraint(
                F("unit"),
                F("fingerprint"),
                condition=~Q(fingerprint=""),
                name="newsitem_once_per_unit",
            ),
        ]
        indexes = [models.Index(fields=["unit", "published"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.fingerprint = fingerprint_of(self.body)
        self.search_text = fold(f"{self.title} {self.body[:20000]} {self.source_url}")
        super().save(*args, **kwargs)
