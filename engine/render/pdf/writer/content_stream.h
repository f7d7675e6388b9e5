// A page's content stream, written as PDF operators. Numbers have at most three decimals and
// never an exponent, so one layout always gives the same bytes.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace kansli::pdf {

class ContentStream {
 public:
  // "72 700 Td": the operands, then the operator.
  void Op(std::initializer_list<double> operands, std::string_view op);
  // "/F1 11 Tf": a resource name, numbers, then the operator.
  void NamedOp(std::string_view name, std::initializer_list<double> operands, std::string_view op);
  // Operands already in PDF syntax ("/F1 11 Tf", "<0003> Tj").
  void Raw(std::string_view text);
  // The same, from parts written one after the other ("[", the glyphs, "] TJ").
  void RawParts(std::initializer_list<std::string_view> parts);

  const std::string& bytes() const { return bytes_; }
  bool empty() const { return bytes_.empty(); }

 private:
  std::string bytes_;
};

// Appends `value` as a PDF number: at most three decimals, never an exponent.
void AppendNumber(std::string& out, double value);

}  // namespace kansli::pdf
