"""/reminders/: the open reminders in the reader's scope; done, later; email choice."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import services
from .models import Kind, ReminderSettings


class EmailForm(forms.ModelForm):
    class Meta:
        model = ReminderSettings
        fields = ["email"]
        widgets = {"email": forms.RadioSelect}
        labels = {"email": gettext_lazy("reminders by email")}


#: reminders on one page of the list
PER_PAGE = 50


@login_required
def reminder_list(request):
    items = services.pending(request.user).select_related("unit")
    kind = request.GET.get("kind") or ""
    if kind:
        items = items.filter(kind=kind)
    settings_obj = ReminderSettings.objects.filter(user=request.user).first()
    form = EmailForm(instance=settings_obj or ReminderSettings(user=request.user))
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "reminders/list.html",
        {
            "page": page,
            "items": page.object_list,
            "kinds": Kind.choices,
            "kind": kind,
            "form": form,
        },
    )


@login_required
def reminder_bell(request):
    """The bell with the number of open reminders, loaded after the page (the page itself
    costs no query for it)."""
    n = services.pending(request.user).count()
    return render(request, "reminders/bell_count.html", {"n": n})


@login_required
@require_POST
def reminder_done(request, pk):
    reminder = get_object_or_404(services.visible(request.user), pk=pk)
    services.mark_done(reminder=reminder, acting_user=request.user)
    messages.success(request, _("Marked as done: %(title)s") % {"title": reminder.title})
    return redirect("reminders")


@login_required
@require_POST
def reminder_later(request, pk):
    reminder = get_object_or_404(services.visible(request.user), pk=pk)
    until = services.remind_later(reminder=reminder, acting_user=request.user)
    messages.success(
        request, _("You will be reminded again on %(date)s.") % {"date": f"{until:%d/%m/%Y}"}
    )
    return redirect("reminders")


@login_required
@require_POST
def reminder_settings(request):
    instance = ReminderSettings.objects.filter(user=request.user).first()
    form = EmailForm(request.POST, instance=instance or ReminderSettings(user=request.user))
    if not form.is_valid():
        messages.error(request, _("Choose one of the ways to hear of reminders."))
        return redirect("reminders")
    form.save()
    messages.success(
        request, _("Saved: %(choice)s.") % {"choice": form.instance.get_email_display()}
    )
    return redirect("reminders")
