#!/bin/sh
# `gloss` for the hooks of .pre-commit-hooks.yaml (language: script), run from pre-commit's
# clone of this repository. The first run builds the CLI in that clone (npm ci without
# install scripts, then esbuild; it needs the npm registry once); later runs reuse it.
# (A language: node hook cannot work here: dist/ is built, not committed, and npm prints a
# prepare script's banner into the `npm pack` output that pre-commit reads.)
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -f "$here/dist/cli.js" ]; then
  echo "gloss: building the CLI in $here (first run only)" >&2
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2 && node esbuild.mjs >&2)
fi
exec node "$here/dist/cli.js" "$@"
