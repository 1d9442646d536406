# With COSTGATE_STATIC (cmake/Dependencies.cmake) the costgate binary is linked fully
# statically, the C library included: one file that runs on any Linux of its architecture
# whatever C library the machine has (docs/packaging.md says why not glibc dynamic).
# --fatal-warnings turns glibc's "Using 'getaddrinfo' in statically linked applications
# requires at runtime the shared libraries..." (NSS, dlopen, iconv) into a link error, so
# no such call slips into the release binary.
if(COSTGATE_STATIC)
    target_link_options(costgate PRIVATE -static -Wl,--fatal-warnings)
endif()
