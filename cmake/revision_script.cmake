# Writes OUTPUT, a header defining costgate::cli::k_revision (the cli layer prints it):
# REVISION if given, else the short commit of SOURCE_DIR when SOURCE_DIR is the top of a
# git checkout, else "unknown".
# The file is only rewritten when its text changes, so nothing recompiles needlessly.
set(revision "${REVISION}")
if(revision STREQUAL "")
    set(revision unknown)
    find_program(GIT git)
    if(GIT)
        execute_process(COMMAND "${GIT}" -C "${SOURCE_DIR}" rev-parse --show-toplevel --short=12 HEAD
                        OUTPUT_VARIABLE lines RESULT_VARIABLE status ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
        string(REPLACE "\n" ";" lines "${lines}")
        list(LENGTH lines count)
        # Only the checkout costgate's source is the top of counts: a tarball unpacked
        # inside another repository must not report that repository's commit.
        if(status EQUAL 0 AND count EQUAL 2)
            list(GET lines 0 top)
            list(GET lines 1 commit)
            file(REAL_PATH "${SOURCE_DIR}" source)
            file(REAL_PATH "${top}" top)
            if(top STREQUAL source)
                set(revision "${commit}")
            endif()
        endif()
    endif()
endif()

set(text "#pragma once\n\nnamespace costgate::cli {\n\n/// The git revision costgate was built from (cmake/Revision.cmake).\ninline constexpr const char* k_revision = \"${revision}\";\n\n} // namespace costgate::cli\n")
if(EXISTS "${OUTPUT}")
    file(READ "${OUTPUT}" old)
endif()
if(NOT old STREQUAL text)
    file(WRITE "${OUTPUT}" "${text}")
endif()
