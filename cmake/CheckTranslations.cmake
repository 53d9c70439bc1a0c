# SPDX-License-Identifier: GPL-3.0-or-later
# Translation completeness: the Korean catalogue has no unfinished or empty entry, and every
# numerus entry of the English one has its forms (cmake -DTS_DIR=... -P CheckTranslations.cmake).
file(READ "${TS_DIR}/kiwoom-trader_ko.ts" ko)
string(REGEX MATCHALL "type=\"unfinished\"" unfinished "${ko}")
list(LENGTH unfinished n_unfinished)
string(REGEX MATCHALL "<translation></translation>|<translation/>" empty "${ko}")
list(LENGTH empty n_empty)
string(REGEX MATCHALL "<source>" sources "${ko}")
list(LENGTH sources n_sources)
file(READ "${TS_DIR}/kiwoom-trader_en.ts" en)
string(REGEX MATCHALL "<numerusform></numerusform>|<numerusform/>" en_empty "${en}")
list(LENGTH en_empty n_en_empty)
if(n_unfinished GREATER 0 OR n_empty GREATER 0 OR n_en_empty GREATER 0)
    message(FATAL_ERROR "translations: kiwoom-trader_ko.ts has ${n_unfinished} unfinished and ${n_empty} empty "
                        "entries of ${n_sources}; kiwoom-trader_en.ts has ${n_en_empty} empty plural forms. "
                        "Run the kt_ui_lupdate target and translate them.")
endif()
message(STATUS "translations: ${n_sources} Korean entries, none unfinished")
