#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace costgate::util {

/// What a path given as input names, after following symbolic links.
enum class PathKind {
    file,
    directory,
    /// A named pipe, a device or a socket: read as a stream (read_input).
    other,
};

/// The one check of an input path: throws InputError naming `path` when it does not exist,
/// is a symbolic link to nothing (naming the target) or part of a loop of links, or cannot
/// be examined (a folder on the way is not readable).
PathKind input_path_kind(const std::string& path);

/// A file's identity, its device and inode: `plan.json`, `./plan.json` and a link to it are
/// one file. Nullopt when the path cannot be examined (the reader reports why).
using FileIdentity = std::pair<unsigned long, unsigned long>;
std::optional<FileIdentity> file_identity(const std::string& path);

/// Which files of a folder list_files gives.
struct FileSelection {
    /// Into sub-folders too (links to folders are not followed, so no loop is walked).
    bool recursive = false;
    /// The names to take; the others are not looked at.
    std::function<bool(const std::filesystem::path&)> wanted;
    /// Sub-folders not to descend into (recursive only); none when empty.
    std::function<bool(const std::filesystem::path&)> skipped_folder;
};

/// The files of `directory` that `selection` wants, sorted by path. A wanted name that is a
/// dangling link or a loop of links, and a folder that cannot be listed, throw InputError
/// naming it (never skipped in silence); a wanted name that is a folder is left out.
std::vector<std::filesystem::path> list_files(const std::filesystem::path& directory,
                                              const FileSelection& selection);

} // namespace costgate::util
