# guidenav: terminal navigator for multi-locale documentation guides.
# `make` builds build/guidenav; `make run` and `make check` first install
# missing Debian packages (scripts/install-deps).
#
# `make check SANITIZE=1` builds everything with AddressSanitizer and
# UndefinedBehaviorSanitizer into build-san/ and runs every test there;
# `make fuzz [FUZZ_SECONDS=60] [FUZZ='toc meta']` builds the libFuzzer
# harnesses of tests/fuzz/ into build-fuzz/ and runs each (scripts/fuzz).

PREFIX    ?= /usr/local
DESTDIR   ?=
BINDIR     = $(PREFIX)/bin
DATADIR    = $(PREFIX)/share/guidenav
MANDIR     = $(PREFIX)/share/man/man1
# Shell completions, where each shell looks for them: bash-completion and
# fish under any prefix (XDG_DATA_DIRS); zsh in the folder of its fpath
# that Debian keeps for packages under /usr, in zsh's own site-functions
# elsewhere (Debian's zsh has /usr/local/share/zsh/site-functions too).
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  = $(PREFIX)/share/zsh/$(if $(filter /usr,$(PREFIX)),vendor-completions,site-functions)
FISHCOMPDIR = $(PREFIX)/share/fish/vendor_completions.d
VERSION    = 0.1.0

# SANITIZE=1: ASan + UBSan (LeakSanitizer included), in a build folder of
# its own so a plain build and a sanitizer build do not overwrite each other.
# clang when it is installed, else gcc; CC=... on the command line wins.
SANITIZE  ?=
ifeq ($(SANITIZE),1)
BUILD      = build-san
SAN_FLAGS  = -fsanitize=address,undefined -fno-omit-frame-pointer \
             -fno-sanitize-recover=undefined
CFLAGS    ?= -O1 -g
ifeq ($(origin CC),default)
CC         = $(shell command -v clang >/dev/null 2>&1 && echo clang || echo gcc)
endif
else
BUILD     ?= build
SAN_FLAGS  =
endif

CC        ?= cc
CFLAGS    ?= -O2 -g
# CPPFLAGS and LDFLAGS, when set (dpkg-buildflags' hardening in the Debian
# package's build), are passed on as well.
PKGS       = yaml-0.1 libcmark-gfm libunibreak libutf8proc
# libgit2 is loaded at run time, by its soname, when git history is first
# read (src/stale.c): linked in, its dependencies slow every start.
LIBGIT2_SO = $(shell objdump -p "$$(pkg-config --variable=libdir libgit2 2>/dev/null)/libgit2.so" \
               2>/dev/null | awk '/SONAME/ { print $$2 }')
GN_CFLAGS  = -std=c11 -pthread -Wall -Wextra -Wshadow -Wstrict-prototypes \
             -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Iinclude -Isrc \
             -DGN_VERSION='"$(VERSION)"' -DGN_DATADIR='"$(DATADIR)"' \
             -DGN_LIBGIT2='"$(or $(LIBGIT2_SO),libgit2.so)"' \
             $(shell pkg-config --cflags $(PKGS) libgit2 2>/dev/null)
# -pthread: a parse a stop may leave behind runs on a thread (interrupt.h).
CORE_LIBS  = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -pthread
UI_LIBS    = $(shell pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw)
# The program links these libraries statically, from the archives Debian's
# -dev packages ship: binding ncurses' and cmark-gfm's symbols at every
# start cost 0.3 ms, as long as lowdown takes to render a page (--dump runs
# once per page in scripts). `make LINK_STATIC=` links them dynamically.
LINK_STATIC ?= cmark-gfm-extensions cmark-gfm ncursesw tinfo yaml utf8proc
STATIC_LD  = -Wl,-Bstatic $(LINK_STATIC:%=-l%) -Wl,-Bdynamic
PROG_LIBS  = $(if $(strip $(LINK_STATIC)),$(STATIC_LD)) \
             $(filter-out $(LINK_STATIC:%=-l%),$(CORE_LIBS) $(UI_LIBS))
TEST_LIBS  = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

CORE_SRC   = $(filter-out src/main.c,$(wildcard src/*.c))
UI_SRC     = $(wildcard src/ui/*.c)
CORE_OBJ   = $(CORE_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/lbclass.o
UI_OBJ     = $(UI_SRC:src/%.c=$(BUILD)/obj/%.o)
TEST_SRC   = $(wildcard tests/unit/test_*.c)
TEST_BIN   = $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
HEADERS    = $(wildcard include/guidenav/*.h src/*.h src/ui/*.h)

# libFuzzer harnesses: clang only (Debian: clang, libclang-rt-14-dev).
FUZZ_BUILD   ?= build-fuzz
FUZZ_CC      ?= clang
FUZZ_CFLAGS  ?= -O1 -g
FUZZ_SAN      = -fsanitize=address,undefined -fno-sanitize-recover=undefined \
                -fno-omit-frame-pointer
FUZZ_SECONDS ?= 60
FUZZ         ?=
FUZZ_SRC      = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN      = $(FUZZ_SRC:tests/fuzz/%.c=$(FUZZ_BUILD)/%)
FUZZ_OBJ      = $(CORE_SRC:src/%.c=$(FUZZ_BUILD)/obj/%.o) $(FUZZ_BUILD)/obj/gen/lbclass.o

# Sanitizer runtime options for `make check SANITIZE=1`. Reports go to files
# (never to a tmux pane, never mixed into a test's expected output or hidden
# behind an expected exit status); any file there fails the run.
SAN_LOGS     = $(abspath $(BUILD))/sanitizer-logs
SAN_ENV      = GN_BUILD=$(BUILD) \
               ASAN_OPTIONS=detect_leaks=1:log_path=$(SAN_LOGS)/report \
               UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$(SAN_LOGS)/report \
               LSAN_OPTIONS=log_path=$(SAN_LOGS)/report

.PHONY: all deps run check test unit goldens bench memcheck install uninstall deb clean fuzz fuzz-build

all: $(BUILD)/guidenav

deps:
	@scripts/install-deps

$(BUILD)/obj/%.o: src/%.c $(HEADERS) Makefile
	@mkdir -p $(dir $@)
	$(CC) $(GN_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(SAN_FLAGS) -c -o $@ $<

# The line-break class of every code point (include/guidenav/lbclass.h),
# generated from the Unicode Character Database's LineBreak.txt (Debian's
# unicode-data) into the build folder.
LINEBREAK_TXT ?= /usr/share/unicode/LineBreak.txt

$(BUILD)/gen/lbclass.c: scripts/gen-lbclass include/guidenav/lbclass.h $(LINEBREAK_TXT)
	@mkdir -p $(dir $@)
	scripts/gen-lbclass include/guidenav/lbclass.h $(LINEBREAK_TXT) $@

$(BUILD)/obj/gen/lbclass.o: $(BUILD)/gen/lbclass.c include/guidenav/lbclass.h
	@mkdir -p $(dir $@)
	$(CC) $(GN_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(SAN_FLAGS) -c -o $@ $<

$(BUILD)/libguidenav.a: $(CORE_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/guidenav: $(BUILD)/obj/main.o $(UI_OBJ) $(BUILD)/libguidenav.a
	$(CC) $(CFLAGS) $(SAN_FLAGS) $(LDFLAGS) -o $@ $^ $(PROG_LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/unit.h $(BUILD)/libguidenav.a $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(GN_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(SAN_FLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libguidenav.a \
	    $(CORE_LIBS) $(TEST_LIBS)

# test_keys checks the UI's key table against the man page: it links that
# one file of src/ui/ (and curses) beside the core, which the other unit
# tests do not need.
$(BUILD)/tests/test_keys: tests/unit/test_keys.c tests/unit/unit.h $(BUILD)/obj/ui/actions.o \
                          $(BUILD)/libguidenav.a $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(GN_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(SAN_FLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/obj/ui/actions.o \
	    $(BUILD)/libguidenav.a $(CORE_LIBS) $(UI_LIBS) $(TEST_LIBS)

# Open the bundled guide.
run: deps
	@$(MAKE) --no-print-directory all
	$(BUILD)/guidenav

# Every test: unit, end-to-end (tmux) and integration over ../shared.
# With SANITIZE=1, the tests run the build-san binaries (GN_BUILD); each
# sanitizer report (a file in $(BUILD)/sanitizer-logs) is shown as a failure
# before the last line, which counts it.
ifeq ($(SANITIZE),1)
check: deps
	@$(MAKE) --no-print-directory all $(TEST_BIN)
	@rm -rf $(SAN_LOGS) && mkdir -p $(SAN_LOGS)
	@{ $(SAN_ENV) tests/run; echo $$? >$(BUILD)/check.rc; } | tee $(BUILD)/check.log | sed '$$d'; \
	rc=$$(cat $(BUILD)/check.rc); last=$$(tail -n 1 $(BUILD)/check.log); n=0; \
	for f in $$(find $(SAN_LOGS) -type f | sort); do \
	    n=$$((n + 1)); echo "not ok - sanitizer report $$f"; sed 's/^/#   /' "$$f"; \
	done; \
	if [ $$n -gt 0 ]; then \
	    rc=1; last=$$(echo "$$last" | awk -v n=$$n '{ $$3 = $$3 + n; print }'); \
	fi; \
	echo "$$last"; exit $$rc
else
check: deps
	@$(MAKE) --no-print-directory all $(TEST_BIN)
	@tests/run
endif

test: check

# The unit tests alone (cmocka, TAP): what the Debian package's build runs.
unit: $(TEST_BIN)
	@for t in $(TEST_BIN); do CMOCKA_MESSAGE_OUTPUT=TAP $$t || exit 1; done

# Speed figures on this machine (medians; not a test).
bench: all
	@bench/run
	@bench/stop

# valgrind's memcheck over sample dumps and a scripted session of the
# navigator in tmux (tests/memcheck/README.md); about a minute and a half.
memcheck: all
	@scripts/install-deps valgrind
	@tests/memcheck/run

# Show each render golden that differs and ask before rewriting it.
goldens: all
	@scripts/update-goldens

# libFuzzer: the core built with coverage instrumentation and ASan + UBSan,
# one binary per tests/fuzz/fuzz_NAME.c. `make fuzz` runs each harness (or
# those named in FUZZ) for FUZZ_SECONDS from its seeds (tests/fuzz/corpus/
# NAME, copied to $(FUZZ_BUILD)/corpus/NAME); crashes are kept in
# $(FUZZ_BUILD)/crashes/.
$(FUZZ_BUILD)/obj/%.o: src/%.c $(HEADERS) Makefile
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(GN_CFLAGS) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BUILD)/gen/lbclass.c: scripts/gen-lbclass include/guidenav/lbclass.h $(LINEBREAK_TXT)
	@mkdir -p $(dir $@)
	scripts/gen-lbclass include/guidenav/lbclass.h $(LINEBREAK_TXT) $@

$(FUZZ_BUILD)/obj/gen/lbclass.o: $(FUZZ_BUILD)/gen/lbclass.c include/guidenav/lbclass.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(GN_CFLAGS) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BUILD)/libguidenav.a: $(FUZZ_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(wildcard tests/fuzz/*.h) $(FUZZ_BUILD)/libguidenav.a $(HEADERS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(GN_CFLAGS) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $< \
	    $(FUZZ_BUILD)/libguidenav.a $(CORE_LIBS)

fuzz-build: $(FUZZ_BIN)

fuzz: deps
	@$(MAKE) --no-print-directory fuzz-build
	@FUZZ_BUILD=$(FUZZ_BUILD) scripts/fuzz -t $(FUZZ_SECONDS) $(FUZZ)

install: $(BUILD)/guidenav
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DATADIR) \
	    $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 755 $(BUILD)/guidenav $(DESTDIR)$(BINDIR)/guidenav
	install -m 644 man/guidenav.1 $(DESTDIR)$(MANDIR)/guidenav.1
	rm -rf $(DESTDIR)$(DATADIR)/guide
	cp -R guide $(DESTDIR)$(DATADIR)/guide
	install -m 644 completions/guidenav.bash $(DESTDIR)$(BASHCOMPDIR)/guidenav
	install -m 644 completions/_guidenav $(DESTDIR)$(ZSHCOMPDIR)/_guidenav
	install -m 644 completions/guidenav.fish $(DESTDIR)$(FISHCOMPDIR)/guidenav.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/guidenav $(DESTDIR)$(MANDIR)/guidenav.1
	rm -rf $(DESTDIR)$(DATADIR)
	rm -f $(DESTDIR)$(BASHCOMPDIR)/guidenav $(DESTDIR)$(ZSHCOMPDIR)/_guidenav \
	    $(DESTDIR)$(FISHCOMPDIR)/guidenav.fish

# The Debian package (debian/), built by dpkg-buildpackage from a copy of
# the tree into build/deb/ (scripts/build-deb), then checked by lintian.
deb: deps
	@scripts/build-deb

clean:
	rm -rf build build-san build-fuzz
