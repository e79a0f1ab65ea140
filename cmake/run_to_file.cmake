# Runs a program and writes its standard output to a file, failing the build when it fails (used
# to write the man page and the completion scripts with the built mbl).
# Usage: cmake -DPROGRAM=path -DARGS="arg arg" -DOUTPUT=file -P run_to_file.cmake
foreach(variable PROGRAM ARGS OUTPUT)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "run_to_file.cmake: -D${variable}=... is missing")
  endif()
endforeach()
separate_arguments(arguments UNIX_COMMAND "${ARGS}")
get_filename_component(directory "${OUTPUT}" DIRECTORY)
file(MAKE_DIRECTORY "${directory}")
execute_process(COMMAND "${PROGRAM}" ${arguments} OUTPUT_FILE "${OUTPUT}.tmp"
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(REMOVE "${OUTPUT}.tmp")
  message(FATAL_ERROR "${PROGRAM} ${ARGS} failed: ${status}")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
