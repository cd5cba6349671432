# Helpers shared by every target of the project.

# Warnings for our own code (third-party headers come in as SYSTEM includes and stay quiet).
function(qb_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(QB_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# Collects every library `target` links, following targets transitively through their
# LINK_LIBRARIES and INTERFACE_LINK_LIBRARIES.
function(_qb_collect_links target out_var)
    set(seen "")
    set(queue ${target})
    while(queue)
        list(POP_FRONT queue current)
        if(current IN_LIST seen)
            continue()
        endif()
        list(APPEND seen ${current})
        if(NOT TARGET ${current})
            continue()
        endif()
        get_target_property(aliased ${current} ALIASED_TARGET)
        if(aliased)
            list(APPEND queue ${aliased})
        endif()
        foreach(property LINK_LIBRARIES INTERFACE_LINK_LIBRARIES)
            get_target_property(links ${current} ${property})
            if(links)
                foreach(link IN LISTS links)
                    # Strip generator expressions such as $<LINK_ONLY:Qt6::Core>.
                    string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" link "${link}")
                    if(NOT link MATCHES "^\\$<")
                        list(APPEND queue ${link})
                    endif()
                endforeach()
            endif()
        endforeach()
    endwhile()
    set(${out_var} ${seen} PARENT_SCOPE)
endfunction()

# Fails the configure step when `target` links any of the given forbidden libraries.
function(qb_assert_target_does_not_link target)
    _qb_collect_links(${target} links)
    foreach(forbidden IN LISTS ARGN)
        set(names ${forbidden})
        if(TARGET ${forbidden})
            get_target_property(aliased ${forbidden} ALIASED_TARGET)
            if(aliased)
                list(APPEND names ${aliased})
            endif()
        endif()
        foreach(name IN LISTS names)
            if(name IN_LIST links)
                message(FATAL_ERROR
                    "${target} links ${forbidden}, but it must not: core/ links no GUI module "
                    "(see docs/ARCHITECTURE.md). Move the code that needs it to views/ or app/.")
            endif()
        endforeach()
    endforeach()
endfunction()

# Compiles `source` a second time for AVX-512 (x86-64-v4) into the object library `name` and adds
# it to `consumer`, which gets QB_HAVE_AVX512_KERNELS and must call into it only on CPUs that have
# AVX-512. The source includes Eigen under a renamed namespace and nothing else, so that no inline
# function compiled for AVX-512 can stand in for the build's own (tests/core/check_isa_isolation.cmake
# checks core's object). Does nothing where the compiler or the target processor has no x86-64-v4.
function(qb_add_avx512_objects name source consumer)
    include(CheckCXXCompilerFlag)
    check_cxx_compiler_flag(-march=x86-64-v4 QB_COMPILER_HAS_X86_64_V4)
    if(NOT QB_COMPILER_HAS_X86_64_V4 OR NOT CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
        return()
    endif()
    add_library(${name} OBJECT ${source})
    target_link_libraries(${name} PRIVATE Eigen3::Eigen)
    qb_set_warnings(${name})
    # GCC 12 warns inside its own avx512fintrin.h (_mm512_undefined_*, GCC bug 105593).
    target_compile_options(${name} PRIVATE -march=x86-64-v4
        $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
    target_sources(${consumer} PRIVATE $<TARGET_OBJECTS:${name}>)
    target_compile_definitions(${consumer} PRIVATE QB_HAVE_AVX512_KERNELS)
endfunction()
