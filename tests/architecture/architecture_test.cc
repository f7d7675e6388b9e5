// The pipeline's one-way data flow, checked on the source: a stage includes only headers of
// its own folder or of stages before it, and README documents every diagnostic code.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "diag/diagnostic.h"
#include "support/run_kansli.h"
#include "support/test_site.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

// Position in the pipeline; stages with the same rank must not include each other.
const std::map<std::string, int> kStageRank = {
    {"diag", 0},        {"source", 1},            {"config", 2},
    {"document", 3},    {"markdown", 4},          {"validate", 5},
    {"script", 6},      {"site", 7},              {"ledger", 8},
    {"render/graph", 8}, {"render/pdf/font", 8},  {"render/pdf/layout", 9},
    {"render/search", 9}, {"render/html", 10},    {"render/pdf/writer", 10},
    {"render/pdf", 11},
    {"publish", 8},     {"cache", 8},             {"pipeline", 12},
    {"serve", 13},      {"cli", 14},
};

std::string StageOf(const std::string& path) {  // "render/pdf/layout/frame.h" → stage
  std::string best;
  for (const auto& [stage, rank] : kStageRank) {
    if (path.starts_with(stage + "/") && stage.size() > best.size()) best = stage;
  }
  return best;
}

TEST(Architecture, StagesIncludeOnlyEarlierStages) {
  const fs::path engine = SourcePath("engine");
  const std::regex include(R"re(^\s*#\s*include\s+"([^"]+)")re");
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(engine)) {
    const std::string ext = entry.path().extension();
    if (ext != ".h" && ext != ".cc") continue;
    ++files;
    const std::string self = StageOf(entry.path().lexically_relative(engine).string());
    ASSERT_FALSE(self.empty()) << entry.path() << " is in no stage folder";
    std::ifstream in(entry.path());
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      std::smatch match;
      if (!std::regex_search(line, match, include)) continue;
      const std::string target = StageOf(match[1]);
      if (target.empty() || target == self) continue;
      EXPECT_LT(kStageRank.at(target), kStageRank.at(self))
          << entry.path().string() << ":" << number << ": stage " << self
          << " must not include " << match[1] << " (stage " << target << ")";
    }
  }
  EXPECT_GT(files, 20);
}

TEST(Architecture, OnlyTheWrappersIncludeCLibraries) {
  // Each C library is seen by its wrappers only (one, or one per direction for libdeflate:
  // the PDF writer compresses, the search index reads Pagefind's gzip); the rest of the code
  // sees value types.
  const std::multimap<std::string, std::string> owner = {
      {"cmark-gfm", "markdown/"}, {"lua.h", "script/"}, {"lauxlib.h", "script/"},
      {"hpdf", "render/pdf/writer/pdf_builder.cc"}, {"graphviz/", "render/graph/"},
      {"httplib.h", "serve/"}, {"hyphen.h", "render/pdf/layout/"},
      {"qrencode.h", "render/pdf/layout/"}, {"<hb.h>", "render/pdf/font/"},
      {"<hb-subset.h>", "render/pdf/font/"}, {"<png.h>", "validate/"},
      {"<jpeglib.h>", "validate/"}, {"<libdeflate.h>", "render/pdf/writer/"},
      {"<libdeflate.h>", "render/search/pagefind_fragment.cc"}};
  const fs::path engine = SourcePath("engine");
  for (const auto& entry : fs::recursive_directory_iterator(engine)) {
    if (!entry.is_regular_file()) continue;
    const std::string rel = entry.path().lexically_relative(engine).string();
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      if (!line.starts_with("#include <")) continue;
      for (const auto& [header, folder] : owner) {
        if (line.find(header) == std::string::npos) continue;
        auto [first, last] = owner.equal_range(header);
        EXPECT_TRUE(std::any_of(first, last, [&rel](const auto& o) {
          return rel.starts_with(o.second);
        })) << rel << " includes " << line;
        break;
      }
    }
  }
}

// libharu's types stay inside the builder: the rest of the writer builds objects through its
// handles, and layout never sees the writer at all.
TEST(Architecture, OnlyThePdfBuilderSeesLibharuTypes) {
  const fs::path engine = SourcePath("engine");
  const std::regex haru(R"re(\bHPDF_\w+|\bHaru\w*)re");
  int writer_files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(engine)) {
    if (!entry.is_regular_file()) continue;
    const std::string rel = entry.path().lexically_relative(engine).string();
    const std::string ext = entry.path().extension();
    if ((ext != ".h" && ext != ".cc") || rel.starts_with("render/pdf/writer/pdf_builder.")) {
      continue;
    }
    if (rel.starts_with("render/pdf/writer/")) ++writer_files;
    std::ifstream in(entry.path());
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      if (line.find("//") != std::string::npos) line.resize(line.find("//"));
      std::smatch match;
      EXPECT_FALSE(std::regex_search(line, match, haru))
          << rel << ":" << number << " uses libharu's " << match[0]
          << "; only render/pdf/writer/pdf_builder.{h,cc} may";
    }
  }
  EXPECT_GT(writer_files, 10);
}

// The writer draws frames: it depends on layout's frame types, not on layout's work.
TEST(Architecture, TheWriterIncludesOnlyFramesFromLayout) {
  const fs::path writer = SourcePath("engine/render/pdf/writer");
  const std::regex include(R"re(^\s*#\s*include\s+"render/pdf/layout/([^"]+)")re");
  const std::set<std::string> allowed = {"frame.h", "font_metrics.h", "utf8.h"};
  for (const auto& entry : fs::directory_iterator(writer)) {
    std::ifstream in(entry.path());
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      std::smatch match;
      if (std::regex_search(line, match, include)) {
        EXPECT_TRUE(allowed.contains(match[1])) << entry.path().filename().string() << ":"
                                                << number << " includes layout's " << match[1];
      }
    }
  }
}

TEST(Readme, DocumentsEveryDiagnosticCode) {
  const std::string readme = ReadFile(SourcePath("README.md"));
  for (Code code : AllCodes()) {
    EXPECT_NE(readme.find("`" + std::string(CodeName(code)) + "`"), std::string::npos)
        << "README.md does not explain [" << CodeName(code) << "]";
  }
}

}  // namespace
}  // namespace kansli::testing
