# SPDX-License-Identifier: GPL-3.0-or-later
# Small helpers shared by every layer's CMakeLists.txt.

# kt_glob_sources(<target>) adds every .h/.cpp file of the calling folder to <target> and records
# the files for lupdate. Each folder of core/ and ui/ owns its own list this way, so adding a class
# never means editing a shared CMake file.
function(kt_glob_sources target)
    file(GLOB _files CONFIGURE_DEPENDS
        "${CMAKE_CURRENT_SOURCE_DIR}/*.h"
        "${CMAKE_CURRENT_SOURCE_DIR}/*.cpp")
    if(_files)
        target_sources(${target} PRIVATE ${_files})
        set_property(GLOBAL APPEND PROPERTY KT_TR_SOURCES ${_files})
    endif()
endfunction()

# kt_add_test(<name> SOURCES ... [LIBS ...] [LABELS ...] [ENVIRONMENT ...] [TIMEOUT s] [NO_PCH])
# One executable and one ctest entry per test file.
function(kt_add_test name)
    cmake_parse_arguments(ARG "NO_PCH" "TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT" ${ARGN})
    qt_add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    if(TARGET kt_test_pch AND KT_USE_PCH AND NOT ARG_NO_PCH)
        target_precompile_headers(${name} REUSE_FROM kt_test_pch)
    endif()
    add_test(NAME ${name} COMMAND ${name})
    set(_env "QT_QPA_PLATFORM=offscreen" "LC_ALL=C.UTF-8" "TZ=UTC" ${ARG_ENVIRONMENT})
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${_env}")
    if(ARG_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
    endif()
    if(ARG_TIMEOUT)
        set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT})
    else()
        set_tests_properties(${name} PROPERTIES TIMEOUT 300)
    endif()
endfunction()
