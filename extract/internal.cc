// What the readers behind ReadPages and RenderPages share (extract_internal.h): deadlines, and the
// in-process PDF functions a program may install. No Poppler and no ICU here: the PDF reader
// process and the jixiao executable both link this.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <sstream>
#include <string>

#include "extract/extract_internal.h"

namespace jixiao::internal {

namespace {
std::atomic<const InProcessPdf*> installed{nullptr};
}  // namespace

const InProcessPdf* InstalledPdf() { return installed.load(); }
void SetInProcessPdf(const InProcessPdf* pdf) { installed.store(pdf); }

Clock::time_point DeadlineAfter(Clock::time_point start, double seconds) {
  if (!(seconds < 1e9)) return Clock::time_point::max();
  return start + std::chrono::duration_cast<Clock::duration>(
                     std::chrono::duration<double>(std::max(seconds, 0.0)));
}

std::string FormatSeconds(double seconds) {
  std::ostringstream out;
  out << seconds;
  return out.str();
}

}  // namespace jixiao::internal
