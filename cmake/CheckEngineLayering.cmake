# Fails the build when a file breaks the layering of shared/DESIGN.md:
#  - anything under engine/ includes a Qt Widgets (or Charts) header;
#  - the vendor layer (commands and parsers) includes a layer above it or the transport
#    (the value types they share live in engine/api);
#  - the UI reaches the vendor layer or the transport directly instead of through
#    RouterDataService;
#  - the HTTP API (server/) is included from below or beside it, or reaches past the service.
set(offenders "")

function(check_includes files regex why)
  foreach(f IN LISTS files)
    file(STRINGS "${f}" hits REGEX "${regex}")
    if(hits)
      string(APPEND offenders "\n  ${f}: ${hits} (${why})")
    endif()
  endforeach()
  set(offenders "${offenders}" PARENT_SCOPE)
endfunction()

file(GLOB_RECURSE engine_files "${ENGINE_DIR}/*.h" "${ENGINE_DIR}/*.cpp")
check_includes("${engine_files}"
  "^[ \t]*#[ \t]*include[ \t]*[<\"](QtWidgets|QtCharts|QtGui/QWidget|QWidget|QMainWindow|QDialog|QApplication|QAbstractButton|QLabel|QPushButton|QTableView|QTreeView|QChart)[/>\".]"
  "engine/ never includes widgets")

file(GLOB_RECURSE vendor_files "${ENGINE_DIR}/vendors/*.h" "${ENGINE_DIR}/vendors/*.cpp")
check_includes("${vendor_files}"
  "^[ \t]*#[ \t]*include[ \t]*\"engine/(transport|storage|scheduling|service|access|diagnosis|inventory)/"
  "engine/vendors depends on engine/api only")

if(UI_DIR)
  file(GLOB_RECURSE ui_files "${UI_DIR}/*.h" "${UI_DIR}/*.cpp")
  check_includes("${ui_files}"
    "^[ \t]*#[ \t]*include[ \t]*\"engine/(vendors|transport)/"
    "the UI reaches parsing and routers only through RouterDataService")
endif()

# The HTTP API (server/) sits beside the UI, above the engine: neither the engine nor the UI
# includes it, and it reaches routers only through RouterDataService.
check_includes("${engine_files};${ui_files}"
  "^[ \t]*#[ \t]*include[ \t]*\"server/"
  "server/ is a front end: nothing below or beside it includes it")
if(SERVER_DIR)
  file(GLOB_RECURSE server_files "${SERVER_DIR}/*.h" "${SERVER_DIR}/*.cpp")
  check_includes("${server_files}"
    "^[ \t]*#[ \t]*include[ \t]*[<\"](engine/(vendors|transport)/|ui/|QtWidgets|QWidget)"
    "the API reaches routers only through RouterDataService and has no widgets")
endif()

if(offenders)
  message(FATAL_ERROR "Layering broken (see shared/DESIGN.md):${offenders}")
endif()
