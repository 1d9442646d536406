# The third-party libraries, all from Debian's packages (scripts/install-deps.sh); nothing
# is downloaded while building. The layers link one interface target per library
# (costgate_yaml_cpp, costgate_libyaml, costgate_simdjson, costgate_spdlog, costgate_re2), so a layer
# links only what it uses and COSTGATE_STATIC can change what each one is.
#
# COSTGATE_STATIC links them statically, for the release binary (docs/packaging.md):
# yaml-cpp, libyaml and RE2 from Debian's static archives; simdjson, spdlog and fmt, which
# Debian ships only as shared libraries, compiled here from Debian's source packages of
# the installed versions (`scripts/install-deps.sh --package` puts them in
# /usr/local/src/costgate), after checking that their headers are the installed ones.
# costgate's own files compile with the same flags either way (the shared libraries'
# definitions are kept: on Linux they only set symbol visibility), so one build tree
# switches between the two by relinking.
option(COSTGATE_STATIC "Link the libraries statically and costgate fully statically (release binary)" OFF)
set(COSTGATE_DEPS_SOURCE_DIR "/usr/local/src/costgate" CACHE PATH
    "Where Debian's sources of simdjson, spdlog and fmt are (COSTGATE_STATIC)")

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
# RE2 (Debian: libre2-dev) matches the regular expressions users write in linear time
# (docs/ARCHITECTURE.md); Debian 12's release has a pkg-config file but no CMake package.
find_path(RE2_INCLUDE_DIR re2/re2.h REQUIRED)

foreach(library IN ITEMS yaml_cpp libyaml simdjson spdlog re2)
    add_library(costgate_${library} INTERFACE)
endforeach()
target_include_directories(costgate_libyaml SYSTEM INTERFACE "${LIBYAML_INCLUDE_DIR}")
target_include_directories(costgate_re2 SYSTEM INTERFACE "${RE2_INCLUDE_DIR}")
target_link_libraries(costgate_re2 INTERFACE Threads::Threads)

if(NOT COSTGATE_STATIC)
    find_library(LIBYAML_LIBRARY yaml REQUIRED)
    find_library(RE2_LIBRARY re2 REQUIRED)
    target_link_libraries(costgate_yaml_cpp INTERFACE yaml-cpp)
    target_link_libraries(costgate_libyaml INTERFACE "${LIBYAML_LIBRARY}")
    target_link_libraries(costgate_re2 INTERFACE "${RE2_LIBRARY}")
    target_link_libraries(costgate_simdjson INTERFACE simdjson::simdjson)
    target_link_libraries(costgate_spdlog INTERFACE spdlog::spdlog)
    return()
endif()

if(COSTGATE_SANITIZE)
    message(FATAL_ERROR "COSTGATE_STATIC and COSTGATE_SANITIZE exclude each other (the sanitizers need a dynamic C library)")
endif()
find_library(YAML_CPP_ARCHIVE NAMES libyaml-cpp.a REQUIRED)
find_library(LIBYAML_ARCHIVE NAMES libyaml.a REQUIRED)
find_library(RE2_ARCHIVE NAMES libre2.a REQUIRED)

# The folder of Debian's source package NAME at VERSION (upstream version, no Debian suffix).
function(costgate_debian_source out name version)
    set(dir "${COSTGATE_DEPS_SOURCE_DIR}/${name}-${version}")
    if(NOT IS_DIRECTORY "${dir}")
        message(FATAL_ERROR "COSTGATE_STATIC needs Debian's source of ${name} ${version} in ${dir}: "
                            "run scripts/install-deps.sh --package (as root)")
    endif()
    set(${out} "${dir}" PARENT_SCOPE)
endfunction()

# Fails unless each header of the source (the files matching GLOBS under SOURCE_INCLUDE)
# is byte for byte the installed one that costgate's files include: then the compiled
# library is the one those headers describe.
function(costgate_require_installed_headers imported source_include)
    get_target_property(include_dirs ${imported} INTERFACE_INCLUDE_DIRECTORIES)
    file(GLOB_RECURSE headers RELATIVE "${source_include}" ${ARGN})
    if(NOT headers)
        message(FATAL_ERROR "no headers matching ${ARGN} in ${source_include}")
    endif()
    foreach(header IN LISTS headers)
        unset(installed) # find_file skips the search while the variable is set
        find_file(installed "${header}" PATHS ${include_dirs} NO_DEFAULT_PATH NO_CACHE REQUIRED)
        file(SHA256 "${source_include}/${header}" source_hash)
        file(SHA256 "${installed}" installed_hash)
        if(NOT source_hash STREQUAL installed_hash)
            message(FATAL_ERROR "${source_include}/${header} differs from ${installed}: "
                                "the source is not the installed version's")
        endif()
    endforeach()
endfunction()

# A static library compiled from Debian's source of an IMPORTED shared library, used with
# that library's compile definitions, so the files that include its headers do not change.
function(costgate_static_from_source target imported)
    add_library(${target} STATIC ${ARGN})
    get_target_property(definitions ${imported} INTERFACE_COMPILE_DEFINITIONS)
    if(definitions)
        target_compile_definitions(${target} PUBLIC ${definitions})
    endif()
    target_link_libraries(${target} PUBLIC Threads::Threads)
    # Their warnings are not ours to fix (spdlog 1.10's async.cpp has one with GCC 12).
    target_compile_options(${target} PRIVATE -w)
endfunction()

costgate_debian_source(simdjson_source simdjson "${simdjson_VERSION}")
costgate_require_installed_headers(simdjson::simdjson "${simdjson_source}/singleheader" "${simdjson_source}/singleheader/*.h")
costgate_static_from_source(costgate_simdjson_static simdjson::simdjson "${simdjson_source}/singleheader/simdjson.cpp")

costgate_debian_source(fmt_source fmtlib "${fmt_VERSION}")
costgate_require_installed_headers(fmt::fmt "${fmt_source}/include" "${fmt_source}/include/fmt/*.h")
costgate_static_from_source(costgate_fmt_static fmt::fmt "${fmt_source}/src/format.cc" "${fmt_source}/src/os.cc")

costgate_debian_source(spdlog_source spdlog "${spdlog_VERSION}")
costgate_require_installed_headers(spdlog::spdlog "${spdlog_source}/include" "${spdlog_source}/include/spdlog/*.h")
# The parts costgate uses: the core and the console sinks (whose factories need async.cpp).
costgate_static_from_source(costgate_spdlog_static spdlog::spdlog "${spdlog_source}/src/spdlog.cpp"
                            "${spdlog_source}/src/stdout_sinks.cpp" "${spdlog_source}/src/color_sinks.cpp"
                            "${spdlog_source}/src/async.cpp")
target_link_libraries(costgate_spdlog_static PUBLIC costgate_fmt_static)

get_target_property(yaml_cpp_include_dirs yaml-cpp INTERFACE_INCLUDE_DIRECTORIES)
target_include_directories(costgate_yaml_cpp SYSTEM INTERFACE ${yaml_cpp_include_dirs})
target_link_libraries(costgate_yaml_cpp INTERFACE "${YAML_CPP_ARCHIVE}")
target_link_libraries(costgate_libyaml INTERFACE "${LIBYAML_ARCHIVE}")
target_link_libraries(costgate_re2 INTERFACE "${RE2_ARCHIVE}")
target_link_libraries(costgate_simdjson INTERFACE costgate_simdjson_static)
target_link_libraries(costgate_spdlog INTERFACE costgate_spdlog_static)
