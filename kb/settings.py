"""Settings for kb, read from the environment.

Nothing set means local use: SQLite beside the project and a local-memory cache. Production
sets DATABASE_URL, REDIS_URL, SECRET_KEY and ALLOWED_HOSTS; with DEBUG off a missing secret key
stops start-up rather than falling back to a guessable one.
"""

import os
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
    "kb.redirects",
    "kb.tags",
    "articles",
    "authors",
    "glossary",
    "kb.search",
    "kb.guide_io",
    "kb.pagecache",
]

MIDDLEWARE = [
    # First: a URL with a NUL character is a 400 before anything looks it up.
    "kb.middleware.RejectNulCharactersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # --- Page cache: revalidations (304), whole pages for anonymous readers, compression.
    # Above the page cache, so cached pages are revalidated without rendering; GZip below it,
    # so the compressed page is what is cached (per encoding).
    "django.middleware.http.ConditionalGetMiddleware",
    "kb.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    # --- end of the page cache block
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so it sees the final 404: old URLs of moved pages answer with a 301.
    "kb.redirects.middleware.RedirectFallbackMiddleware",
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

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "kb",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole pages for anonymous readers (kb/pagecache): fresh after every change whatever this
# says, which only bounds how long an unused page stays cached; 0 turns the cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# What browsers may keep without asking again (a CDN keeps pages PAGE_CACHE_SECONDS).
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "60"))
PAGE_CACHE_EXCLUDED_PATHS = [
    "/admin/",
    "/markdownx/",
    "/search/",
    "/healthz",
    "/readyz",
    "/static/",
    "/media/",
]

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

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGIN_URL = "admin:login"

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"  # markdownx's preview and the admin's popups need same-origin frames

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

KB_MARKDOWN_PREVIEW_MAX_CHARS = 200_000
KB_UPLOAD_MAX_BYTES = 5 * 1024 * 1024
KB_UPLOAD_MAX_PIXELS = 40_000_000

KB_SITE_TITLE = os.environ.get("KB_SITE_TITLE", "Product Management Guide")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
