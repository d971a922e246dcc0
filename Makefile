# TeamAround: `make demo` to try it, `make test` to test it. Everything else is installed here.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STATIC_VENDOR := src/teamaround/core/static/vendor
HOST ?= 127.0.0.1
PORT ?= 8000
# The suite runs on every core (pytest-xdist, `--dist load`); `make test TEST_WORKERS=1` runs it
# in one process. Each worker builds its test database from the models and replays the
# migrations' data operations (tests/migration_data.py), instead of running every migration.
TEST_WORKERS ?= auto
# Removes `/*# sourceMappingURL=… */` and `//# sourceMappingURL=…` comments.
STRIP_SOURCE_MAP := s@/\*\# sourceMappingURL=[^*]*\*/@@g; s@//\# sourceMappingURL=.*$$@@

.PHONY: demo test install pdf-libs assets migrate seed serve worker lint format check-deploy deploy-smoke chromium bench splink-venv clean

demo: install assets migrate seed serve

install: $(BIN)/.installed pdf-libs

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# GOV.UK Frontend compiled with the council's settings (Arial, asset path), plus htmx.
assets: $(STATIC_VENDOR)/govuk/teamaround.css

$(STATIC_VENDOR)/govuk/teamaround.css: node_modules/.installed frontend/teamaround.scss Makefile
	mkdir -p $(STATIC_VENDOR)/govuk $(STATIC_VENDOR)/htmx
	npx sass --no-source-map --style=compressed --quiet-deps \
		--load-path=node_modules/govuk-frontend/dist frontend/teamaround.scss $@
	# The vendored files point at source maps we do not ship: without the comments
	# collectstatic's manifest storage does not look for them (it fails on a missing one).
	sed -e '$(STRIP_SOURCE_MAP)' node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js \
		> $(STATIC_VENDOR)/govuk/govuk-frontend.min.js
	rm -rf $(STATIC_VENDOR)/govuk/assets
	cp -r node_modules/govuk-frontend/dist/govuk/assets $(STATIC_VENDOR)/govuk/assets
	sed -e '$(STRIP_SOURCE_MAP)' node_modules/htmx.org/dist/htmx.min.js > $(STATIC_VENDOR)/htmx/htmx.min.js
	# MoJ Frontend's case-work patterns (timeline, filter, sortable table, identity bar), with
	# Arial for the same licensing reason and its images served from our static folder.
	mkdir -p $(STATIC_VENDOR)/moj
	sed -e 's/GDS Transport,arial/arial/g' -e 's#url(/assets/#url(/static/vendor/moj/assets/#g' \
		-e '$(STRIP_SOURCE_MAP)' \
		node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.css > $(STATIC_VENDOR)/moj/moj-frontend.css
	sed -e '$(STRIP_SOURCE_MAP)' node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js \
		> $(STATIC_VENDOR)/moj/moj-frontend.min.js
	rm -rf $(STATIC_VENDOR)/moj/assets
	cp -r node_modules/@ministryofjustice/frontend/moj/assets $(STATIC_VENDOR)/moj/assets

migrate: install
	$(BIN)/teamaround migrate --no-input

seed: install
	$(BIN)/teamaround seed

# The web server, with the background task worker (imports, exports) beside it.
serve: install assets
	@echo "Serving TeamAround on http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	@$(BIN)/teamaround db_worker --interval 1 >/dev/null 2>&1 & worker=$$!; \
		trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
		$(BIN)/teamaround runserver $(HOST):$(PORT)

worker: install
	$(BIN)/teamaround db_worker

# Pango for WeasyPrint's PDFs (plans, minutes): Debian's package, installed once if missing.
pdf-libs:
	@ldconfig -p | grep -q libpangoft2-1.0.so.0 || { \
		echo "Installing Debian's Pango for PDF output..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpangoft2-1.0-0 >/dev/null; }

# Debian's Chromium for the browser tests (never `playwright install`).
chromium:
	@test -x /usr/bin/chromium || { \
		echo "Installing Debian's chromium for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: install assets chromium
	$(BIN)/pytest -q $(if $(filter-out 1,$(TEST_WORKERS)),-n $(TEST_WORKERS) --dist load)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check-deploy: install
	DJANGO_SETTINGS_MODULE=teamaround.settings_production \
	DJANGO_SECRET_KEY=$$(printf 'x%.0s' {1..64})-check-only \
	DJANGO_ALLOWED_HOSTS=teamaround.example.org \
	DATABASE_URL=$${DATABASE_URL:-postgres://localhost/teamaround} \
	$(BIN)/python -m django check --deploy --fail-level WARNING

# The production deployment as the README gives it, served by gunicorn on a loopback port.
deploy-smoke: install assets
	bash .ci/deploy-smoke

# Every benchmark at the scale its issue states, on SQLite and PostgreSQL (DATABASE_URL's
# server, or 127.0.0.1:5432). Each builds its own data: expect the whole run to take an hour.
bench: install
	$(BIN)/python bench/known_child_search.py
	$(BIN)/python bench/matching_eval.py
	$(BIN)/python bench/directory_search.py
	$(BIN)/python bench/hub_queue.py --postgres
	$(BIN)/python bench/casework.py --postgres
	$(BIN)/python bench/panels.py --postgres
	$(BIN)/python bench/commissioning.py --postgres

# Splink (on DuckDB) for bench/matching_eval.py --splink: an environment of its own, so the
# side-by-side never runs inside, or changes, the application's.
SPLINK_VENV := .venv-splink
splink-venv: $(SPLINK_VENV)/.installed

$(SPLINK_VENV)/.installed: Makefile
	test -x $(SPLINK_VENV)/bin/python || $(PYTHON) -m venv $(SPLINK_VENV)
	$(SPLINK_VENV)/bin/pip install --quiet 'splink>=5,<6' 'duckdb>=1.1'
	touch $@

clean:
	rm -rf $(VENV) $(SPLINK_VENV) node_modules $(STATIC_VENDOR) staticfiles teamaround.sqlite3*
