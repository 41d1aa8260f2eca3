# polyedit developer loop: make help | install | test | lint | bench
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIPX   ?= pipx
LOCK   := requirements.lock

.DEFAULT_GOAL := help
.PHONY: help install lock user-install editors vsix test test-fast lint format bench bench-index bench-first-edit bench-embedders bench-retrieval bench-apply bench-pipeline bench-security clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(BIN)/python  ## create .venv with exactly the locked packages (CPU torch, dev tools) and polyedit, editable
	$(BIN)/pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/pip check
	@echo "installed: export ANTHROPIC_API_KEY=sk-ant-..., then run: $(BIN)/polyedit edit . \"<what to change>\""
	@echo "           ($(BIN)/polyedit doctor checks the set-up; index, search and apply need no key)"

lock: $(BIN)/python  ## refresh requirements.lock to the newest versions pyproject.toml allows (then: make install test)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/pip-compile --quiet --upgrade --generate-hashes --allow-unsafe --extra dev --strip-extras \
		--no-emit-index-url --no-emit-find-links -c .ci/constraints.txt -o $(LOCK) pyproject.toml

user-install:  ## put a `polyedit` command on PATH with pipx, at exactly the lock's versions
	@mkdir -p build
	sed -e '/--hash=/d' -e 's/ \\$$//' $(LOCK) > build/constraints.txt
	$(PIPX) install --force --pip-args="--constraint $(CURDIR)/build/constraints.txt" .

editors:  ## install what the editor tests need: nvim, chromium, code-server, the extension's npm packages
	.ci/setup-editors

vsix: editors  ## build the VS Code extension: vscode-client/dist/polyedit.vsix
	cd vscode-client && npm run --silent vsix

test: editors  ## run every test: the extension's unit tests, then unit, LSP and real-editor end-to-end tests
	cd vscode-client && npm test --silent
	$(BIN)/pytest -q

test-fast:  ## unit tests only
	$(BIN)/pytest -q tests/unit

lint: editors  ## the lock matches pyproject.toml; ruff check, ruff format --check, mypy (strict); eslint and tsc
	$(BIN)/python .ci/check-lock pyproject.toml $(LOCK)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	cd vscode-client && npm run --silent lint && npm run --silent typecheck

format:  ## apply ruff's formatting and safe fixes
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: bench-index bench-first-edit bench-embedders bench-retrieval bench-apply bench-pipeline bench-security  ## run all benchmarks (fetch public code from PyPI, npm, Debian at bench time)

bench-index:  ## index benchmark on a released sdist (see bench/README.md)
	$(BIN)/python bench/index.py --json > bench/results/index.json
	@cat bench/results/index.json

bench-first-edit:  ## seconds from polyedit edit to the plan request on a fresh ~1,000-file repository
	$(BIN)/python bench/first_edit.py --json > bench/results/first_edit.json
	@cat bench/results/first_edit.json

bench-embedders:  ## embedding runtimes (torch, int8 ONNX, a distilled static model): throughput and agreement
	$(BIN)/python bench/embedders.py --json > bench/results/embedders.json
	@cat bench/results/embedders.json

bench-retrieval:  ## retrieval benchmark: docstring set and change set (dev and held-out), one run
	$(BIN)/python bench/build_retrieval_cases.py --out bench/data/retrieval_cases.jsonl
	$(BIN)/python bench/build_change_cases.py --out bench/data/change_cases.jsonl
	$(BIN)/python bench/retrieval.py --cases bench/data/retrieval_cases.jsonl --change-cases bench/data/change_cases.jsonl \
		--cache-dir bench/data/embed-cache --json > bench/results/retrieval.json
	@cat bench/results/retrieval.json

APPLY_SETS := apply_cases:apply apply_holdout:apply_holdout apply_final:apply_final \
	apply_cases_w2:apply_w2 apply_holdout_w2:apply_holdout_w2 apply_final_w2:apply_final_w2 \
	apply_dev2:apply_dev2 apply_dev2_w2:apply_dev2_w2 apply_final2:apply_final2 apply_final2_w2:apply_final2_w2 \
	apply_final3:apply_final3 apply_final3_w2:apply_final3_w2 apply_final4:apply_final4 apply_final4_w2:apply_final4_w2 \
	apply_final5:apply_final5 apply_final5_w2:apply_final5_w2 apply_final6:apply_final6 apply_final6_w2:apply_final6_w2 \
	apply_final7:apply_final7 apply_final7_w2:apply_final7_w2 apply_final8:apply_final8 apply_final8_w2:apply_final8_w2 \
	apply_final9:apply_final9 apply_final9_w2:apply_final9_w2 apply_final10:apply_final10 apply_final10_w2:apply_final10_w2 \
	apply_final11:apply_final11 apply_final11_w2:apply_final11_w2 apply_final12:apply_final12 apply_final12_w2:apply_final12_w2 \
	apply_final13:apply_final13 apply_final13_w2:apply_final13_w2 apply_final14:apply_final14 apply_final14_w2:apply_final14_w2 \
	apply_shapes_dev:apply_shapes_dev apply_shapes_holdout:apply_shapes_holdout apply_shapes_holdout2:apply_shapes_holdout2 \
	apply_shapes_holdout3:apply_shapes_holdout3 apply_shapes_holdout4:apply_shapes_holdout4 \
	apply_shapes_holdout5:apply_shapes_holdout5 apply_shapes_holdout6:apply_shapes_holdout6 \
	apply_shapes_holdout7:apply_shapes_holdout7 apply_shapes_holdout8:apply_shapes_holdout8 \
	apply_shapes_holdout9:apply_shapes_holdout9 apply_shapes_holdout10:apply_shapes_holdout10 \
	apply_shapes_holdout11:apply_shapes_holdout11 apply_shapes_holdout12:apply_shapes_holdout12 \
	apply_shapes_holdout13:apply_shapes_holdout13
APPLY_REF ?=

bench-apply:  ## apply-model benchmark: 17 diff-based sets x 2 sketch writers, the shape set's 14 splits (APPLY_REF=main also runs the merge at that ref)
	for set in main dev2 holdout final final2 final3 final4 final5 final6 final7 final8 final9 final10 final11 final12 final13 final14; do for writer in 1 2; do \
		$(BIN)/python bench/build_apply_cases.py --set $$set --writer $$writer || exit 1; done; done
	$(BIN)/python bench/build_shape_cases.py
	for pair in $(APPLY_SETS); do \
		$(BIN)/python bench/apply.py --cases bench/data/$${pair%%:*}.jsonl --json \
			$(if $(APPLY_REF),--compare-ref $(APPLY_REF)) > bench/results/$${pair##*:}.json || exit 1; done
	for pair in $(APPLY_SETS); do printf '%-22s ' $${pair%%:*}; \
		$(BIN)/python bench/apply.py --cases bench/data/$${pair%%:*}.jsonl | sed -n 1p; done

bench-pipeline:  ## pipeline overhead, distilled vs full-conversation tokens, cascade cost (fake model server)
	$(BIN)/python bench/pipeline.py --json > bench/results/pipeline.json
	@cat bench/results/pipeline.json

bench-security:  ## hostile paths refused, secrets caught, encodings preserved, secret-scanning cost
	$(BIN)/python bench/security.py --json > bench/results/security.json
	@cat bench/results/security.json

clean:  ## remove build and test artefacts (keeps .venv)
	rm -rf dist *.egg-info .pytest_cache .mypy_cache .ruff_cache vscode-client/dist vscode-client/out-test
