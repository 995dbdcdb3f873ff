# Crypto++ (SHA-256, SHA3-256, Keccak-256 for the address checksums) linked
# from its static archive, as the imported target iocscan_cryptopp::archive.
# The shared libcrypto++.so cost every process ~12 M instructions of
# relocations and constructors at start-up, with or without a checksum type
# (bench/RESULTS.md). Debian's libcrypto++-dev ships the archive built as
# PIC, so the Python extension (a shared object) links it too. Used by the
# build and by the installed iocscanConfig.cmake.
if(NOT TARGET iocscan_cryptopp::archive)
    find_package(PkgConfig REQUIRED)
    pkg_check_modules(IOCSCAN_CRYPTOPP REQUIRED libcrypto++)
    find_library(IOCSCAN_CRYPTOPP_ARCHIVE NAMES libcrypto++.a libcryptopp.a
                 HINTS ${IOCSCAN_CRYPTOPP_LIBRARY_DIRS} REQUIRED)
    add_library(iocscan_cryptopp::archive STATIC IMPORTED)
    set_target_properties(iocscan_cryptopp::archive PROPERTIES
        IMPORTED_LOCATION "${IOCSCAN_CRYPTOPP_ARCHIVE}"
        INTERFACE_INCLUDE_DIRECTORIES "${IOCSCAN_CRYPTOPP_INCLUDE_DIRS}"
        INTERFACE_LINK_LIBRARIES m)   # its number theory calls log(); a C link does not add libm
endif()
