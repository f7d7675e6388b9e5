#include "render/pdf/writer/content_stream.h"

#include <charconv>
#include <cmath>


namespace kansli::pdf {

void ContentStream::Op(std::initializer_list<double> operands, std::string_view op) {
  for (double value : operands) {
    AppendNumber(bytes_, value);
    bytes_ += ' ';
  }
  bytes_ += op;
  bytes_ += '\n';
}

void ContentStream::NamedOp(std::string_view name, std::initializer_list<double> operands,
                            std::string_view op) {
  bytes_ += '/';
  bytes_ += name;
  bytes_ += ' ';
  Op(operands, op);
}

void ContentStream::Raw(std::string_view text) {
  bytes_ += text;
  bytes_ += '\n';
}

void ContentStream::RawParts(std::initializer_list<std::string_view> parts) {
  for (std::string_view part : parts) bytes_ += part;
  bytes_ += '\n';
}

void AppendNumber(std::string& out, double value) {
  if (!std::isfinite(value)) value = 0;
  // Thousandths of a point are far below what any printer shows.
  const long long thousandths = std::llround(value * 1000);
  if (thousandths < 0) out += '-';
  const unsigned long long magnitude = static_cast<unsigned long long>(std::llabs(thousandths));
  char text[32];
  auto [end, ec] = std::to_chars(text, text + sizeof text, magnitude / 1000);
  out.append(text, end);
  if (unsigned fraction = magnitude % 1000; fraction != 0) {
    out += '.';
    for (unsigned digit = 100; fraction != 0; digit /= 10) {
      out += static_cast<char>('0' + fraction / digit);
      fraction %= digit;
    }
  }
}


}  // namespace kansli::pdf
