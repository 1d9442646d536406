# costgate_warnings: the warning flags every costgate target builds with.
# -Werror is on when COSTGATE_WERROR is set (CI sets it) so local builds stay usable
# with newer compilers that add warnings.
option(COSTGATE_WERROR "Treat compiler warnings as errors" OFF)

add_library(costgate_warnings INTERFACE)
target_compile_options(costgate_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                       -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused
                       -Woverloaded-virtual -Wimplicit-fallthrough)
if(COSTGATE_WERROR)
    target_compile_options(costgate_warnings INTERFACE -Werror)
endif()
