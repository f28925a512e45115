# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The test suite never needs a real secret; production sets SECRET_KEY itself.
# Plain http for the test client and the browser tests' live server (whose middleware is built
# once, before any per-test setting): production's https redirect and HSTS are tested apart.
TEST_ENV := SECRET_KEY=kb-test-suite-not-secret ALLOWED_HOSTS=testserver,localhost,127.0.0.1 \
	SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0

# The browser tests drive this Chromium (Debian's package `chromium`).
CHROMIUM ?= /usr/bin/chromium

.PHONY: run serve test test-browser lint check-migrations demo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed-run

$(VENV)/.installed-browser: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,browser]'
	touch $@ $(VENV)/.installed-dev $(VENV)/.installed-run

demo: $(VENV)/.installed-run
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py load_demo_guide

run: demo
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

# As in production: DEBUG off, migrate and collectstatic, then gunicorn (bin/serve,
# gunicorn.conf.py). Needs SECRET_KEY and ALLOWED_HOSTS; a trial run fills them in and says so.
serve: $(VENV)/.installed-run
	HOST=$(HOST) PORT=$(PORT) BIN=$(BIN) bin/serve

# The browser tests have their own target: they need Chromium and axe-core, and take minutes.
test: $(VENV)/.installed-dev
	$(TEST_ENV) $(BIN)/pytest --ignore=kb/tests/browser $(PYTEST_ARGS)

# Real-browser journeys, axe-core checks and screenshots (kb/tests/browser; README.md).
# Missing tools stop this with a message: browser tests are never skipped.
test-browser: $(VENV)/.installed-browser
	@test -x $(CHROMIUM) || { echo "make test-browser: no Chromium at $(CHROMIUM); install it with 'apt-get update && apt-get install -y chromium' (as root) or set CHROMIUM=" >&2; exit 1; }
	@command -v npm >/dev/null || { echo "make test-browser: npm is missing; it installs axe-core (apt-get install -y npm)" >&2; exit 1; }
	npm ci --no-audit --no-fund
	@test -f node_modules/axe-core/axe.min.js || { echo "make test-browser: node_modules/axe-core/axe.min.js is missing after npm ci" >&2; exit 1; }
	KB_CHROMIUM=$(CHROMIUM) $(TEST_ENV) $(BIN)/pytest kb/tests/browser $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

check-migrations: $(VENV)/.installed-dev
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .secret_key
