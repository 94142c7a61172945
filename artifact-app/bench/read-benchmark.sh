#!/usr/bin/env bash
# Read benchmark (issue: HTTP server performance). Compares the API's two polling reads against
# pgbench --select-only on the same PostgreSQL, same machine, same run, 64 connections each.
# Needs: a built tree (./mvnw -B verify or package + test-compile), wrk, pgbench, PostgreSQL on 127.0.0.1:5432.
# Usage: artifact-app/bench/read-benchmark.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-15}
PORT=18090
WORK=$(mktemp -d)
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
PG="-h 127.0.0.1 -U postgres"

psql $PG -qc "drop database if exists ap_read_bench" -c "create database ap_read_bench" \
          -c "drop database if exists ap_pgbench" -c "create database ap_pgbench" >/dev/null
pgbench $PG -i -q ap_pgbench >/dev/null 2>&1

# Tokens as a real identity provider issues them: RS256, verified against a JWK set on every request.
TOKEN=$("$JAVA" -cp artifact-app/target/test-classes io.artifactpipeline.app.benchmark.RsaTokens "$WORK" bench 3600)

ARTIFACT_DATA_DIR="$WORK" ARTIFACT_HTTP_PORT=$PORT ARTIFACT_AUTH_JWKS="$WORK/jwks.json" \
  ARTIFACT_DB_URL=jdbc:postgresql://127.0.0.1:5432/ap_read_bench ARTIFACT_DB_USER=postgres \
  "$JAVA" -jar artifact-app/target/artifact-app.jar >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/observe/health" >/dev/null; do sleep 0.2; done

AUTH="Authorization: Bearer $TOKEN"
PROJECT=$(curl -sf -H "$AUTH" -H 'Content-Type: application/json' \
  -d '{"idea":"Forecast bread demand for small bakeries","answers":{"Who pays?":"Bakery owners"}}' \
  "http://127.0.0.1:$PORT/api/projects" | sed -E 's/.*"id":"([^"]+)".*/\1/')
curl -sf -H "$AUTH" -H 'Content-Type: application/json' -d "{\"project_id\":\"$PROJECT\"}" \
  "http://127.0.0.1:$PORT/api/artifacts/generate" >/dev/null
sleep 2
ARTIFACT=$(curl -sf -H "$AUTH" "http://127.0.0.1:$PORT/api/artifacts/project/$PROJECT" | sed -E 's/^\[\{"id":"([^"]+)".*/\1/')

run() { # label, url
  wrk -t2 -c64 -d5s -H "$AUTH" "$2" >/dev/null          # warm-up (JIT, pools)
  echo "== $1"
  wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency -H "$AUTH" "$2" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors"
}
run "GET /api/artifacts/{id}" "http://127.0.0.1:$PORT/api/artifacts/$ARTIFACT"
run "GET /api/artifacts/{id}/status" "http://127.0.0.1:$PORT/api/artifacts/$ARTIFACT/status"
echo "== pgbench --select-only, 64 clients"
pgbench $PG -S -c 64 -j 2 -T "$SECONDS_PER_RUN" ap_pgbench 2>&1 | grep -E "^tps|latency average"

psql $PG -qc "drop database if exists ap_pgbench" >/dev/null
