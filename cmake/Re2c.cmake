# Turns the re2c grammars in grammar/ into C++ at build time.
#
# gen/ holds a committed copy of the generated code. When re2c 3.0 is found,
# the scanners are generated afresh into the build tree and a test checks that
# gen/ still matches them (`cmake --build build --target update-gen` refreshes
# it). Without re2c 3.0 the committed copy is compiled instead, so the project
# still builds on a machine without re2c.

find_program(RE2C_EXECUTABLE re2c)
set(IOCSCAN_RE2C_OK FALSE)
if(RE2C_EXECUTABLE)
    execute_process(COMMAND ${RE2C_EXECUTABLE} --version
                    OUTPUT_VARIABLE _re2c_version OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(_re2c_version MATCHES "^re2c 3\\.0")
        set(IOCSCAN_RE2C_OK TRUE)
    else()
        message(WARNING "${_re2c_version} found, but the grammars are written for re2c 3.0: "
                        "building the committed copies in gen/")
    endif()
else()
    message(STATUS "re2c not found: building the committed scanners in gen/")
endif()

# -f: storable state (push model); -i: no #line, so output is reproducible;
# -W -Werror: shadowed rules, missing catch-all rules and empty matches are errors.
set(IOCSCAN_RE2C_FLAGS -f -i -W -Werror --no-generation-date --no-version)

# iocscan_generated_name(<out-var> grammar/<family>/<name>.re)
# Sets <out-var> to "<family>/<name>": where the scanner goes under gen/.
function(iocscan_generated_name out_var grammar)
    string(REGEX REPLACE "^grammar/(.*)\\.re$" "\\1" name ${grammar})
    set(${out_var} ${name} PARENT_SCOPE)
endfunction()

# iocscan_generate_scanners(<out-var> <grammar.re>...)
# Sets <out-var> to the list of C++ files to compile for the given grammars.
function(iocscan_generate_scanners out_var)
    set(sources)
    set(fresh_checks)
    foreach(grammar IN LISTS ARGN)
        iocscan_generated_name(name ${grammar})
        get_filename_component(family ${name} DIRECTORY)
        set(committed ${PROJECT_SOURCE_DIR}/gen/${name}.cpp)
        if(IOCSCAN_RE2C_OK)
            set(output ${PROJECT_BINARY_DIR}/gen/${name}.cpp)
            add_custom_command(
                OUTPUT ${output}
                COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/gen/${family}
                COMMAND ${RE2C_EXECUTABLE} ${IOCSCAN_RE2C_FLAGS}
                        -I ${PROJECT_SOURCE_DIR}/grammar/common
                        --depfile ${output}.d -o ${output}
                        ${PROJECT_SOURCE_DIR}/${grammar}
                DEPENDS ${PROJECT_SOURCE_DIR}/${grammar}
                DEPFILE ${output}.d
                COMMENT "re2c ${grammar}"
                VERBATIM)
            list(APPEND sources ${output})
            list(APPEND fresh_checks COMMAND ${CMAKE_COMMAND} -E copy ${output} ${committed})
        else()
            list(APPEND sources ${committed})
        endif()
    endforeach()
    if(IOCSCAN_RE2C_OK)
        add_custom_target(update-gen ${fresh_checks} DEPENDS ${sources}
                          COMMENT "copying generated scanners into gen/")
    endif()
    set(${out_var} ${sources} PARENT_SCOPE)
endfunction()
