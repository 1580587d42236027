// Output files that never destroy: write to a temporary file, then rename it over the destination,
// so an interrupted export never leaves a half-written file; follow a symlink to the file it names;
// write into a device or FIFO instead of replacing it; keep an existing file's mode; refuse an
// output that is one of the inputs or the database.
#ifndef JIXIAO_REPORT_ATOMIC_FILE_H_
#define JIXIAO_REPORT_ATOMIC_FILE_H_

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "extract/status.h"

namespace jixiao {

// Calls `write(temp_path)`, which fills a fresh temporary file (it may truncate and rewrite it;
// libraries that open files by name use this), then puts the content at `path`:
// - a symlink is followed (through a chain of them) to the file it names, created if missing;
// - a regular file (or a new one) is replaced by renaming the temporary (made next to it) over it,
//   after fsync; an existing file keeps its permission bits (and owner, where allowed);
// - a character device or FIFO (/dev/null, /dev/stdout, a pipe) is opened and written into, never
//   replaced (the temporary is then made in $TMPDIR);
// - a directory, block device or socket is refused, naming what it is.
// When `write` fails, or anything else does, the temporary is removed and `path` is left as it
// was. Errors name `path` and give the reason (`cannot write: No space left on device`).
Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(const std::string& temp_path)>& write);

// The same for writers that produce a stream: `write(out)` writes the whole content.
Status WriteStreamAtomically(const std::string& path,
                             const std::function<Status(std::ostream& out)>& write);

// For writers that need a file by name but whose output goes to a stream (`-o -`): a temporary
// file in $TMPDIR, filled by `write`, then copied to `out`.
Status WriteFileToStream(std::ostream& out,
                         const std::function<Status(const std::string& temp_path)>& write);

// kUsage if `out_path` exists and is the same file (device and inode: through ./, symlinks and
// hard links) as one of `inputs`: "OUT: is the input IN; refusing to overwrite it" (`what` names
// the kind of input, e.g. "the input" or "the database").
Status RefuseInput(const std::string& out_path, const std::vector<std::string>& inputs,
                   const std::string& what);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_ATOMIC_FILE_H_
