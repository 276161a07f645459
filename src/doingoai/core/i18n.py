"""Vietnamese first: the interface speaks Vietnamese unless the user chose another language.

Django's LocaleMiddleware follows the browser's Accept-Language, and many officers' browsers
are set to English; the product is Vietnamese first, so only an explicit choice (the language
switcher, stored in the language cookie) changes the language.
"""

from __future__ import annotations

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_noop


def chosen_language(request) -> str:
    """The language the user chose with the switcher, else LANGUAGE_CODE."""
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if code:
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            pass
    return settings.LANGUAGE_CODE


class ChosenLanguageMiddleware(LocaleMiddleware):
    """LocaleMiddleware without Accept-Language negotiation (no i18n URL prefixes here)."""

    def process_request(self, request):
        translation.activate(chosen_language(request))
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


# Strings that Django and the apps we use show in our pages but whose Vietnamese catalogues lack
# (Django's vi catalogue predates them; django-filter, django-tables2 and django-axes have none).
# Marked here so that makemessages copies them into our catalogue, which LOCALE_PATHS puts first.
THIRD_PARTY_MSGIDS = [
    # Django
    gettext_noop("- Select an option -"),
    gettext_noop("Enter a valid domain name."),
    gettext_noop("Enter a valid %(protocol)s address."),
    gettext_noop("Ensure this value is a multiple of step size %(limit_value)s."),
    gettext_noop(
        "File extension “%(extension)s” is not allowed. Allowed extensions are: "
        "%(allowed_extensions)s."
    ),
    gettext_noop("Null characters are not allowed."),
    gettext_noop("Constraint “%(name)s” is violated."),
    gettext_noop("“%(value)s” value must be a decimal number."),
    gettext_noop("“%(value)s” value must be an integer."),
    gettext_noop("“%(value)s” value must be a float."),
    gettext_noop("“%(value)s” value has an invalid date format. It must be in YYYY-MM-DD format."),
    gettext_noop(
        "“%(value)s” value has the correct format (YYYY-MM-DD) but it is an invalid date."
    ),
    gettext_noop("“%(value)s” is not a valid UUID."),
    gettext_noop("%(model)s instance with %(field)s %(value)r is not a valid choice."),
    gettext_noop("Enter a complete value."),
    gettext_noop("“%(pk)s” is not a valid value."),
    gettext_noop(
        "%(datetime)s couldn’t be interpreted in time zone %(current_timezone)s; it may be "
        "ambiguous or it may not exist."
    ),
    gettext_noop("No %s matches the given query."),
    gettext_noop("Forbidden"),
    gettext_noop("CSRF verification failed. Request aborted."),
    gettext_noop(
        "If you have configured your browser to disable cookies, please re-enable them, at "
        "least for this site, or for “same-origin” requests."
    ),
    gettext_noop(
        "You are seeing this message because this site requires a CSRF cookie when submitting "
        "forms. This cookie is required for security reasons, to ensure that your browser is "
        "not being hijacked by third parties."
    ),
    # django-filter
    gettext_noop("Unknown"),
    gettext_noop("Yes"),
    gettext_noop("No"),
    gettext_noop("All"),
    gettext_noop("Today"),
    gettext_noop("Yesterday"),
    gettext_noop("Past 7 days"),
    gettext_noop("This month"),
    gettext_noop("This year"),
    gettext_noop("Multiple values may be separated by commas."),
    gettext_noop("%s (descending)"),
    gettext_noop("Ordering"),
    gettext_noop("Select a lookup."),
    gettext_noop("Range query expects two values."),
    # django-tables2
    gettext_noop("previous"),
    gettext_noop("next"),
    # django-axes
    gettext_noop("Account locked: too many login attempts. Please try again later."),
    gettext_noop(
        "Account locked: too many login attempts. Contact an admin to unlock your account."
    ),
]
