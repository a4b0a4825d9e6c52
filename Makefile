# The two commands: `make run` and `make test`. Both install what they need first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export FLASK_APP := app

.PHONY: run test install browser catalogs bench audit clean model

run: install
	$(BIN)/flask db upgrade
	$(BIN)/flask demo setup
	@echo "Enlace is running on http://localhost:5000 (simulator: http://localhost:5000/simulator)"
	$(BIN)/flask run --host 127.0.0.1 --port 5000 --with-threads

test: install browser
	$(BIN)/python -m pytest $(PYTEST_ARGS)

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Debian's Chromium for the dashboard's browser tests (Playwright drives it; it never downloads one).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; }

# Extract every client-facing text into locales/messages.pot and merge it into each language.
# After adding or rewording a text: re-extract, then bring every language's catalog up to date
# (a new language gets its catalog created). Then translate and run `flask --app app catalogs check`.
catalogs: install
	$(BIN)/pybabel extract -F babel.cfg -k T:1c,2 --no-location --sort-by-file \
		--project Enlace --copyright-holder Enlace -o locales/messages.pot .
	for lang in $$($(BIN)/python -c 'from bot.i18n import TRANSLATED_LANGUAGES as L; print(*L)'); do \
		test -f locales/$$lang/LC_MESSAGES/messages.po || \
		$(BIN)/pybabel init -i locales/messages.pot -d locales -l $$lang; \
	done
	$(BIN)/pybabel update -i locales/messages.pot -d locales --no-fuzzy-matching --ignore-obsolete

# Train the understanding's model from data/understanding (training part) into
# bot/understanding/learned/understanding.skops; deterministic, under a minute here.
model: install
	$(BIN)/python -m bot.understanding.learned.training

bench: install
	$(BIN)/python -m bench

# Security checks CI runs: bandit over our code (medium severity and up fails), pip-audit over
# the installed dependencies (a known vulnerability fails; what it cannot look up is listed).
audit: install
	$(BIN)/python -m pip install --quiet -e '.[audit]'
	$(BIN)/python -m bandit -c pyproject.toml -r . --severity-level medium --quiet
	$(BIN)/python .ci/pip_audit.py

clean:
	rm -rf $(VENV) instance .pytest_cache
