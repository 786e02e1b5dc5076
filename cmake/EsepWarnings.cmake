# esep_target_warnings(target): the project's warning set; errors when ESEP_WERROR is ON
# (CI and ./esep turn it on, so a warning never lands).
option(ESEP_WERROR "Treat warnings as errors" OFF)

function(esep_target_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
  if(ESEP_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
