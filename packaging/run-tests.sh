#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs the whole test suite through ctest. The last line
# printed is ctest's own summary ("100% tests passed, 0 tests failed out of N").
set -uo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh || exit 1
bash packaging/build.sh || exit 1
export QT_QPA_PLATFORM=offscreen
log=$(mktemp)
(cd "${BUILD_DIR:-build}" && ctest --output-on-failure -j "${JOBS:-2}" --timeout 600 --no-label-summary) 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
summary=$(grep -E "tests passed, [0-9]+ tests failed out of [0-9]+" "$log" | tail -n 1)
rm -f "$log"
echo
echo "${summary:-ctest did not report a summary}"
exit "$rc"
