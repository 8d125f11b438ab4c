#!/usr/bin/env bash
# Makes the pgjdbc jar (org.postgresql:postgresql) used by test/integration/pgjdbc.test.ts available
# in the local Maven repository (~/.m2) and prints its path. Idempotent: once the jar is there,
# Maven is not run again. The version here and in the test must agree (PGJDBC_VERSION overrides both).
set -euo pipefail
version="${PGJDBC_VERSION:-42.7.14}"
repo="${MAVEN_LOCAL_REPO:-$HOME/.m2/repository}"
jar="$repo/org/postgresql/postgresql/$version/postgresql-$version.jar"
if [[ ! -s "$jar" ]]; then
  mvn -q -B -Dstyle.color=never dependency:get -Dartifact="org.postgresql:postgresql:$version" -Dtransitive=false \
    -Dmaven.repo.local="$repo" >&2
fi
[[ -s "$jar" ]] || { echo "pgjdbc jar not found at $jar after mvn dependency:get" >&2; exit 1; }
echo "$jar"
