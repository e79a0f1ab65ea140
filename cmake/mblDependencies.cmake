# The C libraries mbl::core links, as imported targets: mbl::libcsv (Debian: libcsv-dev, the CSV
# parser of the imports), mbl::libzip (libzip-dev) and mbl::expat (libexpat1-dev), the .xlsx
# container and its XML. Included by the build (CMakeLists.txt) and by the installed package
# (mblConfig.cmake), so the exported mbl::core names these targets, never a path of the machine
# that built it. Sets MBL_MISSING_DEPENDENCIES to the headers and libraries not found (empty when
# all are there); the includer decides how to fail. Defines nothing twice.
set(MBL_MISSING_DEPENDENCIES "")

# mbl_import_library(TARGET HEADER LIBRARY_NAME): TARGET from HEADER's directory and the library.
function(mbl_import_library target header library_name)
  if(TARGET ${target})
    return()
  endif()
  string(MAKE_C_IDENTIFIER "${library_name}" id)
  string(TOUPPER "${id}" id)
  find_path(MBL_${id}_INCLUDE_DIR ${header})
  find_library(MBL_${id}_LIBRARY ${library_name})
  if(NOT MBL_${id}_INCLUDE_DIR OR NOT MBL_${id}_LIBRARY)
    set(MBL_MISSING_DEPENDENCIES "${MBL_MISSING_DEPENDENCIES} ${header}/lib${library_name}"
      PARENT_SCOPE)
    return()
  endif()
  add_library(${target} UNKNOWN IMPORTED)
  set_target_properties(${target} PROPERTIES IMPORTED_LOCATION "${MBL_${id}_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${MBL_${id}_INCLUDE_DIR}")
endfunction()

mbl_import_library(mbl::libcsv csv.h csv)
mbl_import_library(mbl::libzip zip.h zip)
mbl_import_library(mbl::expat expat.h expat)
