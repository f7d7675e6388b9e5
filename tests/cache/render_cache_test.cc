#include "cache/render_cache.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace kansli {
namespace {
namespace fs = std::filesystem;

constexpr char kKey[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

class RenderCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() /
              ("kansli-cache-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
               "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }

  static CachedRender Render() {
    CachedRender render;
    render.files = {{"pdf/a.pdf", std::string("%PDF-1.4\0binary\xff", 17)},
                    {"html/a/index.html", "<p>a</p>"}};
    render.diagnostics = {Diagnostic{.pos = {"content/a.md", 3, 7},
                                     .severity = Severity::kWarning,
                                     .code = Code::kImageNoAlt,
                                     .message = "an image without alt text",
                                     .hints = {"write ![what it shows](bild.png)"}}};
    render.pages = 2;
    return render;
  }
  fs::path Entry() const { return folder_ / std::string(kKey).substr(0, 2) / kKey; }

  fs::path folder_;
};

TEST_F(RenderCacheTest, GivesBackWhatWasPutWithItsWarnings) {
  RenderCache cache(folder_);
  EXPECT_FALSE(cache.Get(kKey));
  cache.Put(kKey, Render());
  std::optional<CachedRender> hit = RenderCache(folder_).Get(kKey);
  ASSERT_TRUE(hit);
  ASSERT_EQ(hit->files.size(), 2u);
  EXPECT_EQ(hit->files[0].path, "pdf/a.pdf");
  EXPECT_EQ(hit->files[0].bytes, Render().files[0].bytes);
  EXPECT_EQ(hit->files[1].bytes, "<p>a</p>");
  ASSERT_EQ(hit->diagnostics.size(), 1u);
  EXPECT_EQ(hit->diagnostics[0].pos, (SourcePos{"content/a.md", 3, 7}));
  EXPECT_EQ(hit->diagnostics[0].severity, Severity::kWarning);
  EXPECT_EQ(hit->diagnostics[0].code, Code::kImageNoAlt);
  EXPECT_EQ(hit->diagnostics[0].hints, Render().diagnostics[0].hints);
  EXPECT_EQ(hit->pages, 2);
  EXPECT_EQ(cache.misses(), 1);
}

TEST_F(RenderCacheTest, EveryDamagedByteIsAMiss) {
  RenderCache(folder_).Put(kKey, Render());
  std::ifstream in(Entry(), std::ios::binary);
  const std::string intact{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  for (size_t at = 0; at < intact.size(); ++at) {
    std::string damaged = intact;
    damaged[at] ^= 0x01;
    std::ofstream(Entry(), std::ios::binary | std::ios::trunc) << damaged;
    EXPECT_FALSE(RenderCache(folder_).Get(kKey)) << "byte " << at;
  }
  std::ofstream(Entry(), std::ios::binary | std::ios::trunc) << intact.substr(0, intact.size() - 1);
  EXPECT_FALSE(RenderCache(folder_).Get(kKey)) << "cut short";
}

TEST_F(RenderCacheTest, AnEntryUnderAnotherKeyIsAMiss) {
  RenderCache(folder_).Put(kKey, Render());
  std::string other = kKey;
  other.back() = '0';
  fs::copy_file(Entry(), folder_ / other.substr(0, 2) / other);
  EXPECT_FALSE(RenderCache(folder_).Get(other));
}

TEST_F(RenderCacheTest, RemoveUnusedKeepsOnlyThisBuildsEntriesAndTheIgnoreFile) {
  std::string old = kKey;
  old[0] = 'f';
  RenderCache(folder_).Put(old, Render());
  RenderCache cache(folder_);
  cache.Put(kKey, Render());
  cache.RemoveUnused();
  EXPECT_TRUE(fs::exists(Entry()));
  EXPECT_FALSE(fs::exists(folder_ / old.substr(0, 2) / old));
  EXPECT_TRUE(fs::exists(folder_ / ".gitignore"));
}

TEST_F(RenderCacheTest, ADisabledCacheNeitherReadsNorWrites) {
  RenderCache(folder_).Put(kKey, Render());
  RenderCache disabled;
  EXPECT_FALSE(disabled.enabled());
  EXPECT_FALSE(disabled.Get(kKey));
  disabled.Put("ff" + std::string(kKey).substr(2), Render());
  disabled.RemoveUnused();
  EXPECT_TRUE(fs::exists(Entry()));
}

}  // namespace
}  // namespace kansli
