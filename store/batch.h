// Auditing many files into a Store: worker threads read and audit, the calling thread is the one
// writer. At most 2 × jobs audit results are held at a time, so memory stays flat however many
// files there are.
#ifndef JIXIAO_STORE_BATCH_H_
#define JIXIAO_STORE_BATCH_H_

#include <functional>
#include <string>
#include <vector>

#include "audit/rules.h"
#include "extract/extract.h"
#include "extract/status.h"
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
};

// What happened to one input file.
struct BatchItem {
  enum class Outcome {
    kAudited,  // read and audited now (stored.failed is false)
    kFailed,   // could not be read now: stored with status 'failed'
    kSkipped,  // unchanged since a run with the same versions: not read again (stored.failed
               // says whether that run could read it)
  };
  std::string path;
  Outcome outcome = Outcome::kAudited;
  StoredDocument stored;  // the stored row the path now points to
};

// Audits `files` into `store`, skipping those whose content and versions are already stored.
// `on_item` is called on the calling thread after each file's transaction has committed, in
// completion order. An unreadable file never stops the batch; only a failure of the store does
// (the returned Status): what was committed before it stays.
Status RunBatch(Store& store, const std::vector<std::string>& files, const Rules& rules,
                const Versions& versions, const BatchOptions& options,
                const std::function<void(const BatchItem&)>& on_item);

}  // namespace jixiao

#endif  // JIXIAO_STORE_BATCH_H_
