#!/usr/bin/env bash
# Installs what the real-editor suite needs: code-server (VS Code served to a browser), playwright-core,
# Debian's Chromium and ripgrep, and the native build tools code-server's modules compile with.
#
# apt part: only packages that are missing, and only when root (CI runs as root on a Debian machine).
# npm part: into a cache folder OUTSIDE the checkout, keyed by version, so the second run is a no-op:
#   ${OPENKB_VSCODE_CACHE:-$HOME/.cache/openkb-real-vscode}/cs-<code-server>-pw-<playwright-core>/
# The folder is built under a temporary name and renamed when complete, so a killed install never leaves
# a half-installed cache that a later run would trust.
#
# Prints the cache folder's path as its last stdout line. Exits 3 with "missing: <why>" on stderr when a
# prerequisite cannot be installed (the suite's runner turns that into a skip or, under CI, a failure).
set -euo pipefail

CODE_SERVER_VERSION=4.96.4      # VS Code 1.96.4; later releases need Node 24
PLAYWRIGHT_VERSION=1.65.1       # drives Debian's Chromium; downloads no browser
PROXY_AGENT_VERSION=0.27.0      # same integrity hash as the git+ssh URL code-server's shrinkwrap pins

cache_root="${OPENKB_VSCODE_CACHE:-$HOME/.cache/openkb-real-vscode}"
dest="$cache_root/cs-$CODE_SERVER_VERSION-pw-$PLAYWRIGHT_VERSION"
log() { echo "install-real-vscode: $*" >&2; }
missing() { echo "missing: $*" >&2; exit 3; }

# --- apt part -------------------------------------------------------------------------------------------
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
if [ ! -f "$dest/.complete" ]; then
  # Only a cold npm install compiles native modules (argon2, kerberos).
  for pkg in build-essential python3 pkg-config libsecret-1-dev libkrb5-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
  done
fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "apt-get install ${need[*]}"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null) \
      || missing "apt-get could not install ${need[*]}"
  else
    missing "${need[*]} not installed (install them with apt-get as root)"
  fi
fi
[ -x /usr/bin/chromium ] || missing "/usr/bin/chromium not found after install"
command -v rg >/dev/null 2>&1 || missing "ripgrep (rg) not found after install"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" = 20 ] || missing "code-server $CODE_SERVER_VERSION needs Node 20, this is Node $(node -v)"

# --- npm part -------------------------------------------------------------------------------------------
if [ -f "$dest/.complete" ]; then
  log "cached: $dest"
  echo "$dest"
  exit 0
fi
mkdir -p "$cache_root"
work="$(mktemp -d "$cache_root/.installing-XXXXXX")"
trap 'rm -rf "$work"' EXIT
log "installing code-server $CODE_SERVER_VERSION and playwright-core $PLAYWRIGHT_VERSION into $dest (cold: about 2 minutes)"
export npm_config_nodedir=/usr npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
cd "$work"
echo '{"name":"openkb-real-vscode","private":true}' > package.json
# --ignore-scripts: as root, code-server's postinstall refuses to run, and any failing script makes npm
# roll back everything. The postinstall's steps are done below.
npm install --no-save --ignore-scripts --loglevel=error "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" >&2 \
  || missing "npm could not install code-server@$CODE_SERVER_VERSION"
npm rebuild argon2 >&2 || missing "argon2 did not build (needs build-essential python3)"

vscode="$work/node_modules/code-server/lib/vscode"
# The shrinkwrap pins @vscode/proxy-agent to a git+ssh GitHub URL; the registry tarball is byte-identical.
(cd "$work" && npm pack --silent "@vscode/proxy-agent@$PROXY_AGENT_VERSION" >/dev/null) \
  || missing "npm could not fetch @vscode/proxy-agent@$PROXY_AGENT_VERSION"
tgz="$work/vscode-proxy-agent-$PROXY_AGENT_VERSION.tgz"
node -e '
  const fs = require("fs");
  const [file, tgz] = process.argv.slice(1);
  const wrap = JSON.parse(fs.readFileSync(file, "utf8"));
  let n = 0;
  for (const [k, v] of Object.entries(wrap.packages || {})) {
    if (k.endsWith("node_modules/@vscode/proxy-agent") && String(v.resolved).startsWith("git")) { v.resolved = "file:" + tgz; n++; }
  }
  for (const [k, v] of Object.entries(wrap.dependencies || {})) {
    if (k === "@vscode/proxy-agent" && String(v.version).startsWith("git")) { v.version = "file:" + tgz; n++; }
  }
  fs.writeFileSync(file, JSON.stringify(wrap, null, 2));
  console.error("install-real-vscode: repointed " + n + " @vscode/proxy-agent entr(ies) at " + tgz);
' "$vscode/npm-shrinkwrap.json" "$tgz"
(cd "$vscode" && npm install --omit=dev --ignore-scripts --loglevel=error >&2) || missing "npm could not install VS Code's modules"
# @vscode/ripgrep's postinstall downloads from GitHub unless bin/ exists: Debian's rg 13 is the same binary.
mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
cp "$(command -v rg)" "$vscode/node_modules/@vscode/ripgrep/bin/rg"
(cd "$vscode" && npm rebuild >&2) || missing "VS Code's native modules did not build (needs libsecret-1-dev libkrb5-dev)"
# What code-server's postinstall.sh does.
ln -sfn node_modules "$vscode/node_modules.asar"
ln -sf code-linux.sh "$vscode/bin/remote-cli/code-server"
ln -sf browser-linux.sh "$vscode/bin/helpers/browser.sh"
(cd "$vscode/extensions" && npm install --omit=dev --loglevel=error >&2) || missing "npm could not install VS Code's built-in extensions' modules"

touch "$work/.complete"
rm -rf "$dest"
mv "$work" "$dest"
trap - EXIT
log "installed: $dest"
echo "$dest"
