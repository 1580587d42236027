# Writes OUT: a header defining JIXIAO_BUILD_ID = "<version>+<hash of the extract and audit
# sources>", so a batch re-audits its documents whenever the code that produces results changes.
file(GLOB_RECURSE files "${SRC}/extract/*.cc" "${SRC}/extract/*.h" "${SRC}/rules/*.cc" "${SRC}/rules/*.h" "${SRC}/structure/*.cc" "${SRC}/structure/*.h" "${SRC}/audit/*.cc" "${SRC}/audit/*.h")
list(SORT files)
set(all "")
foreach(f ${files})
  file(SHA256 "${f}" h)
  string(APPEND all "${h}")
endforeach()
string(SHA256 digest "${all}")
string(SUBSTRING "${digest}" 0 12 short)
file(WRITE "${OUT}.tmp" "#define JIXIAO_BUILD_ID \"${VERSION}+${short}\"\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
