#include "costgate/ingest/k8s_manifests.hpp"

#include "costgate/ingest/kustomize.hpp"
#include "costgate/ingest/unique_addresses.hpp"
#include "costgate/model/error.hpp"
#include "costgate/util/input_file.hpp"
#include "costgate/util/input_path.hpp"
#include "yaml_documents.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <span>
#include <spdlog/spdlog.h>

namespace costgate::ingest {

namespace {

namespace fs = std::filesystem;

// The first line holding a template expression, or 0.
int template_line(std::string_view text) {
    const std::size_t at = text.find("{{");
    return at == std::string_view::npos
               ? 0
               : 1 + static_cast<int>(
                         std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

[[noreturn]] void unrendered(const std::string& file, int line) {
    throw InputError({file, line},
                     "unrendered template expression ({{ ... }}): render it first, e.g. "
                     "`helm template RELEASE CHART | costgate check --k8s -`");
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.pop_back();
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.erase(0, 1);
    return text;
}

const nlohmann::json* path(const nlohmann::json& object, std::initializer_list<const char*> keys) {
    const nlohmann::json* current = &object;
    for (const char* key : keys) {
        if (!current->is_object())
            return nullptr;
        const auto found = current->find(key);
        if (found == current->end())
            return nullptr;
        current = &*found;
    }
    return current;
}

void merge_labels(std::map<std::string, std::string>& tags, const nlohmann::json* labels) {
    if (!labels || !labels->is_object())
        return;
    for (const auto& [key, value] : labels->items())
        tags[key] = value.is_string() ? value.get<std::string>() : value.dump();
}

Resource object_resource(const std::string& file, int line, nlohmann::json object) {
    const nlohmann::json* kind = path(object, {"kind"});
    const nlohmann::json* name = path(object, {"metadata", "name"});
    if (!kind || !kind->is_string() || trimmed(kind->get<std::string>()).empty())
        throw InputError({file, line}, "Kubernetes object without a kind");
    if (!name || !name->is_string() || name->get<std::string>().empty())
        throw InputError({file, line}, "Kubernetes " + trimmed(kind->get<std::string>()) +
                                           " without metadata.name");
    const nlohmann::json* ns = path(object, {"metadata", "namespace"});
    Resource resource = kubernetes_resource(trimmed(kind->get<std::string>()),
                                            ns && ns->is_string() && !ns->get<std::string>().empty()
                                                ? ns->get<std::string>()
                                                : "default",
                                            name->get<std::string>());
    resource.file = file;
    resource.line = line;
    merge_labels(resource.tags, path(object, {"spec", "template", "metadata", "labels"}));
    merge_labels(resource.tags,
                 path(object, {"spec", "jobTemplate", "spec", "template", "metadata", "labels"}));
    merge_labels(resource.tags, path(object, {"metadata", "labels"}));
    resource.after = JsonTree(object);
    resource.after_unknown = JsonTree(nlohmann::json::object());
    return resource;
}

/// The items of a `kind: List` (absent or null: none), or nullptr when `object` is no List.
const nlohmann::json* list_items(const std::string& file, int line, const nlohmann::json& object) {
    const nlohmann::json* kind = path(object, {"kind"});
    if (!kind || !kind->is_string() || trimmed(kind->get<std::string>()) != "List")
        return nullptr;
    static const nlohmann::json k_none = nlohmann::json::array();
    const auto items = object.find("items");
    if (items == object.end() || items->is_null())
        return &k_none;
    if (!items->is_array())
        throw InputError({file, line}, "the items of a List must be a list, found " +
                                           std::string(items->type_name()));
    return &*items;
}

/// Adds the object at `line`, or each item of a List, Lists in Lists included (kubectl
/// flattens those too). `item_lines` are the lines of a top-level List's items, when known.
void add_object(const std::string& file, int line, const std::vector<int>& item_lines,
                nlohmann::json object, std::vector<Resource>& out) {
    if (!object.is_object())
        throw InputError({file, line}, "expected a Kubernetes object (a mapping), found " +
                                           std::string(object.type_name()));
    const nlohmann::json* items = list_items(file, line, object);
    if (!items) {
        out.push_back(object_resource(file, line, std::move(object)));
        return;
    }
    for (std::size_t i = 0; i < items->size(); ++i) {
        // An `items` taken from an alias, or nested in another List, has no lines of its own.
        const int item_line = i < item_lines.size() ? item_lines[i] : line;
        add_object(file, item_line, {}, std::move(object["items"][i]), out);
    }
}

// kubectl takes a repeated key's last value and goes on; so does costgate, saying so on
// stderr and in a note on the object that holds the key (the last one starting before it).
void warn_repeated_keys(const std::vector<YamlRepeatedKey>& repeated, std::span<Resource> objects) {
    for (const YamlRepeatedKey& key : repeated) {
        spdlog::warn("{}: duplicate key \"{}\": the last value is used, as kubectl does",
                     key.where.to_string(), key.key);
        Resource* holder = nullptr;
        for (Resource& object : objects)
            if (object.line <= key.where.line)
                holder = &object;
        if (holder)
            holder->notes.push_back("duplicate key \"" + key.key + "\" at line " +
                                    std::to_string(key.where.line) + ": the last value is used");
    }
}

void read_document_text(const std::string& file, std::string_view text,
                        std::vector<Resource>& out) {
    std::vector<YamlDocument> documents;
    try {
        documents = read_yaml_documents(file, text);
    } catch (const YamlSyntaxError&) {
        if (const int line = template_line(text))
            unrendered(file, line);
        throw;
    } catch (const YamlComplexKey& error) {
        // No Kubernetes manifest has mapping keys that are mappings: that shape is a template.
        unrendered(file, error.where().line);
    }
    for (YamlDocument& document : documents) {
        const std::size_t first = out.size();
        add_object(file, document.line, document.item_lines, std::move(document.value), out);
        warn_repeated_keys(document.repeated_keys, std::span<Resource>(out).subspan(first));
    }
}

bool is_manifest_file(const fs::path& file) {
    const fs::path extension = file.extension();
    return extension == ".yaml" || extension == ".yml" || extension == ".json";
}

/// The files read so far, so that a file given again, or lying in a folder also given,
/// is not counted twice.
using FilesRead = std::map<util::FileIdentity, std::string>;

void read_file(const std::string& path, FilesRead& read, std::vector<Resource>& out) {
    if (path != "-")
        if (const auto identity = util::file_identity(path))
            if (const auto [known, added] = read.emplace(*identity, path); !added)
                throw InputError({path}, "is read twice (also as " + known->second +
                                             "): its objects would be counted twice");
    const util::InputText input = util::read_input(path);
    read_document_text(input.name, input.text, out);
}

// Reads one input path. Folders holding a kustomization (the path itself, one found in a
// folder, or the folder of a kustomization file given by name) go to `kustomizations`, to
// be rendered once every input is known; files inside such a folder are kustomize's.
void read_path(const std::string& given, FilesRead& read, std::vector<Resource>& out,
               std::vector<fs::path>& kustomizations) {
    if (given != "-" && util::input_path_kind(given) == util::PathKind::directory) {
        // `k8s/base/` is shown as `k8s/base`.
        const fs::path dir =
            fs::path(given).has_filename() ? fs::path(given) : fs::path(given).parent_path();
        if (!kustomization_file(dir).empty()) {
            kustomizations.push_back(dir);
            return;
        }
        const auto kustomized = [&](const fs::path& folder) {
            if (kustomization_file(folder).empty())
                return false;
            kustomizations.push_back(folder);
            return true;
        };
        for (const fs::path& file : util::list_files(dir, {true, is_manifest_file, kustomized}))
            read_file(file.string(), read, out);
        return;
    }
    if (given != "-" && is_kustomization_name(given) && fs::is_regular_file(given)) {
        const fs::path folder = fs::path(given).parent_path();
        kustomizations.push_back(folder.empty() ? fs::path(".") : folder);
        return;
    }
    read_file(given, read, out);
}

void attach_namespace_labels(std::vector<Resource>& resources) {
    std::map<std::string, std::map<std::string, std::string>> namespace_labels;
    for (const Resource& resource : resources)
        if (resource.type == "Namespace")
            namespace_labels[resource.k8s_name] = resource.tags;
    for (Resource& resource : resources) {
        const auto labels = namespace_labels.find(resource.k8s_namespace);
        if (resource.type == "Namespace" || labels == namespace_labels.end())
            continue;
        for (const auto& [key, value] : labels->second)
            resource.tags.emplace(key, value);
    }
}

} // namespace

std::vector<Resource> read_k8s_manifests(const std::vector<std::string>& paths) {
    std::vector<Resource> resources;
    FilesRead read;
    std::vector<fs::path> kustomizations;
    for (const std::string& given : paths)
        read_path(given, read, resources, kustomizations);
    for (const fs::path& folder : kustomize_roots(kustomizations))
        read_document_text(folder.string() + " (kustomize)", render_kustomization(folder),
                           resources);
    check_addresses_unique(resources, "Kubernetes manifests");
    attach_namespace_labels(resources);
    return resources;
}

std::vector<Resource> read_k8s_manifest_text(const util::InputText& input) {
    std::vector<Resource> resources;
    read_document_text(input.name, input.text, resources);
    check_addresses_unique(resources, "Kubernetes manifests");
    attach_namespace_labels(resources);
    return resources;
}

} // namespace costgate::ingest
