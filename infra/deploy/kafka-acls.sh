#!/usr/bin/env bash
# The Peer Support Network's topics, Kafka principals and ACLs, on a cluster that authenticates every client
# (SASL/SCRAM-SHA-512) and authorizes by ACL (StandardAuthorizer, allow.everyone.if.no.acl.found=false).
#
# Each service is principal User:peersupport-<service>. It may WRITE only its own topic and its consumer group's
# dead-letter topic, READ only the topics it consumes, and use only its own consumer group: a stolen credential
# cannot forge another service's events. The table below is the whole grant; infra/deploy-check (DeployFilesTest)
# holds it against each service's bindings (application.yaml) and the topic owners in events (Topics.owner).
#
# Idempotent: topics are created if missing, ACLs added if missing; nothing is ever removed (remove an ACL with
# kafka-acls.sh --remove). compose.yaml runs it once as kafka-init; against the production cluster an operator
# runs it with admin credentials:
#
#   KAFKA_BOOTSTRAP_SERVERS=broker1.example:9093 KAFKA_COMMAND_CONFIG=admin.properties \
#     KAFKA_BIN=/opt/kafka/bin ./infra/deploy/kafka-acls.sh
#
# Optional: KAFKA_PARTITIONS (default 6) and KAFKA_REPLICATION_FACTOR (default 3) for the topics it creates, and
# KAFKA_PASSWORD_<SERVICE> (KAFKA_PASSWORD_INTAKE, ...) to create or reset that service's SCRAM credentials here.
# Without one, the user must already exist (e.g. made in a managed cluster's console). Passwords: letters and
# digits only (kafka-configs.sh parses "," "=" "[" "]").
set -euo pipefail

BIN="${KAFKA_BIN:-/opt/kafka/bin}"
BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:?set KAFKA_BOOTSTRAP_SERVERS to the bootstrap servers of the cluster}"
ADMIN="${KAFKA_COMMAND_CONFIG:?set KAFKA_COMMAND_CONFIG to a client properties file with admin credentials}"
PARTITIONS="${KAFKA_PARTITIONS:-6}"
REPLICATION="${KAFKA_REPLICATION_FACTOR:-3}"
SERVICES="console intake matching followup notification training"

# service       operation  resource  name
read -r -d '' ACLS <<'TABLE' || true
intake          Write      topic     peersupport.intake.v1
intake          Read       topic     peersupport.matching.v1
intake          Read       topic     peersupport.followup.v1
intake          Read       topic     peersupport.triggers.v1
intake          Read       group     intake
intake          Write      topic     peersupport.dlq.intake
intake          Read       group     intake-triggers
intake          Write      topic     peersupport.dlq.intake-triggers
matching        Write      topic     peersupport.matching.v1
matching        Read       topic     peersupport.intake.v1
matching        Read       topic     peersupport.training.v1
matching        Read       topic     peersupport.followup.v1
matching        Read       group     matching
matching        Write      topic     peersupport.dlq.matching
followup        Write      topic     peersupport.followup.v1
followup        Read       topic     peersupport.matching.v1
followup        Read       topic     peersupport.intake.v1
followup        Read       group     followup
followup        Write      topic     peersupport.dlq.followup
notification    Write      topic     peersupport.notification.v1
notification    Read       topic     peersupport.matching.v1
notification    Read       topic     peersupport.followup.v1
notification    Read       topic     peersupport.intake.v1
notification    Read       topic     peersupport.training.v1
notification    Read       group     notification
notification    Write      topic     peersupport.dlq.notification
training        Write      topic     peersupport.training.v1
console         Read       topic     peersupport.intake.v1
console         Read       topic     peersupport.matching.v1
console         Read       topic     peersupport.followup.v1
console         Read       topic     peersupport.training.v1
console         Read       group     console
console         Write      topic     peersupport.dlq.console
TABLE
# console publishes nothing: it reads every event topic for the network admin's dashboard (counts only).
# Hospital systems are not services: each one's own principal gets Write on peersupport.triggers.v1 alone, granted by
# hand (kafka-acls.sh --add --allow-principal User:<system> --operation Write --topic peersupport.triggers.v1), and
# intake believes its records only for the hospital peersupport.triggers.producers names for its ce_source.

admin() {
  local tool="$1"
  shift
  "$BIN/$tool" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" "$@"
}

# Topics first, by the admin: no service may create topics (the binder finds them and creates nothing), and the
# dead-letter topics have as many partitions as the topics they serve, as the binder expects.
for topic in $(awk '$3 == "topic" { print $4 }' <<<"$ACLS" | sort -u); do
  admin kafka-topics.sh --create --if-not-exists --topic "$topic" \
    --partitions "$PARTITIONS" --replication-factor "$REPLICATION"
done

for service in $SERVICES; do
  variable="KAFKA_PASSWORD_${service^^}"
  if [ -n "${!variable:-}" ]; then
    admin kafka-configs.sh --alter --entity-type users --entity-name "peersupport-$service" \
      --add-config "SCRAM-SHA-512=[password=${!variable}]" >/dev/null
    echo "SCRAM credentials set for peersupport-$service"
  fi
done

while read -r service operation resource name; do
  [ -n "$service" ] || continue
  admin kafka-acls.sh --add --allow-principal "User:peersupport-$service" \
    --operation "$operation" "--$resource" "$name" >/dev/null
  echo "User:peersupport-$service may $operation $resource $name"
done <<<"$ACLS"
