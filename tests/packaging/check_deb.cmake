# Builds the Debian package from a built tree and checks it end to end: its control fields, its
# file list, and that the unpacked executables run (the CLI inspects the bundled demo model, the
# GUI saves a screenshot of it on the offscreen platform). Needs no root: the package is unpacked
# with dpkg-deb -x, not installed. Everything happens in WORK_DIR, which is removed afterwards.
#
# cmake -DCPACK_COMMAND=<cpack> -DBUILD_DIR=<build> -DAPP_ID=<id> -DWORK_DIR=<dir> -P check_deb.cmake

foreach(var CPACK_COMMAND BUILD_DIR APP_ID WORK_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "check_deb.cmake: ${var} is not set")
    endif()
endforeach()

# Per command; the test as a whole has ctest's TIMEOUT.
set(command_timeout 120)

macro(fail message)
    file(REMOVE_RECURSE ${WORK_DIR})
    message(FATAL_ERROR "${message}")
endmacro()

# Runs a command; fails with its output unless it exits 0. Its output is left in `output`.
macro(run what)
    execute_process(COMMAND ${ARGN}
        RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output
        TIMEOUT ${command_timeout})
    if(NOT result EQUAL 0)
        fail("${what} failed (${result}):\n${output}")
    endif()
endmacro()

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

# ---- build the package -----------------------------------------------------------------------
message(STATUS "cpack -G DEB")
execute_process(
    COMMAND ${CPACK_COMMAND} -G DEB -B ${WORK_DIR}/out --config ${BUILD_DIR}/CPackConfig.cmake
    WORKING_DIRECTORY ${BUILD_DIR}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output
    TIMEOUT 240)
if(NOT result EQUAL 0)
    fail("cpack -G DEB failed (${result}):\n${output}")
endif()
file(GLOB debs ${WORK_DIR}/out/*.deb)
list(LENGTH debs deb_count)
if(NOT deb_count EQUAL 1)
    fail("expected one .deb in ${WORK_DIR}/out, found ${deb_count}: ${debs}\n${output}")
endif()
message(STATUS "built ${debs}")

# ---- control fields: library Depends from dpkg-shlibdeps plus the Qt plugins ---------------
run("dpkg-deb -I" dpkg-deb -I ${debs})
string(REGEX MATCH "\n Depends: ([^\n]*)" depends "\n${output}")
if(NOT depends)
    fail("the package has no Depends field:\n${output}")
endif()
set(depends "${CMAKE_MATCH_1}")
# Package names only: alternatives split, version constraints dropped.
string(REGEX REPLACE "\\([^)]*\\)" "" depended_packages "${depends}")
string(REGEX REPLACE "[ \t]" "" depended_packages "${depended_packages}")
string(REGEX REPLACE "[,|]+" ";" depended_packages "${depended_packages}")
# Qt libraries come from dpkg-shlibdeps (Debian 13 renames them with a t64 suffix), the plugins
# from CPACK_DEBIAN_PACKAGE_DEPENDS.
foreach(package libqt6core6 libqt6gui6 libqt6widgets6 qt6-qpa-plugins libqt6svg6)
    set(matches ${depended_packages})
    list(FILTER matches INCLUDE REGEX "^${package}(t64)?$")
    if(NOT matches)
        fail("Depends does not name ${package}: ${depends}")
    endif()
endforeach()

# ---- file list -------------------------------------------------------------------------------
run("dpkg-deb -c" dpkg-deb -c ${debs})
set(contents "${output}\n")
foreach(path
        ./usr/bin/quantbench
        ./usr/bin/quantbench-cli
        ./usr/share/applications/${APP_ID}.desktop
        ./usr/share/metainfo/${APP_ID}.metainfo.xml
        ./usr/share/icons/hicolor/scalable/apps/${APP_ID}.svg
        ./usr/share/doc/quantbench/copyright
        ./usr/share/quantbench/demo/stories260K/model.safetensors)
    string(FIND "${contents}" " ${path}\n" position)
    if(position EQUAL -1)
        fail("the package does not contain ${path}; it contains:\n${contents}")
    endif()
endforeach()

# ---- the unpacked executables run and find their data ----------------------------------------
set(root ${WORK_DIR}/root)
run("dpkg-deb -x" dpkg-deb -x ${debs} ${root})
# Settings, caches and data the apps write go to the scratch directory, not the user's home.
set(isolated_env
    XDG_CONFIG_HOME=${WORK_DIR}/home/config
    XDG_CACHE_HOME=${WORK_DIR}/home/cache
    XDG_DATA_HOME=${WORK_DIR}/home/data
    LC_ALL=C.UTF-8)

run("quantbench-cli inspect"
    ${CMAKE_COMMAND} -E env ${isolated_env}
    ${root}/usr/bin/quantbench-cli inspect ${root}/usr/share/quantbench/demo/stories260K)
string(FIND "${output}" "model.layers.4.mlp.down_proj" position)
if(position EQUAL -1)
    fail("quantbench-cli inspect does not list model.layers.4.mlp.down_proj:\n${output}")
endif()

set(screenshot ${WORK_DIR}/shot.png)
run("quantbench --screenshot"
    ${CMAKE_COMMAND} -E env ${isolated_env} QT_QPA_PLATFORM=offscreen
    ${root}/usr/bin/quantbench --screenshot ${screenshot})
if(NOT EXISTS ${screenshot})
    fail("quantbench --screenshot exited 0 but wrote no ${screenshot}:\n${output}")
endif()
file(SIZE ${screenshot} screenshot_size)
file(READ ${screenshot} signature LIMIT 8 HEX)
if(screenshot_size EQUAL 0 OR NOT signature STREQUAL "89504e470d0a1a0a")
    fail("quantbench --screenshot wrote ${screenshot_size} bytes that are not a PNG:\n${output}")
endif()

file(REMOVE_RECURSE ${WORK_DIR})
message(STATUS "package ${debs} checked: control fields, file list, CLI and GUI run unpacked")
