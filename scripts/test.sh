#!/usr/bin/env bash
# Sets up and runs every check: install, typecheck, lint, build, tests (unit, vault crash safety, IPC fuzzing,
# Playwright in Chromium). Chromium comes from Debian (`apt-get install -y chromium`); browser tests skip with a
# message when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
npm install --no-audit --no-fund --loglevel=error
npm run typecheck
npm run lint
npm run build
npm test
