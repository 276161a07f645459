"""Settings for doingoai, read from the environment.

DATABASE_URL  default: SQLite file var/doingoai.sqlite3 in the checkout
SECRET_KEY    required when DEBUG is off outside tests; a dev key otherwise
DEBUG         "1"/"true" turns it on (the demo does); off by default
ALLOWED_HOSTS comma-separated; default 127.0.0.1,localhost
REDIS_URL     optional: shared cache for several app servers
"""

import hashlib
import os
import sys
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _
from whitenoise.compress import Compressor

from doingoai.release import fingerprint


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = Path(os.environ.get("DOINGOAI_HOME", PACKAGE_DIR.parent.parent))
VAR_DIR = Path(os.environ.get("DOINGOAI_VAR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)
(VAR_DIR / "staticfiles").mkdir(exist_ok=True)

DEBUG = env_bool("DEBUG")


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once and kept in var/."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = VAR_DIR / "secret_key"
    if not path.exists():
        import secrets

        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_filters",
    "django_tables2",
    "simple_history",
    "axes",
    "django_tasks_db",
    "ninja",  # the API docs page serves Swagger UI from static/, not a CDN
    "django_otp",  # second factor of the protection case handlers (doingoai.protection)
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # the framework, then the record apps from the bottom up, then the features over
    # them: an app imports only the apps above it in this list (tests/test_layers.py)
    "doingoai.core",
    "doingoai.imports",  # spreadsheets: the record apps declare their importers with it
    "doingoai.organization",
    "doingoai.documents",  # the Decree 30/2020 layout of reports, submissions, minutes
    "doingoai.partners",
    "doingoai.agreements",
    "doingoai.activities",
    "doingoai.resources",
    "doingoai.news",
    "doingoai.reports",
    "doingoai.reportdocs",  # report documents: narrative, approval, issued copies
    "doingoai.overseas",
    "doingoai.targets",  # targets set for the units below and the completeness matrix
    "doingoai.reminders",  # reminders of what falls due, the bell, the email digest
    "doingoai.iati",
    "doingoai.search",
    "doingoai.api",
    "doingoai.protection",
    "doingoai.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "doingoai.core.i18n.ChosenLanguageMiddleware",  # Vietnamese unless chosen otherwise
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "doingoai.protection.middleware.SecondFactorAtSignIn",  # case handlers: TOTP at sign-in
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "doingoai.core.http.PrivateAnswersMiddleware",
]

ROOT_URLCONF = "doingoai.urls"
WSGI_APPLICATION = "doingoai.wsgi.application"
ASGI_APPLICATION = "doingoai.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "doingoai.core.context_processors.navigation",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'doingoai.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;"
            " PRAGMA cache_size=-64000; PRAGMA mmap_size=268435456;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("SQLITE_TEST_NAME") or None}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # the national figures group tens of thousands of rows: sort them in memory
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c work_mem={os.environ.get('PG_WORK_MEM', '32MB')}"
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# the lists' order indexes carry the owner unit as an INCLUDE column on PostgreSQL; on
# SQLite they are the same index without it, which is what is wanted there
SILENCED_SYSTEM_CHECKS = ["models.W040"]
AUTH_USER_MODEL = "organization.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # the signed-in user read with her unit (every page asks for it), kept per worker
    # under their app's version (organization/backends.py)
    "doingoai.organization.backends.UnitModelBackend",
    # sessions begun before it name this one
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
# an account is locked after AXES_FAILURE_LIMIT wrong passwords from any addresses (a
# guess spread over many addresses is limited too), not only per address
AXES_LOCKOUT_PARAMETERS = ["username", ["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("AXES_ENABLED", True)

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("username", "full_name", "email")},
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST")
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or not env_bool("STATIC_MANIFEST")
# collected once per change of the static files: only the hashed copies are kept and
# compressed (pages name them through {% static %}), source maps (read by a browser's
# developer tools only, 5.5 MB of the API documentation's) are not compressed
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
# rendered pages kept per reader under the data version (core/pagecache.py); off only
# to measure the pages' own rendering (bench)
PAGE_CACHE = env_bool("PAGE_CACHE", True)
MAX_UPLOAD_BYTES = int(os.environ.get("MAX_UPLOAD_BYTES", str(20 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
elif "pytest" in sys.modules:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    # one machine: a file cache is shared by every server worker (cached figures are
    # computed once per data version, not once per worker)
    CACHES = {
        "default": {
            "BACKEND": "doingoai.core.caching.FileCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 50000},
        }
    }

# Cached pages and figures are keyed by the database's data version, a counter: two
# databases sharing one cache (a Redis for several sites, the bench's SQLite and
# PostgreSQL runs on one var/cache) would count through the same numbers. Every key
# carries the database it was computed from, and the release that computed it (a
# deploy's new templates or scripts are seen at once, not when the data next changes).
_db = DATABASES["default"]
CACHES["default"]["KEY_PREFIX"] = hashlib.sha256(
    f"{_db['ENGINE']}|{_db.get('HOST', '')}|{_db.get('PORT', '')}|{_db['NAME']}|"
    f"{fingerprint(PACKAGE_DIR)}".encode()
).hexdigest()[:12]

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# work handed to the background worker and not begun after so many seconds: the page
# says that no worker runs (how to start one) and offers to do the work in the request
TASK_WORKER_WAIT = int(os.environ.get("TASK_WORKER_WAIT", 20))

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
# Django's database sessions, the read on every page written out (``core/sessions.py``)
SESSION_ENGINE = "doingoai.core.sessions"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # HTMX reads the token from the page, not the cookie
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# HTTPS=1: the site is reached over HTTPS only (TLS ended by a reverse proxy that sets
# X-Forwarded-Proto): HSTS, plain HTTP redirected, cookies sent over HTTPS only
HTTPS = os.environ.get("HTTPS") == "1"
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", 365 * 24 * 3600))
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

FORMAT_MODULE_PATH = ["doingoai.formats"]

DJANGO_TABLES2_TEMPLATE = "generic/table.html"
DJANGO_TABLES2_PAGE_RANGE = 7

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

SITE_TITLE = _("International cooperation")

if os.environ.get("DOINGOAI_FAST_HASHER") or "pytest" in sys.modules:
    # tests only: users are made in every test database
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# IATI schemas and codelists (doingoai.iati); ../shared/iati sits beside the checkout
IATI_DIR = Path(os.environ.get("IATI_DIR", BASE_DIR.parent / "shared" / "iati"))
# IATI import: the activities that concern the organization are those for these countries
# (recipient-country) or those whose participating organizations include one of its own
# IATI organization identifiers (comma-separated, e.g. "VN-COA-..." once registered)
IATI_COUNTRIES = [
    c.strip().upper() for c in os.environ.get("IATI_COUNTRIES", "VN").split(",") if c.strip()
]
IATI_ORG_IDS = [c.strip() for c in os.environ.get("IATI_ORG_IDS", "").split(",") if c.strip()]

# benchmarks (bench/run.py): a Server-Timing header with the application's time per request
BENCH_TIMING = env_bool("BENCH_TIMING")
if BENCH_TIMING:
    MIDDLEWARE.insert(0, "doingoai.core.timing.ServerTimingMiddleware")


# email (reminders): EMAIL_URL (smtp://user:pass@host:587/?tls=True, console:, file:///path),
# else the usual EMAIL_HOST / EMAIL_PORT / EMAIL_HOST_USER / EMAIL_HOST_PASSWORD /
# EMAIL_USE_TLS; without either the emails are written to the console (the demo)
def _mailer() -> dict:
    if os.environ.get("EMAIL_URL"):
        import dj_email_url

        conf = dj_email_url.parse(os.environ["EMAIL_URL"])
    elif os.environ.get("EMAIL_HOST"):
        conf = {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": os.environ["EMAIL_HOST"],
            "EMAIL_PORT": int(os.environ.get("EMAIL_PORT", "587")),
            "EMAIL_HOST_USER": os.environ.get("EMAIL_HOST_USER", ""),
            "EMAIL_HOST_PASSWORD": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "EMAIL_USE_TLS": env_bool("EMAIL_USE_TLS"),
        }
    else:
        return {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    backend = conf.pop("EMAIL_BACKEND")
    if backend.endswith("filebased.EmailBackend"):
        path = "/" + conf["EMAIL_FILE_PATH"].lstrip("/")  # file:///var/mail -> /var/mail
        return {"BACKEND": backend, "OPTIONS": {"file_path": path}}
    if not backend.endswith("smtp.EmailBackend"):
        return {"BACKEND": backend}
    names = {"HOST": "host", "PORT": "port", "HOST_USER": "username"}
    names.update(HOST_PASSWORD="password", USE_TLS="use_tls", USE_SSL="use_ssl")
    names.update(TIMEOUT="timeout")
    options = {o: conf[f"EMAIL_{k}"] for k, o in names.items() if f"EMAIL_{k}" in conf}
    return {"BACKEND": backend, "OPTIONS": options}


MAILERS = {"default": _mailer()}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "doingoai <doingoai@localhost>")
# the address of the site in emails and calendar feeds (links to records)
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# commands `doingoai serve` runs beside the web server, each repeating itself
PERIODIC_COMMANDS = [["send_reminders", "--every", "3600"]]
# Delegations (activities.delegation): the post-trip report is due this many working days
# after the return (Saturdays, Sundays and Vietnamese public holidays do not count).
DELEGATION_REPORT_WORKING_DAYS = int(os.environ.get("DELEGATION_REPORT_WORKING_DAYS", "7"))
