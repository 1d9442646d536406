#include "costgate/util/input_path.hpp"

#include "costgate/model/error.hpp"

#include <algorithm>
#include <cerrno>
#include <sys/stat.h>

namespace costgate::util {

namespace fs = std::filesystem;

PathKind input_path_kind(const std::string& path) {
    struct stat target {};
    if (::stat(path.c_str(), &target) == 0) {
        if (S_ISDIR(target.st_mode))
            return PathKind::directory;
        return S_ISREG(target.st_mode) ? PathKind::file : PathKind::other;
    }
    const int error = errno;
    if (error == ELOOP)
        throw InputError({path}, "is a loop of symbolic links");
    struct stat link {};
    if (error == ENOENT && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
        std::error_code ignored;
        throw InputError({path}, "is a symbolic link to " +
                                     fs::read_symlink(path, ignored).string() +
                                     ", which does not exist");
    }
    if (error == ENOENT || error == ENOTDIR)
        throw InputError({path}, "no such file");
    throw InputError({path},
                     "cannot read: " + std::error_code(error, std::generic_category()).message());
}

std::optional<FileIdentity> file_identity(const std::string& path) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0)
        return std::nullopt;
    return FileIdentity{status.st_dev, status.st_ino};
}

std::vector<fs::path> list_files(const fs::path& directory, const FileSelection& selection) {
    std::vector<fs::path> files;
    const auto take = [&](const fs::path& entry) {
        if (!selection.wanted(entry))
            return;
        if (input_path_kind(entry.string()) != PathKind::directory)
            files.push_back(entry);
    };
    const auto cannot_list = [&](const std::error_code& error) {
        throw InputError({directory.string()}, "cannot list the folder: " + error.message());
    };
    std::error_code error;
    if (selection.recursive) {
        fs::recursive_directory_iterator entry(directory, error);
        for (; !error && entry != fs::recursive_directory_iterator(); entry.increment(error)) {
            std::error_code ignored;
            if (entry->symlink_status(ignored).type() == fs::file_type::directory) {
                if (selection.skipped_folder && selection.skipped_folder(entry->path()))
                    entry.disable_recursion_pending();
                continue;
            }
            take(entry->path());
        }
    } else {
        fs::directory_iterator entry(directory, error);
        for (; !error && entry != fs::directory_iterator(); entry.increment(error))
            take(entry->path());
    }
    if (error)
        cannot_list(error);
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace costgate::util
