// ReadPages / LoadDocument: choose the reader by content, then normalize.
#include "extract/extract.h"

#include <cctype>
#include <filesystem>
#include <fstream>

#include "extract/extract_internal.h"
#include "extract/normalize.h"

namespace jixiao {

namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Result<std::vector<RawPage>> ReadPages(const std::string& path, const ExtractOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) return Status(Status::Code::kNotFound, path + ": no such file");
  if (fs::is_directory(path, ec)) return Status(Status::Code::kIoError, path + ": is a directory");
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Status(Status::Code::kIoError, path + ": cannot open file for reading");
  // One read into a buffer of the file's size (no stream copies: PDFs can be large).
  std::streamoff size = in.tellg();
  if (size < 0) return Status(Status::Code::kIoError, path + ": cannot determine the file size");
  std::string bytes(static_cast<size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size) || in.gcount() != size) {
    return Status(Status::Code::kIoError, path + ": read error");
  }
  if (bytes.empty()) return Status(Status::Code::kEmpty, path + ": empty file (0 bytes)");
  std::string lower = path;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool looks_pdf = bytes.compare(0, 5, "%PDF-") == 0 ||
                   bytes.substr(0, 1024).find("%PDF-") != std::string::npos;
  if (looks_pdf) return internal::ReadPdfPages(path, bytes, options);
  if (EndsWith(lower, ".pdf")) {
    return Status(Status::Code::kNotPdf, path + ": not a PDF file (no %PDF- header)");
  }
  return internal::ReadTextPages(path, bytes, options);
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
