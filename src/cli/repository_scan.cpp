#include "repository_scan.hpp"

#include "costgate/ingest/kustomize.hpp"
#include "costgate/util/input_path.hpp"

#include <algorithm>
#include <fstream>
#include <set>

namespace costgate::cli {

namespace fs = std::filesystem;

namespace {

bool skipped_folder(const fs::path& folder) {
    const std::string name = folder.filename().string();
    return name.starts_with(".") || name == "node_modules" || name == "build";
}

bool is_manifest(const fs::path& file) {
    if (ingest::kustomization_file(file.parent_path()) == file)
        return true;
    const std::string extension = file.extension().string();
    if (extension != ".yaml" && extension != ".yml")
        return false;
    std::ifstream in(file);
    bool api_version = false;
    bool kind = false;
    std::string line;
    for (int lines = 0; lines < 200 && std::getline(in, line); ++lines) {
        api_version = api_version || line.starts_with("apiVersion:");
        kind = kind || line.starts_with("kind:");
    }
    return api_version && kind;
}

bool under_modules(const fs::path& relative) {
    return std::any_of(relative.begin(), relative.end(),
                       [](const fs::path& part) { return part == "modules"; });
}

std::string display(const fs::path& relative) {
    return relative.empty() ? "." : relative.generic_string();
}

bool is_candidate(const fs::path& file) {
    const fs::path extension = file.extension();
    return extension == ".tf" || extension == ".yaml" || extension == ".yml";
}

} // namespace

RepositoryLayout scan_repository(const fs::path& root) {
    std::set<fs::path> terraform;
    std::set<fs::path> kubernetes;
    for (const fs::path& file : util::list_files(root, {true, is_candidate, skipped_folder})) {
        // Named pipes and devices are nobody's configuration (and reading one could block).
        if (util::input_path_kind(file.string()) != util::PathKind::file)
            continue;
        const fs::path folder = fs::relative(file.parent_path(), root);
        const fs::path normal = folder == "." ? fs::path() : folder;
        if (file.extension() == ".tf" && !under_modules(normal))
            terraform.insert(normal);
        else if (is_manifest(file))
            kubernetes.insert(normal);
    }
    // A base or component is priced through the overlays that include it, not on its own.
    std::vector<fs::path> kustomizations;
    for (const fs::path& folder : kubernetes)
        if (!ingest::kustomization_file(root / folder).empty())
            kustomizations.push_back(root / folder);
    std::set<fs::path> rendered;
    for (const fs::path& folder : ingest::kustomize_roots(kustomizations))
        rendered.insert(folder);
    RepositoryLayout layout;
    for (const fs::path& folder : terraform)
        layout.terraform_roots.push_back(display(folder));
    for (const fs::path& folder : kubernetes) {
        const bool nested =
            std::any_of(kubernetes.begin(), kubernetes.end(), [&](const fs::path& other) {
                const std::string prefix = other.generic_string() + "/";
                return other != folder && !other.empty() &&
                       folder.generic_string().starts_with(prefix);
            });
        const bool included =
            !ingest::kustomization_file(root / folder).empty() && !rendered.contains(root / folder);
        if (!nested && !included)
            layout.kubernetes_folders.push_back(display(folder));
    }
    return layout;
}

} // namespace costgate::cli
