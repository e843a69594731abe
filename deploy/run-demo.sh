#!/usr/bin/env bash
# Builds the library and the demo, then runs the demo at http://localhost:8080/demo/
# on Payara Micro (the default) or WildFly:
#   deploy/run-demo.sh            # Payara Micro (EclipseLink)
#   deploy/run-demo.sh wildfly    # WildFly (Hibernate)
# Records are kept in an H2 file database under deploy/data/<server>/, which survives a
# restart. The address is printed once the demo answers. Stop with Ctrl-C. PORT=9080 deploy/run-demo.sh
# picks another port, DATA=/some/dir another place for the records (and WildFly's server directory),
# DEMO_JAVA_OPTIONS="-Dkey=value ..." system properties for the server (MicroProfile Config reads them).
# The library and the demo are built only when their sources are newer than what was built last.
set -euo pipefail

server="${1:-payara}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
port="${PORT:-8080}"
servers="$here/demo/target/servers"
data="${DATA:-$here/data/$server}"

case "$server" in
    payara|wildfly) ;;
    *) echo "usage: $0 [payara|wildfly]" >&2; exit 2 ;;
esac

# Runs the server in the background and says where the demo is once the demo answers, not
# before (the server's listener is up seconds before the application); Ctrl-C stops both.
run() {
    "$@" &
    local pid=$!
    trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; exit 0' INT TERM
    local started=$SECONDS
    if command -v curl >/dev/null; then
        local answered=true
        until curl -s -o /dev/null -f --max-time 5 "http://localhost:$port/demo/"; do
            if ! kill -0 "$pid" 2>/dev/null; then
                echo "the server stopped before the demo answered: see its log above" >&2
                wait "$pid"
                exit 1
            fi
            if (( SECONDS - started > 300 )); then
                echo "the demo has not answered within 5 minutes: see the server's log above" >&2
                answered=false
                break
            fi
            sleep 1
        done
        if [[ "$answered" == true ]]; then
            echo
            echo "the demo answers at http://localhost:$port/demo/ ($((SECONDS - started)) s after the server started;" \
                "Ctrl-C stops it)"
            echo
        fi
    fi
    wait "$pid"
}

# true when the file $1 exists and no file under the other arguments (which must all exist) is newer;
# a source deleted since is not seen: touch pom.xml, or remove target/, to rebuild after deleting one
newer_than() {
    local built="$1"
    shift
    [[ -e "$built" ]] || return 1
    local source
    for source in "$@"; do
        [[ -e "$source" ]] || return 1
    done
    [[ -z "$(find "$@" -type f -newer "$built" -print -quit)" ]]
}

server_there() {
    if [[ "$server" == payara ]]; then
        [[ -e "$servers/payara-micro.jar" ]]
    else
        ls -d "$servers"/wildfly-*/ >/dev/null 2>&1
    fi
}

# the library: built and installed unless the installed jar is at least as new as its sources
jar="$root/target/recorded-call-0.1.0-SNAPSHOT.jar"
installed="$HOME/.m2/repository/org/recordedcall/recorded-call/0.1.0-SNAPSHOT/recorded-call-0.1.0-SNAPSHOT.jar"
# (whole seconds: the installed copy keeps the jar's time in milliseconds only)
if newer_than "$jar" "$root/pom.xml" "$root/src/main" && [[ -e "$installed" ]] \
        && (( $(stat -c %Y "$installed") >= $(stat -c %Y "$jar") )); then
    echo "the library is up to date"
else
    echo "building the library ..."
    mvn -B -q -f "$root/pom.xml" install -DskipTests
fi
# the demo: built unless its WAR is newer than its sources and the library, has none of the
# benchmark's endpoints (deploy/benchmark.sh builds this module with them) and its server is there
war="$here/demo/target/demo.war"
if newer_than "$war" "$here/demo/pom.xml" "$here/demo/src/main" "$installed" \
        && ! jar tf "$war" | grep -q '/demo/bench/' \
        && server_there; then
    echo "the demo is up to date"
else
    echo "building the demo ..."
    rm -rf "$here/demo/target/classes/org/recordedcall/demo/bench" "$here/demo/target/demo"
    if [[ "$server" == wildfly ]]; then
        mvn -B -q -f "$here/demo/pom.xml" package -DskipWildfly=false
    else
        mvn -B -q -f "$here/demo/pom.xml" package
    fi
fi
mkdir -p "$data"

if [[ "$server" == payara ]]; then
    # the default datasource (H2) in a file of ours instead of Micro's throw-away root directory
    boot="$here/demo/target/payara-preboot.asadmin"
    # DB_CLOSE_ON_EXIT=FALSE: H2 would otherwise close itself at JVM exit, before the recorder
    # has written what is queued; OPTIMIZE_REUSE_RESULTS=FALSE: the server's H2 (2.2.224) could
    # otherwise show the dashboard a result from before the newest call (README, Storage)
    echo "set resources.jdbc-connection-pool.H2Pool.property.URL=jdbc:h2:$data/recorded-calls;DB_CLOSE_ON_EXIT=FALSE;OPTIMIZE_REUSE_RESULTS=FALSE" > "$boot"
    echo "starting Payara Micro (data in $data) ..."
    # shellcheck disable=SC2086 # DEMO_JAVA_OPTIONS: several -D options, split on spaces
    run java -Xmx512m ${DEMO_JAVA_OPTIONS:-} -jar "$servers/payara-micro.jar" \
        --deploy "$here/demo/target/demo.war" --contextroot demo \
        --port "$port" --nocluster --disablephonehome \
        --prebootcommandfile "$boot"
    exit
fi

# WildFly: a server base directory of the demo's own, on WildFly's MicroProfile configuration
# (MicroProfile Health: the recorder's readiness check at the management port's /health/ready),
# its default datasource (ExampleDS, in memory out of the box) turned into an H2 file under it
home="$(ls -d "$servers"/wildfly-*/ | head -n 1)"
base="$data/server"
config="$base/configuration/standalone-microprofile.xml"
[[ -d "$base" ]] || cp -r "$home/standalone" "$base"
# (WildFly's URL goes on with DB_CLOSE_ON_EXIT=FALSE already: H2 must not close itself before the drain;
# OPTIMIZE_REUSE_RESULTS=FALSE as on Payara)
sed -i -e "s#jdbc:h2:mem:test;DB_CLOSE_DELAY=-1#jdbc:h2:file:$data/recorded-calls;OPTIMIZE_REUSE_RESULTS=FALSE;DB_CLOSE_DELAY=-1#" \
    -e "s#jdbc:h2:file:$data/recorded-calls;DB_CLOSE_DELAY=-1#jdbc:h2:file:$data/recorded-calls;OPTIMIZE_REUSE_RESULTS=FALSE;DB_CLOSE_DELAY=-1#" \
    "$config" # (the second for a server base an earlier demo made)
# the demo's users are Jakarta Security's own identity store, not WildFly's: without this, Elytron
# refuses the identity the Basic mechanism validated (ELY01177) and every signed-in request is a 500
sed -i '/<subsystem xmlns="urn:jboss:domain:undertow/,/<\/subsystem>/ s#<application-security-domain name="other" security-domain="ApplicationDomain"/>#<application-security-domain name="other" security-domain="ApplicationDomain" integrated-jaspi="false"/>#' \
    "$config"
cp "$here/demo/target/demo.war" "$base/deployments/demo.war"
echo "starting WildFly (data in $data) ..."
export LAUNCH_JBOSS_IN_BACKGROUND=1
# shellcheck disable=SC2086
run "$home/bin/standalone.sh" -c standalone-microprofile.xml -Djboss.server.base.dir="$base" \
    -Djboss.http.port="$port" -Djboss.management.http.port="${MANAGEMENT_PORT:-9990}" ${DEMO_JAVA_OPTIONS:-}
