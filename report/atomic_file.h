// Atomic output files: write to a temporary file in the destination's directory, then rename it
// over the destination, so an interrupted export never leaves a half-written file.
#ifndef JIXIAO_REPORT_ATOMIC_FILE_H_
#define JIXIAO_REPORT_ATOMIC_FILE_H_

#include <functional>
#include <ostream>
#include <string>

#include "extract/status.h"

namespace jixiao {

// Creates a fresh temporary file next to `path` and calls `write(temp_path)`, which fills it (it
// may truncate and rewrite it; libraries that open files by name use this). When `write` returns
// ok, the temporary is flushed to disk and renamed to `path`; otherwise, or when anything fails,
// the temporary is removed and `path` is left as it was. Errors name `path`.
Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(const std::string& temp_path)>& write);

// The same for writers that produce a stream: `write(out)` writes the whole content.
Status WriteStreamAtomically(const std::string& path,
                             const std::function<Status(std::ostream& out)>& write);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_ATOMIC_FILE_H_
