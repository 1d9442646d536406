# Install rules and the Debian package (docs/packaging.md). scripts/package.sh runs
# `cpack -G DEB` in a tree configured with COSTGATE_STATIC, which makes
# costgate_VERSION_ARCH.deb: the stripped binary in /usr/bin, its man page, and the policy
# packs (with their test cases) in /usr/share/costgate/policies, depending on nothing.

# Debian's name for the target architecture (a cross build's, not the build machine's).
if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64)$")
    set(COSTGATE_DEB_ARCH amd64)
elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64)$")
    set(COSTGATE_DEB_ARCH arm64)
else()
    set(COSTGATE_DEB_ARCH "${CMAKE_SYSTEM_PROCESSOR}")
endif()

install(TARGETS costgate RUNTIME DESTINATION bin)
install(DIRECTORY policies/ DESTINATION share/costgate/policies)
install(FILES README.md CHANGELOG.md DESTINATION share/doc/costgate)

# The man page is costgate's --help text, so the binary must run here: natively, or under
# the emulator a cross build names (CMAKE_CROSSCOMPILING_EMULATOR, e.g. qemu-aarch64-static).
# Sanitizer and fuzzing trees are never packaged and skip it.
if(CMAKE_CROSSCOMPILING AND NOT CMAKE_CROSSCOMPILING_EMULATOR)
    message(WARNING "Cross build without CMAKE_CROSSCOMPILING_EMULATOR: the package has no man page")
elseif(NOT COSTGATE_SANITIZE AND NOT COSTGATE_FUZZ)
    set(man_page "${CMAKE_CURRENT_BINARY_DIR}/costgate.1")
    # SOURCE_DATE_EPOCH, when set, fixes the date for reproducible packages.
    string(TIMESTAMP man_date "%Y-%m-%d" UTC)
    add_custom_command(
        OUTPUT "${man_page}"
        COMMAND "${CMAKE_COMMAND}" "-DCOSTGATE=$<TARGET_FILE:costgate>"
                "-DEMULATOR=${CMAKE_CROSSCOMPILING_EMULATOR}" "-DOUTPUT=${man_page}"
                "-DVERSION=${PROJECT_VERSION}" "-DDATE=${man_date}"
                -P "${CMAKE_CURRENT_LIST_DIR}/man_page_script.cmake"
        DEPENDS costgate "${CMAKE_CURRENT_LIST_DIR}/man_page_script.cmake"
        COMMENT "Writing the costgate(1) man page from --help"
        VERBATIM)
    add_custom_target(costgate_man_page ALL DEPENDS "${man_page}")
    install(FILES "${man_page}" DESTINATION share/man/man1)
endif()

set(CPACK_PACKAGE_NAME costgate)
set(CPACK_PACKAGE_VENDOR costgate)
set(CPACK_PACKAGE_CONTACT "costgate maintainers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "monthly cost estimate and cost-policy gate for Terraform and Kubernetes")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "In a pull request, before terraform apply or kubectl apply, costgate tells what the
change will cost per month and enforces the team's cost policy (required tags, budgets,
instance types, ...). It runs offline: prices come from a catalog compiled into the binary,
each with its public source and date. Policy packs: /usr/share/costgate/policies.")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE "${COSTGATE_DEB_ARCH}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
if(COSTGATE_STATIC)
    # A fully static binary needs no package at all, not even libc6.
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "")
else()
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
endif()
include(CPack)
