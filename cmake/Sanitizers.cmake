# IOCSCAN_SANITIZE: a comma list passed to -fsanitize= for every target
# (e.g. "address,undefined"). Used by the "asan" preset; any finding aborts.
set(IOCSCAN_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address,undefined")
if(IOCSCAN_SANITIZE)
    add_compile_options(-fsanitize=${IOCSCAN_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer -g)
    add_link_options(-fsanitize=${IOCSCAN_SANITIZE})
endif()

# IOCSCAN_FUZZ: build the libFuzzer targets in tests/fuzz (needs clang).
option(IOCSCAN_FUZZ "Build the libFuzzer targets (clang only)" OFF)
if(IOCSCAN_FUZZ)
    # Coverage feedback for the library code the fuzz targets call.
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()
