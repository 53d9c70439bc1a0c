# SPDX-License-Identifier: GPL-3.0-or-later
# ctest check_format: every C++ source follows .clang-format (clang-format --dry-run -Werror).
# Run: cmake -DSOURCE_DIR=<repo> -DCLANG_FORMAT=<clang-format> -P CheckFormat.cmake
# Fix: clang-format -i on the files it names (or on all: git ls-files '*.h' '*.cpp' | xargs clang-format -i).
foreach(dir app core ui tests)
    file(GLOB_RECURSE _found "${SOURCE_DIR}/${dir}/*.h" "${SOURCE_DIR}/${dir}/*.cpp")
    list(APPEND _files ${_found})
endforeach()
list(LENGTH _files _count)
if(_count EQUAL 0)
    message(FATAL_ERROR "check_format: no sources found under ${SOURCE_DIR}")
endif()
execute_process(
    COMMAND "${CLANG_FORMAT}" --dry-run -Werror --style=file ${_files}
    WORKING_DIRECTORY "${SOURCE_DIR}"
    RESULT_VARIABLE _rc
    ERROR_VARIABLE _err)
if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "check_format: these sources are not formatted (run clang-format -i on them):\n${_err}")
endif()
message(STATUS "check_format: ${_count} files formatted")
