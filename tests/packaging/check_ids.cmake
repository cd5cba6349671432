# Checks that the desktop id names everything that must carry it: the installed .desktop file and
# its Icon= key, the metainfo file, its <id> and <launchable>, and the installed icon (which must
# be the application icon from resources/icons).
#
# cmake -DAPP_ID=<id> -DPACKAGING_BINARY_DIR=<build>/packaging -DAPP_ICON=<svg> -DWORK_DIR=<dir>
#       -P check_ids.cmake

foreach(var APP_ID PACKAGING_BINARY_DIR APP_ICON WORK_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "check_ids.cmake: ${var} is not set")
    endif()
endforeach()

set(errors "")
macro(expect_equal what actual expected)
    if(NOT "${actual}" STREQUAL "${expected}")
        string(APPEND errors "\n  ${what} is '${actual}', expected '${expected}'")
    endif()
endmacro()

file(REMOVE_RECURSE ${WORK_DIR})
# Only packaging/'s install rules: the .desktop file, the metainfo and the icon.
execute_process(
    COMMAND ${CMAKE_COMMAND} --install ${PACKAGING_BINARY_DIR} --prefix ${WORK_DIR}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    file(REMOVE_RECURSE ${WORK_DIR})
    message(FATAL_ERROR "installing ${PACKAGING_BINARY_DIR} failed:\n${output}")
endif()

set(share ${WORK_DIR}/share)
file(GLOB desktop_files RELATIVE ${share}/applications ${share}/applications/*)
file(GLOB metainfo_files RELATIVE ${share}/metainfo ${share}/metainfo/*)
file(GLOB icon_files RELATIVE ${share}/icons/hicolor/scalable/apps ${share}/icons/hicolor/scalable/apps/*)
expect_equal("installed .desktop file" "${desktop_files}" "${APP_ID}.desktop")
expect_equal("installed metainfo file" "${metainfo_files}" "${APP_ID}.metainfo.xml")
expect_equal("installed icon" "${icon_files}" "${APP_ID}.svg")

# The contents are checked whatever the files are called, so that one run reports every mismatch.
if(desktop_files)
    list(GET desktop_files 0 desktop_file)
    file(STRINGS ${share}/applications/${desktop_file} icon_keys REGEX "^Icon=")
    list(TRANSFORM icon_keys REPLACE "^Icon=" "")
    expect_equal(".desktop Icon=" "${icon_keys}" "${APP_ID}")
endif()

if(metainfo_files)
    list(GET metainfo_files 0 metainfo_file)
    file(READ ${share}/metainfo/${metainfo_file} metainfo)
    string(REGEX MATCHALL "<id>[^<]*</id>" ids "${metainfo}")
    list(TRANSFORM ids REPLACE "</?id>" "")
    expect_equal("metainfo <id>" "${ids}" "${APP_ID}")
    string(REGEX MATCHALL "<launchable type=\"desktop-id\">[^<]*</launchable>" launchables "${metainfo}")
    list(TRANSFORM launchables REPLACE "</?launchable[^>]*>" "")
    expect_equal("metainfo <launchable type=\"desktop-id\">" "${launchables}" "${APP_ID}.desktop")
endif()

if(icon_files)
    list(GET icon_files 0 icon_file)
    file(SHA256 ${share}/icons/hicolor/scalable/apps/${icon_file} installed_icon_hash)
    file(SHA256 ${APP_ICON} app_icon_hash)
    if(NOT installed_icon_hash STREQUAL app_icon_hash)
        string(APPEND errors "\n  the installed icon differs from ${APP_ICON}")
    endif()
endif()

file(REMOVE_RECURSE ${WORK_DIR})
if(errors)
    message(FATAL_ERROR "desktop id ${APP_ID} is not used consistently:${errors}")
endif()
message(STATUS "desktop id ${APP_ID}: .desktop, Icon=, metainfo <id> and <launchable>, icon all agree")
