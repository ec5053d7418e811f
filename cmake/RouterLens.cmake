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
endfunction()

# routerlens_add_test(<name> SOURCES <files...> LIBS <targets...> [LABELS <labels...>])
# One Qt Test executable per unit; SRCDIR points at the test's folder for data files.
function(routerlens_add_test name)
  cmake_parse_arguments(T "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBS})
  target_compile_definitions(${name} PRIVATE SRCDIR="${CMAKE_CURRENT_SOURCE_DIR}/"
                                             TOPSRCDIR="${PROJECT_SOURCE_DIR}/")
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
  if(T_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}")
  endif()
endfunction()
