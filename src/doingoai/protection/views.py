"""The case pages. Every one starts from ``ProtectionCase.objects.restrict(user, action)``
(404 for anyone not named on the case, whatever her role), asks for a fresh second
factor, logs the access and is never cached."""

from __future__ import annotations

import base64
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from doingoai.core.countries import country_name
from doingoai.core.scope import CHANGE, VIEW, is_system_admin, role_allows

from . import otp, services
from .forms import ActionForm, BreakGlassForm, CaseForm, DocumentForm, TokenForm
from .models import CaseAccess, CaseDocument, ProtectionCase


def _verify_url(request) -> str:
    return reverse("cases_verify") + "?next=" + request.get_full_path()


def fresh_factor(view):
    """The page needs a second factor checked recently (set up first when none)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not otp.has_device(request.user):
            return redirect(reverse("cases_2fa_setup") + "?next=" + request.get_full_path())
        if not otp.is_fresh(request):
            return redirect(_verify_url(request))
        otp.touch(request)
        return view(request, *args, **kwargs)

    return wrapper


def refuse(request, pk, part, error=Http404, detail=""):
    """Log a refused attempt at case ``pk`` (who, when, where, which part) and answer as
    if nothing were there: the one who asked learns nothing more than a 404."""
    services.log_refused(case_id=pk, user=request.user, part=part, request=request, detail=detail)
    raise error


def case_page(part: str, action: str = VIEW):
    """Find the case in the reader's scope first (404: nobody learns it exists, and the
    attempt is logged), then ask for the second factor; the response is never stored
    by any cache."""

    def decorate(view):
        checked = fresh_factor(view)

        @never_cache
        @wraps(view)
        def wrapper(request, pk, *args, **kwargs):
            case = ProtectionCase.objects.restrict(request.user, VIEW).filter(pk=pk).first()
            if case is None:
                refuse(request, pk, part)
            if action != VIEW and not services.may_change(case, request.user):
                refuse(request, pk, part, PermissionDenied)  # a break-glass reader
            return checked(request, case, *args, **kwargs)

        return wrapper

    return decorate


def handles_any(user) -> bool:
    return ProtectionCase.objects.restrict(user, CHANGE).exists()


@never_cache
def case_list(request):
    """The reader's own cases. Someone who handles none sees an empty list."""
    if handles_any(request.user):
        return fresh_factor(_case_list)(request)
    return _case_list(request)


def _case_list(request):
    cases = ProtectionCase.objects.restrict(request.user, CHANGE).order_by("-opened", "-pk")
    return render(
        request,
        "protection/case_list.html",
        {
            "cases": cases.select_related("unit"),
            "may_add": role_allows(request.user, "add"),
            "is_admin": is_system_admin(request.user),
        },
    )


@never_cache
def case_add(request):
    if not role_allows(request.user, "add"):
        raise PermissionDenied
    return fresh_factor(_case_add)(request)


def _case_add(request):
    form = CaseForm(request.POST or None, user=request.user, initial=_initial(request.user))
    if request.method == "POST" and form.is_valid():
        case = services.case_save(form=form, acting_user=request.user, request=request)
        return redirect(case.get_absolute_url())
    status = 400 if request.method == "POST" else 200
    return render(request, "protection/case_form.html", {"form": form}, status=status)


def _initial(user) -> dict:
    return {"unit": user.unit_id, "handlers": [user.pk]}


@case_page(CaseAccess.Part.CASE)
def case_detail(request, case):
    services.log(
        case=case, user=request.user, part=CaseAccess.Part.CASE, verb="read", request=request
    )
    return render(
        request,
        "protection/case_detail.html",
        {
            "case": case,
            "country": country_name(case.country),
            "actions": case.actions.select_related("by"),
            "documents": case.documents.defer("content"),
            "accesses": case.accesses.select_related("user")[:200],
            "handlers": case.handlers.order_by("username"),
            "may_change": services.may_change(case, request.user),
            "action_form": ActionForm(),
            "document_form": DocumentForm(),
        },
    )


@case_page(CaseAccess.Part.EDIT, CHANGE)
def case_edit(request, case):
    form = CaseForm(request.POST or None, instance=case, user=request.user)
    if request.method == "POST":
        form.instance.version = int(request.POST.get("version") or case.version)
        if form.is_valid():
            from doingoai.core.models import StaleEdit

            try:
                services.case_save(form=form, acting_user=request.user, request=request)
            except StaleEdit:
                form.add_error(None, _("Someone saved this case meanwhile; reload and retry."))
            else:
                return redirect(case.get_absolute_url())
        return render(
            request, "protection/case_form.html", {"form": form, "case": case}, status=400
        )
    services.log(
        case=case, user=request.user, part=CaseAccess.Part.EDIT, verb="read", request=request
    )
    return render(request, "protection/case_form.html", {"form": form, "case": case})


@case_page(CaseAccess.Part.ACTION, CHANGE)
def action_add(request, case):
    if request.method != "POST":
        return redirect(case.get_absolute_url())
    form = ActionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect(case.get_absolute_url() + "#actions")
    services.action_add(case=case, acting_user=request.user, request=request, **form.cleaned_data)
    return redirect(case.get_absolute_url() + "#actions")


@case_page(CaseAccess.Part.DOCUMENT, CHANGE)
def document_add(request, case):
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > services.MAX_DOCUMENT:
            messages.error(request, _("A case document may be at most 10 MB."))
        else:
            services.document_add(
                case=case, acting_user=request.user, upload=upload, request=request
            )
    return redirect(case.get_absolute_url() + "#documents")


@case_page(CaseAccess.Part.DOCUMENT)
def document_download(request, case, doc_pk):
    from . import crypto

    doc = CaseDocument.objects.filter(case=case, pk=doc_pk).first()
    if doc is None:  # a document of another case, or none
        refuse(request, case.pk, CaseAccess.Part.DOCUMENT, detail=f"#{doc_pk}")
    data = crypto.decrypt_bytes(doc.content)
    services.log(
        case=case,
        user=request.user,
        part=CaseAccess.Part.DOCUMENT,
        verb="read",
        request=request,
        detail=f"#{doc.pk}",
    )
    response = HttpResponse(data, content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="case-document-{doc.pk}"'
    return response


@never_cache
def break_glass(request, pk):
    """A system administrator opens a case she does not handle, giving a reason."""
    case = ProtectionCase.objects.filter(pk=pk).first() if is_system_admin(request.user) else None
    if case is None:
        refuse(request, pk, CaseAccess.Part.BREAK_GLASS)
    return fresh_factor(_break_glass)(request, case)


def _break_glass(request, case):
    form = BreakGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.break_glass(
            case=case, acting_user=request.user, reason=form.cleaned_data["reason"], request=request
        )
        return redirect(case.get_absolute_url())
    status = 400 if request.method == "POST" else 200
    return render(
        request, "protection/break_glass.html", {"case": case, "form": form}, status=status
    )


@never_cache
def access_log(request):
    """Every case's access log, for system administrators: who, when, which case, which
    part; never the case's contents."""
    if not is_system_admin(request.user):
        raise Http404
    from django.db.models import Count, Max, Q

    entries = CaseAccess.objects.select_related("case", "user").defer("reason")
    case_pk = request.GET.get("case")
    if case_pk and case_pk.isdigit() and int(case_pk) <= services.MAX_ID:
        entries = entries.filter(asked_id=int(case_pk))
    cases = (
        ProtectionCase.objects.only("number", "unit__name", "opened")
        .select_related("unit")
        .annotate(
            reads=Count("accesses"),
            refused=Count("accesses", filter=Q(accesses__verb=CaseAccess.Verb.REFUSED)),
            last=Max("accesses__at"),
        )
        .order_by("-opened", "-pk")
    )
    return render(request, "protection/access_log.html", {"entries": entries[:500], "cases": cases})


def _next(request, default: str) -> str:
    target = request.GET.get("next") or request.POST.get("next") or default
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


@never_cache
def verify(request):
    if not otp.has_device(request.user):
        return redirect(
            reverse("cases_2fa_setup") + "?next=" + _next(request, reverse("cases_list"))
        )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if otp.verify(request, form.cleaned_data["token"]):
            return redirect(_next(request, reverse("cases_list")))
        form.add_error("token", _("This code is wrong or has expired."))
    status = 400 if form.errors else 200
    return render(
        request, "protection/verify.html", {"form": form, "next": _next(request, "")}, status=status
    )


@never_cache
def setup(request):
    if otp.has_device(request.user) and not request.user.is_verified():
        # replacing an app takes the code of the old one (a password alone is not enough)
        return redirect(reverse("cases_verify") + "?next=" + request.get_full_path())
    device = otp.pending_device(request.user)
    form = TokenForm(request.POST or None)
    codes = None
    if request.method == "POST" and form.is_valid():
        codes = otp.confirm(request, device, form.cleaned_data["token"])
        if codes is None:
            form.add_error("token", _("This code is wrong or has expired."))
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "protection/setup.html",
        {
            "form": form,
            "codes": codes,
            "secret": secret,
            "qr": otp.qr_svg(device),
            "has_device": otp.has_device(request.user),
            "next": _next(request, reverse("cases_list")),
        },
        status=400 if form.errors else 200,
    )
