#!/usr/bin/env bash
# Captures docs/alerts.png: the real window on the demo fleet with three alert rules, its Alerts tab open and a
# notification showing, on a virtual X display (the same tools as docs/screenshot.sh).
#
#   apt-get install -y xvfb imagemagick xdotool
#   mvn -q package -DskipTests && docs/alerts-screenshot.sh
#
# Notifications show for 8 s after a poll that fires a rule, so it takes one shot a second for 45 s and keeps the
# largest (a notification adds detail to the picture); look at it before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR=target/sessionwatch.jar
OUT=${1:-docs/alerts.png}
for tool in xvfb-run import xdotool convert; do
  command -v "$tool" >/dev/null || { echo "Missing $tool: apt-get install -y xvfb imagemagick xdotool" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "Missing $JAR: run mvn -q package -DskipTests first" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/config/sessionwatch"
cat > "$WORK/config/sessionwatch/ui-state.json" <<'JSON'
{"window": {"x": 0, "y": 0, "width": 1360, "height": 860, "maximized": false}}
JSON
cat > "$WORK/config/sessionwatch/config.json" <<'JSON'
{"version": 1, "servers": [],
 "alerts": [
  {"name": "forgotten", "event": "IDLE_WITH_OPEN_FILES", "idleMinutes": 170, "minOpens": 9},
  {"name": "a müller connects", "event": "SESSION_CONNECTED", "user": "*müller*", "cooldownMinutes": 0},
  {"name": "finance down", "event": "SERVER_FAILING", "server": "FS-FIN*"}
 ]}
JSON

XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" xvfb-run -a -s "-screen 0 1440x900x24" bash -c '
  set -e
  "$1" -Dprism.order=sw -jar "$2" > "$3/app.log" 2>&1 &
  app=$!
  sleep 40                                        # start-up (slow on a busy machine) and the first polls
  xdotool mousemove 180 146 click 1               # the Alerts tab
  xdotool mousemove 1000 120                      # park the pointer where it hides nothing
  for i in $(seq 1 45); do sleep 1; import -window root "$3/shot-$i.png"; done
  kill "$app"
' _ "$JAVA" "$JAR" "$WORK"

largest=$(ls -S "$WORK"/shot-*.png | head -1)
convert "$largest" -crop 1360x860+0+0 +repage "$OUT"
echo "Wrote $OUT from $(basename "$largest")"
