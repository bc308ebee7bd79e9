#!/usr/bin/env bash
# Sourced by .ci/run and scripts/test-all.sh: makes sure the tools the tests need are on this machine.
#  - Node >= 22 (current Vite, Vitest, MSW and matrix-js-sdk need it). If the system Node is older, Node 24 is
#    installed from the npm registry into a prefix OUTSIDE the repository and put first on PATH.
#  - A Chromium for Playwright: Debian's /usr/bin/chromium (Playwright cannot download its own browser here).
#    PW_CHROMIUM_PATH overrides the path; set it to an empty string to use Playwright's bundled browser.
# The Synapse virtualenv is provisioned by scripts/synapse.sh (called from the Playwright global set-up).

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

NODE_CONSOLE_TOOLS=${NODE_CONSOLE_TOOLS:-$HOME/.cache/node-console}
if [ "$(node_major)" -lt 22 ]; then
  prefix="$NODE_CONSOLE_TOOLS/node24"
  if [ ! -x "$prefix/node_modules/.bin/node" ]; then
    echo "ensure-tools: system Node is $(node -v 2>/dev/null || echo missing); installing Node 24 into $prefix"
    mkdir -p "$prefix"
    npm install --prefix "$prefix" --no-save --no-audit --no-fund node@24 >/dev/null
  fi
  export PATH="$prefix/node_modules/.bin:$PATH"
fi
echo "ensure-tools: node $(node -v), npm $(npm -v)"

if [ -z "${PW_CHROMIUM_PATH+set}" ]; then
  if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "ensure-tools: installing Debian's chromium"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
    else
      echo "ensure-tools: /usr/bin/chromium is missing: run 'sudo apt-get install -y chromium'," >&2
      echo "  or set PW_CHROMIUM_PATH to a Chromium binary (empty for Playwright's own browser)." >&2
      return 1 2>/dev/null || exit 1
    fi
  fi
  echo "ensure-tools: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
fi
