#!/usr/bin/env bash
# Installs what Meelezer needs from the operating system (not from PyPI): libvlc and its
# plugins for playback, the libraries Qt's xcb and offscreen platforms load, fonts, and the
# tools the tests and the demo-audio script use. Debian/Ubuntu only; other systems get a
# message saying what to install by hand.
set -euo pipefail

# Runtime: playback, Qt platform plugins, a font with Dutch accents, and libespeak-ng (its
# speech is the reference Sync to audio aligns the transcript with).
RUNTIME_PACKAGES=(
  libvlc5 vlc-plugin-base libvlc-bin libespeak-ng1 espeak-ng-data
  libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-shape0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-randr0
  libxcb-xkb1 libx11-xcb1
  fonts-dejavu-core
)
# Development: a Python venv, demo audio synthesis (espeak-ng, sox, opusenc), a virtual
# screen with a window manager and real key presses for the tests/desktop run and
# screenshots (xvfb, openbox, xdotool), the validators for the desktop files, and
# festival's voices made from recordings of real people for the test episodes with known
# speakers (tests/helpers/voice_episodes.py).
DEV_PACKAGES=(
  python3-venv espeak-ng sox libsox-fmt-all opus-tools xvfb x11-utils imagemagick
  openbox xdotool desktop-file-utils appstream
  festival festvox-kallpc16k festvox-kdlpc16k festvox-us-slt-hts
)

all_packages=("${RUNTIME_PACKAGES[@]}")
if [[ "${1:-}" != "--runtime-only" ]]; then
  all_packages+=("${DEV_PACKAGES[@]}")
fi

other_systems() {
  cat >&2 <<'EOF'
Meelezer could not install its system packages automatically (this script knows apt-get on
Debian/Ubuntu). Install these yourself, then run the command again:
  - VLC, which brings libvlc:   Fedora: sudo dnf install vlc    Arch: sudo pacman -S vlc
                                macOS: brew install --cask vlc  Windows: install VLC from videolan
  - Python 3.11 or newer with venv
  - espeak-ng (for Sync to audio)
  - for the tests and the demo audio script: espeak-ng, sox, opus-tools (opusenc), Xvfb,
    openbox and xdotool
EOF
}

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  other_systems
  exit 0
fi

missing=()
for package in "${all_packages[@]}"; do
  # python3-venv is only needed when the system python lacks ensurepip.
  if [[ "$package" == python3-venv ]] && python3 -c "import ensurepip" 2>/dev/null; then
    continue
  fi
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
  echo "Meelezer needs these system packages; sudo will ask for your password:" >&2
else
  echo "Meelezer needs: ${missing[*]}" >&2
  echo "Run as root: apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "Installing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
