// PDF input with poppler-cpp. (Placeholder: the foundation issue fills this in.)
#include "extract/extract_internal.h"

namespace jixiao::internal {

Result<std::vector<RawPage>> ReadPdfPages(const std::string& path, const std::string&,
                                          const ExtractOptions&) {
  return Status(Status::Code::kInternal, path + ": PDF reading not built yet");
}

}  // namespace jixiao::internal
