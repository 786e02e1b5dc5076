# Use ccache when it is installed: CI and developers rebuild the same files often.
# The cache lives outside the repository (ccache's default, ~/.cache/ccache).
# CCACHE_BASEDIR makes paths inside the source tree relative in what ccache hashes, and
# CCACHE_NOHASHDIR leaves the working directory out, so a fresh clone at another path (CI)
# reuses what an earlier tree compiled. Nothing may depend on __FILE__ being absolute:
# tests find the tree through ESEP_SOURCE_DIR instead.
find_program(ESEP_CCACHE ccache)
if(ESEP_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CMAKE_COMMAND} -E env CCACHE_BASEDIR=${CMAKE_SOURCE_DIR}
      CCACHE_NOHASHDIR=1 ${ESEP_CCACHE})
endif()
