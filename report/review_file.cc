// LoadReviewFile and AppendReviewFile.
#include "report/review_file.h"

#include <fstream>
#include <nlohmann/json.hpp>

namespace jixiao {

Result<std::unordered_map<std::string, Review>> LoadReviewFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status(Status::Code::kNotFound, path + ": cannot open the reviews file");
  std::unordered_map<std::string, Review> out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("fingerprint") ||
        !j["fingerprint"].is_string() || !j.contains("decision") || !j["decision"].is_string()) {
      return Status(Status::Code::kCorrupt, path + ":" + std::to_string(n) +
                                                ": not a review (a JSON object with "
                                                "\"fingerprint\" and \"decision\")");
    }
    Review r;
    r.decision = j["decision"].get<std::string>();
    if (r.decision != "accepted" && r.decision != "dismissed") {
      return Status(Status::Code::kCorrupt,
                    path + ":" + std::to_string(n) + ": decision must be accepted or dismissed");
    }
    auto text = [&](const char* key) {
      return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
    };
    r.why = text("why");
    r.by = text("by");
    r.at = text("at");
    out[j["fingerprint"].get<std::string>()] = r;
  }
  return out;
}

Status AppendReviewFile(const std::string& path, const std::string& fingerprint, const Review& r) {
  nlohmann::ordered_json j = {{"fingerprint", fingerprint},
                              {"decision", r.decision},
                              {"why", r.why},
                              {"by", r.by},
                              {"at", r.at}};
  std::ofstream out(path, std::ios::app);
  out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  out.flush();
  if (!out) return Status(Status::Code::kIoError, path + ": cannot write");
  return Status::Ok();
}

}  // namespace jixiao
