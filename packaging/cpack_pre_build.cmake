# CPACK_PRE_BUILD_SCRIPTS: runs on the staged tree before the DEB generator splits the debug
# information off into routerlens-dbgsym (objcopy --only-keep-debug, then --strip-unneeded).
# - .comment (the compiler's version string) serves nothing at run time; dh_strip removes it
#   too (lintian: binary-has-unneeded-section).
# - The debug sections are compressed (zlib, as dh_strip does): the debug files shrink to about
#   a third, gdb reads them as they are, and the .ddeb takes far less time to build.
find_program(OBJCOPY objcopy REQUIRED)
# The staged tree; never an empty path, which would make the glob below /usr/bin itself.
set(staged "${CPACK_TEMPORARY_DIRECTORY}")
if(NOT staged MATCHES "_CPack_Packages" OR NOT IS_DIRECTORY "${staged}/usr/bin")
  message(FATAL_ERROR "cpack_pre_build: no staged tree at '${staged}'")
endif()
file(GLOB binaries LIST_DIRECTORIES false "${staged}/usr/bin/*")
foreach(binary IN LISTS binaries)
  execute_process(COMMAND ${OBJCOPY} --remove-section=.comment --compress-debug-sections=zlib
                          "${binary}"
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "objcopy on ${binary} failed: ${err}")
  endif()
  message(STATUS "RouterLens: compressed the debug sections of ${binary}")
endforeach()
