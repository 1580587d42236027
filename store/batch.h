// Auditing many files into a Store: files unchanged since they were last read are passed over
// without opening them; worker threads read, hash and audit the others, and the calling thread is
// the one writer. At most 2 × jobs audit results are held at a time, so memory stays flat however
// many files there are.
#ifndef JIXIAO_STORE_BATCH_H_
#define JIXIAO_STORE_BATCH_H_

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rules/rules.h"
#include "extract/extract.h"
#include "extract/status.h"
#include "store/file_stat.h"
#include "store/store.h"

namespace jixiao {

// The input files of a batch: every path that is not a directory as given (whatever its name),
// and every *.pdf and *.txt file (any case) under each directory, recursively, following no
// symbolic links to directories. Sorted and without duplicates. A path that does not exist is
// kept: it is recorded as a failed document.
std::vector<std::string> FindInputs(const std::vector<std::string>& paths);

struct BatchOptions {
  int jobs = 0;               // worker threads; 0 = std::thread::hardware_concurrency()
  ExtractOptions extract;     // per document; `threads` is set to 1 (parallel across documents)
  bool force = false;         // re-audit and replace every document, changed or not
  bool retry_failed = false;  // re-audit documents stored as failed with the same content
  bool rehash = false;        // read and hash every file, even one whose stat is unchanged
  int64_t racy_margin_ns = kRacyMarginNs;  // see Racy() in store/file_stat.h
  // A shard of a manifest (store/manifest.h): path -> the SHA-256 the manifest gives it. A file
  // whose bytes no longer have that hash is not audited: it is stored as failed under the
  // manifest's hash ("changed since the plan"), so the manifest's document is accounted for and
  // the new bytes (not planned) are not. Not owned; null for a plain batch.
  const std::unordered_map<std::string, std::string>* expected_hash = nullptr;
};

// What happened to one input file.
struct BatchItem {
  enum class Outcome {
    kAudited,    // read and audited now (stored.failed is false)
    kFailed,     // could not be read now: stored with status 'failed'
    kRehashed,   // read and hashed, but this content is already stored with the same versions:
                 // not audited again (stored.failed says whether that run could read it)
    kUnchanged,  // not even opened: its size, mtime, ctime and inode are those stored when it was
                 // last read (and that stat is not racy), and its document was stored with the
                 // same versions (stored.failed says whether that run could read it)
  };
  std::string path;
  Outcome outcome = Outcome::kAudited;
  StoredDocument stored;  // the stored row the path now points to
};

// What a batch did: the end-of-run summary.
struct BatchSummary {
  int64_t files = 0;      // input files handled, each with one outcome:
  int64_t audited = 0;    //   kAudited
  int64_t unchanged = 0;  //   kUnchanged (not opened)
  int64_t rehashed = 0;   //   kRehashed (read and hashed, not audited)
  // (path, reason) of every file whose document is stored as failed (kFailed, and kUnchanged or
  // kRehashed files that failed when they were stored), in completion order.
  std::vector<std::pair<std::string, std::string>> failed;
  int64_t pages = 0;  // of the documents the files point to, once per file
  // Findings of those documents by severity, once per file: their audit findings and the
  // cross-year findings they carry when the batch ends (a document written later in the batch can
  // add some to one written earlier).
  int64_t errors = 0, warnings = 0, infos = 0;
  int64_t cross_year = 0;  // change.cross_year findings among them
};

// Audits `files` into `store`. A file is not opened when its stored stat says it is unchanged
// (see BatchItem::kUnchanged; not with `force`, `rehash`, or `retry_failed` for a failed one);
// otherwise it is read and hashed, and audited unless that content is already stored with these
// versions. `on_item` is called on the calling thread once per file: for unchanged files before any
// file is read, then after each file's transaction has committed, in completion order. An
// unreadable file never stops the batch; only a failure of the store does (the returned Status):
// what was committed before it stays. `summary`, if given, counts what was done, also on failure.
Status RunBatch(Store& store, const std::vector<std::string>& files, const Rules& rules,
                const Versions& versions, const BatchOptions& options,
                const std::function<void(const BatchItem&)>& on_item,
                BatchSummary* summary = nullptr);

// Gives the rules to audit with (they must outlive the batch), or why they cannot be built.
using RulesLoader = std::function<Result<const Rules*>()>;

// The same, with rules built only when a file must be read: `load_rules` is called at most once,
// on the calling thread, after the unchanged files are reported and before the first file is
// read; never when every file is unchanged (compiling the rules is most of such a re-run's time).
// Its rules must have the Version() `versions.rules` (Rules::VersionOf gives it unbuilt); an
// error of `load_rules` is returned as is.
Status RunBatch(Store& store, const std::vector<std::string>& files, const RulesLoader& load_rules,
                const Versions& versions, const BatchOptions& options,
                const std::function<void(const BatchItem&)>& on_item,
                BatchSummary* summary = nullptr);

}  // namespace jixiao

#endif  // JIXIAO_STORE_BATCH_H_
