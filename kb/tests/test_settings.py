import json
import os
import subprocess
import sys

from django.conf import settings

PROBE = (
    "import json, kb.settings as s; print(json.dumps({"
    "'debug': s.DEBUG, 'hosts': s.ALLOWED_HOSTS, 'engine': s.DATABASES['default']['ENGINE'],"
    "'db_name': str(s.DATABASES['default']['NAME']), 'cache': s.CACHES['default']['BACKEND'],"
    "'tz': s.TIME_ZONE}))"
)


def load_settings(**env):
    """Import kb.settings in a fresh interpreter with exactly these variables set."""
    return run_python(["-c", PROBE], env)


def run_python(arguments, env):
    clean = {key: value for key, value in os.environ.items() if key in ("PATH", "HOME", "LANG")}
    return subprocess.run(
        [sys.executable, *arguments],
        env={**clean, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_missing_secret_key_without_debug_stops_start_up_with_a_clear_message():
    result = load_settings()
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_migration_check_runs_without_a_secret_key_and_other_commands_still_refuse():
    checked = run_python(["manage.py", "makemigrations", "--check", "--dry-run"], {})
    refused = run_python(["manage.py", "check"], {})

    assert checked.returncode == 0, checked.stderr
    assert "No changes detected" in checked.stdout
    assert refused.returncode != 0
    assert "SECRET_KEY is not set" in refused.stderr


def test_debug_mode_runs_without_a_secret_key_on_sqlite_and_local_memory_cache():
    result = load_settings(DEBUG="1")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["debug"] is True
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["db_name"].endswith("db.sqlite3")
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert "*" not in values["hosts"]


def test_production_without_allowed_hosts_stops_start_up_with_a_clear_message():
    result = load_settings(SECRET_KEY="s3cret")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


# What README's "Going live" documents for production (HTTPS behind a proxy).
PRODUCTION = {
    "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
    "ALLOWED_HOSTS": "guide.example.com",
    "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
    # The site's own choice (every subdomain on HTTPS, and the browsers' preload list); the
    # documented production environment makes it.
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SECURE_HSTS_PRELOAD": "1",
}


def test_the_documented_production_environment_passes_check_deploy():
    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_redirects_to_https_with_hsts_by_default():
    probe = (
        "import json, kb.settings as s; print(json.dumps([s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS, s.X_FRAME_OPTIONS, s.SECURE_PROXY_SSL_HEADER]))"
    )
    result = run_python(["-c", probe], PRODUCTION)
    assert json.loads(result.stdout) == [
        True,
        31536000,
        "DENY",
        ["HTTP_X_FORWARDED_PROTO", "https"],
    ]


def test_environment_selects_postgresql_redis_hosts_and_time_zone():
    result = load_settings(
        SECRET_KEY="s3cret",
        DATABASE_URL="postgres://kb@db.internal:5432/kb",
        REDIS_URL="redis://cache.internal:6379/1",
        ALLOWED_HOSTS="guide.example.com, www.guide.example.com",
        TIME_ZONE="Europe/Berlin",
    )
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["db_name"] == "kb"
    assert values["cache"] == "django_redis.cache.RedisCache"
    assert values["hosts"] == ["guide.example.com", "www.guide.example.com"]
    assert values["tz"] == "Europe/Berlin"


STORAGE_PROBE = (
    "import json, kb.settings as s; print(json.dumps({"
    "'storages': s.STORAGES, 'middleware': s.MIDDLEWARE, 'sessions': s.SESSION_ENGINE,"
    "'proxy': getattr(s, 'SECURE_PROXY_SSL_HEADER', None)}))"
)


def load_storage_settings(**env):
    result = run_python(["-c", STORAGE_PROBE], env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_serves_static_files_through_whitenoise_with_hashed_names():
    values = load_storage_settings(SECRET_KEY="s3cret", ALLOWED_HOSTS="guide.example.com")
    middleware = values["middleware"]
    security = middleware.index("django.middleware.security.SecurityMiddleware")
    assert middleware[security + 1] == "kb.serving.StaticFilesMiddleware"
    assert values["storages"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert values["sessions"] == "django.contrib.sessions.backends.db"
    assert values["proxy"] is None


def test_uploads_stay_on_the_filesystem_unless_a_bucket_is_named():
    values = load_storage_settings(SECRET_KEY="s3cret", ALLOWED_HOSTS="guide.example.com")
    assert values["storages"]["default"] == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }


def test_a_bucket_name_selects_the_s3_backend_with_unsigned_urls(tmp_path):
    # A stand-in `storages` package: the settings only check that django-storages is there.
    (tmp_path / "storages").mkdir()
    (tmp_path / "storages" / "__init__.py").write_text("")
    values = load_storage_settings(
        SECRET_KEY="s3cret",
        ALLOWED_HOSTS="guide.example.com",
        PYTHONPATH=str(tmp_path),
        AWS_STORAGE_BUCKET_NAME="kb-uploads",
        AWS_S3_ENDPOINT_URL="https://objects.example.com",
    )
    default = values["storages"]["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    assert default["OPTIONS"]["bucket_name"] == "kb-uploads"
    assert default["OPTIONS"]["endpoint_url"] == "https://objects.example.com"
    assert default["OPTIONS"]["querystring_auth"] is False


def test_proxy_ssl_header_is_read_from_the_environment():
    values = load_storage_settings(
        SECRET_KEY="s3cret",
        ALLOWED_HOSTS="guide.example.com",
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto",
    )
    assert values["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]
