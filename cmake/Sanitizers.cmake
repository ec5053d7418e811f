# Sanitizer and fuzzer builds (issue 15). Off by default: the plain build (scripts/demo.sh) is
# unchanged. scripts/test.sh configures its trees with these options (scripts/lib.sh).
#
#   ROUTERLENS_SANITIZE=address,undefined   AddressSanitizer + UBSan for everything built
#   ROUTERLENS_SANITIZE=thread              ThreadSanitizer
#   ROUTERLENS_BUILD_FUZZERS=ON             libFuzzer targets under fuzz/ (clang only); the
#                                           engine libraries get coverage instrumentation
#                                           (-fsanitize=fuzzer-no-link) so the fuzzers see it.
# Every finding stops the program (-fno-sanitize-recover=all): a report is a failed test.
set(ROUTERLENS_SANITIZE "" CACHE STRING "Sanitizers to build with: address,undefined or thread (empty: none)")
option(ROUTERLENS_BUILD_FUZZERS "Build the libFuzzer targets under fuzz/ (needs clang)" OFF)

if(ROUTERLENS_SANITIZE)
  if(NOT ROUTERLENS_SANITIZE MATCHES "^(address,undefined|undefined,address|address|undefined|thread)$")
    message(FATAL_ERROR "ROUTERLENS_SANITIZE=${ROUTERLENS_SANITIZE}: use address,undefined or thread")
  endif()
  add_compile_options(-fsanitize=${ROUTERLENS_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${ROUTERLENS_SANITIZE})
endif()

if(ROUTERLENS_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "ROUTERLENS_BUILD_FUZZERS needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++-14")
  endif()
  if(NOT ROUTERLENS_SANITIZE MATCHES "address")
    message(FATAL_ERROR "ROUTERLENS_BUILD_FUZZERS needs ROUTERLENS_SANITIZE=address,undefined (a fuzzer without ASan misses most bugs)")
  endif()
endif()

# routerlens_fuzz_instrument(<target>): coverage for libFuzzer in an engine library.
function(routerlens_fuzz_instrument target)
  if(ROUTERLENS_BUILD_FUZZERS)
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()
