#!/bin/sh
# Copies the retrieval-quality corpus: 42 API documents of Node.js (MIT licence; Debian package
# nodejs-doc / nodejs, /usr/share/doc/nodejs/api/) into docs/. The copies in docs/ are what the
# question set was written against; run this only to refresh them from a newer Node.js.
set -eu
src=${1:-/usr/share/doc/nodejs/api}
here=$(dirname "$0")
for name in addons async_context async_hooks cluster console corepack debugger dgram diagnostics_channel \
    dns domain embedding esm globals https inspector intl module modules net os packages path perf_hooks \
    permissions punycode querystring readline repl report single-executable-applications string_decoder \
    timers tracing tty url v8 wasi webcrypto webstreams worker_threads zlib; do
  cp "$src/$name.md" "$here/docs/$name.md"
done
