#include "publish/publish.h"

#include "publish/staged_output.h"

namespace kansli {

bool Publish(const std::filesystem::path& output_dir, const std::vector<OutputFile>& files,
             Diagnostics& diags) {
  std::unique_ptr<StagedOutput> output = StagedOutput::Open(output_dir, diags);
  if (!output) return false;
  for (const OutputFile& file : files) {
    if (!output->Add(file.path, file.bytes)) break;
  }
  return output->Commit(diags);
}

}  // namespace kansli
