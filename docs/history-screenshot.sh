#!/usr/bin/env bash
# Captures docs/history-timeline.png: the window's History tab on three days of the demo fleet.
#
#   apt-get install -y xvfb
#   docs/history-screenshot.sh
#
# HistoryScreenshotTest records the demo fleet, polled every ten minutes on a simulated clock (with the window closed
# one night), into a temp history file through the tracker and the recorder, opens the real window on that file and
# snapshots the History tab: who was on FS-HQ-01 an hour ago, and the timeline of the user with the most sessions.
# The window really records only configured servers; the demo data goes into the temp file by the test, never into
# your own history.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-docs/history-timeline.png}
command -v xvfb-run >/dev/null || { echo "Missing xvfb-run: apt-get install -y xvfb" >&2; exit 1; }
xvfb-run -a -s "-screen 0 1440x900x24" mvn -q test -Dtest=HistoryScreenshotTest \
    -Dsurefire.failIfNoSpecifiedTests=false -Dhistory.screenshot="$PWD/$OUT"
echo "Wrote $OUT"
