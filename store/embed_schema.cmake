# Writes a C++ file holding every store/schema/*.sql migration step, in name order, as raw strings:
# kSchemaSteps (a null-terminated array of {file name, SQL}).
file(GLOB files "${SCHEMA_DIR}/*.sql")
list(SORT files)
set(out "// Generated from store/schema/*.sql by store/embed_schema.cmake. Do not edit.\nnamespace jixiao {\nextern const char* const kSchemaSteps[][2];\nconst char* const kSchemaSteps[][2] = {\n")
foreach(f ${files})
  get_filename_component(n "${f}" NAME)
  file(READ "${f}" content)
  set(out "${out}  {\"${n}\", R\"jxsql(${content})jxsql\"},\n")
endforeach()
set(out "${out}  {nullptr, nullptr}};\n}  // namespace jixiao\n")
file(WRITE "${OUT}.tmp" "${out}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
