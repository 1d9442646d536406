#include "costgate/ingest/kustomize.hpp"

#include "costgate/model/error.hpp"
#include "costgate/util/input_file.hpp"
#include "costgate/util/yaml_map.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <memory>

namespace costgate::ingest {

namespace fs = std::filesystem;

namespace {

// Fields whose entries kustomize loads as resources: a local file or folder, or else a
// remote (a git repository such as `github.com/org/repo//path?ref=v1`, or a URL).
constexpr std::array k_resource_lists = {"resources",  "bases",         "components",
                                         "generators", "transformers",  "validators",
                                         "crds",       "configurations"};

constexpr const char* k_render_yourself =
    "costgate never goes to the network: render it where fetching is allowed and pipe the "
    "result in (`kubectl kustomize DIR | costgate check --k8s -`)";

bool is_url(std::string_view text) {
    return text.find("://") != std::string_view::npos || text.starts_with("git@");
}

// What kustomize would take for a remote repository when it is not on disk: a URL, a
// `repo//path` or `?ref=` spelling, or a host name first (`github.com/org/repo`). Any
// other missing path fails in kustomize without network.
bool looks_remote(std::string_view text) {
    if (is_url(text) || text.find("//") != std::string_view::npos ||
        text.find('?') != std::string_view::npos)
        return true;
    const std::size_t slash = text.find('/');
    const std::string_view first = text.substr(0, slash);
    return slash != std::string_view::npos && first != "." && first != ".." &&
           first.find('.') != std::string_view::npos;
}

// A kustomization folder: its canonical path identifies it, its path as the user would
// spell it (from a given folder) names it in messages.
struct Folder {
    fs::path canonical;
    fs::path shown;
};

// What one kustomization includes that is itself a kustomization, whether it is a
// Component, and the remote references kustomize would fetch.
struct Includes {
    bool component = false;
    std::vector<Folder> kustomizations;
    std::vector<InputError> remote;
};

class KustomizationReader {
  public:
    explicit KustomizationReader(const fs::path& folder)
        : m_folder(folder), m_input(util::read_input(kustomization_file(folder).string())) {}

    Includes read() {
        const YAML::Node root = util::load_yaml(m_input.name, m_input.text);
        Includes includes;
        if (!root.IsDefined() || root.IsNull())
            return includes;
        if (!root.IsMap())
            throw InputError(util::yaml_location(m_input.name, root),
                             "a kustomization must be a mapping");
        const YAML::Node kind = member(root, "kind");
        includes.component = kind.IsScalar() && kind.Scalar() == "Component";
        for (const char* field : k_resource_lists)
            for (const YAML::Node& entry : sequence(member(root, field)))
                if (entry.IsScalar() && entry.Scalar().find('\n') == std::string::npos)
                    check_resource(field, entry, includes);
        check_paths(root, includes);
        return includes;
    }

  private:
    // The member `key` of a mapping, or an undefined node (yaml-cpp's own lookup gives an
    // invalid node, which throws when asked its type).
    static YAML::Node member(const YAML::Node& map, std::string_view key) {
        if (map.IsMap())
            for (const auto& entry : map)
                if (entry.first.IsScalar() && entry.first.Scalar() == key)
                    return entry.second;
        return YAML::Node(YAML::NodeType::Undefined);
    }

    static std::vector<YAML::Node> sequence(const YAML::Node& node) {
        std::vector<YAML::Node> items;
        if (node.IsSequence())
            for (const YAML::Node& item : node)
                items.push_back(item);
        return items;
    }

    void remote(Includes& includes, const YAML::Node& at, const std::string& message) const {
        includes.remote.emplace_back(util::yaml_location(m_input.name, at), message);
    }

    void check_resource(const char* field, const YAML::Node& entry, Includes& includes) const {
        const std::string& text = entry.Scalar();
        const fs::path local = m_folder / text;
        if (is_url(text) || (looks_remote(text) && !fs::exists(local)))
            remote(includes, entry,
                   std::string(field) + " entry \"" + text + "\" is remote; " + k_render_yourself);
        else if (fs::is_directory(local) && !kustomization_file(local).empty())
            includes.kustomizations.push_back(
                {fs::weakly_canonical(local), local.lexically_normal()});
    }

    // kustomize's loader fetches an http(s) URL given as any file path.
    void check_path(const YAML::Node& node, std::string_view field, Includes& includes) const {
        if (!node.IsScalar())
            return;
        std::string_view text = node.Scalar();
        // Generator files may be `key=path`.
        if (const std::size_t equals = text.find('='); equals != std::string_view::npos)
            text.remove_prefix(equals + 1);
        if (is_url(text))
            remote(includes, node,
                   std::string(field) + " \"" + node.Scalar() + "\" is remote; " +
                       k_render_yourself);
    }

    void check_paths(const YAML::Node& root, Includes& includes) const {
        for (const char* field : {"patches", "patchesJson6902", "replacements"})
            for (const YAML::Node& entry : sequence(member(root, field)))
                if (entry.IsMap())
                    check_path(member(entry, "path"), field, includes);
        for (const YAML::Node& entry : sequence(member(root, "patchesStrategicMerge")))
            check_path(entry, "patchesStrategicMerge", includes);
        if (const YAML::Node openapi = member(root, "openapi"); openapi.IsMap())
            check_path(member(openapi, "path"), "openapi", includes);
        for (const char* generator : {"configMapGenerator", "secretGenerator"})
            for (const YAML::Node& entry : sequence(member(root, generator))) {
                if (!entry.IsMap())
                    continue;
                for (const char* list : {"files", "envs"})
                    for (const YAML::Node& file : sequence(member(entry, list)))
                        check_path(file, generator, includes);
                check_path(member(entry, "env"), generator, includes);
            }
    }

    fs::path m_folder;
    util::InputText m_input;
};

// The kustomizations of a run, each read once, and what each reaches.
class Graph {
  public:
    const Includes& includes(const Folder& folder) {
        const auto found = m_read.find(folder.canonical);
        if (found != m_read.end())
            return found->second;
        return m_read.emplace(folder.canonical, KustomizationReader(folder.shown).read())
            .first->second;
    }

    // Every kustomization `folder` includes, directly or not (itself only through a
    // cycle), by canonical path, with the path it is shown by.
    std::map<fs::path, fs::path> reachable(const Folder& folder) {
        std::map<fs::path, fs::path> seen;
        std::vector<Folder> pending{folder};
        while (!pending.empty()) {
            const Folder next = std::move(pending.back());
            pending.pop_back();
            for (const Folder& included : includes(next).kustomizations)
                if (seen.emplace(included.canonical, included.shown).second)
                    pending.push_back(included);
        }
        return seen;
    }

  private:
    std::map<fs::path, Includes> m_read;
};

} // namespace

constexpr std::array<std::string_view, 3> k_kustomization_names = {
    "kustomization.yaml", "kustomization.yml", "Kustomization"};

bool is_kustomization_name(const fs::path& file) {
    const std::string name = file.filename().string();
    return std::find(k_kustomization_names.begin(), k_kustomization_names.end(), name) !=
           k_kustomization_names.end();
}

fs::path kustomization_file(const fs::path& folder) {
    for (const std::string_view name : k_kustomization_names)
        if (fs::is_regular_file(folder / name))
            return folder / name;
    return {};
}

std::vector<fs::path> kustomize_roots(const std::vector<fs::path>& folders) {
    // Canonical paths identify folders however they were spelt; the first spelling names them.
    std::map<fs::path, fs::path> given;
    for (const fs::path& folder : folders)
        given.emplace(fs::weakly_canonical(folder), folder);
    Graph graph;
    std::map<fs::path, std::map<fs::path, fs::path>> reaches;
    for (const auto& [canonical, folder] : given)
        reaches[canonical] = graph.reachable({canonical, folder});
    std::vector<fs::path> roots;
    for (const auto& [canonical, folder] : given) {
        const auto& own = reaches[canonical];
        // Included by another that it does not include back (a cycle keeps both, for
        // kubectl to report).
        // C++20 lets a lambda capture a structured binding; clang 14 (the sanitizer and
        // fuzz builds) does not, so the binding is named again for the capture.
        const fs::path& self = canonical;
        const bool included = std::any_of(reaches.begin(), reaches.end(), [&](const auto& other) {
            return other.first != self && other.second.contains(self) && !own.contains(other.first);
        });
        if (!included && !graph.includes({canonical, folder}).component)
            roots.push_back(folder);
    }
    std::sort(roots.begin(), roots.end());
    return roots;
}

void check_offline(const fs::path& folder) {
    Graph graph;
    const Folder top{fs::weakly_canonical(folder), folder};
    if (const auto& remote = graph.includes(top).remote; !remote.empty())
        throw remote.front();
    for (const auto& [canonical, shown] : graph.reachable(top))
        if (const auto& remote = graph.includes({canonical, shown}).remote; !remote.empty())
            throw remote.front();
}

std::string render_kustomization(const fs::path& folder) {
    check_offline(folder);
    if (std::system("command -v kubectl >/dev/null 2>&1") != 0)
        throw InputError({folder.string()},
                         "holds a kustomization.yaml and kubectl is not installed: render it with "
                         "`kubectl kustomize DIR | costgate check --k8s -` (Debian: apt-get "
                         "install kubernetes-client)");
    std::string quoted = folder.string();
    for (std::size_t at = 0; (at = quoted.find('\'', at)) != std::string::npos; at += 4)
        quoted.replace(at, 1, "'\\''");
    // Belt and braces behind kustomize_roots' checks: git may only read local repositories
    // and HTTP(S) goes to a closed port (Go's proxy variables; no exceptions), so a remote
    // reference fails rather than fetching. kubectl's messages go to the user's stderr.
    const std::string command =
        "GIT_ALLOW_PROTOCOL=file GIT_TERMINAL_PROMPT=0 HTTP_PROXY=http://127.0.0.1:9 "
        "HTTPS_PROXY=http://127.0.0.1:9 http_proxy=http://127.0.0.1:9 "
        "https_proxy=http://127.0.0.1:9 NO_PROXY= no_proxy= kubectl kustomize '" +
        quoted + "'";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe)
        throw InputError({folder.string()}, "cannot run kubectl kustomize");
    std::string output;
    std::array<char, 4096> buffer{};
    for (std::size_t read; (read = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0;)
        output.append(buffer.data(), read);
    if (pclose(pipe.release()) != 0)
        throw InputError({folder.string()}, "kubectl kustomize failed (its message is above)");
    return output;
}

} // namespace costgate::ingest
