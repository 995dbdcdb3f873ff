# IOCSCAN_SANITIZE: a comma list passed to -fsanitize= for every target
# (e.g. "address,undefined"). Used by the "asan" preset; any finding aborts.
set(IOCSCAN_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address,undefined")
if(IOCSCAN_SANITIZE)
    add_compile_options(-fsanitize=${IOCSCAN_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer -g)
    add_link_options(-fsanitize=${IOCSCAN_SANITIZE})
    # GCC's flow analysis gives false "may be used uninitialized" reports
    # inside the standard library when sanitizers instrument it.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        add_compile_options(-Wno-maybe-uninitialized)
    endif()
endif()

# IOCSCAN_FUZZ: build the libFuzzer targets in tests/fuzz (needs clang).
option(IOCSCAN_FUZZ "Build the libFuzzer targets (clang only)" OFF)
if(IOCSCAN_FUZZ)
    # Coverage feedback for the library code the fuzz targets call.
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()
