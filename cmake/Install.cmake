# `cmake --install` layout: libiocscan.a, the public headers, the iocscan
# binary and its man page, a CMake package (find_package(iocscan CONFIG) ->
# iocscan::iocscan, dependencies found transitively) and a pkg-config file.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS iocscan EXPORT iocscanTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS iocscan_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/iocscan DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES docs/iocscan.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

set(IOCSCAN_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/iocscan)
install(EXPORT iocscanTargets NAMESPACE iocscan:: DESTINATION ${IOCSCAN_CMAKE_DIR})
configure_package_config_file(cmake/iocscanConfig.cmake.in
    ${PROJECT_BINARY_DIR}/iocscanConfig.cmake INSTALL_DESTINATION ${IOCSCAN_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/iocscanConfigVersion.cmake
    COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/iocscanConfig.cmake ${PROJECT_BINARY_DIR}/iocscanConfigVersion.cmake
              cmake/CryptoppArchive.cmake
        DESTINATION ${IOCSCAN_CMAKE_DIR})

# The .pc file finds its prefix relative to itself, so the installed tree can
# be moved (and `cmake --install --prefix` works without reconfiguring).
file(RELATIVE_PATH IOCSCAN_PC_TO_PREFIX "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
configure_file(cmake/iocscan.pc.in ${PROJECT_BINARY_DIR}/iocscan.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/iocscan.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
