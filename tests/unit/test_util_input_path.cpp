#include "costgate/model/error.hpp"
#include "costgate/util/input_path.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace costgate;
using namespace costgate::util;
namespace fs = std::filesystem;

namespace {

/// A fresh folder under the system's temporary directory, removed at the end of the scope.
class TempFolder {
  public:
    TempFolder() {
        std::string pattern = (fs::temp_directory_path() / "costgate-path-XXXXXX").string();
        m_path = ::mkdtemp(pattern.data());
    }
    ~TempFolder() {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    std::string operator/(const std::string& name) const { return (m_path / name).string(); }
    const fs::path& path() const { return m_path; }

  private:
    fs::path m_path;
};

std::string message_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const InputError& error) {
        return error.what();
    }
    return "(no error)";
}

bool is_yaml(const fs::path& file) {
    return file.extension() == ".yaml";
}

} // namespace

TEST_CASE("input_path_kind tells files, folders and streams apart", "[util][path]") {
    const TempFolder folder;
    std::ofstream(folder / "plan.json") << "{}";
    fs::create_directory(folder / "manifests");
    REQUIRE(::mkfifo((folder / "pipe").c_str(), 0600) == 0);
    fs::create_symlink("plan.json", folder / "link.json");
    CHECK(input_path_kind(folder / "plan.json") == PathKind::file);
    CHECK(input_path_kind(folder / "link.json") == PathKind::file);
    CHECK(input_path_kind(folder / "manifests") == PathKind::directory);
    CHECK(input_path_kind(folder / "pipe") == PathKind::other);
    CHECK(input_path_kind("/dev/null") == PathKind::other);
}

TEST_CASE("a path that leads nowhere is bad input naming it", "[util][path]") {
    const TempFolder folder;
    std::ofstream(folder / "plan.json") << "{}";
    fs::create_symlink("loop-b", folder / "loop-a");
    fs::create_symlink("loop-a", folder / "loop-b");
    fs::create_symlink("self", folder / "self");
    fs::create_symlink("gone.json", folder / "dangling.json");
    const struct {
        std::string path;
        std::string message;
    } cases[] = {
        {folder / "missing.json", "no such file"},
        {folder / "plan.json/inside", "no such file"},
        {folder / "loop-a", "is a loop of symbolic links"},
        {folder / "self", "is a loop of symbolic links"},
        {folder / "loop-a/below", "is a loop of symbolic links"},
        {folder / "dangling.json", "is a symbolic link to gone.json, which does not exist"},
    };
    // Named members, not a structured binding: clang 14 cannot capture those in a lambda.
    for (const auto& item : cases)
        CHECK(message_of([&] { input_path_kind(item.path); }) == item.path + ": " + item.message);
}

TEST_CASE("list_files gives the wanted files sorted and never skips a broken link in silence",
          "[util][path]") {
    const TempFolder folder;
    fs::create_directories(folder.path() / "b" / "deeper");
    fs::create_directories(folder.path() / "skipped");
    for (const char* name :
         {"z.yaml", "a.yaml", "b/deeper/c.yaml", "b/notes.txt", "skipped/d.yaml"})
        std::ofstream(folder / name) << "kind: x";
    fs::create_directory(folder / "folder.yaml");
    fs::create_symlink("b", folder / "link-to-b");
    fs::create_symlink("nowhere", folder / "README");

    const auto names = [&](const std::vector<fs::path>& files) {
        std::vector<std::string> relative;
        for (const fs::path& file : files)
            relative.push_back(fs::relative(file, folder.path()).generic_string());
        return relative;
    };
    CHECK(names(list_files(folder.path(), {false, is_yaml, {}})) ==
          std::vector<std::string>{"a.yaml", "z.yaml"});
    const auto skipped = [](const fs::path& dir) { return dir.filename() == "skipped"; };
    CHECK(names(list_files(folder.path(), {true, is_yaml, skipped})) ==
          std::vector<std::string>{"a.yaml", "b/deeper/c.yaml", "z.yaml"});
    CHECK(names(list_files(folder.path(), {true, is_yaml, {}})) ==
          std::vector<std::string>{"a.yaml", "b/deeper/c.yaml", "skipped/d.yaml", "z.yaml"});

    fs::create_symlink("gone.yaml", folder / "b/dangling.yaml");
    CHECK(message_of([&] {
              list_files(folder.path(), {true, is_yaml, {}});
          }) ==
          folder / "b/dangling.yaml" + ": is a symbolic link to gone.yaml, which does not exist");
    fs::remove(folder / "b/dangling.yaml");
    fs::create_symlink("loop.yaml", folder / "loop.yaml");
    CHECK(message_of([&] {
              list_files(folder.path(), {false, is_yaml, {}});
          }) == folder / "loop.yaml" + ": is a loop of symbolic links");
    CHECK(message_of([&] {
              list_files(folder / "missing", {false, is_yaml, {}});
          }).starts_with(folder / "missing" + ": cannot list the folder: "));
}
