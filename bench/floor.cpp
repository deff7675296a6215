// The floor: the least a YAML checker can do, parse every file with yaml-cpp on all cores and
// nothing else. bench/run compares cpconf against it.
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <yaml-cpp/yaml.h>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: cpconf_floor DIR [JOBS]\n");
    return 2;
  }
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[1])) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  }
  unsigned jobs = argc > 2 ? static_cast<unsigned>(std::stoul(argv[2])) : std::thread::hardware_concurrency();
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> failed{0};
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) {
    threads.emplace_back([&] {
      for (std::size_t i = next++; i < files.size(); i = next++) {
        try {
          std::ifstream in(files[i], std::ios::binary);
          std::stringstream text;
          text << in.rdbuf();
          YAML::Node node = YAML::Load(text.str());
          if (!node.IsMap()) ++failed;
        } catch (const YAML::Exception&) {
          ++failed;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  std::printf("%zu files parsed, %zu not a mapping or not YAML\n", files.size(), failed.load());
  return 0;
}
