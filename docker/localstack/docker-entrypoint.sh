#!/bin/bash
# The stand-in's entry point, where the official image has its own of the same name (Testcontainers' start
# script calls it): LocalStack's supervisor, which runs LocalStack and prints "Ready." once it serves.
set -eo pipefail
mkdir -p /var/lib/localstack/logs /var/lib/localstack/lib /tmp/localstack
exec /opt/code/localstack/.venv/bin/localstack-supervisor
