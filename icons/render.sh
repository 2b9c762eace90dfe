#!/usr/bin/env bash
# Renders every icon file from the SVG sources in this folder; nobody edits a PNG, the .ico or the .icns by hand.
#   sessionwatch.svg        master drawing, used for 32 px and up
#   sessionwatch-24.svg     simplified drawing on the 24 px grid (the master blurs at that size)
#   sessionwatch-small.svg  simplified drawing on the 16 px grid
# Needs the Debian packages librsvg2-bin (rsvg-convert), icoutils (icotool) and icnsutils (png2icns):
#   apt-get install -y librsvg2-bin icoutils icnsutils
# Usage: icons/render.sh   (from anywhere; writes icons/png/*.png, icons/sessionwatch.ico, icons/sessionwatch.icns)
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert icotool png2icns; do
  command -v "$tool" >/dev/null || {
    echo "render.sh: '$tool' is missing; install it with: apt-get install -y librsvg2-bin icoutils icnsutils" >&2
    exit 1
  }
done

# The source drawing for a pixel size: small sizes have their own pixel-aligned drawings.
source_for() {
  case "$1" in
    16) echo sessionwatch-small.svg ;;
    24) echo sessionwatch-24.svg ;;
    *) echo sessionwatch.svg ;;
  esac
}

render() { # render SIZE OUTPUT
  rsvg-convert --width "$1" --height "$1" --keep-aspect-ratio --format png --output "$2" "$(source_for "$1")"
}

# The PNG set: the window icons (copied into the jar by the build), Linux packaging and the sources of .ico/.icns.
mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
  render "$size" "png/sessionwatch-$size.png"
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# Windows: every size the shell asks for at 100-200 % scaling; 256 px stored as PNG (-r), the rest as bitmaps.
ico_parts=()
for size in 16 24 32 40 48 64 96 128; do
  render "$size" "$scratch/ico-$size.png"
  ico_parts+=("$scratch/ico-$size.png")
done
icotool --create --output sessionwatch.ico "${ico_parts[@]}" --raw png/sessionwatch-256.png

# macOS: the sizes an .icns can hold (16 to 1024; 1024 is the 512@2x Retina entry). png2icns stores 256 px and up
# as JPEG 2000, which macOS reads as well as PNG.
png2icns sessionwatch.icns png/sessionwatch-{16,32,48,128,256,512,1024}.png >/dev/null

echo "Rendered: $(ls png | tr '\n' ' ')sessionwatch.ico sessionwatch.icns"
