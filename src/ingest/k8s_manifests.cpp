#include "costgate/ingest/k8s_manifests.hpp"

#include "costgate/error.hpp"
#include "costgate/ingest/input_file.hpp"
#include "util/yaml_map.hpp"
#include "yaml_json.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

namespace costgate {

namespace {

namespace fs = std::filesystem;

// The first line holding a template expression, or 0.
int template_line(const std::string& text) {
    const std::size_t at = text.find("{{");
    return at == std::string::npos ? 0 : 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

[[noreturn]] void unrendered(const std::string& file, int line) {
    throw InputError({file, line}, "unrendered template expression ({{ ... }}): render it first, e.g. "
                                   "`helm template RELEASE CHART | costgate check --k8s -`");
}

// `replicas: {{ .Values.replicas }}` is valid YAML: a flow mapping used as a key.
// No Kubernetes manifest has mapping keys that are mappings, so that shape means a template.
void reject_template_shapes(const std::string& file, const YAML::Node& node) {
    if (node.IsMap()) {
        for (const auto& entry : node) {
            if (!entry.first.IsScalar())
                unrendered(file, yaml_location(file, entry.first).line);
            reject_template_shapes(file, entry.second);
        }
    } else if (node.IsSequence()) {
        for (const YAML::Node& item : node)
            reject_template_shapes(file, item);
    }
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
        throw InputError({file, line}, "Kubernetes " + trimmed(kind->get<std::string>()) + " without metadata.name");
    Resource resource;
    resource.type = trimmed(kind->get<std::string>());
    const nlohmann::json* ns = path(object, {"metadata", "namespace"});
    const std::string namespace_name = ns && ns->is_string() && !ns->get<std::string>().empty()
                                           ? ns->get<std::string>()
                                           : "default";
    resource.address = namespace_name + "/" + resource.type + "/" + name->get<std::string>();
    resource.provider = "kubernetes";
    resource.source = Source::kubernetes;
    resource.file = file;
    resource.line = line;
    resource.action = Action::create;
    merge_labels(resource.tags, path(object, {"spec", "template", "metadata", "labels"}));
    merge_labels(resource.tags, path(object, {"spec", "jobTemplate", "spec", "template", "metadata", "labels"}));
    merge_labels(resource.tags, path(object, {"metadata", "labels"}));
    resource.after = std::move(object);
    resource.after_unknown = nlohmann::json::object();
    return resource;
}

/// Sees where each document starts, and nothing else.
class DocumentStarts final : public YAML::EventHandler {
  public:
    void OnDocumentStart(const YAML::Mark& mark) override { m_start = mark; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}

    const YAML::Mark& start() const { return m_start; }

  private:
    YAML::Mark m_start;
};

// yaml-cpp 0.7's LoadAll loops forever, allocating, on some invalid input (a stray `}` or
// `,` where a document should start): the parser returns an empty document without
// consuming anything (jbeder/yaml-cpp#1319, fixed after 0.7). A first pass over the events
// throws the parse errors LoadAll would and stops where a document would start twice.
void check_documents_advance(const std::string& text) {
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    DocumentStarts starts;
    int previous = -1;
    while (parser.HandleNextDocument(starts)) {
        if (starts.start().pos == previous)
            throw YAML::ParserException(starts.start(), "unexpected text where a document should start");
        previous = starts.start().pos;
    }
}

void read_document_text(const std::string& file, const std::string& text, std::vector<Resource>& out) {
    std::vector<YAML::Node> documents;
    try {
        check_documents_advance(text);
        documents = YAML::LoadAll(text);
    } catch (const YAML::DeepRecursion& error) {
        // yaml-cpp's parser recurses and stops itself, with the message "bad file".
        throw InputError({file, error.mark.line + 1, error.mark.column + 1},
                         "invalid YAML: nested too deeply (more than about 500 levels)");
    } catch (const YAML::Exception& error) {
        if (const int line = template_line(text))
            unrendered(file, line);
        const SourceLocation where =
            error.mark.is_null() ? SourceLocation{file} : SourceLocation{file, error.mark.line + 1, error.mark.column + 1};
        throw InputError(where, "invalid YAML: " + error.msg);
    }
    for (const YAML::Node& document : documents) {
        if (!document.IsDefined() || document.IsNull())
            continue;
        const int line = yaml_location(file, document).line;
        if (!document.IsMap())
            throw InputError({file, line}, "expected a Kubernetes object (a mapping)");
        check_yaml_document(file, document, text.size());
        reject_template_shapes(file, document);
        nlohmann::json object = yaml_to_json(document);
        const nlohmann::json* kind = path(object, {"kind"});
        if (kind && kind->is_string() && trimmed(kind->get<std::string>()) == "List") {
            const nlohmann::json* items = path(object, {"items"});
            const YAML::Node item_nodes = document["items"];
            if (items && items->is_array())
                for (std::size_t i = 0; i < items->size(); ++i)
                    out.push_back(object_resource(file, yaml_location(file, item_nodes[i]).line, (*items)[i]));
            continue;
        }
        out.push_back(object_resource(file, line, std::move(object)));
    }
}

std::string run_kustomize(const fs::path& dir) {
    if (std::system("command -v kubectl >/dev/null 2>&1") != 0)
        throw InputError({dir.string()}, "holds a kustomization.yaml and kubectl is not installed: render it with "
                                         "`kubectl kustomize DIR | costgate check --k8s -` (Debian: apt-get "
                                         "install kubernetes-client)");
    // kubectl's warnings and errors go to the user's stderr; only the rendered YAML is read.
    std::string quoted = dir.string();
    for (std::size_t at = 0; (at = quoted.find('\'', at)) != std::string::npos; at += 4)
        quoted.replace(at, 1, "'\\''");
    const std::string command = "kubectl kustomize '" + quoted + "'";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe)
        throw InputError({dir.string()}, "cannot run kubectl kustomize");
    std::string output;
    std::array<char, 4096> buffer{};
    for (std::size_t read; (read = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0;)
        output.append(buffer.data(), read);
    if (pclose(pipe.release()) != 0)
        throw InputError({dir.string()}, "kubectl kustomize failed (its message is above)");
    return output;
}

void read_path(const std::string& given, std::vector<Resource>& out) {
    if (given != "-" && fs::is_directory(given)) {
        const fs::path dir(given);
        for (const char* name : {"kustomization.yaml", "kustomization.yml", "Kustomization"})
            if (fs::exists(dir / name)) {
                read_document_text(given + " (kustomize)", run_kustomize(dir), out);
                return;
            }
        std::vector<fs::path> files;
        for (const auto& entry : fs::recursive_directory_iterator(dir))
            if (entry.is_regular_file() && (entry.path().extension() == ".yaml" ||
                                            entry.path().extension() == ".yml" || entry.path().extension() == ".json"))
                files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const fs::path& file : files) {
            const InputText input = read_input(file.string());
            read_document_text(input.name, input.text, out);
        }
        return;
    }
    const InputText input = read_input(given);
    read_document_text(input.name, input.text, out);
}

void attach_namespace_labels(std::vector<Resource>& resources) {
    std::map<std::string, std::map<std::string, std::string>> namespace_labels;
    for (const Resource& resource : resources)
        if (resource.type == "Namespace")
            namespace_labels[resource.address.substr(resource.address.rfind('/') + 1)] = resource.tags;
    for (Resource& resource : resources) {
        const auto labels = namespace_labels.find(resource.address.substr(0, resource.address.find('/')));
        if (resource.type == "Namespace" || labels == namespace_labels.end())
            continue;
        for (const auto& [key, value] : labels->second)
            resource.tags.emplace(key, value);
    }
}

} // namespace

std::vector<Resource> read_k8s_manifests(const std::vector<std::string>& paths) {
    std::vector<Resource> resources;
    for (const std::string& given : paths)
        read_path(given, resources);
    attach_namespace_labels(resources);
    return resources;
}

std::vector<Resource> read_k8s_manifest_text(const InputText& input) {
    std::vector<Resource> resources;
    read_document_text(input.name, input.text, resources);
    attach_namespace_labels(resources);
    return resources;
}

std::vector<Resource> diff_k8s_manifests(std::vector<Resource> head, std::vector<Resource> base) {
    std::map<std::string, Resource*> base_by_address;
    for (Resource& resource : base)
        base_by_address[resource.address] = &resource;
    for (Resource& resource : head) {
        const auto found = base_by_address.find(resource.address);
        if (found == base_by_address.end())
            continue;
        resource.before = found->second->after;
        resource.action = resource.before == resource.after ? Action::no_op : Action::update;
        base_by_address.erase(found);
    }
    for (auto& [address, resource] : base_by_address) {
        Resource removed = std::move(*resource);
        removed.before = std::move(removed.after);
        removed.after.reset();
        removed.action = Action::remove;
        head.push_back(std::move(removed));
    }
    return head;
}

} // namespace costgate
