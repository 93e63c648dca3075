# `cmake --install`: libcxf (shared, and static for programs that link everything in), its headers,
# a CMake package (find_package(cxf) → cxf::cxf, the shared library) and a pkg-config file (cxf.pc;
# `pkg-config --static` adds what the static library needs). The cxf program, its man page and its
# bash completion are installed by tools/cxf.
include(CMakePackageConfigHelpers)

install(TARGETS cxf_shared EXPORT cxfTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT development)
install(FILES $<TARGET_FILE:cxf> DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/cxf/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/cxf
        FILES_MATCHING PATTERN "*.h")

set(cxf_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/cxf)
install(EXPORT cxfTargets NAMESPACE cxf:: DESTINATION ${cxf_cmake_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/cxfConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/cxfConfig.cmake INSTALL_DESTINATION ${cxf_cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cxfConfigVersion.cmake COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cxfConfig.cmake ${PROJECT_BINARY_DIR}/cxfConfigVersion.cmake
        DESTINATION ${cxf_cmake_dir})

configure_file(${PROJECT_SOURCE_DIR}/cmake/cxf.pc.in ${PROJECT_BINARY_DIR}/cxf.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/cxf.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
