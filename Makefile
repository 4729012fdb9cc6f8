# threadlab — build, install, test and benchmark.
#
#   make lab     open the lessons in the classic Jupyter Notebook
#                (make lab UI=lab: in JupyterLab 4, the page test-jupyterlab uses)
#   make test    every test (installs missing Debian test packages first)
#   make bench   benchmarks, threadlab beside Debian's ipykernel / python3
#   make fuzz    long randomized runs (the Python differential test)
#
# Debian's Python is used on purpose: a `python3` earlier on PATH (pyenv,
# venv) usually has no Jupyter.

export PATH := /usr/local/go/bin:$(PATH)
# Quiet ipykernel's debugger warning about frozen modules (bench, harness checks).
export PYDEVD_DISABLE_FILE_VALIDATION := 1
# No __pycache__ in the source tree.
export PYTHONDONTWRITEBYTECODE := 1

GO      ?= go
PY      := /usr/bin/python3
JUPYTER := /usr/bin/jupyter
BIN     := build/threadlab
ENSURE  := kernel/clienttest/scripts/ensure-debs.sh
# Kernelspec the Python client tests talk to; `make test-client KERNEL=python3`
# runs the same harness against Debian's ipykernel.
KERNEL  ?= threadlab
UNITTEST = THREADLAB_KERNEL=$(KERNEL) $(PY) -m unittest -v
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

# Debian packages for the test command (kernel clients, conformance, console,
# notebook execution, the Notebook in headless Chromium, a CJK font for the
# Chinese lessons' screenshots) and for `make lab`.
DEBS_TEST := jupyter-client python3-jupyter-client python3-ipykernel \
             python3-jupyter-kernel-test jupyter-console python3-jupyter-console \
             jupyter-nbconvert python3-nbclient jupyter-notebook \
             chromium chromium-driver python3-selenium python3-psutil python3-zmq tmux \
             fonts-wqy-microhei
DEBS_LAB  := jupyter-client jupyter-notebook
# JupyterLab 4 as a page bundled from the registry's @jupyterlab packages
# (notebooks/jupyterlab/), served by Debian's jupyter_server.
DEBS_JUPYTERLAB := python3-jupyter-server jupyter-client chromium chromium-driver python3-selenium \
                   fonts-wqy-microhei
LAB_SRC  := notebooks/jupyterlab
LAB_NPM  := build/jupyterlab/npm
LAB_PAGE := build/jupyterlab/static/threadlab-lab
# make lab UI=lab opens JupyterLab 4 instead of the classic Notebook.
UI ?= notebook

# Hook for more test steps (targets) added later, e.g. EXTRA_TESTS=test-soak.
EXTRA_TESTS ?=

.NOTPARALLEL:
.PHONY: all build install deps-test deps-lab lab test test-go test-install \
        test-client test-conformance test-console test-reliability test-notebooks test-browser \
        deps-jupyterlab jupyterlab-page test-jupyterlab badge \
        deps-bench bench bench-go bench-explore bench-python bench-kernel bench-heartbeat fuzz fuzz-python html clean

all: build

# Static and stripped: the kernel binds its sockets a few milliseconds sooner.
build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags='-s -w' -o $(BIN) .

# Writes the kernelspec; `jupyter kernelspec list` then shows threadlab.
install: build
	$(BIN) install --user

deps-test:
	@$(ENSURE) $(DEBS_TEST)

deps-lab:
	@$(ENSURE) $(DEBS_LAB)

ifeq ($(UI),lab)
lab: jupyterlab-page install
	$(PY) -m jupyter_server --ServerApp.root_dir=notebooks $(ROOT_FLAG) \
	  --ServerApp.extra_static_paths=$(CURDIR)/build/jupyterlab/static \
	  --ServerApp.default_url=/static/threadlab-lab/index.html
else ifeq ($(UI),notebook)
lab: deps-lab install
	$(JUPYTER) notebook --notebook-dir=notebooks $(ROOT_FLAG)
else
lab:
	@echo "make lab: UI=$(UI) is neither notebook (the default) nor lab"; exit 2
endif

# Node and npm: Debian's, unless some other nodejs (with its own npm) is installed.
deps-jupyterlab:
	@$(ENSURE) $(DEBS_JUPYTERLAB)
	@command -v npm >/dev/null || $(ENSURE) nodejs npm

# npm ci runs again only when the lockfile changes; later runs reuse build/.
$(LAB_NPM)/node_modules/.package-lock.json: $(LAB_SRC)/package.json $(LAB_SRC)/package-lock.json
	@echo "jupyterlab: npm ci of the @jupyterlab packages into $(LAB_NPM) (first run only)"
	rm -rf $(LAB_NPM) && mkdir -p $(LAB_NPM)
	cp $(LAB_SRC)/package.json $(LAB_SRC)/package-lock.json $(LAB_NPM)/
	cd $(LAB_NPM) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(LAB_PAGE)/index.html: $(LAB_NPM)/node_modules/.package-lock.json $(LAB_SRC)/build.mjs $(wildcard $(LAB_SRC)/src/*)
	@echo "jupyterlab: bundling the page into $(LAB_PAGE) with esbuild"
	node $(LAB_SRC)/build.mjs $(LAB_NPM) $(LAB_PAGE)

jupyterlab-page: deps-jupyterlab $(LAB_PAGE)/index.html

# ---- tests ------------------------------------------------------------------

test: deps-test test-go test-install test-client test-conformance test-console \
      test-reliability test-notebooks test-jupyterlab $(EXTRA_TESTS)
	@echo "make test: all passed"

test-go:
	@bad=$$(gofmt -l $$(find . -name '*.go' -not -path './build/*')); \
	  if [ -n "$$bad" ]; then echo "gofmt needed:"; echo "$$bad"; exit 1; fi
	$(GO) vet ./...
	$(GO) test -p 1 ./...
	$(GO) test -race ./runtime/... ./lessons/...

test-install: install
	$(JUPYTER) kernelspec list | grep -w threadlab

# Integration tests through jupyter_client against the installed kernelspec.
test-client:
	cd kernel/clienttest && $(UNITTEST) test_protocol test_programs

# jupyter_kernel_test.KernelTests; fails when a feature test is skipped.
test-conformance:
	cd kernel/clienttest && $(UNITTEST) test_conformance

# `jupyter console --kernel threadlab` driven under tmux.
test-console:
	cd kernel/clienttest && $(UNITTEST) test_console

# Soak (3 clients, 10000 executes), faults, bad input on every socket, hostile cells.
test-reliability: install
	cd kernel/clienttest && $(UNITTEST) test_reliability

# Lesson notebook tests: every lesson run through nbconvert, the Notebook in
# headless Chromium, and the Dockerfile's Binder invariants. (JupyterLab's
# test is test-jupyterlab, which builds its page first.)
NOTEBOOK_TESTS := $(filter-out notebooks/tests/test_jupyterlab%,$(wildcard notebooks/tests/test_*.py))
test-notebooks:
	$(PY) -m unittest -v $(NOTEBOOK_TESTS)

# Every lesson of both languages in the classic Notebook in headless Chromium
# (part of test-notebooks; this target runs it alone); screenshots in build/screenshots/.
test-browser: deps-test install
	$(PY) -m unittest -v notebooks/tests/test_browser.py notebooks/tests/test_stepper.py

# Every lesson in JupyterLab 4 (the page above) in headless Chromium;
# screenshots in build/screenshots/jupyterlab/.
test-jupyterlab: jupyterlab-page install
	$(PY) -m unittest -v notebooks/tests/test_jupyterlab.py notebooks/tests/test_jupyterlab_stepper.py

# ---- benchmarks -------------------------------------------------------------

# ipykernel's kernelspec `python3` must run Debian's /usr/bin/python3.
deps-bench: deps-test install
	@$(PY) -c 'import sys; from jupyter_client.kernelspec import KernelSpecManager as K; \
	  sys.exit(K().get_kernel_spec("python3").argv[0] != "/usr/bin/python3")' 2>/dev/null \
	  || $(PY) -m ipykernel install --user

bench: deps-bench bench-go bench-explore bench-python bench-kernel bench-heartbeat
	$(PY) kernel/clienttest/bench_summary.py build/bench

# Timing comparisons run pinned to one CPU, threadlab and the python3 it
# starts alike: on a shared machine the cores can differ in speed by half,
# and each side landing on a different one would decide the ratio. The CPU
# benchmark needs every core and runs unpinned.
ONE_CPU = $(shell $(PY) -c 'import os; print(min(os.sched_getaffinity(0)))')
bench-go:
	mkdir -p build/bench && rm -f build/bench/runtime.json
	THREADLAB_BENCH_DIR=$(CURDIR)/build/bench taskset -c $(ONE_CPU) \
	  $(GO) test -run='^$$' -bench='Race|Tracing|Floor|Explore|Handoff' ./lessons/
	THREADLAB_BENCH_DIR=$(CURDIR)/build/bench $(GO) test -run='^$$' -bench='^BenchmarkCPU$$' ./lessons/
	taskset -c $(ONE_CPU) $(GO) test -run='^$$' -bench='RaceVsCPython' -benchtime=5x ./lessons/pyhost/

# The exploration literature's benchmarks, each beside its published trace
# count (runtime/explore_bench_test.go); pinned like bench-go.
bench-explore:
	mkdir -p build/bench && rm -f build/bench/explore.json
	THREADLAB_BENCH_DIR=$(CURDIR)/build/bench taskset -c $(ONE_CPU) \
	  $(GO) test -run='^$$' -bench='^BenchmarkExploreLiterature$$' -benchtime=1x ./runtime/

# threadlab's Python beside /usr/bin/python3: the testdata/bench programs,
# step hook and tracing overhead, memory and start-up (lessons/python/bench_test.go).
bench-python: build
	mkdir -p build/bench && rm -f build/bench/python.json
	THREADLAB_BENCH_DIR=$(CURDIR)/build/bench THREADLAB_BIN=$(CURDIR)/$(BIN) taskset -c $(ONE_CPU) \
	  $(GO) test -run='^$$' -bench=. -benchtime=1x -timeout=60m ./lessons/python/

bench-kernel:
	$(PY) kernel/clienttest/bench_kernel.py --out build/bench/kernel.json

bench-heartbeat:
	$(PY) kernel/clienttest/bench_heartbeat.py --out build/bench/heartbeat.json

# ---- fuzzing ----------------------------------------------------------------

# The differential test at length: DIFF_N random programs on threadlab and
# CPython (make test runs 20000), e.g. make fuzz-python DIFF_N=2000000 DIFF_SEED=9.
DIFF_N    ?= 500000
DIFF_SEED ?= 1
fuzz: fuzz-python

fuzz-python:
	THREADLAB_DIFF_N=$(DIFF_N) THREADLAB_DIFF_SEED=$(DIFF_SEED) \
	  $(GO) test -run='^TestDiffCPython$$' -v -timeout=0 ./lessons/python/

# ---- other ------------------------------------------------------------------

# Lessons exported to HTML with their outputs (owned by the notebooks work).
html: deps-test install
	$(JUPYTER) nbconvert --execute --to html --ExecutePreprocessor.timeout=300 \
	  --output-dir build/html notebooks/*.ipynb
	$(JUPYTER) nbconvert --execute --to html --ExecutePreprocessor.timeout=300 \
	  --output-dir build/html/zh notebooks/zh/*.ipynb

# The Launch-on-Binder badge in README.md and the index lesson, for the
# clone's GitHub remote origin or BINDER_REPO=owner/name.
badge:
	$(PY) notebooks/binder_badge.py $(if $(BINDER_REPO),$(BINDER_REPO),--from-git)

clean:
	rm -rf build
	find kernel/clienttest -name __pycache__ -type d -prune -exec rm -rf {} +
