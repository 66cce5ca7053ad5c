# Two commands: `make run` (set up and serve with demo data) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install migrate seed lint format clean screenshots messages bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[dev]"
	rm -rf build *.egg-info
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py seed_demo

run: seed
	@echo ""
	@echo "  The portal: http://$(HOST):$(PORT)/   (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "  Demo logins, all with the password demo12345:"
	@echo "    director  Directorate admin (by her membership, not a superuser)"
	@echo "    reviewer  Directorate reviewer"
	@echo "    focal     focal point, Ministry of Labour and Social Affairs"
	@echo "    cso       CSO reporter, Alliance 1325"
	@echo "    partner   partner (read only), UN Women"
	@echo "  director and reviewer also give a code after the password (two-factor sign-in):"
	@echo "    $(BIN)/python manage.py otp_code director   (or reviewer) prints the current one"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest

# After changing a user-facing string: update locale/*/django.po, translate what is new, then
# compile the .mo files that are committed (a running portal needs no gettext tools).
messages: install
	$(BIN)/python manage.py makemessages -l ar -l ckb --no-location --no-obsolete \
		--ignore=.venv --ignore=tests --ignore=benchmarks
	$(BIN)/python manage.py compilemessages --ignore=.venv

# The whole stack under load (benchmarks/bench_stack.py): loads the volume once into its own
# database (wps_bench_s<SCALE>), starts gunicorn with the production settings, Redis and a
# Celery worker, drives it with locust on the loopback, prints a table for docs/performance.md.
SCALE ?= 1
DURATION ?= 30s
CLIENTS ?= 16
BENCH_SCALE ?= $(SCALE)
BENCH_DURATION ?= $(DURATION)
BENCH_CLIENTS ?= $(CLIENTS)
bench: install
	$(BIN)/python benchmarks/bench_stack.py --scale $(BENCH_SCALE) --duration $(BENCH_DURATION) \
		--clients $(BENCH_CLIENTS)

# Retake the screenshots of docs/ and README from the browser tests.
screenshots: install
	UPDATE_SCREENSHOTS=1 $(BIN)/python -m pytest tests/browser -m browser

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache build *.egg-info
