"""Settings for kb, read from the environment.

Nothing set means local use: SQLite beside the project and a local-memory cache. Production
sets DATABASE_URL, REDIS_URL, SECRET_KEY and ALLOWED_HOSTS; with DEBUG off a missing secret key
stops start-up rather than falling back to a guessable one.
"""

import importlib.util
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
            "string (python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DEBUG=1 for local development."
        )
    # Only ever used with DEBUG on, on a developer's machine.
    SECRET_KEY = "kb-local-development-only-not-secret"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not ALLOWED_HOSTS and not DEBUG:
    # Otherwise every request would get a bare 400 and nothing would say why.
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set. Set it to the site's host names, comma-separated "
        "(ALLOWED_HOSTS=guide.example.com), or set DEBUG=1 for local development."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "taggit",
    "markdownx",
    "reversion",
    "django_tasks",
    "django_tasks_db",
    "kb.redirects",
    "kb.tags",
    "articles",
    "authors",
    "glossary",
    "kb.search",
    "kb.guide_io",
    "kb.pagecache",
    "axes",
    "csp",
]

MIDDLEWARE = [
    # First: a URL with a NUL character is a 400 before anything looks it up.
    "kb.middleware.RejectNulCharactersMiddleware",
    # --- Page cache: revalidations (304), then whole pages for anonymous readers. Above
    # everything else, so a hit runs nothing more: what the middleware below adds to a page
    # (security headers, CSP, X-Frame-Options, compression per encoding) is stored with it.
    # A plain-http request never finds a page (it is keyed on the absolute URL, and https
    # pages are the only ones stored when SSL is redirected), so it falls through to the
    # redirect below.
    "django.middleware.http.ConditionalGetMiddleware",
    "kb.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files, straight after security headers and before sessions (the serving block).
    "kb.serving.StaticFilesMiddleware",
    "csp.middleware.CSPMiddleware",
    # Below the page cache, so the compressed page is what is cached (per encoding).
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so it sees the final 404: old URLs of moved pages answer with a 301.
    "kb.redirects.middleware.RedirectFallbackMiddleware",
    # Search's rate limit answers 429 (RATELIMIT_VIEW); django-axes locks out password
    # guessing (last, as its documentation asks).
    "django_ratelimit.middleware.RatelimitMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kb.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kb.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "kb.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}


def redis_cache(url):
    """The cache settings for a Redis at `url`.

    django-redis rather than Django's own Redis backend: with IGNORE_EXCEPTIONS an unreachable
    Redis is a cache miss, not a 500 or a failed save (Django's backend raises from every
    call), and it takes socket timeouts so a dead or hung Redis costs milliseconds. Failures
    are logged once a minute (LOGGING below).
    """
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "kb",
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.1")),
            "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.2")),
        },
    }


if os.environ.get("REDIS_URL"):
    CACHES = {"default": redis_cache(os.environ["REDIS_URL"])}
else:
    # Room for the page cache's pages and the blocks kept per content version (Django's
    # default of 300 entries would evict them long before their time).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# Background jobs (kb/background.py): work that grows with the guide runs after the commit,
# never in the editor's request. With DATABASE_URL they wait in the database for
# `manage.py db_worker` (README, "Going live"); on the embedded default a thread of the process
# that enqueued them runs them. TASKS_BACKEND=database or in-process chooses either way.
TASKS_BACKEND = os.environ.get(
    "TASKS_BACKEND", "database" if os.environ.get("DATABASE_URL") else "in-process"
)
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "in-process": "kb.background.InProcessBackend",
        }[TASKS_BACKEND]
    }
}

# Whole pages for anonymous readers (kb/pagecache): fresh after every change whatever this
# says, which only bounds how long an unused page stays cached; 0 turns the cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# What browsers may keep without asking again: nothing by default, so a reader sees a change
# on their next visit (revalidating costs a 304 from the page cache). A CDN keeps pages for
# PAGE_CACHE_SECONDS and may serve one PAGE_CACHE_STALE_SECONDS late while it refetches.
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "0"))
PAGE_CACHE_STALE_SECONDS = int(os.environ.get("PAGE_CACHE_STALE_SECONDS", "60"))
PAGE_CACHE_EXCLUDED_PATHS = [
    "/admin/",
    "/markdownx/",
    "/search/",
    "/healthz",
    "/readyz",
    "/static/",
    "/media/",
]

# Password guessing at /admin/login/ (django-axes): after AXES_FAILURE_LIMIT wrong passwords
# in a row, that username and that client address are each locked out for AXES_COOLOFF_TIME;
# every failure is logged. An admin unlocks with `manage.py axes_reset_username NAME` or
# `axes_reset_ip ADDRESS` (README, "Going live"). Behind a proxy, set AXES_IPWARE_PROXY_COUNT.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/kb/locked_out.html"
if os.environ.get("AXES_IPWARE_PROXY_COUNT"):
    AXES_IPWARE_PROXY_COUNT = int(os.environ["AXES_IPWARE_PROXY_COUNT"])

# Search and its suggestions are rate-limited per client address (django-ratelimit, counted
# in the cache, failing open when the cache cannot answer): a 429 page past the limit.
KB_SEARCH_RATE = os.environ.get("KB_SEARCH_RATE", "30/m")
KB_SUGGEST_RATE = os.environ.get("KB_SUGGEST_RATE", "120/m")
RATELIMIT_VIEW = "kb.search.views.rate_limited"
RATELIMIT_FAIL_OPEN = True
if "REDIS_URL" not in os.environ:
    # The embedded default's local-memory cache is each process's own, so each worker counts
    # its own clients: limits are per worker there, shared across servers with Redis.
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# --- Serving: static files, uploads, sessions, the proxy (docs/deploy.md) --------------------
# gunicorn runs kb (gunicorn.conf.py, `make serve`, Procfile); nothing else has to serve files.

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    # Uploads (the editor's images, author photos): the filesystem under MEDIA_ROOT, served by
    # kb.serving.media; or an S3-compatible bucket when AWS_STORAGE_BUCKET_NAME is set, below.
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # `collectstatic` writes content-hashed names plus .gz and .br copies, and WhiteNoise
    # serves them with a far-future, immutable Cache-Control. With DEBUG on, {% static %}
    # gives plain names and no manifest is needed; tests use the plain storage (conftest.py).
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    if importlib.util.find_spec("storages") is None:
        raise ImproperlyConfigured(
            "AWS_STORAGE_BUCKET_NAME is set but django-storages is not installed: "
            "pip install 'kb[s3]', or unset AWS_STORAGE_BUCKET_NAME to keep uploads in MEDIA_ROOT."
        )
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            # Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by boto3 itself
            # (or an instance role). S3-compatible stores set the endpoint.
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", ""),
            # Image URLs are written into article bodies, so they must not expire: plain URLs
            # to objects the bucket lets anyone read, not signed ones.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
        },
    }

# Database-backed sessions (Django's default, said out loud): every app server shares them
# through the one database, and they survive a Redis restart or eviction, which would sign
# every editor out with cache-backed sessions. Only editors have sessions, so the load is small.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Behind a TLS-terminating proxy, name the header it sets (e.g. X-Forwarded-Proto) so Django
# knows a request came over HTTPS. Only when the proxy always sets or overwrites that header.
if proxy_ssl_header := os.environ.get("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + proxy_ssl_header.upper().replace("-", "_"), "https")

# --- End of serving ---------------------------------------------------------------------------

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGIN_URL = "admin:login"

# HTTPS in production: on by default without DEBUG, each switchable from the environment (a
# local trial over plain http, as `make serve` runs, sets SECURE_SSL_REDIRECT=0,
# SECURE_HSTS_SECONDS=0 and SECURE_COOKIES=0). Behind a proxy that ends TLS, set
# SECURE_PROXY_SSL_HEADER (the serving block above) so the proxy's header is believed.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
# The health checks answer load balancers over plain http.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Nothing of kb is meant to be framed, the admin included (its pop-ups are windows).
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy on every response (django-csp): scripts and styles from this site
# only, no inline script anywhere (kb has none: every script is a static file), no plugins,
# no framing, forms posting only here. Inline style attributes stay allowed for the admin and
# the Markdown widget; images may be data: URIs (the admin's icons).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Tags: one spelling per tag whatever the case, parsed by our normaliser (NFC, trimmed).
TAGGIT_CASE_INSENSITIVE = True
TAGGIT_TAGS_FROM_STRING = "kb.tags.tagging.parse_tags"
TAGGIT_STRING_FROM_TAGS = "kb.tags.tagging.tags_to_string"
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = False

# The editor's live preview renders through the one Markdown pipeline; the preview and upload
# endpoints are kb's own (kb/editor.py), mounted where the widget expects them.
MARKDOWNX_MARKDOWNIFY_FUNCTION = "kb.markdown.markdownify"
MARKDOWNX_URLS_PATH = "/markdownx/markdownify/"
MARKDOWNX_UPLOAD_URLS_PATH = "/markdownx/upload/"
MARKDOWNX_MEDIA_PATH = "uploads/"
MARKDOWNX_SERVER_CALL_LATENCY = 400

# kb.markdown.MAX_SOURCE_CHARS: a longer text could not be saved, so is not worth previewing.
KB_MARKDOWN_PREVIEW_MAX_CHARS = 40_000
# Django's default, stated because kb relies on it: the largest admin form (a topic with its
# 100 memberships, kb.admin.MAX_INLINE_FORMS) has about 500 fields. It does not bound a
# formset by itself (a POST may claim 5,000 forms in one field): the inlines' absolute_max does.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
KB_UPLOAD_MAX_BYTES = 5 * 1024 * 1024
KB_UPLOAD_MAX_PIXELS = 40_000_000

KB_SITE_TITLE = os.environ.get("KB_SITE_TITLE", "Product Management Guide")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"once_a_minute": {"()": "kb.log_filters.OncePerInterval", "seconds": 60}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "console_once_a_minute": {
            "class": "logging.StreamHandler",
            "filters": ["once_a_minute"],
        },
    },
    "loggers": {
        # An unreachable cache fails on every request: one line a minute says so.
        "django_redis.cache": {"handlers": ["console_once_a_minute"], "propagate": False},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
