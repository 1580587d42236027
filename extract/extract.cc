// ReadPages / LoadDocument: choose the reader by content (a PDF in a reader process when
// options.reader is set), then normalize. RenderPages: page images, by the same reader.
#include "extract/extract.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <filesystem>

#include "extract/extract_internal.h"
#include "extract/input_file.h"
#include "extract/normalize.h"

namespace jixiao {

namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Fills *out from the start of `fd`; false on an error or a short file.
bool ReadFromStart(int fd, std::string* out) {
  size_t done = 0;
  while (done < out->size()) {
    ssize_t n = ::pread(fd, out->data() + done, out->size() - done, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

// An input file, open, and whether it is a PDF.
struct Opened {
  InputFile file;
  size_t size = 0;
  bool looks_pdf = false;
};

Result<Opened> Open(const std::string& path) {
  // The type first: a FIFO, a device or a symlink loop is named, never opened to block or read.
  auto file = InputFile::Open(path);
  if (!file.ok()) return file.status();
  const size_t size = static_cast<size_t>(file->size());
  Opened o{std::move(file).value(), size, false};
  // A PDF header may follow up to 1 KiB of junk.
  std::string head(std::min<size_t>(o.size, 1024), '\0');
  if (!ReadFromStart(o.file.fd(), &head)) return Status(Status::Code::kIoError, path + ": read error");
  o.looks_pdf = head.find("%PDF-") != std::string::npos;
  return o;
}

// A PDF read or rendered in this process when the program installed that (InstallInProcessPdf).
Status NotInProcess(const std::string& path) {
  return Status(Status::Code::kInternal,
                path + ": this program reads PDFs only with the PDF reader (jixiao-pdf-reader)");
}

}  // namespace

Result<std::vector<RawPage>> ReadPages(const std::string& path, const ExtractOptions& options) {
  auto opened = Open(path);
  if (!opened.ok()) return opened.status();
  const int fd = opened->file.fd();
  const size_t size = opened->size;
  const bool looks_pdf = opened->looks_pdf;
  if (looks_pdf && !options.reader.empty()) {
    return internal::ReadPdfInChild(path, fd, static_cast<int64_t>(size), options);
  }
  std::string lower = path;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!looks_pdf && EndsWith(lower, ".pdf")) {
    return Status(Status::Code::kNotPdf, path + ": not a PDF file (no %PDF- header)");
  }
  // One read into a buffer of the file's size (no stream copies: PDFs can be large).
  std::string bytes(size, '\0');
  if (!ReadFromStart(fd, &bytes)) return Status(Status::Code::kIoError, path + ": read error");
  if (looks_pdf) {
    const internal::InProcessPdf* pdf = internal::InstalledPdf();
    if (pdf == nullptr) return NotInProcess(path);
    return pdf->read(path, bytes, options, nullptr);
  }
  return internal::ReadTextPages(path, bytes, options);
}

Result<std::vector<RgbImage>> RenderPages(const std::string& path, const std::vector<int>& pages,
                                          double dpi, const ExtractOptions& options) {
  auto opened = Open(path);
  if (!opened.ok()) return opened.status();
  const int fd = opened->file.fd();
  const size_t size = opened->size;
  if (!opened->looks_pdf) {
    return Status(Status::Code::kNotPdf, path + ": not a PDF file (no %PDF- header)");
  }
  if (!options.reader.empty()) {
    std::vector<RgbImage> images;
    internal::RenderJob job{pages, dpi, &images};
    auto read = internal::ReadPdfInChild(path, fd, static_cast<int64_t>(size), options, &job);
    if (!read.ok()) return read.status();
    return images;
  }
  const internal::InProcessPdf* pdf = internal::InstalledPdf();
  if (pdf == nullptr) return NotInProcess(path);
  std::string bytes(size, '\0');
  if (!ReadFromStart(fd, &bytes)) return Status(Status::Code::kIoError, path + ": read error");
  return pdf->render(path, bytes, pages, dpi, {});
}

Result<Document> LoadDocument(const std::string& path, const ExtractOptions& options) {
  auto pages = ReadPages(path, options);
  if (!pages.ok()) return pages.status();
  Document doc;
  doc.path = path;
  doc.name = std::filesystem::path(path).stem().string();
  doc.pages = std::move(pages).value();
  doc.is_pdf = !doc.pages.empty() && doc.pages.front().width > 0;
  Normalize(&doc);
  return doc;
}

}  // namespace jixiao
