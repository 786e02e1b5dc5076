# install() rules and CPack for Esep.
#   Linux:   one Debian package "esep" — esep-server, esep-admin, esep-client, the migrations
#            and reference data (share/esep/sql), the form templates (share/esep/forms), the
#            administrator's documents, a desktop entry and an icon for the client:
#              cmake --build BUILD && (cd BUILD && cpack -G DEB)
#   Windows: the client alone (ESEP_CLIENT_ONLY=ON) with its Qt and library DLLs, as an NSIS
#            installer: docs/client-windows.md. ESEP_CLIENT_ONLY=ON on Linux makes a Debian
#            package "esep-client" of the client alone.
# The binaries find their data relative to themselves (<bin>/../share/esep/{sql,forms}: see
# db::DefaultSqlDir, reports::DefaultFormsDir), so the layout below is what they expect.
if(ESEP_CORE_ONLY OR ESEP_FUZZ)
  return()  # nothing a user runs
endif()
include(GNUInstallDirs)

install(TARGETS esep-client RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT client)

if(NOT ESEP_CLIENT_ONLY)
  install(TARGETS esep-server esep-admin RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
          COMPONENT server)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/sql/ DESTINATION ${CMAKE_INSTALL_DATADIR}/esep/sql
          COMPONENT server FILES_MATCHING PATTERN "*.sql" PATTERN "*.csv" PATTERN "README.md")
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/forms/ DESTINATION ${CMAKE_INSTALL_DATADIR}/esep/forms
          COMPONENT server FILES_MATCHING PATTERN "*.form")
  # What an administrator reads next to the binaries (docs/admin-guide.md points at these).
  install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE
                ${PROJECT_SOURCE_DIR}/docs/admin-guide.md ${PROJECT_SOURCE_DIR}/docs/config.md
                ${PROJECT_SOURCE_DIR}/docs/esep.conf.example
                ${PROJECT_SOURCE_DIR}/docs/api/openapi.yaml
          DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT server)
endif()

if(UNIX AND NOT APPLE)
  install(FILES ${PROJECT_SOURCE_DIR}/src/client/app/esep-client.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT client)
  install(FILES ${PROJECT_SOURCE_DIR}/src/client/app/esep-client.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT client)
endif()

if(WIN32)
  # Qt's DLLs, plugins (platform, styles, TLS backend) and translations beside the exe.
  qt_generate_deploy_app_script(TARGET esep-client OUTPUT_SCRIPT esep_client_deploy
                                NO_UNSUPPORTED_PLATFORM_ERROR NO_TRANSLATIONS)
  install(SCRIPT ${esep_client_deploy} COMPONENT client)
  # The other DLLs it links (spdlog, fmt, Boost.JSON, libxlsxwriter, zlib from vcpkg or
  # MSYS2): searched in the prefixes' bin folders, then PATH; Windows' own DLLs and Qt's
  # (deployed above) stay out.
  set(esep_dll_dirs)
  foreach(prefix IN LISTS CMAKE_PREFIX_PATH)
    list(APPEND esep_dll_dirs ${prefix}/bin)
  endforeach()
  install(TARGETS esep-client COMPONENT client
          RUNTIME_DEPENDENCIES
            PRE_EXCLUDE_REGEXES "api-ms-.*" "ext-ms-.*" "^[Qq]t6.*"
            POST_EXCLUDE_REGEXES ".*[Ss]ystem32/.*\\.dll"
            DIRECTORIES ${esep_dll_dirs}
          RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

set(CPACK_PACKAGE_NAME esep)
set(CPACK_PACKAGE_VENDOR "Esep contributors")
set(CPACK_PACKAGE_CONTACT "Esep contributors <esep@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Budget accounting for Kazakhstan's state institutions (server, admin console, client)")
set(CPACK_PACKAGE_DESCRIPTION
    "Esep: a memorial-order ledger on the chart of accounts for state institutions, HR and \
payroll, assets and budget planning on one PostgreSQL database, in Kazakh and Russian. This \
package holds esep-server (HTTPS JSON API), esep-admin (cluster, migrations, backups, users) \
and the desktop client esep-client.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/esep/esep")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Esep")
set(CPACK_PACKAGE_EXECUTABLES "esep-client;Esep")
set(CPACK_STRIP_FILES ON)

# Debian: the libraries come from dpkg-shlibdeps (Qt 6 Widgets/Network/PrintSupport, libpqxx
# 6.4, libxlsxwriter, spdlog, argon2, OpenSSL); what is run or read rather than linked is
# listed by hand: PostgreSQL's initdb/pg_ctl for the embedded cluster, the DejaVu fonts of
# printed documents, and Qt's platform plugins beyond xcb (Wayland) as a recommendation.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(ESEP_CLIENT_ONLY)
  # The client alone (a workstation): no database on this machine.
  set(CPACK_PACKAGE_NAME esep-client)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "postgresql (>= 15), fonts-dejavu-core")
endif()
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-dejavu-extra, qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)

if(WIN32)
  set(CPACK_GENERATOR NSIS)
  set(CPACK_NSIS_DISPLAY_NAME "Esep")
  set(CPACK_NSIS_PACKAGE_NAME "Esep ${PROJECT_VERSION}")
  set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\esep-client.exe")
  set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
  set(CPACK_NSIS_URL_INFO_ABOUT "${CPACK_PACKAGE_HOMEPAGE_URL}")
  set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
  set(CPACK_NSIS_MODIFY_PATH OFF)
  set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
  set(CPACK_NSIS_CREATE_ICONS_EXTRA
      "CreateShortCut '$DESKTOP\\\\Esep.lnk' '$INSTDIR\\\\bin\\\\esep-client.exe'")
  set(CPACK_NSIS_DELETE_ICONS_EXTRA "Delete '$DESKTOP\\\\Esep.lnk'")
elseif(UNIX AND NOT APPLE)
  set(CPACK_GENERATOR DEB)
endif()
include(CPack)
