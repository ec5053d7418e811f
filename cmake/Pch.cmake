# Precompiled headers (ROUTERLENS_PCH, on by default). Every translation unit of the engine, the
# UI and the tests parses the same Qt and standard headers (about 130 000 lines after the
# preprocessor) before a line of its own: a third of an engine file's compile time under the
# sanitizers, half or more of a UI or test file's at -O0. Parsed once per group instead:
#   rl_api                 the engine's Qt Core and standard headers; every engine library
#                          reuses it (same flags, same definitions or more)
#   routerlens_server      the same headers, its own (built at the front ends' flags)
#   routerlens_ui_models   + Qt Gui's model headers, its own
#   routerlens_ui          + Qt Widgets, its own; routerlens_tour reuses it
#   rl_pch_tests           a library of no code of its own, built with the tests' flags: every
#                          test without widgets and the fuzz regression replays reuse it
#   rl_pch_ui_tests        the same with Qt Widgets, for the tests of tests/ui
# Only system headers go in, never the project's: a header of ours edited rebuilds what includes
# it, as without precompiled headers. A source still includes what it uses: the tree must build
# with ROUTERLENS_PCH=OFF too.
#
# Reusing a precompiled header needs the same compiler options; definitions may be more than the
# donor's (clang accepts extra macros; gcc checks the macros the headers look at and falls back
# to the plain header, with -Winvalid-pch saying so). That is why no donor links Qt6::Test: its
# QT_TESTCASE_SOURCEDIR differs per test folder, and QtTest's headers stay out of the lists.
# ccache: clang's precompiled header must not carry a timestamp (-fno-pch-timestamp, below), and
# ccache needs sloppiness pch_defines,time_macros (the README's build section).
option(ROUTERLENS_PCH "Precompile the Qt and standard headers the sources share" ON)

set(RL_PCH_CORE
  <algorithm> <array> <atomic> <chrono> <cmath> <cstdint> <cstring> <functional> <memory>
  <mutex> <optional> <string> <string_view> <utility> <vector>
  <QByteArray> <QCoreApplication> <QDateTime> <QDir> <QElapsedTimer> <QFile> <QFileInfo>
  <QHash> <QJsonArray> <QJsonDocument> <QJsonObject> <QJsonValue> <QList> <QMap> <QMetaType>
  <QMutex> <QObject> <QPointer> <QRegularExpression> <QSet> <QString> <QStringList> <QTimer>
  <QUrl> <QVariant>)
set(RL_PCH_GUI ${RL_PCH_CORE}
  <QAbstractItemModel> <QAbstractTableModel> <QColor> <QFont> <QGuiApplication> <QPalette>)
set(RL_PCH_WIDGETS ${RL_PCH_GUI}
  <QAction> <QApplication> <QComboBox> <QDialog> <QDialogButtonBox> <QEvent> <QHBoxLayout>
  <QHeaderView> <QLabel> <QLineEdit> <QPushButton> <QSettings> <QSplitter> <QTabWidget>
  <QTableView> <QVBoxLayout> <QWidget>)
set(RL_PCH_TESTS ${RL_PCH_CORE} <QProcess> <QTemporaryDir> <QTemporaryFile> <QThread>)

if(ROUTERLENS_PCH AND CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  # Without it the .pch records its own build time and ccache never hits on a source using it.
  add_compile_options("SHELL:-Xclang -fno-pch-timestamp")
endif()

# routerlens_pch(<target> <list-variable>): <target> precompiles the headers listed.
function(routerlens_pch target list)
  if(ROUTERLENS_PCH)
    target_precompile_headers(${target} PRIVATE ${${list}})
  endif()
endfunction()

# routerlens_pch_reuse(<target> <donor>): <target> uses <donor>'s precompiled header.
function(routerlens_pch_reuse target donor)
  if(ROUTERLENS_PCH AND TARGET ${donor})
    target_precompile_headers(${target} REUSE_FROM ${donor})
  endif()
endfunction()

# routerlens_pch_donor(<name> <list-variable> <libraries...>): a library with no code of its own
# whose precompiled header the targets linking <libraries...> (with the same flags) reuse.
function(routerlens_pch_donor name list)
  if(NOT ROUTERLENS_PCH)
    return()
  endif()
  set(src ${CMAKE_CURRENT_BINARY_DIR}/${name}.cpp)
  if(NOT EXISTS ${src})
    file(WRITE ${src} "// The precompiled header's own translation unit (cmake/Pch.cmake).\n")
  endif()
  add_library(${name} OBJECT ${src})
  target_link_libraries(${name} PRIVATE ${ARGN})
  set_target_properties(${name} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
  target_precompile_headers(${name} PRIVATE ${${list}})
endfunction()
