# generated/costgate/cli/revision.hpp: the git revision costgate was built from, for
# `costgate version`. It is rewritten at every build but only touched when the revision
# changes, so a commit recompiles one file. Outside a git checkout (a source tarball, the
# GitHub Action's copy) it is "unknown"; COSTGATE_REVISION sets it by hand.
set(COSTGATE_REVISION "" CACHE STRING "The revision `costgate version` prints (default: from git)")
set(COSTGATE_REVISION_HEADER "${CMAKE_CURRENT_BINARY_DIR}/generated/costgate/cli/revision.hpp")
add_custom_target(costgate_revision
    COMMAND "${CMAKE_COMMAND}" "-DSOURCE_DIR=${CMAKE_CURRENT_SOURCE_DIR}" "-DOUTPUT=${COSTGATE_REVISION_HEADER}"
            "-DREVISION=${COSTGATE_REVISION}" -P "${CMAKE_CURRENT_LIST_DIR}/revision_script.cmake"
    BYPRODUCTS "${COSTGATE_REVISION_HEADER}"
    COMMENT "Reading the git revision"
    VERBATIM)
add_dependencies(costgate_cli costgate_revision)
