#!/usr/bin/env bash
# Builds the library and the demo, then runs the demo on Payara Micro at
# http://localhost:8080/demo/ . Records are kept in an H2 file database under
# deploy/data/, which survives a restart. Stop with Ctrl-C.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
port="${PORT:-8080}"

echo "building the library and the demo ..."
mvn -B -q -f "$root/pom.xml" install -DskipTests
mvn -B -q -f "$here/demo/pom.xml" package

data="$here/data/payara"
mkdir -p "$data"
# the default datasource (H2) in a file of ours instead of Micro's throw-away root directory
boot="$here/demo/target/payara-preboot.asadmin"
echo "set resources.jdbc-connection-pool.H2Pool.property.URL=jdbc:h2:$data/recorded-calls" > "$boot"
echo "starting Payara Micro on http://localhost:$port/demo/ (data in $data)"
exec java -Xmx512m -jar "$here/demo/target/servers/payara-micro.jar" \
    --deploy "$here/demo/target/demo.war" --contextroot demo \
    --port "$port" --nocluster --disablephonehome \
    --prebootcommandfile "$boot"
