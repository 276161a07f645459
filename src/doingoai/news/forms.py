from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from doingoai.core.dates import TypedDateField
from doingoai.core.forms import RecordForm

from .models import NewsItem

ARTICLE_TYPES = ("txt", "html", "htm", "docx")


class NewsItemForm(RecordForm):
    """The generic form edits what is known about the article; its text is read in
    (or written) through the import and "write news" pages."""

    class Meta:
        model = NewsItem
        fields = ["title", "published", "source_url", "status", "unit", "activity", "notes"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["activity"].queryset = self.fields["activity"].queryset.only("id", "title")


def check_article_upload(uploaded) -> str:
    """The type of an uploaded article (txt, html, docx) checked by its content.

    Text and Word files go through the project's upload check; an HTML page must be
    text that looks like HTML.
    """
    from doingoai.core.uploads import check_upload

    name = uploaded.name or ""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in ARTICLE_TYPES:
        raise ValidationError(
            gettext("“%(name)s”: an article must be a .txt, .html or .docx file.") % {"name": name},
            code="bad_type",
        )
    if ext in ("txt", "docx"):
        return check_upload(uploaded).extension
    if uploaded.size > settings.MAX_UPLOAD_BYTES:
        raise ValidationError(
            gettext("“%(name)s” is %(size).1f MB; the limit is %(limit).0f MB.")
            % {"name": name, "size": uploaded.size / 1e6, "limit": settings.MAX_UPLOAD_BYTES / 1e6},
            code="too_large",
        )
    uploaded.seek(0)
    head = uploaded.read(8192)
    uploaded.seek(0)
    lowered = head.lower()
    if (
        not head
        or b"\x00" in head
        or b"<" not in lowered
        or not any(
            tag in lowered
            for tag in (b"<html", b"<body", b"<p", b"<div", b"<article", b"<h1", b"<!doctype")
        )
    ):
        raise ValidationError(
            gettext(
                "“%(name)s” is not really a .%(ext)s file (its content does not match its name)."
            )
            % {"name": name, "ext": ext},
            code="content_mismatch",
        )
    return "html"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """One file or several: the list of those chosen (empty when none)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [f for f in (single(d, initial) for d in data) if f]
        cleaned = single(data, initial)
        return [cleaned] if cleaned else []


class ImportForm(forms.Form):
    text = forms.CharField(
        label=_("article text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Paste the article: title, date line and text."),
    )
    file = MultipleFileField(
        label=_("or files"),
        required=False,
        help_text=_(
            "A .txt, .html or .docx file; or several, or ZIP archives of them: they are "
            "read in the background, then reviewed one after the other."
        ),
    )
    source_url = forms.URLField(label=_("source address"), required=False, max_length=500)
    published = TypedDateField(
        label=_("publication date"),
        required=False,
        help_text=_("When the text does not say; it gives the year of dates written without one."),
    )

    def clean(self):
        from .batches import check_archive_upload, is_archive

        data = super().clean()
        text = (data.get("text") or "").strip()
        uploads = data.get("file") or []
        if not text and not uploads:
            raise ValidationError(_("Paste the article's text or choose a file."))
        if text and uploads:
            raise ValidationError(_("Paste a text or choose a file, not both."))
        for upload in uploads:
            try:
                if is_archive(upload):
                    check_archive_upload(upload)
                else:
                    check_article_upload(upload)
            except ValidationError as exc:
                self.add_error("file", exc)
        if self.is_batch() and data.get("source_url"):
            self.add_error(
                "source_url",
                _("A source address belongs to one article: read the files without it."),
            )
        return data

    def is_batch(self) -> bool:
        """Several files, or an archive: read in the background."""
        from .batches import is_archive

        uploads = self.cleaned_data.get("file") or []
        return len(uploads) > 1 or any(is_archive(u) for u in uploads)

    def article(self) -> tuple[str, str, object, str | None]:
        """(text, file name, publication date, title) of the valid form."""
        from .services import article_text

        uploads = self.cleaned_data.get("file") or []
        upload = uploads[0] if uploads else None
        published = self.cleaned_data.get("published")
        if upload:
            upload.seek(0)
            try:
                text, doc_published, title = article_text(upload.read(), upload.name)
            except ValidationError:
                raise  # a limit, named in the message
            except Exception as exc:  # noqa: BLE001 - a broken file: say so
                raise ValidationError(
                    gettext("“%(name)s” could not be read: %(error)s")
                    % {"name": upload.name, "error": exc}
                ) from exc
            return text, Path(upload.name).name, published or doc_published, title or None
        return self.cleaned_data["text"], "", published, None


def _optional_unless(form, flag: str) -> None:
    """A row that is not ticked is not checked either."""
    if form.is_bound and not form.data.get(form.add_prefix(flag)):
        for field in form.fields.values():
            field.required = False


def partner_kind_choices():
    from doingoai.partners.models import Partner

    return Partner.Kind.choices


class NewPartnerForm(forms.Form):
    create = forms.BooleanField(label=_("create partner"), required=False)
    name_vi = forms.CharField(label=_("name in Vietnamese"), max_length=300)
    kind = forms.ChoiceField(label=_("kind"), choices=partner_kind_choices)
    country = forms.CharField(label=_("country"), max_length=2, required=False)
    subdivision = forms.CharField(label=_("province / state"), max_length=6, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _optional_unless(self, "create")

    def clean(self):
        from doingoai.partners.models import Partner

        data = super().clean()
        if not data.get("create"):
            return data
        if not data.get("country"):
            self.add_error("country", _("Give the partner's country (ISO code, e.g. LA)."))
            return data
        partner = Partner(
            name_vi=data.get("name_vi", ""),
            kind=data.get("kind", "other"),
            country=data["country"],
            subdivision=data.get("subdivision") or "",
        )
        try:
            partner.clean()
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                self.add_error(field if field in self.fields else None, errors)
        data["country"], data["subdivision"] = partner.country, partner.subdivision
        return data


class ResourceDraftForm(forms.Form):
    include = forms.BooleanField(label=_("record this resource"), required=False)
    title = forms.CharField(label=_("title"), max_length=400)
    direction = forms.ChoiceField(
        label=_("direction"),
        choices=[("given", _("Given to a partner")), ("received", _("Received from a partner"))],
    )
    kind = forms.ChoiceField(
        label=_("kind"),
        choices=[
            ("cash", _("Cash")),
            ("in_kind", _("In kind")),
            ("project", _("Project")),
            ("technical_assistance", _("Technical assistance")),
            ("scholarship", _("Scholarship")),
        ],
    )
    quantity = forms.DecimalField(label=_("quantity"), max_digits=14, decimal_places=2, min_value=0)
    unit_value = forms.DecimalField(
        label=_("unit value"), max_digits=20, decimal_places=2, min_value=0
    )
    currency = forms.CharField(label=_("currency"), max_length=3)
    partner = forms.ChoiceField(label=_("partner"), required=False)

    def __init__(self, *args, partner_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].choices = [("", "—"), *partner_choices]
        _optional_unless(self, "include")

    def clean_currency(self):
        from doingoai.resources import money

        code = (self.cleaned_data.get("currency") or "").strip().upper()
        if not self.cleaned_data.get("include"):
            return code
        if not money.is_currency(code):
            raise ValidationError(money.currency_error(code))
        return code

    def clean_quantity(self):
        value = self.cleaned_data.get("quantity")
        if value is not None and value <= 0:
            raise ValidationError(_("The quantity must be greater than zero."))
        return value


class WriteForm(forms.Form):
    title = forms.CharField(label=_("headline"), max_length=500)
    body = forms.CharField(label=_("text"), widget=forms.Textarea(attrs={"rows": 18}))
