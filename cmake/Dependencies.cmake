# The third-party libraries, all from Debian's packages (scripts/install-deps.sh); nothing
# is downloaded. costgate_deps carries them to every target.
#
# COSTGATE_STATIC links them from static archives instead of shared libraries, for the
# release binary (docs/packaging.md). The compile flags are the same either way, so one
# build tree can switch between the two and relink without recompiling costgate's files:
# - spdlog and fmt are always header-only (Debian ships neither as a static archive; only
#   a few files log);
# - yaml-cpp and libyaml: Debian's libyaml-cpp.a and libyaml.a;
# - simdjson: Debian ships no static archive, so its single-file source (simdjson.cpp, from
#   Debian's source package, fetched by `scripts/install-deps.sh --package`) is compiled
#   here, checked to match the installed simdjson.h.
option(COSTGATE_STATIC "Link the libraries statically and costgate fully statically (release binary)" OFF)
set(COSTGATE_SIMDJSON_SOURCE "" CACHE FILEPATH
    "simdjson.cpp of the installed simdjson's version (COSTGATE_STATIC; found under /usr/local/src)")

find_package(Threads REQUIRED)
find_package(CLI11 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(spdlog REQUIRED)
find_package(fmt REQUIRED)
find_package(simdjson REQUIRED)
# libyaml (Debian: libyaml-dev) reads Kubernetes manifests, ten times faster than yaml-cpp
# (docs/ARCHITECTURE.md); it ships no CMake package file.
find_path(LIBYAML_INCLUDE_DIR yaml.h REQUIRED)

add_library(costgate_deps INTERFACE)
target_link_libraries(costgate_deps INTERFACE CLI11::CLI11 nlohmann_json::nlohmann_json
                      fmt::fmt-header-only Threads::Threads)
# spdlog header-only with Debian's fmt (what spdlog::spdlog_header_only sets, without its
# link to the shared libfmt).
target_compile_definitions(costgate_deps INTERFACE SPDLOG_FMT_EXTERNAL)
target_include_directories(costgate_deps SYSTEM INTERFACE "${LIBYAML_INCLUDE_DIR}")

if(NOT COSTGATE_STATIC)
    find_library(LIBYAML_LIBRARY yaml REQUIRED)
    target_link_libraries(costgate_deps INTERFACE yaml-cpp simdjson::simdjson "${LIBYAML_LIBRARY}")
    return()
endif()

if(COSTGATE_SANITIZE)
    message(FATAL_ERROR "COSTGATE_STATIC and COSTGATE_SANITIZE exclude each other (the sanitizers need a dynamic C library)")
endif()
find_library(YAML_CPP_ARCHIVE NAMES libyaml-cpp.a REQUIRED)
find_library(LIBYAML_ARCHIVE NAMES libyaml.a REQUIRED)

if(NOT COSTGATE_SIMDJSON_SOURCE)
    find_file(COSTGATE_SIMDJSON_FOUND simdjson.cpp
              PATHS "/usr/local/src/simdjson-${simdjson_VERSION}/singleheader" NO_DEFAULT_PATH)
    if(NOT COSTGATE_SIMDJSON_FOUND)
        message(FATAL_ERROR "COSTGATE_STATIC needs simdjson ${simdjson_VERSION}'s simdjson.cpp in "
                            "/usr/local/src/simdjson-${simdjson_VERSION}/singleheader: run "
                            "scripts/install-deps.sh --package (as root), or set COSTGATE_SIMDJSON_SOURCE")
    endif()
    set(COSTGATE_SIMDJSON_SOURCE "${COSTGATE_SIMDJSON_FOUND}" CACHE FILEPATH "" FORCE)
endif()
# costgate's files include the installed simdjson.h; the compiled source must be its twin.
get_filename_component(simdjson_source_dir "${COSTGATE_SIMDJSON_SOURCE}" DIRECTORY)
get_target_property(simdjson_include_dirs simdjson::simdjson INTERFACE_INCLUDE_DIRECTORIES)
find_file(COSTGATE_SIMDJSON_HEADER simdjson.h PATHS ${simdjson_include_dirs} NO_DEFAULT_PATH REQUIRED)
file(SHA256 "${simdjson_source_dir}/simdjson.h" source_header_hash)
file(SHA256 "${COSTGATE_SIMDJSON_HEADER}" installed_header_hash)
if(NOT source_header_hash STREQUAL installed_header_hash)
    message(FATAL_ERROR "${simdjson_source_dir}/simdjson.h differs from ${COSTGATE_SIMDJSON_HEADER}: "
                        "the simdjson source is not the installed version's")
endif()

# simdjson.cpp includes its twin header from its own folder; costgate's files keep the
# installed one, so their compile lines do not change with COSTGATE_STATIC.
add_library(costgate_simdjson STATIC "${COSTGATE_SIMDJSON_SOURCE}")
# As Debian's shared library is built and exports it.
target_compile_definitions(costgate_simdjson PUBLIC SIMDJSON_THREADS_ENABLED=1)
target_link_libraries(costgate_simdjson PUBLIC Threads::Threads)

get_target_property(yaml_cpp_include_dirs yaml-cpp INTERFACE_INCLUDE_DIRECTORIES)
target_include_directories(costgate_deps SYSTEM INTERFACE ${yaml_cpp_include_dirs})
# Archives in link order: yaml-cpp and simdjson use the C++ runtime, libyaml only libc.
target_link_libraries(costgate_deps INTERFACE "${YAML_CPP_ARCHIVE}" costgate_simdjson "${LIBYAML_ARCHIVE}")
