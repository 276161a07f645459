"""Rendered pages kept under the data version: the second view of a page is served
without running its queries or its templates again.

A page is cached per reader (her id, unit, role and language), per URL (scheme,
host, query string and HTMX headers included), per day (statuses such as "expiring" depend on
the date) and under the data version that every save, delete and many-to-many
change of a record bumps (``core.models.bump_data_version``): a change anywhere
makes every cached page unreachable, so a cached page is never stale.

Per-request parts are not cached: the CSRF token in the page is stored as a
placeholder and the reader's own token is put back on every hit; a page with
messages to show, a CSP nonce, cookies or a status other than 200 is not stored.
Views opt in with :func:`cached_page`; the API's list endpoints use
:func:`respond` directly.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import CSRF_TOKEN_LENGTH, _unmask_cipher_token, get_token
from django.utils import timezone, translation

from .caching import get_or_compute

#: bump when what is stored changes shape (entries survive a deploy in Redis)
FORMAT = 1
TIMEOUT = 6 * 3600
MAX_BYTES = 2 * 1024 * 1024
#: headers kept with a cached response
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "ETag", "Content-Language")
PLACEHOLDER = "\ue000csrf\ue000"
_TOKEN = re.compile(rf"(?<![A-Za-z0-9])[A-Za-z0-9]{{{CSRF_TOKEN_LENGTH}}}(?![A-Za-z0-9])")
#: every byte as "a" when it is an ASCII letter or digit (a CSRF token's characters),
#: else " ": in UTF-8 a character beyond ASCII is bytes of 0x80 and more, never "a"
_MARKS = bytes(97 if chr(b).isascii() and chr(b).isalnum() else 32 for b in range(256))
_RUN = b"a" * CSRF_TOKEN_LENGTH


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE", True)


def key_for(request, user, version=None) -> str:
    """The cache key of this request's page for ``user`` under ``version`` (default: the
    data version; :func:`respond_shown` gives what the page shows instead)."""
    from .models import data_version

    headers = request.headers
    parts = (
        FORMAT,
        data_version() if version is None else version,
        timezone.localdate().isoformat(),
        translation.get_language(),
        user.pk,
        user.unit_id or "",
        user.role,
        int(user.is_superuser),
        int(user.is_active),
        headers.get("HX-Request", ""),
        headers.get("HX-Boosted", ""),
        headers.get("HX-Target", ""),
        request.method == "HEAD",
        request.scheme,
        request.get_host(),
        request.get_full_path(),
    )
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()
    return f"page:{digest}"


def _pending_messages(request) -> bool:
    storage = getattr(request, "_messages", None)
    try:
        return bool(storage is not None and len(storage))
    except TypeError:
        return False


def _nonce_used(request) -> bool:
    nonce = getattr(request, "_csp_nonce", None)
    return bool(
        nonce is not None
        and getattr(nonce, "_wrapped", None) is not None
        and nonce._wrapped.__class__ is str
    )


def _strip_tokens(request, text: str) -> str:
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return text

    def swap(m):
        return PLACEHOLDER if _unmask_cipher_token(m.group(0)) == secret else m.group(0)

    return _TOKEN.sub(swap, text)


def _token_starts(data: bytes):
    """Where ``_TOKEN`` matches in UTF-8 ``data``: the runs of exactly
    ``CSRF_TOKEN_LENGTH`` ASCII letters and digits, found with ``bytes.find`` over the
    bytes marked by ``_MARKS`` (C speed: the regular expression tries every position
    of a page, 6 ms for a dashboard's 240 KB)."""
    marks = data.translate(_MARKS)
    start = marks.find(_RUN)
    while start != -1:  # the start of a run (the search resumes after the last run)
        end = marks.find(b" ", start + CSRF_TOKEN_LENGTH)
        end = len(marks) if end == -1 else end
        if end == start + CSRF_TOKEN_LENGTH:
            yield start
        start = marks.find(_RUN, end)


def _strip_token_bytes(request, content: bytes) -> bytes:
    """:func:`_strip_tokens` of UTF-8 ``content``, on its bytes."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return content
    out, last = [], 0
    for start in _token_starts(content):
        end = start + CSRF_TOKEN_LENGTH
        if _unmask_cipher_token(content[start:end].decode("ascii")) == secret:
            out += [content[last:start], PLACEHOLDER.encode()]
            last = end
    if not out:
        return content
    out.append(content[last:])
    return b"".join(out)


def _entry(request, response: HttpResponse):
    """What is kept of a response: (content with the CSRF token as a placeholder,
    headers, is text), or None when it must not be kept."""
    if getattr(response, "is_rendered", True) is False:
        response.render()
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or _pending_messages(request)
        or _nonce_used(request)
        or len(response.content) > MAX_BYTES
    ):
        return None
    content = response.content
    ctype = response.get("Content-Type", "")
    text = ctype.startswith("text/html")
    if text:
        charset = response.charset or "utf-8"
        if charset.lower().replace("-", "").replace("_", "") == "utf8":
            content = _strip_token_bytes(request, content)
        else:
            content = _strip_tokens(request, content.decode(charset)).encode(charset)
    headers = {h: response[h] for h in KEPT_HEADERS if response.has_header(h)}
    return (content, headers, text)


def _rebuild(request, entry) -> HttpResponse:
    content, headers, text = entry
    if text and PLACEHOLDER.encode() in content:
        content = content.replace(PLACEHOLDER.encode(), get_token(request).encode())
    response = HttpResponse(content, content_type=headers.get("Content-Type"))
    for name, value in headers.items():
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


def _keeps(request, user) -> bool:
    """May this request's page be served from the cache and kept there: a signed-in
    reader's GET or HEAD with no messages waiting, the page cache on."""
    return (
        enabled()
        and request.method in ("GET", "HEAD")
        and user is not None
        and user.is_authenticated
        and not _pending_messages(request)
    )


def respond(request, render: Callable[[], HttpResponse], user=None) -> HttpResponse:
    """The cached page for this request, else ``render()`` stored for the next time."""
    user = user if user is not None else getattr(request, "user", None)
    if not _keeps(request, user):
        return render()
    key = key_for(request, user)
    rendered = []

    def compute():
        response = render()
        rendered.append(response)
        return _entry(request, response)

    def store(entry):
        if entry is not None:
            cache.set(key, entry, TIMEOUT)

    # one worker renders a page asked for by several at once; the others wait for it
    entry = get_or_compute(key, compute, store=store, wait=5.0)
    if rendered:
        return rendered[0]
    if entry is None:  # another worker's page could not be kept: render it here
        return render()
    return _rebuild(request, entry)


def cached_page(view):
    """Decorator: serve ``view`` through the page cache."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return respond(request, lambda: view(request, *args, **kwargs))

    wrapper.page_cache = True
    return wrapper


def respond_shown(
    request, shown: tuple, render: Callable[[], HttpResponse], user=None
) -> HttpResponse:
    """The page kept under ``shown``, what it shows (its rows' records and versions, its
    count, the versions of what its other parts list), else ``render()`` kept so.

    Where a view can say exactly what its page shows before rendering it, a change that
    leaves that unchanged (a save in another province, a record on another page) does
    not render the page again: the view reads its rows' versions and its count (the
    queries it needs anyway) and the page comes from the cache. Everything else of the
    page's key is :func:`key_for`'s (the reader, the URL, the language, the day)."""
    user = user if user is not None else getattr(request, "user", None)
    if not _keeps(request, user):
        return render()
    version = "shown:" + hashlib.sha256("\x1f".join(map(str, shown)).encode()).hexdigest()
    key = key_for(request, user, version)
    entry = cache.get(key)
    if entry is not None:
        return _rebuild(request, entry)
    response = render()
    entry = _entry(request, response)
    if entry is not None:
        cache.set(key, entry, TIMEOUT)
    return response
