// RunBatch: a pass over the files whose stat is unchanged, then a bounded queue between the workers
// that hash and audit the others and the single writer.
#include "store/batch.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "audit/audit.h"
#include "store/content_hash.h"
#include "store/query.h"

namespace jixiao {

namespace {

namespace fs = std::filesystem;

bool IsInputName(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".pdf" || ext == ".txt";
}

// A unit of work from a worker to the writer.
struct Message {
  bool skip = false;      // content already stored: only the path mapping may need writing
  bool replace = false;   // Store::Write's `replace`
  DocumentRecord record;  // skip: only path, hash, size and stat are set
};

class Queue {
 public:
  explicit Queue(size_t capacity) : capacity_(capacity) {}

  // False if the queue was closed (the writer gave up).
  bool Push(Message m) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
    if (closed_) return false;
    items_.push_back(std::move(m));
    not_empty_.notify_one();
    return true;
  }

  // Nothing when every producer has finished and the queue is empty.
  std::optional<Message> Pop() {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty() || producers_ == 0; });
    if (items_.empty()) return std::nullopt;
    Message m = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return m;
  }

  void AddProducer() {
    std::lock_guard lock(mu_);
    ++producers_;
  }
  void ProducerDone() {
    std::lock_guard lock(mu_);
    if (--producers_ == 0) not_empty_.notify_all();
  }
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    items_.clear();
    not_full_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<Message> items_;
  size_t capacity_;
  int producers_ = 0;
  bool closed_ = false;
};

// Reads and audits one file into a record (never throws). `hash` and `stat` are the file's, when
// it was hashed already.
DocumentRecord AuditFile(const std::string& path, std::optional<ContentHash> hash,
                         std::optional<FileStat> stat, const Rules& rules,
                         const ExtractOptions& extract) {
  DocumentRecord rec;
  rec.path = path;
  if (!hash) {
    auto h = HashFile(path, &stat);
    if (!h.ok()) {
      rec.hash = "path:" + path;
      rec.status = h.status();
      return rec;
    }
    hash = *h;
  }
  rec.hash = hash->hex;
  rec.size = hash->size;
  rec.stat = stat;
  try {
    // The document's bounds cover its audit as well as its reading.
    AuditLimits limits{extract.max_seconds, extract.max_memory_mib,
                       std::chrono::steady_clock::now()};
    auto doc = LoadDocument(path, extract);
    if (!doc.ok()) {
      rec.status = doc.status();
      return rec;
    }
    auto result = Audit(*doc, rules, limits);
    if (!result.ok()) {
      rec.status = result.status();
      return rec;
    }
    rec.result = std::move(result).value();
    rec.extents = PartExtents(*doc, rules, rec.result.parts.size());
  } catch (const std::exception& e) {
    rec.status = Status(Status::Code::kInternal, path + ": internal error: " + e.what());
    rec.result = AuditResult{};
  }
  return rec;
}

// The files among `files` that must be read, in the order given: all of them, except (unless
// `options` says to read everything) those whose stored stat shows them unchanged, which are
// reported to `report` as kUnchanged without being opened. The stored stats are streamed in path
// order alongside the files sorted the same way, so memory is a few bytes per file.
Result<std::vector<size_t>> PassOverUnchanged(Store& store, const std::vector<std::string>& files,
                                              const Versions& versions, const BatchOptions& options,
                                              const std::function<void(const BatchItem&)>& report) {
  std::vector<size_t> todo;
  if (options.force || options.rehash || files.empty()) {
    todo.resize(files.size());
    for (size_t i = 0; i < files.size(); ++i) todo[i] = i;
    return todo;
  }
  // std::string compares as memcmp does, like SQLite's BINARY collation.
  std::vector<size_t> order(files.size());
  for (size_t i = 0; i < files.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return files[a] < files[b]; });
  std::vector<bool> unchanged(files.size());
  size_t next = 0;  // in `order`: the first file not below the stored path
  BatchItem item;
  item.outcome = BatchItem::Outcome::kUnchanged;
  Status s = store.ForEachSource(
      versions, files[order.front()], files[order.back()],
      [&](const std::string& path, const FileStat& stat, const StoredDocument& doc) {
        while (next < order.size() && files[order[next]] < path) ++next;
        if (doc.failed && options.retry_failed) return;
        for (size_t j = next; j < order.size() && files[order[j]] == path; ++j) {
          auto now = StatFile(path);
          if (!now.ok() || !Unchanged(stat, *now, options.racy_margin_ns)) break;
          unchanged[order[j]] = true;
          item.path = path;
          item.stored = doc;
          report(item);
        }
      });
  if (!s.ok()) return s;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!unchanged[i]) todo.push_back(i);
  }
  return todo;
}

}  // namespace

std::vector<std::string> FindInputs(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      out.push_back(p);
      continue;
    }
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      std::error_code fec;
      // Every entry with an input name that is not a directory: a FIFO, a dangling symlink or a
      // loop fails in the batch with its reason instead of being skipped without a word.
      if (!it->is_directory(fec) && IsInputName(it->path())) out.push_back(it->path().string());
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Status RunBatch(Store& store, const std::vector<std::string>& files, const Rules& rules,
                const Versions& versions, const BatchOptions& options,
                const std::function<void(const BatchItem&)>& on_item, BatchSummary* summary) {
  return RunBatch(
      store, files, [&]() -> Result<const Rules*> { return &rules; }, versions, options, on_item,
      summary);
}

Status RunBatch(Store& store, const std::vector<std::string>& files, const RulesLoader& load_rules,
                const Versions& versions, const BatchOptions& options,
                const std::function<void(const BatchItem&)>& on_item, BatchSummary* summary) {
  BatchSummary unused;
  BatchSummary& sum = summary != nullptr ? *summary : unused;
  sum = BatchSummary{};
  std::vector<int64_t> ids;  // the document of each file, for its cross-year findings
  auto report = [&](const BatchItem& item) {
    ids.push_back(item.stored.id);
    ++sum.files;
    sum.audited += item.outcome == BatchItem::Outcome::kAudited;
    sum.unchanged += item.outcome == BatchItem::Outcome::kUnchanged;
    sum.rehashed += item.outcome == BatchItem::Outcome::kRehashed;
    if (item.stored.failed) sum.failed.emplace_back(item.path, item.stored.error);
    sum.pages += item.stored.pages;
    sum.errors += item.stored.errors;
    sum.warnings += item.stored.warnings;
    sum.infos += item.stored.infos;
    on_item(item);
  };

  // The findings the store computes (change.cross_year, sum.projects) on every file's document,
  // once the last document is written.
  auto add_cross_year = [&]() -> Status {
    if (ids.empty()) return Status::Ok();
    auto counts = CrossYearCounts(store);
    if (!counts.ok()) return counts.status();
    for (int64_t id : ids) {
      auto c = counts->find(id);
      if (c == counts->end()) continue;
      sum.errors += c->second.errors;
      sum.warnings += c->second.warnings;
      sum.infos += c->second.infos;
      sum.cross_year += c->second.cross_year;
    }
    return Status::Ok();
  };

  auto todo = PassOverUnchanged(store, files, versions, options, report);
  if (!todo.ok()) return todo.status();
  if (todo->empty()) return add_cross_year();
  auto loaded = load_rules();
  if (!loaded.ok()) return loaded.status();
  const Rules& rules = **loaded;
  if (rules.Version() != versions.rules) {
    return Status(Status::Code::kInternal, "batch: the rules are version " + rules.Version() +
                                               ", the results would be stored as " +
                                               versions.rules);
  }

  // hash → stored as failed. Loaded once; the writer checks again in its transaction.
  std::unordered_map<std::string, bool> known;
  if (!options.force) {
    Status s = store.ForEachHash(
        versions, [&](const std::string& h, bool failed) { known.emplace(h, failed); });
    if (!s.ok()) return s;
  }
  ExtractOptions extract = options.extract;
  extract.threads = 1;
  int jobs = options.jobs > 0 ? options.jobs
                              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = std::max(1, std::min(jobs, static_cast<int>(todo->size())));

  Queue queue(static_cast<size_t>(2 * jobs));
  std::atomic<size_t> next{0};
  std::vector<std::thread> workers;
  for (int w = 0; w < jobs; ++w) queue.AddProducer();
  for (int w = 0; w < jobs; ++w) {
    workers.emplace_back([&] {
      for (;;) {
        size_t i = next.fetch_add(1);
        if (i >= todo->size()) break;
        const std::string& path = files[(*todo)[i]];
        Message m;
        std::optional<FileStat> stat;
        auto h = HashFile(path, &stat);
        auto k = h.ok() ? known.find(h->hex) : known.end();
        const std::string* planned = nullptr;
        if (options.expected_hash != nullptr && h.ok()) {
          auto e = options.expected_hash->find(path);
          if (e != options.expected_hash->end() && e->second != h->hex) planned = &e->second;
        }
        if (planned != nullptr) {
          m.record.path = path;
          m.record.hash = *planned;
          m.record.size = h->size;
          m.record.status = Status(Status::Code::kIoError,
                                   path + ": changed since the plan (its SHA-256 is now " +
                                       h->hex.substr(0, 16) + "…, the manifest's " +
                                       planned->substr(0, 16) + "…): run `jixiao plan` again");
        } else if (k != known.end() && !(k->second && options.retry_failed)) {
          m.skip = true;
          m.record.path = path;
          m.record.hash = h->hex;
          m.record.size = h->size;
          m.record.stat = stat;
        } else {
          m.replace = options.force || k != known.end();
          m.record = AuditFile(path, h.ok() ? std::optional<ContentHash>(*h) : std::nullopt, stat,
                               rules, extract);
        }
        if (!queue.Push(std::move(m))) break;
      }
      queue.ProducerDone();
    });
  }

  Status result;
  while (auto m = queue.Pop()) {
    BatchItem item;
    item.path = m->record.path;
    if (m->skip) {
      auto found = store.Find(m->record.hash, versions);
      if (!found.ok()) {
        result = found.status();
        break;
      }
      if (found->has_value()) {
        item.outcome = BatchItem::Outcome::kRehashed;
        item.stored = **found;
        Status s = store.Touch(item.path, item.stored.id, m->record.stat);
        if (!s.ok()) {
          result = s;
          break;
        }
        report(item);
        continue;
      }
      // Gone since the batch started (its only path was replaced): audit it here.
      m->record = AuditFile(item.path, std::nullopt, std::nullopt, rules, extract);
    }
    auto stored = store.Write(m->record, versions, m->replace);
    if (!stored.ok()) {
      result = stored.status();
      break;
    }
    item.stored = *stored;
    item.outcome =
        m->record.status.ok() ? BatchItem::Outcome::kAudited : BatchItem::Outcome::kFailed;
    m.reset();
    report(item);
  }
  if (!result.ok()) queue.Close();
  for (auto& t : workers) t.join();
  if (!result.ok()) return result;
  return add_cross_year();
}

}  // namespace jixiao
