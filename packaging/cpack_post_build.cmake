# CPACK_POST_BUILD_SCRIPTS: packs the .deb again with xz (CPack made both packages with gzip,
# which suits the already compressed debug files; the programs shrink to less than half with
# xz) and repairs the routerlens-dbgsym .ddeb that CPack 3.25 makes.
# - Its md5sums names each file by its absolute path in CPack's staging folder instead of its
#   path in the package (lintian: md5sums-lists-nonexistent-file); the sums are written again.
# - It has no /usr/share/doc entry; Debian's -dbgsym packages link theirs to the main
#   package's folder (allowed because they depend on that exact version), which gives them the
#   copyright file and changelog (lintian: no-copyright-file, no-changelog).
# - The debug files are data, mode 644 as dh_strip leaves them (objcopy copied 755).
find_program(DPKG_DEB dpkg-deb REQUIRED)
foreach(package IN LISTS CPACK_PACKAGE_FILES)
  if(package MATCHES "\\.deb$")
    set(tree "${CPACK_TOPLEVEL_DIRECTORY}/deb-repack")
    file(REMOVE_RECURSE "${tree}")
    execute_process(COMMAND ${DPKG_DEB} --raw-extract "${package}" "${tree}" COMMAND_ERROR_IS_FATAL ANY)
    execute_process(COMMAND ${DPKG_DEB} --root-owner-group -Zxz --build "${tree}" "${package}"
                    OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
    file(REMOVE_RECURSE "${tree}")
    continue()
  endif()
  if(NOT package MATCHES "-dbgsym_[^/]*\\.ddeb$")
    continue()
  endif()
  get_filename_component(name "${package}" NAME)
  string(REGEX REPLACE "-dbgsym_.*" "" main_package "${name}")
  set(tree "${CPACK_TOPLEVEL_DIRECTORY}/dbgsym-repair")
  file(REMOVE_RECURSE "${tree}")
  execute_process(COMMAND ${DPKG_DEB} --raw-extract "${package}" "${tree}" COMMAND_ERROR_IS_FATAL ANY)
  file(GLOB_RECURSE debug_files LIST_DIRECTORIES false RELATIVE "${tree}" "${tree}/usr/*")
  list(SORT debug_files)
  set(sums "")
  foreach(f IN LISTS debug_files)
    file(CHMOD "${tree}/${f}" PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
    file(MD5 "${tree}/${f}" sum)
    string(APPEND sums "${sum}  ${f}\n")
  endforeach()
  file(WRITE "${tree}/DEBIAN/md5sums" "${sums}")
  file(MAKE_DIRECTORY "${tree}/usr/share/doc")
  file(CREATE_LINK "${main_package}" "${tree}/usr/share/doc/${main_package}-dbgsym" SYMBOLIC)
  execute_process(COMMAND ${DPKG_DEB} --root-owner-group -Zgzip
                          --build "${tree}" "${package}"
                  OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
  file(REMOVE_RECURSE "${tree}")
  message(STATUS "RouterLens: repaired ${name} (md5sums, /usr/share/doc link)")
endforeach()
