#!/usr/bin/env bash
# Read benchmark (issue #12). Measures the API's two polling reads against pgbench --select-only on the
# same PostgreSQL, same machine, same run; at 16 and 64 connections; with RS256 tokens verified against a
# JWK set (as Clerk issues them) and with development auth (ES256). Also measures the floor the server
# itself sets: a request authenticated, routed and answered without reaching the store (a 400 for a
# malformed artifact id on the status route).
#
# Needs: a built tree (./mvnw -B install -DskipTests), wrk, pgbench, PostgreSQL on 127.0.0.1:5432.
# Usage: artifact-app/bench/read-benchmark.sh [seconds per run]
# The "spread" runs poll 10,000 artifacts at random (2,000 copies of the generated project, seeded in SQL),
# so each is read about once a second, as when every founder polls their own: the read cache rarely hits
# and the database is read on almost every request.
# Environment: CONNECTIONS (default "16 64"), AUTH_MODES (default "rs256 dev"), SPREAD (default 2000 projects),
#              SERVER_JAVA_OPTS (e.g. -XX:StartFlightRecording=filename=/tmp/read.jfr to profile the server)
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-15}
CONNECTIONS=${CONNECTIONS:-16 64}
AUTH_MODES=${AUTH_MODES:-rs256 dev}
PORT=18090
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
PG="-h 127.0.0.1 -U postgres"
SERVER=

psql $PG -qc "drop database if exists ap_read_bench" -c "create database ap_read_bench" \
          -c "drop database if exists ap_pgbench" -c "create database ap_pgbench" >/dev/null 2>&1
pgbench $PG -i -q ap_pgbench >/dev/null 2>&1
stop_server() { [ -n "$SERVER" ] && { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; }; SERVER=; }
trap 'stop_server; psql $PG -qc "drop database if exists ap_pgbench" >/dev/null 2>&1' EXIT

start_server() { # auth mode
  local env=(ARTIFACT_DATA_DIR="$WORK/$1" ARTIFACT_HTTP_PORT=$PORT ARTIFACT_DB_USER=postgres
             ARTIFACT_DB_URL=jdbc:postgresql://127.0.0.1:5432/ap_read_bench)
  mkdir -p "$WORK/$1"
  if [ "$1" = rs256 ]; then
    # Tokens as a real identity provider issues them: RS256, checked against a JWK set.
    TOKEN=$("$JAVA" -cp artifact-app/target/test-classes io.artifactpipeline.app.benchmark.RsaTokens "$WORK/$1" bench-rsa 3600)
    env+=(ARTIFACT_AUTH_JWKS="$WORK/$1/jwks.json")
  else
    # Development auth: ES256 tokens from the key the server keeps in its data directory.
    TOKEN=$(env "${env[@]}" "$JAVA" -jar artifact-app/target/artifact-app.jar token --user bench-dev --tier partner --ttl 3600)
  fi
  env "${env[@]}" "$JAVA" ${SERVER_JAVA_OPTS:-} -jar artifact-app/target/artifact-app.jar >"$WORK/server-$1.log" 2>&1 &
  SERVER=$!
  until curl -sf "$BASE/observe/health" >/dev/null; do sleep 0.2; done
}

make_artifact() { # prints the id of a written artifact of a fresh project
  local auth="Authorization: Bearer $TOKEN" project
  project=$(curl -sf -H "$auth" -H 'Content-Type: application/json' \
    -d '{"idea":"Forecast bread demand for small bakeries","answers":{"Who pays?":"Bakery owners"}}' \
    "$BASE/api/projects" | sed -E 's/.*"id":"([^"]+)".*/\1/')
  curl -sf -H "$auth" -H 'Content-Type: application/json' -d "{\"project_id\":\"$project\"}" \
    "$BASE/api/artifacts/generate" >/dev/null
  until curl -sf -H "$auth" "$BASE/api/artifacts/project/$project" | grep -q '"version_number":1'; do sleep 0.2; done
  sleep 1
  curl -sf -H "$auth" "$BASE/api/artifacts/project/$project" | sed -E 's/^\[\{"id":"([^"]+)".*/\1/'
}

seed_spread() { # copies the project of $1 (an artifact id) SPREAD times; writes their artifact ids for spread.lua
  psql $PG -q ap_read_bench >/dev/null <<SQL
create temporary table seed as
  select gen_random_uuid() as id from generate_series(1, ${SPREAD:-2000});
insert into project (id, owner_id, name, idea, answers, created_at)
  select s.id, p.owner_id, p.name, p.idea, p.answers, p.created_at
  from seed s, project p where p.id = (select project_id from artifact where id = '$1');
insert into artifact (id, project_id, artifact_type, version_number, current_content, previous_content,
                      edited_sections, status, error_code, error_message, schema_version, created_at, updated_at,
                      row_version, head_revision, written_from)
  select gen_random_uuid(), s.id, a.artifact_type, a.version_number, a.current_content, a.previous_content,
         a.edited_sections, a.status, a.error_code, a.error_message, a.schema_version, a.created_at, a.updated_at,
         a.row_version, a.head_revision, a.written_from
  from seed s, artifact a where a.project_id = (select project_id from artifact where id = '$1');
\copy (select a.id from artifact a join seed s on s.id = a.project_id) to '$WORK/spread-ids.txt'
SQL
  # now rather than by autovacuum during the first measured run
  psql $PG -q ap_read_bench -c "vacuum analyze project" -c "vacuum analyze artifact" >/dev/null
  cat >"$WORK/spread.lua" <<LUA
local ids = {}
for line in io.lines("$WORK/spread-ids.txt") do ids[#ids + 1] = line end
local suffix = os.getenv("SPREAD_SUFFIX") or ""
request = function()
  return wrk.format("GET", "/api/artifacts/" .. ids[math.random(#ids)] .. suffix)
end
LUA
}

run() { # label, url, connections, [extra header | "spread"]
  local extra=()
  [ "${4:-}" = spread ] && extra=(-s "$WORK/spread.lua")
  [ -n "${4:-}" ] && [ "${4:-}" != spread ] && extra=(-H "$4")
  wrk -t2 -c"$3" -d5s -H "Authorization: Bearer $TOKEN" "${extra[@]}" "$2" >/dev/null   # warm-up (pools, caches)
  wrk -t2 -c"$3" -d"${SECONDS_PER_RUN}s" --latency -H "Authorization: Bearer $TOKEN" "${extra[@]}" "$2" \
    | awk -v label="$1" -v c="$3" '
        /Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 90%/ {p90=$2} / 99%/ {p99=$2} /^    Latency/ {max=$4}
        /requests in/ {n=$1} /Non-2xx/ {non2xx=$NF} /Socket errors/ {errors=$0}
        END {printf "%-44s c=%-3s %10s req/s  p50 %8s  p90 %8s  p99 %8s  max %8s  (%s requests)%s%s\n", label, c, rps,
             p50, p90, p99, max, n, (non2xx ? "  non-2xx/3xx " non2xx : ""), (errors ? "  " errors : "")}'
}

for mode in $AUTH_MODES; do
  start_server "$mode"
  ARTIFACT=$(make_artifact)
  seed_spread "$ARTIFACT"
  ETAG=$(curl -sfD - -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/api/artifacts/$ARTIFACT/status" \
    | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
  # JIT warm-up of every route before any is measured (the first measured route paid for it otherwise)
  for url in "$BASE/api/artifacts/$ARTIFACT" "$BASE/api/artifacts/$ARTIFACT/status"; do
    wrk -t2 -c16 -d8s -H "Authorization: Bearer $TOKEN" "$url" >/dev/null
  done
  SPREAD_SUFFIX="" wrk -t2 -c16 -d8s -H "Authorization: Bearer $TOKEN" -s "$WORK/spread.lua" "$BASE" >/dev/null
  for c in $CONNECTIONS; do
    echo "== $mode, $c connections"
    run "GET /api/artifacts/{id}" "$BASE/api/artifacts/$ARTIFACT" "$c"
    run "GET /api/artifacts/{id}/status" "$BASE/api/artifacts/$ARTIFACT/status" "$c"
    run "GET /api/artifacts/{id}/status, If-None-Match" "$BASE/api/artifacts/$ARTIFACT/status" "$c" "If-None-Match: $ETAG"
    run "floor: authenticated 400, no store" "$BASE/api/artifacts/not-an-id/status" "$c"
    SPREAD_SUFFIX="" run "spread: GET /api/artifacts/{id}" "$BASE" "$c" spread
    SPREAD_SUFFIX=/status run "spread: GET /api/artifacts/{id}/status" "$BASE" "$c" spread
  done
  stop_server
done
for c in $CONNECTIONS; do
  echo "== pgbench --select-only, $c clients"
  pgbench $PG -S -c "$c" -j 2 -T "$SECONDS_PER_RUN" ap_pgbench 2>&1 | grep -E "^tps|latency average" | tr '\n' ' '
  echo
done
