// Running the real kansli binary on a real folder, for end-to-end tests.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kansli::testing {

// The ids of the bundled content/'s documents.
inline constexpr const char* kContentIds[] = {
    "ljungby-ks-2018-127", "ljungby-policy-internationellt-arbete",
    "ljungby-verksamhetsplan-internationellt-arbete", "osby-policy-internationellt-arbete",
    "tranas-program-internationellt-arbete"};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs KANSLI_BINARY with args in cwd; arguments are shell-quoted.
RunResult RunKansli(const std::vector<std::string>& args, const std::filesystem::path& cwd);

// Runs any command line (already quoted) and returns its output and exit code.
RunResult RunCommand(const std::string& command_line);

// Apache PDFBox Preflight (Debian's libpdfbox2-java), an independent PDF/A-1b validator, on
// one file: exit 0 only when it is valid; its findings are in out.
RunResult Preflight(const std::filesystem::path& pdf);

// A fresh temporary site: the checkout's kansli.yaml, scripts/ and layouts/ (and content/ if
// with_content), with the files of `overlay` (a folder, may be empty) laid over them.
std::filesystem::path MakeSiteCopy(const std::filesystem::path& overlay, bool with_content);

// Every file's relative path, size and bytes under dir, for "is it untouched" checks.
std::string Fingerprint(const std::filesystem::path& dir);

std::string ReadFile(const std::filesystem::path& path);
// Replaces the file's bytes (creating it), as an author saving it would.
void WriteFile(const std::filesystem::path& path, const std::string& bytes);

}  // namespace kansli::testing
