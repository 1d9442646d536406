#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace costgate::cli {

/// What `costgate init` found in a repository, as paths relative to its root, sorted.
struct RepositoryLayout {
    /// Folders holding `*.tf` files, except module libraries (folders under `modules/`).
    std::vector<std::string> terraform_roots;
    /// Folders holding Kubernetes manifests (YAML with `apiVersion:` and `kind:`) or a
    /// kustomization, not counting those inside another such folder, nor kustomize bases
    /// and components that another found kustomization includes (its overlays stand for
    /// them, so nothing is counted twice).
    std::vector<std::string> kubernetes_folders;
};

/// Walks `root`, skipping hidden folders, `.terraform` and `node_modules`.
RepositoryLayout scan_repository(const std::filesystem::path& root);

} // namespace costgate::cli
