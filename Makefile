# The targets are the interface: `make start` and `make test` on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
PORT ?= 8080
export PORT

VENV := .venv
BIN := $(VENV)/bin
# Every pinned distribution is a wheel: no compiler, no libpq headers needed.
PIP_INSTALL := $(BIN)/python -m pip install -q --only-binary=:all: -c constraints.txt
PYTEST_ARGS ?=

XML_FILES = $(shell find src -name '*.zcml' -o -name '*.xml' -o -name '*.pt')

.PHONY: help
help: ## This list
	@grep -hE '^[a-z][a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 18

$(BIN)/python:
	$(PYTHON) scripts/preflight.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -c constraints.txt pip setuptools wheel

$(VENV)/.installed: $(BIN)/python setup.py constraints.txt
	@echo "Memasang / installing kemenkumham.ham (first time: a few minutes) ..."
	$(PIP_INSTALL) -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	@echo "Memasang alat uji / installing test tools ..."
	$(PIP_INSTALL) -e '.[test,lint,browser]'
	@touch $@

.PHONY: install
install: $(VENV)/.installed ## Create the virtualenv and install the add-on with the pinned versions

.PHONY: start
start: ## Install, create the site Plone (with demo content) if missing, serve it on PORT (8080)
	@$(PYTHON) scripts/preflight.py --port $(PORT)
	@$(MAKE) --no-print-directory install
	$(BIN)/ham-admin check --port $(PORT)
	$(BIN)/ham-admin write-config --port $(PORT)
	$(BIN)/ham-admin create-site --demo
	$(BIN)/ham-admin serve --port $(PORT)

.PHONY: test
test: $(VENV)/.installed-test ## Install what the tests need and run the whole suite
	$(BIN)/pytest $(PYTEST_ARGS)

.PHONY: lint
lint: $(VENV)/.installed-test ## ruff, zpretty and the translation check
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/ruff format --check src tests scripts bench
	$(BIN)/zpretty --check $(XML_FILES)
	$(BIN)/python scripts/check_translations.py

.PHONY: format
format: $(VENV)/.installed-test ## Format Python and XML in place
	$(BIN)/ruff check --fix src tests scripts bench
	$(BIN)/ruff format src tests scripts bench
	$(BIN)/zpretty -i $(XML_FILES)

.PHONY: i18n
i18n: $(VENV)/.installed-test ## Rebuild the .pot and sync the id and en catalogues
	$(BIN)/i18ndude rebuild-pot --pot src/kemenkumham/ham/locales/kemenkumham.ham.pot \
		--create kemenkumham.ham src/kemenkumham/ham
	$(BIN)/i18ndude sync --pot src/kemenkumham/ham/locales/kemenkumham.ham.pot \
		src/kemenkumham/ham/locales/*/LC_MESSAGES/kemenkumham.ham.po

.PHONY: constraints
constraints: ## Re-resolve and re-pin every distribution (constraints.txt, versions.cfg)
	$(PYTHON) scripts/update_constraints.py

.PHONY: buildout-check
buildout-check: $(VENV)/.installed-test ## Build an instance with buildout.cfg, start it, fetch the site
	$(BIN)/python scripts/buildout_check.py

.PHONY: clean
clean: ## Remove the virtualenv and generated configuration (keeps var/: the database)
	rm -rf $(VENV) etc bin parts develop-eggs .installed.cfg
