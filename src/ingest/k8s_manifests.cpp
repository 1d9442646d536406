#include "costgate/ingest/k8s_manifests.hpp"

#include "costgate/ingest/kustomize.hpp"
#include "costgate/model/error.hpp"
#include "costgate/util/input_file.hpp"
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

// The objects of one document: a List's items, or the document itself.
void read_document(const std::string& file, YamlDocument& document, std::vector<Resource>& out) {
    if (!document.value.is_object())
        throw InputError({file, document.line}, "expected a Kubernetes object (a mapping)");
    const nlohmann::json* kind = path(document.value, {"kind"});
    if (!kind || !kind->is_string() || trimmed(kind->get<std::string>()) != "List") {
        out.push_back(object_resource(file, document.line, std::move(document.value)));
        return;
    }
    const auto items = document.value.find("items");
    if (items == document.value.end() || !items->is_array())
        return;
    for (std::size_t i = 0; i < items->size(); ++i) {
        // An `items` taken from an alias has no lines of its own.
        const int line = i < document.item_lines.size() ? document.item_lines[i] : document.line;
        out.push_back(object_resource(file, line, std::move((*items)[i])));
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
        read_document(file, document, out);
        warn_repeated_keys(document.repeated_keys, std::span<Resource>(out).subspan(first));
    }
}

bool is_kustomization_name(const fs::path& file) {
    const fs::path name = file.filename();
    return name == "kustomization.yaml" || name == "kustomization.yml" || name == "Kustomization";
}

// Reads one input path. Folders holding a kustomization (the path itself, one found in a
// folder, or the folder of a kustomization file given by name) go to `kustomizations`, to
// be rendered once every input is known; files inside such a folder are kustomize's.
void read_path(const std::string& given, std::vector<Resource>& out,
               std::vector<fs::path>& kustomizations) {
    if (given != "-" && fs::is_directory(given)) {
        // `k8s/base/` is shown as `k8s/base`.
        const fs::path dir =
            fs::path(given).has_filename() ? fs::path(given) : fs::path(given).parent_path();
        if (!kustomization_file(dir).empty()) {
            kustomizations.push_back(dir);
            return;
        }
        std::vector<fs::path> files;
        for (auto entry = fs::recursive_directory_iterator(dir);
             entry != fs::recursive_directory_iterator(); ++entry) {
            if (entry->is_directory() && !kustomization_file(entry->path()).empty()) {
                kustomizations.push_back(entry->path());
                entry.disable_recursion_pending();
            } else if (entry->is_regular_file() && (entry->path().extension() == ".yaml" ||
                                                    entry->path().extension() == ".yml" ||
                                                    entry->path().extension() == ".json")) {
                files.push_back(entry->path());
            }
        }
        std::sort(files.begin(), files.end());
        for (const fs::path& file : files) {
            const util::InputText input = util::read_input(file.string());
            read_document_text(input.name, input.text, out);
        }
        return;
    }
    if (given != "-" && is_kustomization_name(given) && fs::is_regular_file(given)) {
        const fs::path folder = fs::path(given).parent_path();
        kustomizations.push_back(folder.empty() ? fs::path(".") : folder);
        return;
    }
    const util::InputText input = util::read_input(given);
    read_document_text(input.name, input.text, out);
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
    std::vector<fs::path> kustomizations;
    for (const std::string& given : paths)
        read_path(given, resources, kustomizations);
    for (const fs::path& folder : kustomize_roots(kustomizations))
        read_document_text(folder.string() + " (kustomize)", render_kustomization(folder),
                           resources);
    attach_namespace_labels(resources);
    return resources;
}

std::vector<Resource> read_k8s_manifest_text(const util::InputText& input) {
    std::vector<Resource> resources;
    read_document_text(input.name, input.text, resources);
    attach_namespace_labels(resources);
    return resources;
}

} // namespace costgate::ingest
