#!/usr/bin/env bash
# Runs Comptexpert locally, without Docker: builds the JARs, fetches Keycloak from Maven Central (cached),
# installs the JARs, imports the realm and the demo data, starts a mailbox and Keycloak on :8080.
# Ctrl-C stops everything. Ports: ./run.sh -Dcomptexpert.port=8180 (see README).
set -euo pipefail
cd "$(dirname "$0")"
echo "[0/4] Building the JARs (first run: Maven downloads its plugins and Keycloak, a few minutes) ..."
exec ./mvnw -B -q -ntp -Prun -DskipTests package -pl integration-tests -am "$@"
