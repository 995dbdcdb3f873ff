# Compiler warnings for the project's own code. IOCSCAN_WERROR (on by default,
# always on in CI) turns them into errors.
option(IOCSCAN_WERROR "Treat compiler warnings as errors" ON)

function(iocscan_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                           -Wconversion -Wno-sign-conversion)
    # GCC 12 reports false -Wrestrict errors inside std::string at -O3
    # (GCC bug 105651); the warning is not reliable there.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        target_compile_options(${target} PRIVATE -Wno-restrict)
    endif()
    if(IOCSCAN_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
