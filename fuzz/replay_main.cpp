// A main() for the fuzz targets in builds without libFuzzer: runs each file given (or
// each file of a directory given) through LLVMFuzzerTestOneInput once, so the saved
// crash inputs of fuzz/regressions/ replay with any compiler. Flags (-runs=0, ...) are
// ignored so the command line is the same as libFuzzer's.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

void replay(const std::filesystem::path& file) {
    std::ifstream stream(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(stream)),
                            std::istreambuf_iterator<char>());
    std::cerr << "Running: " << file.string() << '\n';
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

} // namespace

int main(int argc, char** argv) {
    std::size_t count = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument.starts_with("-"))
            continue;
        std::vector<std::filesystem::path> files;
        if (std::filesystem::is_directory(argument)) {
            for (const auto& entry : std::filesystem::recursive_directory_iterator(argument))
                if (entry.is_regular_file())
                    files.push_back(entry.path());
        } else {
            files.emplace_back(argument);
        }
        for (const auto& file : files) {
            replay(file);
            ++count;
        }
    }
    std::cerr << "Executed " << count << " inputs without a crash\n";
    return 0;
}
