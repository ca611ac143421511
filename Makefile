# The user-facing commands. Each one installs what is missing first.
.PHONY: deps build build-asan test test-unit test-integration test-e2e test-plugin-example test-fuzz fuzz test-asan lint-api run bench bench-socket clean

deps:
	@scripts/install-deps

build: deps
	@cmake --preset default >/dev/null
	@cmake --build --preset default -j 2

build-asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j 2

test: build
	@$(MAKE) --no-print-directory test-unit lint-api test-fuzz test-integration test-plugin-example test-e2e

test-unit:
	@ctest --preset default -j 2

test-integration:
	@tests/integration/run

# The widget and the portal in headless Chromium against the real binary; screenshots in build/e2e-artifacts/.
test-e2e:
	@tests/e2e/run

# The SDK as shipped: install it, build plugins/example out of tree against it, load that into a hub.
test-plugin-example:
	@tests/plugin-example/run

# The libFuzzer targets (WebSocket frames, Engine.IO/Socket.IO packets, JSON bodies, hub.yaml, widget files):
# briefly here, longer with `make fuzz` (tests/fuzz/README.md).
test-fuzz:
	@tests/fuzz/run 10

FUZZ_SECONDS ?= 300
fuzz: deps
	@tests/fuzz/run $(FUZZ_SECONDS)

lint-api:
	@npx --no-install redocly lint --config api/redocly.yaml api/openapi.yaml --format=summary

# The whole suite against the sanitizer build.
test-asan: export LSAN_OPTIONS = suppressions=$(CURDIR)/tests/sanitizers/lsan.supp:print_suppressions=0
test-asan: build-asan
	@ctest --preset asan -j 2
	@SWITCHBOARD_BIN=build-asan/bin/switchboard tests/integration/run

run: build
	@scripts/run-demo

# Message throughput over HTTP, then the real-time endpoint, then signed-webhook deliveries (each runs even if one
# before it fails); bench-socket runs only the real-time one.
bench: build
	@status=0; bench/run || status=1; bench/socket-run || status=1; bench/webhook-run || status=1; \
		bench/agent-message-run || status=1; exit $$status

bench-socket: build
	@bench/socket-run

clean:
	rm -rf build build-asan build-fuzz
