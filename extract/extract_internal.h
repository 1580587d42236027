// Private to extract/: the two readers behind ReadPages.
#ifndef JIXIAO_EXTRACT_EXTRACT_INTERNAL_H_
#define JIXIAO_EXTRACT_EXTRACT_INTERNAL_H_

#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/extract.h"
#include "extract/status.h"

namespace jixiao::internal {

// `bytes` is the whole file. Pages split on lines that begin with a space.
Result<std::vector<RawPage>> ReadTextPages(const std::string& path, const std::string& bytes,
                                           const ExtractOptions& options);
// `bytes` is the whole file, starting with %PDF (or not: then kNotPdf).
Result<std::vector<RawPage>> ReadPdfPages(const std::string& path, const std::string& bytes,
                                          const ExtractOptions& options);

}  // namespace jixiao::internal

#endif  // JIXIAO_EXTRACT_EXTRACT_INTERNAL_H_
