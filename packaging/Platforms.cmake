# SPDX-License-Identifier: GPL-3.0-or-later
# Windows and macOS packaging. Not built or tested on this project's Debian CI; see
# packaging/README.md for what is known to work and what is not.
if(WIN32)
    # NSIS installer with a Start-menu entry; windeployqt copies the Qt DLLs and plugins next to
    # the executables at install time.
    set(CPACK_NSIS_DISPLAY_NAME "Kiwoom Trader")
    set(CPACK_NSIS_PACKAGE_NAME "Kiwoom Trader")
    set(CPACK_NSIS_MUI_ICON "${CMAKE_SOURCE_DIR}/resources/icons/kiwoom-trader.ico")
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\kiwoom-trader.exe")
    set(CPACK_NSIS_CREATE_ICONS_EXTRA
        "CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\Kiwoom Trader.lnk' '$INSTDIR\\\\bin\\\\kiwoom-trader.exe'")
    set(CPACK_NSIS_DELETE_ICONS_EXTRA "Delete '$SMPROGRAMS\\\\$START_MENU\\\\Kiwoom Trader.lnk'")
    set(CPACK_PACKAGE_INSTALL_DIRECTORY "Kiwoom Trader")
    find_program(KT_WINDEPLOYQT windeployqt HINTS "${QT6_INSTALL_PREFIX}/bin")
    if(KT_WINDEPLOYQT)
        install(CODE "execute_process(COMMAND \"${KT_WINDEPLOYQT}\" --no-compiler-runtime
            \"\${CMAKE_INSTALL_PREFIX}/bin/kiwoom-trader.exe\")")
    endif()
elseif(APPLE)
    # kiwoom-trader is a MACOSX_BUNDLE (app/CMakeLists.txt); macdeployqt makes it self-contained
    # and the DragNDrop generator wraps it in a .dmg.
    set(CPACK_DMG_VOLUME_NAME "Kiwoom Trader")
    find_program(KT_MACDEPLOYQT macdeployqt HINTS "${QT6_INSTALL_PREFIX}/bin")
    if(KT_MACDEPLOYQT)
        install(CODE "execute_process(COMMAND \"${KT_MACDEPLOYQT}\"
            \"\${CMAKE_INSTALL_PREFIX}/kiwoom-trader.app\")")
    endif()
endif()
