#!/bin/bash
# Two PostgreSQL roles for Stegvis (docs/security.md, "Database roles"), run once on a new volume:
# stegvis_owner owns the database and its tables and is the one Flyway migrates with; the
# application runs as stegvis_app, which Flyway's owner grants what it needs on every start but
# never UPDATE, DELETE, TRUNCATE or TRIGGER on the audit log, and which owns no trigger to alter.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<EOSQL
create role stegvis_owner login password '${STEGVIS_DB_OWNER_PASSWORD}';
create role stegvis_app login password '${STEGVIS_DB_PASSWORD}';
create database stegvis owner stegvis_owner;
revoke all on database stegvis from public;
grant connect on database stegvis to stegvis_app;
EOSQL
