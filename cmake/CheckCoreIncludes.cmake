# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when any file under core/ includes a Widgets, Gui or Charts header: the core must stay
# usable under QCoreApplication (headless, tests, the simulator).
file(GLOB_RECURSE _files "${CORE_DIR}/*.h" "${CORE_DIR}/*.cpp")
set(_bad "")
foreach(f ${_files})
    file(STRINGS "${f}" _lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
    foreach(line ${_lines})
        if(line MATCHES "QtWidgets|QtGui|QtCharts|<QWidget|<QApplication|<QGuiApplication|<QPainter|<QImage|<QPixmap|<QColor|<QFont|<QIcon|<QChart|<QMainWindow|<QDialog")
            list(APPEND _bad "${f}: ${line}")
        endif()
    endforeach()
endforeach()
if(_bad)
    list(JOIN _bad "\n" _msg)
    message(FATAL_ERROR "core/ includes GUI headers:\n${_msg}")
endif()
list(LENGTH _files _n)
message(STATUS "check_core_includes: ${_n} files under core/ are free of GUI includes")
