#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and starts Kiwoom Trader (demo mode unless configured).
# Extra arguments go to the app, e.g. `bash packaging/run-app.sh --headless`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
bash packaging/build.sh
exec "${BUILD_DIR:-build}/bin/kiwoom-trader" "$@"
