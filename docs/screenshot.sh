#!/usr/bin/env bash
# Captures docs/screenshot.png and docs/screenshot-open-files.png: the real window, showing the demo fleet, on a
# virtual X display.
#
#   apt-get install -y xvfb imagemagick xdotool
#   mvn -q package -DskipTests && docs/screenshot.sh
#
# The app runs from the shaded jar with a throw-away XDG_CONFIG_HOME: no config.json means the demo fleet, and a
# prepared ui-state.json makes the window fill the 1440x900 screen. xdotool then clicks like a user would: filter to
# one server through the context menu, select a session (details pane) and a failing server (its explanation); then
# the Open files tab with a path search ("who has budget… open?") and one file selected (its details).
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR=target/sessionwatch.jar
OUT=${1:-docs/screenshot.png}
FILES_OUT=${2:-docs/screenshot-open-files.png}
WAIT=${SCREENSHOT_WAIT:-9}                        # seconds for start-up; more on a busy machine
for tool in xvfb-run import xdotool; do
  command -v "$tool" >/dev/null || { echo "Missing $tool: apt-get install -y xvfb imagemagick xdotool" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "Missing $JAR: run mvn -q package -DskipTests first" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/config/sessionwatch"
cat > "$WORK/config/sessionwatch/ui-state.json" <<'JSON'
{"window": {"x": 0, "y": 0, "width": 1440, "height": 900, "maximized": false}}
JSON

XDG_CONFIG_HOME="$WORK/config" xvfb-run -a -s "-screen 0 1440x900x24" bash -c '
  set -e
  "$1" -Dprism.order=sw -jar "$2" > "$3/app.log" 2>&1 &
  app=$!
  sleep "$4"                                      # start-up and the first poll (the slow demo server takes 3 s)
  xdotool mousemove 60 208 click 3                # right-click a row of the session table
  sleep 1
  xdotool key Down Down Return                    # "Show only server …": a filter chip appears
  sleep 1
  xdotool mousemove 420 262 click 1               # select a session: the details pane fills
  xdotool mousemove 240 832 click 1               # select the server that denies access: its explanation
  xdotool mousemove 1000 700                      # park the pointer where it hides nothing
  sleep 2
  import -window root "$3/shot.png"
  xdotool mousemove 172 146 click 1               # the Open files tab: every server lists its open files
  sleep 8
  xdotool mousemove 1223 191 click 1 type budget  # Path contains… budget
  sleep 3
  xdotool mousemove 700 372 click 1               # a file: raw path, id and permission bits below the table
  xdotool mousemove 1000 880
  sleep 2
  import -window root "$3/files.png"
  kill "$app"
' _ "$JAVA" "$JAR" "$WORK" "$WAIT"

convert "$WORK/shot.png" -strip "$OUT"
convert "$WORK/files.png" -strip "$FILES_OUT"
echo "Wrote $OUT and $FILES_OUT"
