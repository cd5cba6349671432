# Checks that objects compiled for a wider instruction set than the build (here AVX-512,
# core/backend/cpu_kernels_avx512.cpp) define no external symbol but their entry points and the
# renamed Eigen's. Any other global or weak definition — an inline std or Eigen function
# instantiated there — could be picked by the linker for callers everywhere, and would then crash
# with an illegal instruction on CPUs without AVX-512.
#
#   cmake -DNM=<nm> -DOBJECTS=<a.o;b.o> -DALLOWED=<regex of mangled names>
#         -DREQUIRED=<prefixes of mangled entry points> -P check_isa_isolation.cmake
# REQUIRED: names that must be defined there (matched as prefixes of the mangled names), so that an object compiled to nothing (or a listing
# that cannot be parsed) fails instead of passing with nothing checked.
# Names are matched mangled: there a function's qualified name comes first, before its return and
# parameter types.
if(NOT NM OR NOT OBJECTS OR NOT ALLOWED OR NOT REQUIRED)
    message(FATAL_ERROR "check_isa_isolation: NM, OBJECTS, ALLOWED and REQUIRED are required")
endif()
set(missing ${REQUIRED})
set(offending "")
set(checked 0)
foreach(object IN LISTS OBJECTS)
    execute_process(COMMAND ${NM} --defined-only ${object}
        OUTPUT_VARIABLE listing RESULT_VARIABLE status ERROR_VARIABLE errors)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "check_isa_isolation: ${NM} failed on ${object}: ${errors}")
    endif()
    string(REPLACE "\n" ";" lines "${listing}")
    foreach(line IN LISTS lines)
        # "<address> <type> <name>"; upper-case types (and u, unique global) have external linkage.
        if(NOT line MATCHES "^[0-9a-fA-F]+ ([A-Za-z]) (.*)$")
            continue()
        endif()
        set(type "${CMAKE_MATCH_1}")
        set(name "${CMAKE_MATCH_2}")
        if(NOT type MATCHES "^[A-Zu]$")
            continue()
        endif()
        math(EXPR checked "${checked} + 1")
        foreach(required IN LISTS REQUIRED)
            string(FIND "${name}" "${required}" at)
            if(at EQUAL 0)
                list(REMOVE_ITEM missing "${required}")
            endif()
        endforeach()
        if(NOT name MATCHES "${ALLOWED}")
            string(APPEND offending "\n  ${type} ${name}")
        endif()
    endforeach()
endforeach()
if(missing)
    message(FATAL_ERROR "check_isa_isolation: the entry points ${missing} are not defined in "
                        "${OBJECTS} (${checked} external symbols read)")
endif()
if(offending)
    message(FATAL_ERROR "External symbols that may carry AVX-512 code into the rest of the build:"
                        "${offending}")
endif()
message(STATUS "check_isa_isolation: ${checked} external symbols, all private to the kernel")
