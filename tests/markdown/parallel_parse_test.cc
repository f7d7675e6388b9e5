#include <gtest/gtest.h>

#include <thread>

#include "markdown/markdown_parser.h"

namespace kansli::markdown {
namespace {

// The kinds of every block's inlines and its child count: enough to see a lost extension.
std::string Shape(const Body& body) {
  std::string out;
  for (const Block& block : body.blocks) {
    for (const Inline& in : block.inlines) out += std::to_string(static_cast<int>(in.kind));
    out += "|" + std::to_string(block.children.size()) + ";";
  }
  return out;
}

// Strikethrough, autolinks and tables switch cmark-gfm's global special characters on and
// off during a parse; parsing on several threads at once must still give serial results.
TEST(MarkdownParser, ParallelParsesGiveTheSameBodiesAsSerialOnes) {
  const std::string text =
      "~~struken~~ och www.example.se och *kursiv*\n\n| a | b |\n|---|---|\n| ~~x~~ | y |\n";
  Diagnostics diags;
  SourceFile file = *SourceFile::FromBytes("content/a.md", text, diags);
  const std::string expected = Shape(ParseBody(file, file.text(), 1, diags));
  std::vector<int> mismatches(4, 0);
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        Diagnostics local;
        for (int i = 0; i < 300; ++i) {
          if (Shape(ParseBody(file, file.text(), 1, local)) != expected) ++mismatches[t];
        }
      });
    }
  }
  for (int t = 0; t < 4; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

}  // namespace
}  // namespace kansli::markdown
