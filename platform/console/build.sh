#!/bin/sh
# Builds the console into $1 (the module's target/classes/console) with the machine's Node.js and npm.
# Dependencies come from package-lock.json (npm ci), re-installed only when the lock file changed.
set -eu
cd "$(dirname "$0")"
out="$1"
need="install Node.js 18+ and npm (apt-get install nodejs npm)"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "[console] Node.js or npm not found: $need" >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 18 ]; then
  echo "[console] Node.js $(node --version) is too old: $need" >&2
  exit 1
fi
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.secflow-lock; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.secflow-lock
fi
node build.mjs "$out"
