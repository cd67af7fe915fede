# Newswire: `make run` runs the daemon in the foreground on the built-in defaults,
# `make test` runs every test. Both install the Debian packages they need first.

PREFIX      ?= /usr/local
SWIFT       ?= swift
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the build and the tests need (C libraries, pkg-config, a real systemd for the
# systemd tests, util-linux for its sandbox, python3 for the scorer and differential tools).
DEB_PACKAGES := libcurl4-openssl-dev libsystemd-dev libsqlite3-dev libxml2-dev pkg-config \
                systemd util-linux python3 socat curl openssl
PKG_MODULES  := libcurl libsystemd sqlite3 libxml-2.0

# Release builds (`make release`, `make install`, the benchmarks): the Swift runtime linked in
# statically; every function in a section of its own, and lld laying out first the functions that
# a poll runs (Sources/newswired/symbol-order.txt, made by bench/symbol-order.sh), so that the code
# the kernel keeps mapped around them is mostly code that runs (about 6 MB instead of 12 during a
# first poll). A function missing from the file is only left unordered. They have a build folder of
# their own: an incremental build in .build does not recompile what it built without these flags.
RELEASE_DIR   := .build-release
RELEASE_FLAGS := --scratch-path $(RELEASE_DIR) -c release --static-swift-stdlib \
                 -Xswiftc -Xfrontend -Xswiftc -function-sections -Xswiftc -use-ld=lld \
                 -Xlinker --symbol-ordering-file=$(CURDIR)/Sources/newswired/symbol-order.txt \
                 -Xlinker --no-warn-symbol-ordering
RELEASE_PRODUCTS ?= newswired newswire

.PHONY: all deps build run test bench release install uninstall clean

all: build

## Installs the missing Debian packages (once; nothing is done when they are present).
deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi; \
	pkg-config --exists $(PKG_MODULES) || { echo "pkg-config cannot find: $(PKG_MODULES)"; exit 1; }

build: deps
	$(SWIFT) build

## Runs newswired in the foreground on the built-in defaults: the bundled outlets, state in
## $$XDG_STATE_HOME/newswire (~/.local/state/newswire), socket in $$XDG_RUNTIME_DIR/newswire. Ctrl-C stops it.
run: build
	$(SWIFT) run newswired

## Runs every test: unit, integration (real daemon, socket, SQLite, loopback HTTP) and systemd.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: deps
	./bench/run.sh

## Builds the release binaries named by RELEASE_PRODUCTS (in .build-release/release).
release: deps
	@for product in $(RELEASE_PRODUCTS); do $(SWIFT) build $(RELEASE_FLAGS) --product $$product || exit 1; done

## Installs binaries (statically linked Swift runtime), units, configuration and journal catalog.
install: release
	install -D -m 0755 $(RELEASE_DIR)/release/newswired $(DESTDIR)$(PREFIX)/bin/newswired
	install -D -m 0755 $(RELEASE_DIR)/release/newswire $(DESTDIR)$(PREFIX)/bin/newswire
	install -D -m 0644 systemd/newswired.service $(DESTDIR)/etc/systemd/system/newswired.service
	install -D -m 0644 systemd/newswired.socket $(DESTDIR)/etc/systemd/system/newswired.socket
	install -D -m 0644 systemd/newswired.catalog $(DESTDIR)/usr/lib/systemd/catalog/newswired.catalog
	@if [ -e $(DESTDIR)/etc/newswire/newswired.toml ]; then \
	  echo "keeping existing /etc/newswire/newswired.toml"; \
	else install -D -m 0644 etc/newswire/newswired.toml $(DESTDIR)/etc/newswire/newswired.toml; fi
	sed -i 's|^ExecStart=/usr/local/bin/|ExecStart=$(PREFIX)/bin/|' $(DESTDIR)/etc/systemd/system/newswired.service
	-[ -z "$(DESTDIR)" ] && journalctl --update-catalog 2>/dev/null; true
	-[ -z "$(DESTDIR)" ] && systemctl daemon-reload 2>/dev/null; true

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/newswired $(DESTDIR)$(PREFIX)/bin/newswire
	rm -f $(DESTDIR)/etc/systemd/system/newswired.service $(DESTDIR)/etc/systemd/system/newswired.socket
	rm -f $(DESTDIR)/usr/lib/systemd/catalog/newswired.catalog

clean:
	rm -rf .build $(RELEASE_DIR)
