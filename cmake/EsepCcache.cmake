# Use ccache when it is installed: CI and developers rebuild the same files often.
# The cache lives outside the repository (ccache's default, ~/.cache/ccache).
find_program(ESEP_CCACHE ccache)
if(ESEP_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${ESEP_CCACHE})
endif()
