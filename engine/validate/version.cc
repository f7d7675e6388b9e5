#include "validate/version.h"

#include <charconv>

namespace kansli {
namespace {

// Up to six digits: a version is a count of decisions, never a date or a serial number.
std::optional<int> Number(std::string_view digits) {
  if (digits.empty() || digits.size() > 6 ||
      digits.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

}  // namespace

std::optional<Version> Version::Parse(std::string_view text) {
  const size_t dot = text.find('.');
  std::optional<int> major = Number(text.substr(0, dot));
  if (!major) return std::nullopt;
  if (dot == std::string_view::npos) {
    if (*major == 0) return std::nullopt;
    return Version(std::string(text), *major, 0);
  }
  std::optional<int> minor = Number(text.substr(dot + 1));
  if (!minor || (*major == 0 && *minor == 0)) return std::nullopt;
  return Version(std::string(text), *major, *minor);
}

}  // namespace kansli
