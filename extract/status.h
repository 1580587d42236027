// Status and Result<T>: errors as values at stage boundaries (after leveldb::Status).
//
// A Status says why an input could not be used: it names the file and the problem in one line
// that the CLI prints as is. A problem *in* a report is never a Status: it is an audit Finding.
#ifndef JIXIAO_EXTRACT_STATUS_H_
#define JIXIAO_EXTRACT_STATUS_H_

#include <string>
#include <utility>
#include <variant>

namespace jixiao {

class Status {
 public:
  enum class Code {
    kOk,
    kNotFound,      // the file does not exist
    kIoError,       // could not be read
    kNotPdf,        // not a PDF and not a text file we accept
    kEncrypted,     // password protected
    kCorrupt,       // a PDF that Poppler cannot open (truncated, damaged) or that crashed it
    kEmpty,         // zero bytes, or no pages
    kNoText,        // pages without a text layer (scanned)
    kLimit,         // a resource bound (--max-pages, --max-seconds, --max-memory) was hit
    kInvalidRules,  // a malformed rule file
    kUsage,         // a command-line problem
    kInternal,      // a bug: should never be seen
  };

  Status() = default;
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return Status(); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // One line, e.g. "corpus/bad/encrypted.pdf: the PDF is encrypted (password protected)".
  const std::string& message() const { return message_; }

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

// Either a value or a non-ok Status.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}   // NOLINT: must not be ok

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace jixiao

#endif  // JIXIAO_EXTRACT_STATUS_H_
