# Ancrage — the two commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
# The rights engine (OpenFisca-France) has its own virtualenv: its pins (numpy, openfisca-core) are not the web app's.
ENGINE_VENV := .venv-engine
ENGINE_PORT ?= 8116

.PHONY: run setup secret test lint format chromium java gettext translations messages clean engine

$(BIN)/.deps: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $@

$(BIN)/.dev-deps: $(BIN)/.deps requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
	touch $@

$(ENGINE_VENV)/.deps: rights/engine/requirements.txt
	test -x $(ENGINE_VENV)/bin/python || $(PYTHON) -m venv $(ENGINE_VENV)
	$(ENGINE_VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r rights/engine/requirements.txt
	touch $@

engine: $(ENGINE_VENV)/.deps

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

## A random secret key for this machine, written once, outside git (production sets SECRET_KEY instead).
secret: var/secret_key
var/secret_key:
	mkdir -p var
	umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(64))" > $@

## Set everything up (idempotent): database, territory referential, demo data, static files.
setup: $(BIN)/.deps $(ENGINE_VENV)/.deps var/secret_key translations
	$(MANAGE) check_user_model
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) migrate --database progress --noinput -v0
	$(MANAGE) createcachetable
	$(MANAGE) load_territory
	$(MANAGE) load_demo
	$(MANAGE) load_roadmap
	$(MANAGE) observatory_demo
	$(MANAGE) load_demo_agenda
	$(MANAGE) load_demo_participation
	$(MANAGE) load_network_demo
	$(MANAGE) collectstatic --noinput -v0

## Set up, then serve on http://$(HOST):$(PORT)/ with the background worker and the rights engine beside it
## (Ctrl+C stops all three).
run: setup
	@echo "Ancrage : http://$(HOST):$(PORT)/"
	@# Links in e-mails lead to the address served here, unless ANCRAGE_SITE_URL says otherwise.
	export ANCRAGE_SITE_URL=$${ANCRAGE_SITE_URL:-http://$(HOST):$(PORT)}; \
	export ANCRAGE_RIGHTS_ENGINE_URL=$${ANCRAGE_RIGHTS_ENGINE_URL:-http://127.0.0.1:$(ENGINE_PORT)}; \
	trap 'kill 0' EXIT; $(ENGINE_VENV)/bin/python -m rights.engine.server --port $(ENGINE_PORT) & \
	$(MANAGE) worker & DEBUG=$${DEBUG:-false} $(MANAGE) runserver --nostatic $(HOST):$(PORT)

## The whole test suite, browser tests included.
test: $(BIN)/.dev-deps $(ENGINE_VENV)/.deps node_modules/.installed chromium java var/secret_key translations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

## A Debian package the tests need, installed when make runs as root: $(call debian,command,package,what for).
define debian
	@if ! command -v $(1) >/dev/null; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installation de $(2) (paquet Debian, $(3))…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
	  else \
	    echo "$(2) est nécessaire ($(3)) : lancez « sudo apt-get install $(2) » puis relancez."; \
	    exit 1; \
	  fi; \
	fi
endef

chromium:
	$(call debian,chromium,chromium,pour les tests navigateur)

## The message catalogues of locale/ (English, Arabic, Ukrainian, Dari), compiled for the site (GNU gettext).
I18N_IGNORE := --ignore=.venv --ignore=.venv-engine --ignore=node_modules --ignore=staticfiles --ignore=var
translations: $(BIN)/.deps gettext
	$(MANAGE) compilemessages $(I18N_IGNORE) -v0

## After changing French texts: gather them into the catalogues, for the translators (see README).
messages: $(BIN)/.deps gettext
	rm -f locale/fr/LC_MESSAGES/django.po  # made anew: no fuzzy match may give a French text another's words
	$(MANAGE) makemessages --no-obsolete -l fr -l en -l ar -l uk -l fa $(I18N_IGNORE) --ignore=tests --ignore=bench \
	  --ignore="directory/templates/directory/easy/*" -v0
	@# French is the source: its catalogue only says French plurals (0 and 1 are singular), each text as itself.
	msgen --force-po locale/fr/LC_MESSAGES/django.po -o locale/fr/LC_MESSAGES/django.po
	@# A new catalogue's header is marked fuzzy, and msgfmt would then ignore its plural rule.
	sed -i '1,/^msgid ""/{/^#, fuzzy$$/d}' locale/*/LC_MESSAGES/django.po

gettext:
	$(call debian,msgfmt,gettext,pour les traductions)

## Java runs the W3C's Nu Html Checker (npm vnu-jar) in the HTML validity test.
java:
	$(call debian,java,default-jre-headless,pour le validateur HTML)

lint: $(BIN)/.dev-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.dev-deps
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) $(ENGINE_VENV) node_modules staticfiles var
