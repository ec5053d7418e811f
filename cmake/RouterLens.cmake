# routerlens_engine_module(NAME <name> DEPS <targets...>)
# One static library per engine layer, built from every .cpp in the folder, so that the
# layering of DESIGN.md is enforced by what each layer links.
function(routerlens_engine_module)
  cmake_parse_arguments(M "" "NAME" "DEPS" ${ARGN})
  file(GLOB_RECURSE srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp ${CMAKE_CURRENT_SOURCE_DIR}/*.h)
  add_library(rl_${M_NAME} STATIC ${srcs})
  target_include_directories(rl_${M_NAME} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(rl_${M_NAME} PUBLIC Qt6::Core ${M_DEPS})
  set_target_properties(rl_${M_NAME} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  routerlens_fuzz_instrument(rl_${M_NAME})
  # One precompiled header for the whole engine (cmake/Pch.cmake): rl_api's, the first layer.
  if(M_NAME STREQUAL "api")
    routerlens_pch(rl_api RL_PCH_CORE)
  else()
    routerlens_pch_reuse(rl_${M_NAME} rl_api)
  endif()
endfunction()

# routerlens_add_test(<name> SOURCES <files...> LIBS <targets...> [LABELS <labels...>] [WRAPPER <command...>])
# One Qt Test executable per unit; SRCDIR points at the test's folder for data files.
# WRAPPER runs the test through a command that sets something up around it (a database).
function(routerlens_add_test name)
  cmake_parse_arguments(T "" "" "SOURCES;LIBS;LABELS;WRAPPER" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBS})
  target_compile_definitions(${name} PRIVATE SRCDIR="${CMAKE_CURRENT_SOURCE_DIR}/"
                                             TOPSRCDIR="${PROJECT_SOURCE_DIR}/")
  # The tests' precompiled header (cmake/Pch.cmake): with Qt Widgets for those that have them.
  if(T_LIBS MATCHES "routerlens_ui|Qt6::Widgets")
    routerlens_pch_reuse(${name} rl_pch_ui_tests)
  else()
    routerlens_pch_reuse(${name} rl_pch_tests)
  endif()
  add_test(NAME ${name} COMMAND ${T_WRAPPER} $<TARGET_FILE:${name}>)
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
  if(T_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}")
  endif()
endfunction()

# routerlens_test_folders(<folder>...): adds the test folders listed, by name. A folder beside
# them that has a CMakeLists.txt but is not listed fails the configure step: its tests would
# otherwise never build or run.
function(routerlens_test_folders)
  foreach(folder IN LISTS ARGN)
    add_subdirectory(${folder})
  endforeach()
  file(GLOB present LIST_DIRECTORIES true RELATIVE ${CMAKE_CURRENT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/*)
  foreach(folder IN LISTS present)
    if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${folder}/CMakeLists.txt AND NOT folder IN_LIST ARGN)
      message(FATAL_ERROR "${CMAKE_CURRENT_SOURCE_DIR}/${folder} has a CMakeLists.txt but is not listed in ${CMAKE_CURRENT_LIST_FILE}")
    endif()
  endforeach()
endfunction()

# routerlens_test_sources(<dir> <out>): every source file of every target defined in <dir> and
# the folders below it, as absolute paths.
function(routerlens_test_sources dir out)
  set(all "")
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  foreach(target IN LISTS targets)
    get_target_property(sources ${target} SOURCES)
    get_target_property(source_dir ${target} SOURCE_DIR)
    foreach(s IN LISTS sources)
      if(NOT s MATCHES "^\\$<")
        get_filename_component(s ${s} ABSOLUTE BASE_DIR ${source_dir})
        list(APPEND all ${s})
      endif()
    endforeach()
  endforeach()
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(sub IN LISTS subdirs)
    routerlens_test_sources(${sub} below)
    list(APPEND all ${below})
  endforeach()
  set(${out} ${all} PARENT_SCOPE)
endfunction()
