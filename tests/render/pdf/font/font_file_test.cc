#include "render/pdf/font/font_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string_view>

#include "render/pdf/font/font_cache.h"
#include "render/pdf/font/font_subset.h"

namespace kansli::pdf {
namespace {

const std::filesystem::path kSerif =
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf";
const std::filesystem::path kMono =
    "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf";

std::shared_ptr<const FontFile> LoadOrFail(const std::filesystem::path& path) {
  std::string problem;
  std::shared_ptr<const FontFile> font = FontFile::Load(path, problem);
  EXPECT_NE(font, nullptr) << path << " " << problem;
  return font;
}

// A font file written under the temp folder, removed afterwards.
class FontFixture {
 public:
  explicit FontFixture(const std::string& bytes)
      : path_(std::filesystem::temp_directory_path() /
              ("kansli-font-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
               "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".ttf")) {
    std::ofstream(path_, std::ios::binary) << bytes;
  }
  ~FontFixture() { std::filesystem::remove(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(FontFile, MapsSwedishLettersToGlyphsAndMeasuresThem) {
  auto font = LoadOrFail(kSerif);
  ASSERT_NE(font, nullptr);
  EXPECT_EQ(font->facts().postscript_name, "LiberationSerif");
  EXPECT_EQ(font->facts().units_per_em, 2048);
  for (char32_t c : std::u32string_view(U"AaÅåÄäÖö–€")) EXPECT_NE(font->Glyph(c), 0) << static_cast<int>(c);
  EXPECT_NE(font->Glyph(U'A'), font->Glyph(U'a'));
  // Liberation Serif is metric-compatible with Times: "A" is 0.722 em, a space 0.25 em.
  EXPECT_EQ(font->Advance(font->Glyph(U'A')), 1479);
  EXPECT_EQ(font->Advance(font->Glyph(U' ')), 512);
  EXPECT_GT(font->facts().ascent, 0);
  EXPECT_LT(font->facts().descent, 0);
  EXPECT_FALSE(font->facts().fixed_pitch);
  EXPECT_EQ(font->facts().italic_angle, 0);
}

TEST(FontFile, ShowsControlCharactersAsSpacesAndLacksWhatTheFaceLacks) {
  auto font = LoadOrFail(kSerif);
  ASSERT_NE(font, nullptr);
  EXPECT_EQ(font->Glyph(U'\t'), font->Glyph(U' '));
  EXPECT_EQ(font->Glyph(0x85), font->Glyph(U' '));
  EXPECT_EQ(font->Glyph(U'😀'), 0);      // astral, not in the face
  EXPECT_EQ(font->Glyph(0x10FFFF), 0);  // the last code point
}

TEST(FontFile, KnowsAMonospacedFace) {
  auto font = LoadOrFail(kMono);
  ASSERT_NE(font, nullptr);
  EXPECT_TRUE(font->facts().fixed_pitch);
  EXPECT_EQ(font->Advance(font->Glyph(U'i')), font->Advance(font->Glyph(U'W')));
}

TEST(FontFile, RefusesWhatIsNoUsableTrueTypeFont) {
  std::string problem;
  FontFixture garbage("det här är ingen font alls");
  EXPECT_EQ(FontFile::Load(garbage.path(), problem), nullptr);
  EXPECT_EQ(problem, "is not a TrueType font");

  FontFixture cff(std::string("OTTO") + std::string(200, '\0'));
  EXPECT_EQ(FontFile::Load(cff.path(), problem), nullptr);
  EXPECT_NE(problem.find("CFF outlines"), std::string::npos) << problem;

  FontFixture cut(ReadAll(kSerif).substr(0, 100000));
  EXPECT_EQ(FontFile::Load(cut.path(), problem), nullptr);
  EXPECT_NE(problem.find("reaches past the end of the file"), std::string::npos) << problem;

  EXPECT_EQ(FontFile::Load("/nonexistent/font.ttf", problem), nullptr);
  EXPECT_EQ(problem, "cannot be read");
}

TEST(FontCache, LoadsAFaceOncePerProcess) {
  std::string problem;
  auto first = FontCache::Shared().Get(kSerif, problem);
  auto second = FontCache::Shared().Get(kSerif, problem);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first.get(), second.get());
  EXPECT_EQ(FontCache::Shared().Get("/nonexistent/font.ttf", problem), nullptr);
}

TEST(SubsetFont, KeepsOnlyTheGlyphsAskedForRenumberedFromNotdef) {
  auto font = LoadOrFail(kSerif);
  ASSERT_NE(font, nullptr);
  const uint16_t a = font->Glyph(U'a'), k = font->Glyph(U'k');
  std::optional<FontSubset> subset = SubsetFont(*font, {k, a});
  ASSERT_TRUE(subset.has_value());
  ASSERT_EQ(subset->old_glyphs.size(), 3u);
  EXPECT_EQ(subset->old_glyphs[0], 0);  // .notdef
  EXPECT_EQ(subset->old_glyphs[1], std::min(a, k));
  EXPECT_EQ(subset->old_glyphs[2], std::max(a, k));
  // A few kilobytes instead of the face's hundreds.
  EXPECT_LT(subset->bytes.size(), 8000u);
  EXPECT_GT(ReadAll(kSerif).size(), 300000u);

  // The subset is itself a TrueType font with the same advances.
  FontFixture written(subset->bytes);
  auto reloaded = LoadOrFail(written.path());
  ASSERT_NE(reloaded, nullptr);
  EXPECT_EQ(reloaded->glyph_count(), 3);
  EXPECT_EQ(reloaded->Advance(1), font->Advance(std::min(a, k)));
  EXPECT_EQ(reloaded->Advance(2), font->Advance(std::max(a, k)));
}

TEST(SubsetFont, AddsThePartsOfACompositeGlyph) {
  auto font = LoadOrFail(kSerif);
  ASSERT_NE(font, nullptr);
  std::optional<FontSubset> subset = SubsetFont(*font, {font->Glyph(U'å')});
  ASSERT_TRUE(subset.has_value());
  // "å" is drawn from "a" and a ring in Liberation Serif, so the subset holds more than
  // .notdef and "å"; whatever it holds, the map back to the face covers every glyph.
  EXPECT_GE(subset->old_glyphs.size(), 2u);
  EXPECT_NE(std::find(subset->old_glyphs.begin(), subset->old_glyphs.end(), font->Glyph(U'å')),
            subset->old_glyphs.end());
}

TEST(SubsetFont, TakesGlyphsBeyondLatinFromTheWholeFace) {
  // Latin glyphs are cut from the face's smaller common part; a Cyrillic letter is not in
  // it, so that subset comes from the whole face, and both are right.
  auto font = LoadOrFail(kSerif);
  ASSERT_NE(font, nullptr);
  const uint16_t zhe = font->Glyph(U'Ж'), a = font->Glyph(U'a');
  ASSERT_NE(zhe, 0);
  for (const std::vector<uint16_t>& glyphs : {std::vector<uint16_t>{a}, {a, zhe}}) {
    std::optional<FontSubset> subset = SubsetFont(*font, glyphs);
    ASSERT_TRUE(subset.has_value());
    ASSERT_EQ(subset->old_glyphs.size(), glyphs.size() + 1);
    FontFixture written(subset->bytes);
    auto reloaded = LoadOrFail(written.path());
    ASSERT_NE(reloaded, nullptr);
    for (size_t g = 1; g < subset->old_glyphs.size(); ++g) {
      EXPECT_EQ(reloaded->Advance(static_cast<uint16_t>(g)), font->Advance(subset->old_glyphs[g]));
    }
  }
}

TEST(SubsetFont, GivesTheSameBytesEveryTime) {
  auto font = LoadOrFail(kSerif);
  ASSERT_NE(font, nullptr);
  std::vector<uint16_t> glyphs;
  for (char32_t c : std::u32string_view(U"Ett utskrivet dokument är alltid en kopia")) glyphs.push_back(font->Glyph(c));
  EXPECT_EQ(SubsetFont(*font, glyphs)->bytes, SubsetFont(*font, glyphs)->bytes);
}

}  // namespace
}  // namespace kansli::pdf
