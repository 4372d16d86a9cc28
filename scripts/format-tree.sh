#!/usr/bin/env bash
# Formats the whole tree once (Biome, then forge fmt) and checks that the linters pass afterwards.
# Meant to be run by hand after merging branches that were written before the formatter existed:
#   scripts/format-tree.sh            # rewrite, then lint; commit the result as its own commit
#   scripts/format-tree.sh --check    # lint only (what `npm test` does first)
# It prints how many files the format changed (git's count, so run it on a clean work tree).
set -euo pipefail
cd "$(dirname "$0")/.."

node scripts/ensure-deps.mjs >/dev/null
export PATH="$PWD/node_modules/.bin:$PATH"

if [[ "${1:-}" != "--check" ]]; then
  if [[ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
    echo "format-tree: the work tree has uncommitted changes; the format would mix with them." >&2
    echo "format-tree: commit or stash them first." >&2
    exit 1
  fi
  biome format --write .
  pnpm --silent --filter @dmex/contracts run format
  changed=$(git diff --name-only | wc -l | tr -d ' ')
  echo "format-tree: the format changed ${changed} files"
fi

npm run --silent lint
