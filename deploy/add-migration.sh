#!/usr/bin/env bash
# Adds the same-named migration to all three providers: ./deploy/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: deploy/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/EventHub.Core -v q -nologo >/dev/null
# A fresh clone or worktree: dotnet ef reads the migrations projects before it builds them, so they must be restored.
for provider in Sqlite SqlServer PostgreSql; do dotnet restore "migrations/EventHub.Migrations.$provider" -v q >/dev/null; done
for provider in Sqlite SqlServer PostgreSql; do
  project="migrations/EventHub.Migrations.$provider"
  echo "== $provider"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done

# The idempotent SQL Server script in the repository follows the migrations (test.sh fails when it is stale).
echo "== deploy/eventhub-sqlserver.sql"
dotnet build migrations/EventHub.Migrations.SqlServer -v q -nologo >/dev/null
dotnet ef migrations script --idempotent --no-build --project migrations/EventHub.Migrations.SqlServer --startup-project migrations/EventHub.Migrations.SqlServer -o deploy/eventhub-sqlserver.sql
