#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Configures and builds Kiwoom Trader (Release, 2 jobs) into ./build. Used by run-app.sh and
# run-tests.sh; BUILD_DIR and JOBS may be overridden.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-2}
launcher=()
if command -v ccache >/dev/null 2>&1; then
    # With ccache, precompiled headers are off: a .gch embeds absolute paths, so every file using it
    # would miss the cache in a fresh clone (measured: 50% hits with PCH, 99.6% without; a warm
    # build takes 45 s instead of 4.5 min).
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DKT_USE_PCH=OFF)
    # Cache hits across clones in different directories.
    export CCACHE_BASEDIR="$PWD"
    export CCACHE_NOHASHDIR=1
    export CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
fi
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}"
cmake --build "$BUILD_DIR" -j "$JOBS"
