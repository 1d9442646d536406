#pragma once

#include "costgate/model/resource.hpp"
#include "costgate/util/input_file.hpp"

#include <string>
#include <vector>

namespace costgate::ingest {

/// Reads Kubernetes objects from manifest paths: YAML or JSON files, directories (searched
/// recursively for *.yaml, *.yml and *.json, in sorted order) and `-` for standard input
/// (`helm template ... |`, `kubectl kustomize ... |`). Multi-document files and `kind: List`
/// are expanded. Each object becomes a Resource addressed `namespace/Kind/name` (namespace
/// `default` when absent) with action create, its line, and its labels as tags: the
/// object's labels over its pod template's, over its Namespace's when the input has it.
///
/// Kustomizations are rendered with `kubectl kustomize`, offline (see kustomize.hpp): a
/// directory holding one, one found inside a directory (whose files are then kustomize's,
/// not read on their own), or a kustomization file given by name stands for its folder.
/// Of all these, only those no other includes are rendered, so an overlay and its base
/// are priced once. Unrendered templates (`{{ ... }}`), invalid YAML and objects without
/// kind or name are InputError with file and line; a key given twice in a mapping is a
/// warning naming file and line and, as kubectl does, the last value is used.
std::vector<Resource> read_k8s_manifests(const std::vector<std::string>& paths);

/// Reads the Kubernetes objects of one already-read input, as read_k8s_manifests does for
/// a file (the string entry point for tests and fuzzers).
std::vector<Resource> read_k8s_manifest_text(const util::InputText& input);

} // namespace costgate::ingest
