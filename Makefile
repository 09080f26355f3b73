# Ankunft – QGIS plugin for arrival quarters. Run `make help`.
SHELL := /bin/bash
PY    := /usr/bin/python3
VENV  := .venv
VPY   := $(VENV)/bin/python
PLUGIN := ankunft_plugin
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
QGIS_PROFILE ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
PLUGINS_DIR := $(QGIS_PROFILE)/python/plugins
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1
PY_SOURCES = $(shell find $(PLUGIN) -name '*.py' -not -path '*/__pycache__/*' | sort)
UI_SOURCES = $(shell find $(PLUGIN) resources -name '*.ui' 2>/dev/null | sort)
QM_FILES = $(patsubst %.ts,%.qm,$(wildcard i18n/*.ts))

.PHONY: help setup test test-unit test-qgis test-desktop test-blocked lint check demo bench package install uninstall translations screenshots clean

help:
	@echo "make setup         install QGIS 3.40 LTR, the Debian science stack and the test tools (idempotent)"
	@echo "make test          lint + unit tests (no QGIS) + QGIS tests (headless), again with rasterio/geopandas/pandas blocked"
	@echo "make check         the plugin repository's checks on the zip: validator rules, bandit, detect-secrets, install"
	@echo "make demo          run the whole analysis on the bundled sample (writes demo-output/)"
	@echo "make bench         speed ratios against the QGIS peers (writes benchmarks/results/)"
	@echo "make package       installable zip in dist/"
	@echo "make install       link the plugin into the QGIS profile ($(PLUGINS_DIR))"
	@echo "make translations  update i18n/*.ts from the sources (pylupdate5)"
	@echo "make test-desktop  only the real-desktop test (QGIS under Xvfb)"
	@echo "make screenshots   German screenshots of the panel into docs/screenshots/"

setup:
	@bash scripts/setup.sh

lint: setup
	$(VPY) -m ruff check $(PLUGIN) tests benchmarks scripts

test-unit: setup
	$(VPY) -m pytest tests/unit -p no:qgis -q

test-qgis: setup $(QM_FILES)
	$(VPY) -m pytest tests/qgis -q

test-desktop: setup $(QM_FILES)
	$(VPY) -m pytest tests/qgis/test_desktop.py -q

test: setup $(QM_FILES)
	$(VPY) -m ruff check $(PLUGIN) tests benchmarks scripts
	$(VPY) -m pytest tests/unit -p no:qgis -q
	$(VPY) -m pytest tests/qgis -q
	ANKUNFT_BLOCK_IMPORTS=rasterio,geopandas,pandas $(VPY) -m pytest tests/qgis -q

# A second QGIS run as on a stock QGIS: rasterio, geopandas and pandas made unimportable (tests/blockimports).
test-blocked: setup $(QM_FILES)
	ANKUNFT_BLOCK_IMPORTS=rasterio,geopandas,pandas $(VPY) -m pytest tests/qgis -q

# The plugin repository's checks (plugins.qgis.org) on the zip, and the zip installed into a clean profile.
check: setup
	rm -rf build/$(PLUGIN)
	$(MAKE) -s package
	$(VPY) scripts/check_package.py dist/$(PLUGIN)-$(VERSION).zip
	$(VPY) -m pytest tests/qgis/test_install_package.py -q -k "zip_installs or scipy_missing"

demo: setup install
	$(VPY) scripts/demo.py

bench: setup
	$(VPY) benchmarks/run.py

screenshots: setup $(QM_FILES)
	$(VPY) tests/qgis/desktop.py --screenshots docs/screenshots

translations:
	pylupdate5 -noobsolete $(PY_SOURCES) $(UI_SOURCES) -ts i18n/ankunft_plugin_de.ts

i18n/%.qm: i18n/%.ts
	lrelease -silent $< -qm $@

# Staging folder: the plugin as QGIS and the plugin repository want it (metadata.txt, LICENSE,
# resources and compiled translations inside the plugin folder).
build/$(PLUGIN): $(PY_SOURCES) $(shell find resources -type f -not -path '*/__pycache__/*' 2>/dev/null) metadata.txt LICENSE CHANGELOG.md $(QM_FILES)
	rm -rf build/$(PLUGIN) && mkdir -p build/$(PLUGIN)/i18n
	tar -C $(PLUGIN) --exclude='__pycache__' --exclude='*.pyc' -cf - . | tar -C build/$(PLUGIN) -xf -
	cp metadata.txt LICENSE CHANGELOG.md build/$(PLUGIN)/
	tar --exclude='__pycache__' -cf - resources | tar -C build/$(PLUGIN) -xf -
	cp i18n/*.qm build/$(PLUGIN)/i18n/ 2>/dev/null || true
	find build/$(PLUGIN) \( -name '__pycache__' -o -name '*.pyc' \) -prune -exec rm -rf {} +

package: build/$(PLUGIN)
	@mkdir -p dist && rm -f dist/$(PLUGIN)-$(VERSION).zip
	cd build && zip -qr9 ../dist/$(PLUGIN)-$(VERSION).zip $(PLUGIN)
	@if unzip -l dist/$(PLUGIN)-$(VERSION).zip | grep -E '__pycache__|\.pyc$$' ; then echo "refusing: bytecode in zip"; rm -f dist/$(PLUGIN)-$(VERSION).zip; exit 1; fi
	@echo "dist/$(PLUGIN)-$(VERSION).zip"

# install: a folder of links, so edits to the sources take effect at the next QGIS start.
install: $(QM_FILES)
	@mkdir -p $(PLUGINS_DIR)
	rm -rf $(PLUGINS_DIR)/$(PLUGIN) && mkdir -p $(PLUGINS_DIR)/$(PLUGIN)
	for f in $(CURDIR)/$(PLUGIN)/*; do case "$$f" in *__pycache__) ;; *) ln -s "$$f" $(PLUGINS_DIR)/$(PLUGIN)/ ;; esac; done
	ln -s $(CURDIR)/metadata.txt $(CURDIR)/LICENSE $(CURDIR)/resources $(CURDIR)/i18n $(PLUGINS_DIR)/$(PLUGIN)/
	@echo "installed (linked) into $(PLUGINS_DIR)/$(PLUGIN); enable with: qgis_process plugins enable $(PLUGIN)"

uninstall:
	rm -rf $(PLUGINS_DIR)/$(PLUGIN)

clean:
	rm -rf build dist demo-output .pytest_cache i18n/*.qm
	find . -name __pycache__ -prune -exec rm -rf {} +
