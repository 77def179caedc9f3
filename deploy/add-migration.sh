#!/usr/bin/env bash
# Adds the same-named migration to all three providers: ./deploy/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: deploy/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/EventHub.Core -v q -nologo >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  project="migrations/EventHub.Migrations.$provider"
  echo "== $provider"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
