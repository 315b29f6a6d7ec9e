# guidenav: terminal navigator for multi-locale documentation guides.
# `make` builds build/guidenav; `make run` and `make check` first install
# missing Debian packages (scripts/install-deps).

PREFIX    ?= /usr/local
DESTDIR   ?=
BINDIR     = $(PREFIX)/bin
DATADIR    = $(PREFIX)/share/guidenav
MANDIR     = $(PREFIX)/share/man/man1
VERSION    = 0.1.0

CC        ?= cc
CFLAGS    ?= -O2 -g
PKGS       = yaml-0.1 libcmark-gfm libunibreak libutf8proc libgit2
GN_CFLAGS  = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes \
             -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Iinclude -Isrc \
             -DGN_VERSION='"$(VERSION)"' -DGN_DATADIR='"$(DATADIR)"' \
             $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
CORE_LIBS  = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
UI_LIBS    = $(shell pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw)
TEST_LIBS  = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

CORE_SRC   = $(filter-out src/main.c,$(wildcard src/*.c))
UI_SRC     = $(wildcard src/ui/*.c)
CORE_OBJ   = $(CORE_SRC:src/%.c=build/obj/%.o)
UI_OBJ     = $(UI_SRC:src/%.c=build/obj/%.o)
TEST_SRC   = $(wildcard tests/unit/test_*.c)
TEST_BIN   = $(TEST_SRC:tests/unit/%.c=build/tests/%)
HEADERS    = $(wildcard include/guidenav/*.h src/ui/*.h)

.PHONY: all deps run check test goldens bench install uninstall clean

all: build/guidenav

deps:
	@scripts/install-deps

build/obj/%.o: src/%.c $(HEADERS) Makefile
	@mkdir -p $(dir $@)
	$(CC) $(GN_CFLAGS) $(CFLAGS) -c -o $@ $<

build/libguidenav.a: $(CORE_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

build/guidenav: build/obj/main.o $(UI_OBJ) build/libguidenav.a
	$(CC) $(CFLAGS) -o $@ $^ $(CORE_LIBS) $(UI_LIBS)

build/tests/%: tests/unit/%.c tests/unit/unit.h build/libguidenav.a $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(GN_CFLAGS) $(CFLAGS) -o $@ $< build/libguidenav.a $(CORE_LIBS) $(TEST_LIBS)

# Open the bundled guide.
run: deps
	@$(MAKE) --no-print-directory all
	build/guidenav

# Every test: unit, end-to-end (tmux) and integration over ../shared.
check: deps
	@$(MAKE) --no-print-directory all $(TEST_BIN)
	@tests/run

test: check

# Speed figures on this machine (medians; not a test).
bench: all
	@bench/run

# Show each render golden that differs and ask before rewriting it.
goldens: all
	@scripts/update-goldens

install: build/guidenav
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DATADIR)
	install -m 755 build/guidenav $(DESTDIR)$(BINDIR)/guidenav
	install -m 644 man/guidenav.1 $(DESTDIR)$(MANDIR)/guidenav.1
	rm -rf $(DESTDIR)$(DATADIR)/guide
	cp -R guide $(DESTDIR)$(DATADIR)/guide

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/guidenav $(DESTDIR)$(MANDIR)/guidenav.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build
