#!/bin/sh
# PostGraphile 5 (Node 22 from the npm package `node`) on DATABASE_URL, on HOST:PORT
# (default 127.0.0.1:5678), at /graphql. Installs its packages (npm ci) on first use.
#   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/clientele_bench PORT=5678 \
#     bench/peers/postgraphile/start.sh
# bench/profile.py --peer postgraphile starts and stops it itself.
set -eu
cd "$(dirname "$0")"
: "${DATABASE_URL:?set DATABASE_URL to the bench database}"
if [ ! -x node_modules/node/bin/node ] || [ ! -f node_modules/.package-lock.json ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
export NODE_ENV=production
exec node_modules/node/bin/node node_modules/postgraphile/dist/cli-run.js -C graphile.config.mjs
