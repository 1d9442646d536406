# Cross-compiles costgate for arm64 Linux with Debian's toolchain (g++-aarch64-linux-gnu):
#   cmake -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-aarch64.cmake -DCOSTGATE_STATIC=ON ...
# (scripts/package.sh --arch arm64 does it). The arm64 libraries come from their Debian
# packages unpacked into /usr/local/lib/costgate-cross/arm64 by
# `scripts/install-deps.sh --package --arch arm64`; the C library and the C++ runtime from
# the cross toolchain. qemu-user-static runs the result, for the man page and the checks.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

set(COSTGATE_CROSS_ROOT "/usr/local/lib/costgate-cross/arm64" CACHE PATH "The unpacked arm64 packages")
set(CMAKE_FIND_ROOT_PATH "${COSTGATE_CROSS_ROOT}" /usr/aarch64-linux-gnu)
# Libraries, headers and CMake package files only from the arm64 roots: the build
# machine's /usr/include has its own C library's headers, which must not come first.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

find_program(COSTGATE_QEMU qemu-aarch64-static)
if(COSTGATE_QEMU)
    set(CMAKE_CROSSCOMPILING_EMULATOR "${COSTGATE_QEMU}")
endif()
