#!/usr/bin/env bash
# Runs CI the way CI does: `bash .ci/run` with CI=true and no stdin, in a fresh
# clone of the current HEAD (so uncommitted or untracked files, and anything
# already in this checkout's node_modules, cannot make it pass by accident).
# Usage: scripts/ci-local.sh        (KEEP=1 keeps the clone even on success)
set -euo pipefail

repo=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
head=$(git -C "$repo" rev-parse HEAD)
if [[ -n $(git -C "$repo" status --porcelain) ]]; then
  echo "note: uncommitted changes in $repo are NOT part of this run (commit first to test them)" >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/pgsqlite-ci.XXXXXX")
echo "clone of $head in $work/main"
git clone --quiet --no-checkout "$repo" "$work/main"
git -C "$work/main" checkout --quiet --detach "$head"

# CI lays a read-only copy of the project's shared/ folder beside the clone.
if [[ -d "$repo/../shared" ]]; then
  cp -R "$repo/../shared" "$work/shared"
  chmod -R a-w "$work/shared"
fi

status=0
(cd "$work/main" && CI=true bash .ci/run </dev/null) || status=$?

if [[ $status -eq 0 && -z ${KEEP:-} ]]; then
  chmod -R u+w "$work"
  rm -rf "$work"
else
  echo "clone kept in $work"
fi
echo "ci-local: .ci/run exited with $status"
exit "$status"
