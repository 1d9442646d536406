# Robustness builds (docs/reliability.md).
# COSTGATE_SANITIZE builds every target with AddressSanitizer and UndefinedBehaviorSanitizer;
# any report aborts the process, so a test that triggers one fails.
# COSTGATE_FUZZ (clang only) instruments the code for libFuzzer and links the fuzz targets
# in fuzz/ with its driver; without it the same targets link a driver that replays files,
# so the saved crash inputs in fuzz/regressions/ run in every build.
option(COSTGATE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(COSTGATE_FUZZ "Build the fuzz targets with libFuzzer (needs clang)" OFF)

if(COSTGATE_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
    add_link_options(-fsanitize=address,undefined)
endif()

if(COSTGATE_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "COSTGATE_FUZZ needs clang (e.g. -DCMAKE_CXX_COMPILER=clang++-14)")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()
