# Études terrain — one task runner for setup, tests, benchmarks, translations and screenshots.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

DIST := build/dist
BUNDLE := $(DIST)/etudes-desktop
DIST_STAMP := $(VENV)/.dist-stamp

.PHONY: run test lint bench screenshots translations lupdate clean server dist dist-check

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: $(STAMP) translations
	$(BIN)/etudes-desktop --demo

test: $(STAMP) translations lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# ruff over the code and the tests; mypy, strict on core and storage (pyproject.toml says how)
lint: $(STAMP)
	$(BIN)/ruff check etudes_desktop tests benchmarks tools schemas
	$(BIN)/mypy etudes_desktop/core etudes_desktop/storage

bench: $(STAMP) translations
	ETUDES_BENCH_DATABASE_URL=$${ETUDES_BENCH_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m etudes_desktop.demo.screenshots docs/screenshots
	# the console's pages, in Debian's Chromium (says so and skips them when the chromium package is missing)
	$(BIN)/python -m etudes_desktop.demo.console_screens docs/screenshots
	# the respondents' web questionnaire, phone (390x844) and desktop (1366x768), scripts off
	$(BIN)/python -m etudes_desktop.demo.web_screens docs/screenshots

lupdate: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find etudes_desktop/gui -name '*.py') -ts resources/translations/etudes_en.ts
	# French is the source language; its file holds only the plural forms ("1 entretien", "2 entretiens").
	$(BIN)/pyside6-lupdate $$(find etudes_desktop/gui -name '*.py') -pluralonly -target-language fr_FR \
		-ts resources/translations/etudes_fr.ts
	$(BIN)/python tools/carry_translations.py resources/translations/etudes_en.ts resources/translations/etudes_fr.ts
	$(BIN)/pyside6-lupdate $$(find etudes_desktop/gui -name '*.py') -ts resources/translations/etudes_en.ts -no-obsolete
	$(BIN)/pyside6-lupdate $$(find etudes_desktop/gui -name '*.py') -pluralonly -target-language fr_FR -no-obsolete \
		-ts resources/translations/etudes_fr.ts

# PyInstaller only in the venv's `dist` extra: never a dependency of the application itself.
$(DIST_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,dist]'
	touch $(DIST_STAMP)

# The Linux bundle (one folder, installer/etudes.spec) and its .deb, both in build/dist/.
dist: $(DIST_STAMP) translations
	rm -rf $(BUNDLE) $(DIST)/*.deb
	$(BIN)/pyinstaller installer/etudes.spec --noconfirm --log-level WARN --distpath $(DIST) --workpath build/pyinstaller
	$(BIN)/python installer/linux/build_deb.py $(BUNDLE) $(DIST)

# The bundle's own self-test, the same from the files the .deb installs, then size and start-up time.
dist-check:
	@test -x $(BUNDLE)/etudes-desktop || { echo "dist-check: no bundle in $(BUNDLE): run make dist first" >&2; exit 1; }
	$(BUNDLE)/etudes-desktop --self-test
	rm -rf build/deb-check && dpkg-deb -x $(DIST)/etudes-terrain_*.deb build/deb-check
	build/deb-check/opt/etudes-terrain/etudes-desktop --self-test
	rm -rf build/deb-check
	$(BIN)/python installer/measure.py $(BUNDLE) $(DIST)/etudes-terrain_*.deb

server: $(STAMP)
	$(BIN)/etudes-server serve --host 127.0.0.1 --port 8765

clean:
	rm -rf $(VENV) resources/translations/*.qm build
