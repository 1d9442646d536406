#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace costgate::ingest {

/// True when `file` has one of the names kustomize looks for: `kustomization.yaml`,
/// `kustomization.yml` or `Kustomization`.
bool is_kustomization_name(const std::filesystem::path& file);

/// The kustomization file of `folder` (one of those names), or an empty path when it has
/// none.
std::filesystem::path kustomization_file(const std::filesystem::path& folder);

/// Of `folders` (each holding a kustomization), the ones to render, sorted: those that no
/// other of them includes, directly or through others (an overlay, not its base), and that
/// are not a `kind: Component` (never built on its own). Rendering only these prices
/// every object once. A kustomization that is not valid YAML is InputError.
std::vector<std::filesystem::path>
kustomize_roots(const std::vector<std::filesystem::path>& folders);

/// Checks that rendering `folder` needs no network: every kustomization it reaches must be
/// local. An entry of `resources`, `bases`, `components`, `generators`, `transformers`,
/// `validators`, `crds` or `configurations` that kustomize would fetch (a URL, or a
/// repository spelling not on disk: `github.com/org/repo`, `repo//path`, `?ref=v1`), and
/// an http(s) or git URL as any path kustomize loads (patches, generator files, openapi),
/// are InputError at that kustomization's file and line.
void check_offline(const std::filesystem::path& folder);

/// The YAML `kubectl kustomize FOLDER` prints, rendered offline: check_offline first, then
/// kubectl with git limited to local repositories and HTTP(S) sent to a closed local port,
/// so anything the check missed fails instead of fetching. No kubectl, or kubectl failing
/// (its message goes to stderr), is InputError naming `folder`.
std::string render_kustomization(const std::filesystem::path& folder);

} // namespace costgate::ingest
