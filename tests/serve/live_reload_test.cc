#include "serve/live_reload.h"

#include <gtest/gtest.h>

namespace kansli::serve {
namespace {

TEST(InjectLiveReload, AddsScriptJustBeforeTheLastBodyClose) {
  std::string html = InjectLiveReload("<html><body><p>x</p></BODY></html>", 7, std::nullopt);
  EXPECT_EQ(html,
            "<html><body><p>x</p><script src=\"/__kansli/live.js\" data-generation=\"7\">"
            "</script></BODY></html>");
}

TEST(InjectLiveReload, AppendsWhenThereIsNoBody) {
  EXPECT_EQ(InjectLiveReload("<p>x</p>", 1, std::nullopt),
            "<p>x</p><script src=\"/__kansli/live.js\" data-generation=\"1\"></script>");
}

TEST(InjectLiveReload, AddsOverlayOnlyForAFailedBuild) {
  const std::string ok = InjectLiveReload("<body></body>", 2, std::nullopt);
  EXPECT_EQ(ok.find("kansli-build-errors"), std::string::npos);
  const std::string failed =
      InjectLiveReload("<body></body>", 3, std::string("content/a.md:2:5: error: bad"));
  const size_t overlay = failed.find("<div id=\"kansli-build-errors\" role=\"alert\"");
  ASSERT_NE(overlay, std::string::npos);
  EXPECT_LT(overlay, failed.find("<script src="));
  EXPECT_LT(failed.find("<script src="), failed.find("</body>"));
  EXPECT_NE(failed.find("<pre"), std::string::npos);
  EXPECT_NE(failed.find("content/a.md:2:5: error: bad</pre>"), std::string::npos);
}

TEST(ErrorOverlay, EscapesDiagnosticsAndStylesItselfInline) {
  const std::string overlay = ErrorOverlay("title: <script>alert('x')</script> & \"q\"");
  EXPECT_EQ(overlay.find("<script>"), std::string::npos);
  EXPECT_NE(overlay.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"),
            std::string::npos);
  EXPECT_NE(overlay.find("Bygget misslyckades"), std::string::npos);
  EXPECT_NE(overlay.find("position:fixed"), std::string::npos);
}

TEST(LiveReloadScript, LongPollsWithTheGenerationAndReloads) {
  const std::string_view script = LiveReloadScript();
  EXPECT_NE(script.find("/__kansli/wait?generation="), std::string_view::npos);
  EXPECT_NE(script.find("data-generation"), std::string_view::npos);
  EXPECT_NE(script.find("location.reload()"), std::string_view::npos);
}

TEST(PlainPage, EscapesItsText) {
  const std::string page = PlainPage("<t>", "a & b");
  EXPECT_NE(page.find("<title>&lt;t&gt;</title>"), std::string::npos);
  EXPECT_NE(page.find("a &amp; b"), std::string::npos);
  EXPECT_NE(page.find("</body>"), std::string::npos);
}

}  // namespace
}  // namespace kansli::serve
