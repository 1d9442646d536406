# Compiles data files into the binary: costgate_embed(OUTPUT out.cpp BASE dir FILES a.csv ...)
# writes a .cpp that defines costgate::embedded_files(), a sorted list of
# {path relative to BASE, contents} pairs. Raw string literals keep the generated source readable
# and the build fast; a file containing the delimiter is refused.
set(COSTGATE_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/embed_files_script.cmake")

function(costgate_embed)
    cmake_parse_arguments(ARG "" "OUTPUT;BASE" "FILES" ${ARGN})
    add_custom_command(
        OUTPUT "${ARG_OUTPUT}"
        COMMAND "${CMAKE_COMMAND}" "-DOUTPUT=${ARG_OUTPUT}" "-DBASE=${ARG_BASE}" "-DFILES=${ARG_FILES}"
                -P "${COSTGATE_EMBED_SCRIPT}"
        DEPENDS ${ARG_FILES} "${COSTGATE_EMBED_SCRIPT}"
        COMMENT "Embedding ${CMAKE_CURRENT_SOURCE_DIR} data files"
        VERBATIM)
endfunction()
