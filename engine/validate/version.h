#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace kansli {

// A document's version as its front matter writes it: a positive whole number ("2") or
// MAJOR.MINOR ("1.3"). Versions compare as numbers, so 1.10 comes after 1.9 and "2" equals
// "2.0"; the text is kept as written, for file names and display.
class Version {
 public:
  static std::optional<Version> Parse(std::string_view text);

  const std::string& text() const { return text_; }
  int major() const { return major_; }
  int minor() const { return minor_; }

  friend std::strong_ordering operator<=>(const Version& a, const Version& b) {
    if (auto c = a.major_ <=> b.major_; c != 0) return c;
    return a.minor_ <=> b.minor_;
  }
  friend bool operator==(const Version& a, const Version& b) {
    return a.major_ == b.major_ && a.minor_ == b.minor_;
  }

 private:
  Version(std::string text, int major, int minor)
      : text_(std::move(text)), major_(major), minor_(minor) {}

  std::string text_;
  int major_ = 0;
  int minor_ = 0;
};

}  // namespace kansli
