#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs every Debian 12 package that building, running and testing Kiwoom Trader needs.
# Idempotent: when everything is already present it changes nothing and needs no network.
set -euo pipefail

PACKAGES=(
    build-essential g++ cmake ninja-build ccache pkg-config git clang-format
    qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-httpserver-dev qt6-charts-dev
    libqt6sql6-sqlite qt6-qpa-plugins qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools
    qt6-translations-l10n qtkeychain-qt6-dev libxml2-dev libqt6opengl6-dev libgl-dev libvulkan-dev libxkbcommon-dev
    xvfb xauth imagemagick fonts-noto-cjk curl python3 libzstd-dev
    libqt6svg6 dpkg-dev lintian desktop-file-utils appstream xz-utils
)

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#PACKAGES[@]} packages present"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends "${missing[@]}"
