"""``{% import_url kind as link %}``: the import page of a kind that has an importer."""

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def import_url(kind):
    from doingoai.core.imports import get_importer

    slug = getattr(kind, "slug", kind)
    if get_importer(slug) is None:
        return ""
    return reverse("import_upload", kwargs={"kind": slug})
