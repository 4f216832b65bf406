#!/usr/bin/env bash
# Formats every file Biome covers (biome.json: src, packages, test, scripts, bench, demo, root
# configs) and applies the linter's safe fixes, then runs the same check as `npm test`. Meant for
# one commit on main after branches are merged, so no branch carries a mass reformat.
set -euo pipefail
cd "$(dirname "$0")/.."
node_modules/.bin/biome check --write .
echo "format-all: $(git status --porcelain -- . | wc -l | tr -d ' ') files changed"
node_modules/.bin/biome check .
# The API reference quotes signatures from src/core/types.ts; a rewrapped one must be regenerated.
node scripts/docs-reference.mjs --check || echo 'format-all: now run node scripts/docs-reference.mjs'
