#include "support/run_kansli.h"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <map>
#include <sstream>

#include "support/test_site.h"

namespace kansli::testing {
namespace fs = std::filesystem;
namespace {

std::string Quote(const std::string& arg) {
  std::string quoted = "'";
  for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

fs::path FreshTempDir(const std::string& stem) {
  static std::atomic<int> counter{0};
  fs::path dir = fs::temp_directory_path() /
                 (stem + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

RunResult RunCommand(const std::string& command_line) {
  fs::path dir = FreshTempDir("kansli-run");
  std::string full = command_line + " >" + Quote(dir / "out") + " 2>" + Quote(dir / "err");
  int status = std::system(full.c_str());
  RunResult result{.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
                   .out = ReadFile(dir / "out"),
                   .err = ReadFile(dir / "err")};
  fs::remove_all(dir);
  return result;
}

RunResult Preflight(const fs::path& pdf) {
  std::string classpath;
  for (const char* jar : {"preflight", "pdfbox2", "fontbox2", "xmpbox", "commons-logging",
                          "javax.activation", "jaxb-api"}) {
    classpath += (classpath.empty() ? "" : ":") + std::string("/usr/share/java/") + jar + ".jar";
  }
  return RunCommand("java -cp " + classpath + " org.apache.pdfbox.preflight.Validator_A1b " +
                    Quote(pdf.string()));
}

RunResult RunKansli(const std::vector<std::string>& args, const fs::path& cwd) {
  std::string command = "cd " + Quote(cwd) + " && " + Quote(KANSLI_BINARY);
  for (const std::string& arg : args) command += " " + Quote(arg);
  return RunCommand(command);
}

fs::path MakeSiteCopy(const fs::path& overlay, bool with_content) {
  fs::path site = FreshTempDir("kansli-site");
  const fs::path source = SourcePath("");
  const auto options = fs::copy_options::recursive | fs::copy_options::overwrite_existing;
  fs::copy_file(source / "kansli.yaml", site / "kansli.yaml");
  fs::copy(source / "scripts", site / "scripts", options);
  fs::copy(source / "layouts", site / "layouts", options);
  if (with_content) fs::copy(source / "content", site / "content", options);
  if (!overlay.empty() && fs::exists(overlay)) {
    for (const auto& entry : fs::recursive_directory_iterator(overlay)) {
      fs::path target = site / entry.path().lexically_relative(overlay);
      if (entry.is_directory()) {
        fs::create_directories(target);
      } else if (entry.path().filename() != "expected.txt") {
        fs::create_directories(target.parent_path());
        fs::copy_file(entry.path(), target, fs::copy_options::overwrite_existing);
      }
    }
  }
  return site;
}

std::string Fingerprint(const fs::path& dir) {
  std::map<std::string, std::string> files;
  if (fs::exists(dir)) {
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      if (entry.is_regular_file()) {
        files[entry.path().lexically_relative(dir).string()] = ReadFile(entry.path());
      }
    }
  }
  std::string print;
  for (const auto& [path, bytes] : files) {
    print += path + " " + std::to_string(bytes.size()) + "\n" + bytes + "\n";
  }
  return print;
}

}  // namespace kansli::testing
