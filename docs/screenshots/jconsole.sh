#!/usr/bin/env bash
# Takes docs/screenshots/jconsole.png: the JDK's real JConsole, attached to a running application that logs
# through log4j2-test.xml, showing the attributes of a UnifiedWriter MBean after a refresh.
#
# Needs a JDK 17, Maven, and the Debian packages xvfb, imagemagick, x11-utils and xdotool:
#   apt-get install -y xvfb imagemagick x11-utils xdotool
# Run it from anywhere: docs/screenshots/jconsole.sh [display number, 99 by default]
#
# The application is the demo (java -jar perf/target/unifiedwriter-perf.jar demo ... --hold), logging at a
# steady rate, once it has been built (mvn -B -q package -DskipTests); otherwise a small program from the
# plugin's tests that logs a line every 10 ms.
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
OUT="$ROOT/docs/screenshots/jconsole.png"
DISPLAY_NUMBER=${1:-99}
WIDTH=900
HEIGHT=750
WORK=$(mktemp -d)
JAVA_BIN=$(dirname "$(readlink -f "$(command -v java)")")
JCONSOLE="$JAVA_BIN/jconsole"

for tool in Xvfb xdotool import convert "$JCONSOLE"; do
    command -v "$tool" > /dev/null || { echo "missing: $tool" >&2; exit 1; }
done

PIDS=()
cleanup()
{
    exec 3>&- 2> /dev/null || true
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2> /dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

Xvfb ":$DISPLAY_NUMBER" -screen 0 "${WIDTH}x${HEIGHT}x24" -nolisten tcp > "$WORK/xvfb.log" 2>&1 &
PIDS+=($!)
export DISPLAY=":$DISPLAY_NUMBER"
for _ in $(seq 50); do
    xdpyinfo > /dev/null 2>&1 && break
    sleep 0.1
done

# The application, kept running until this script ends and closes its standard input.
mkfifo "$WORK/stdin"
if [[ -f perf/target/unifiedwriter-perf.jar ]]; then
    # 20,000 calls a second for two and a half minutes: the counters move while JConsole looks.
    java -Duw.logdir="$WORK/logs" -jar perf/target/unifiedwriter-perf.jar demo \
        --events 3000000 --threads 2 --rate 20000 --hold < "$WORK/stdin" > "$WORK/app.out" 2>&1 &
    PIDS+=($!)
    ready=' written'
else
    mvn -B -q -pl log4j2-writer-plugin test-compile dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile="$WORK/cp.txt" > "$WORK/mvn.log" 2>&1
    CP="log4j2-writer-plugin/target/classes:log4j2-writer-plugin/target/test-classes:$(cat "$WORK/cp.txt")"
    java -Duw.logdir="$WORK/logs" -cp "$CP" io.github.unifiedwriter.docs.HeldLogging log4j2-test.xml 10 \
        < "$WORK/stdin" > "$WORK/app.out" 2>&1 &
    PIDS+=($!)
    ready='^ready '
fi
exec 3> "$WORK/stdin"
for _ in $(seq 600); do
    grep -q "$ready" "$WORK/app.out" && break
    sleep 0.1
done
APP=${PIDS[1]}
echo "application: pid $APP"

"$JCONSOLE" "$APP" > "$WORK/jconsole.log" 2>&1 &
PIDS+=($!)
WINDOW=$(xdotool search --sync --name "Java Monitoring")
xdotool windowmove "$WINDOW" 0 0 windowsize "$WINDOW" "$WIDTH" "$HEIGHT"
sleep 4

# A local attach may first offer to retry without SSL: the connection stays on this machine, so accept.
# Where there is no such question, the click lands on an empty part of the Overview tab.
xdotool mousemove --window "$WINDOW" 363 202 click 1
sleep 4

# The MBeans tab, a wider tree, then io.github.unifiedwriter > UnifiedWriter > context > first appender.
xdotool mousemove --window "$WINDOW" 472 58 click 1
sleep 2
xdotool mousemove --window "$WINDOW" 171 375 mousedown 1 mousemove --window "$WINDOW" 230 375 \
    mousemove --window "$WINDOW" 290 375 mouseup 1
sleep 1
xdotool mousemove --window "$WINDOW" 60 81 click 1
sleep 0.5
xdotool type --delay 150 "io."
for _ in 1 2 3; do
    xdotool key Right
    sleep 0.3
    xdotool key Down
    sleep 0.3
done
xdotool key Right
sleep 0.3
xdotool key Down
sleep 3

# Refresh, so the counters shown are a second fresh read of a running writer.
xdotool key alt+r
sleep 2
import -window root "$WORK/shot.png"
convert "$WORK/shot.png" -colors 64 "PNG8:$OUT"
echo "wrote $OUT ($(stat -c %s "$OUT") bytes)"
