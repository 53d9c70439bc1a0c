# SPDX-License-Identifier: GPL-3.0-or-later
# Installation layout (FHS under CMAKE_INSTALL_PREFIX) and the packages `cmake --build build
# --target package` makes: a .deb whose dependencies dpkg-shlibdeps computes from the binaries
# (plus the Qt plugins it cannot see), and a .tar.gz of the same tree.
# Windows (NSIS + windeployqt) and macOS (bundle + macdeployqt) are configured in
# packaging/Platforms.cmake and documented, untested here, in packaging/README.md.
include(GNUInstallDirs)
# The package name, not the CMake project name (KiwoomTrader).
set(CMAKE_INSTALL_DOCDIR ${CMAKE_INSTALL_DATADIR}/doc/kiwoom-trader)

set(_kt_res ${CMAKE_SOURCE_DIR}/resources)
if(UNIX AND NOT APPLE)
    install(FILES ${_kt_res}/kiwoom-trader.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${_kt_res}/io.github.kiwoom_trader.KiwoomTrader.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${_kt_res}/icons/kiwoom-trader.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
    foreach(size 16 24 32 48 64 128 256 512)
        install(FILES ${_kt_res}/icons/hicolor/${size}x${size}/apps/kiwoom-trader.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
    endforeach()

    # Man pages and the Debian changelog, compressed reproducibly (gzip -n) at build time.
    find_program(KT_GZIP gzip)
    set(_kt_gz_dir ${CMAKE_BINARY_DIR}/packaging)
    set(_kt_gz_outputs)
    foreach(src man/kiwoom-trader.1 man/kiwoom-sim.1 debian/changelog)
        get_filename_component(_name ${src} NAME)
        add_custom_command(OUTPUT ${_kt_gz_dir}/${_name}.gz
            COMMAND ${CMAKE_COMMAND} -E make_directory ${_kt_gz_dir}
            COMMAND ${KT_GZIP} -9nc ${CMAKE_CURRENT_SOURCE_DIR}/packaging/${src} > ${_kt_gz_dir}/${_name}.gz
            DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/packaging/${src}
            VERBATIM)
        list(APPEND _kt_gz_outputs ${_kt_gz_dir}/${_name}.gz)
    endforeach()
    add_custom_target(kt_packaging_docs ALL DEPENDS ${_kt_gz_outputs})
    install(FILES ${_kt_gz_dir}/kiwoom-trader.1.gz ${_kt_gz_dir}/kiwoom-sim.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    install(FILES ${CMAKE_SOURCE_DIR}/packaging/debian/copyright ${_kt_gz_dir}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
    install(FILES ${CMAKE_SOURCE_DIR}/packaging/kiwoom-trader.service
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples OPTIONAL)
endif()

set(CPACK_PACKAGE_NAME "kiwoom-trader")
set(CPACK_PACKAGE_VENDOR "Kiwoom Trader developers")
set(CPACK_PACKAGE_CONTACT "Kiwoom Trader developers <kiwoom-trader@users.noreply.github.com>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "automated trading terminal for Kiwoom Securities")
# CPack puts the summary first and indents every line; an empty line becomes " .".
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Kiwoom Trader trades Korean stocks through the Kiwoom Securities REST and
WebSocket API. It watches Kiwoom condition searches, runs indicator strategies
over a watchlist, buys automatically and guards every position with stop-loss
and take-profit orders, behind a risk guard and a kill switch.

A built-in exchange simulator gives a demo mode without an account, and a
local HTTP API lets scripts drive it, also headless.")
set(CPACK_PACKAGE_HOMEPAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build" "/\\\\.git")

if(NOT DEFINED CPACK_GENERATOR)
    if(WIN32)
        set(CPACK_GENERATOR "NSIS;ZIP")
    elseif(APPLE)
        set(CPACK_GENERATOR "DragNDrop")
    else()
        set(CPACK_GENERATOR "DEB;TGZ")
    endif()
endif()

# Debian: binary dependencies computed by dpkg-shlibdeps; the Qt plugins the app loads at run time
# (SQLite driver, platform plugins, SVG icons) are not linked, so they are named.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")

include(${CMAKE_CURRENT_LIST_DIR}/Platforms.cmake OPTIONAL)
include(CPack)
