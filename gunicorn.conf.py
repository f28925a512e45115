"""gunicorn's settings for kb, read from the environment (`make serve`, Procfile, docs/deploy.md).

gunicorn loads this file from the working directory; GUNICORN_CMD_ARGS and command-line
options still override it.
"""

import os

# HOST defaults to every interface, as containers and PaaS need; `make serve` passes 127.0.0.1.
bind = [f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"]
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Sync workers, one request each: kb's pages are quick and bounded, and a buffering proxy
# (nginx, a PaaS router) in front absorbs slow clients.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# Recycle workers now and then, so a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
# X-Forwarded-* are trusted from these proxy addresses only (gunicorn's default: 127.0.0.1).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
