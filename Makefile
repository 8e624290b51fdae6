# River Forest Health and Wellness site. `make help` lists the targets.
# Each target creates the virtual environment on first use and installs the locked dependencies.

VENV    := .venv
PYTHON  := $(VENV)/bin/python
STAMP   := $(VENV)/.installed-from-lock
NODE_STAMP := node_modules/.installed-from-lock
# Quiet the MkDocs 2 / Material maintenance banners; they are known and planned for.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.DEFAULT_GOAL := help
.PHONY: help serve build test bench lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

serve: $(STAMP) ## Serve the site at http://127.0.0.1:8000 with live reload
	$(PYTHON) -m mkdocs serve --dev-addr 127.0.0.1:8000

# Atomic: build into a fresh folder and swap it in only on success, so a failed build never
# leaves a half-written site/ to deploy.
build: $(STAMP) ## Build the production site into site/ (strict: any warning fails)
	rm -rf .site-next .site-old
	$(PYTHON) -m mkdocs build --strict --site-dir .site-next || { rm -rf .site-next; exit 1; }
	if [ -d site ]; then mv site .site-old; fi
	mv .site-next site
	rm -rf .site-old

# Lint, layout and types; settings in pyproject.toml. All three run, so one pass lists every
# finding. `.venv/bin/ruff format .` and `.venv/bin/ruff check --fix .` repair most of them.
.PHONY: lint
lint: $(STAMP) ## Lint, format check and type check (ruff, mypy: strict on engine/, hooks/)
	@status=0; \
	echo "ruff check ."; $(VENV)/bin/ruff check . || status=1; \
	echo "ruff format --check ."; $(VENV)/bin/ruff format --check --output-format concise . || status=1; \
	echo "mypy (files: pyproject.toml)"; $(VENV)/bin/mypy || status=1; \
	exit $$status

test: $(STAMP) $(NODE_STAMP) ## Run every check (unit, build, content and browser gates)
	$(PYTHON) -m pytest

# The edit-test loop: no browser, Lighthouse or nginx, so no Node tools or system packages.
.PHONY: test-fast
# Two pytest-xdist workers: the checks are CPU-bound builds, and the machine has two cores.
test-fast: $(STAMP) ## Unit and build checks only, for the edit-test loop (about 1.5 minutes idle)
	$(PYTHON) -m pytest -n 2 -m "not browser and not lighthouse and not hosting"

# Flaky tests turn CI red: the browser, Lighthouse and hosting tiers RUNS times in a row, a line
# per run (logs in .stability/). `make stability RUNS=3` for a shorter look.
RUNS ?= 10
.PHONY: stability
stability: $(STAMP) $(NODE_STAMP) ## Run the browser, Lighthouse and hosting tests RUNS times (10), to show they are stable
	@mkdir -p .stability; failed=0; \
	for i in $$(seq 1 $(RUNS)); do \
	  $(PYTHON) -m pytest -q -p no:cacheprovider -m "browser or lighthouse or hosting" \
	    > .stability/run-$$i.log 2>&1 || failed=$$((failed + 1)); \
	  echo "run $$i: $$(tail -1 .stability/run-$$i.log)"; \
	done; echo "$$failed of $(RUNS) runs had a failure"; [ $$failed -eq 0 ]

# `make bench BENCH=--plugins` also times stock without each plugin, to price each one.
bench: $(STAMP) ## Time the build: real site, +100 and +400 articles, ours against plain Material
	$(PYTHON) tests/tools/bench.py $(BENCH)

lock: ## Re-pin requirements.txt from requirements.in (needs the network to PyPI)
	python3 -m venv .venv-lock && .venv-lock/bin/pip install --quiet pip-tools
	.venv-lock/bin/pip-compile --quiet --strip-extras --allow-unsafe --generate-hashes \
		--no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	rm -rf .venv-lock

clean: ## Remove the built site and caches (keeps the virtual environment)
	rm -rf site .site-next .site-old .pytest_cache .cache

$(STAMP): requirements.txt
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --require-hashes --no-deps -r requirements.txt
	touch $@

$(NODE_STAMP): package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed for the browser checks: install Node.js and npm"; exit 1; }
	npm ci --no-audit --no-fund
	touch $@
