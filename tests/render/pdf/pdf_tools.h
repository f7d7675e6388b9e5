// Reading a PDF back with poppler's command-line tools, as a reader of the PDF would.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace kansli::pdf::testing {

// A fresh folder under the system's temp folder, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kansli-pdf-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  std::filesystem::path Write(const std::string& name, const std::string& bytes) const {
    std::filesystem::path file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
  }

 private:
  std::filesystem::path path_;
};

struct ToolOutput {
  std::string out;
  std::string err;  // poppler's warnings, e.g. about a broken ToUnicode CMap
  int status = -1;
};

// Runs `command` (arguments already quoted) and collects its stdout and stderr.
inline ToolOutput RunTool(const std::string& command, const TempDir& dir) {
  const std::filesystem::path err = dir.path() / "stderr.txt";
  ToolOutput result;
  FILE* pipe = popen((command + " 2>'" + err.string() + "'").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) result.out.append(buffer, n);
  result.status = pclose(pipe);
  std::ifstream in(err, std::ios::binary);
  result.err.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return result;
}

// The value of "Title:" and the like in pdfinfo's output.
inline std::string InfoField(const std::string& pdfinfo, const std::string& field) {
  const std::string text = "\n" + pdfinfo;
  size_t at = text.find("\n" + field + ":");
  if (at == std::string::npos) return "";
  size_t start = text.find_first_not_of(' ', at + field.size() + 2);
  if (start == std::string::npos) return "";
  return text.substr(start, text.find('\n', start) - start);
}

// The targets of the PDF's URI link annotations, with PDF string escapes ("\\057") decoded.
// libharu writes annotations uncompressed, so they can be read from the bytes.
inline std::vector<std::string> LinkUris(const std::string& pdf) {
  std::vector<std::string> uris;
  const std::string key = "/URI (";
  for (size_t at = pdf.find(key); at != std::string::npos; at = pdf.find(key, at + 1)) {
    std::string uri;
    for (size_t i = at + key.size(); i < pdf.size() && pdf[i] != ')'; ++i) {
      if (pdf[i] == '\\' && i + 3 < pdf.size()) {
        uri += static_cast<char>(std::stoi(pdf.substr(i + 1, 3), nullptr, 8));
        i += 3;
      } else {
        uri += pdf[i];
      }
    }
    uris.push_back(uri);
  }
  return uris;
}

}  // namespace kansli::pdf::testing
