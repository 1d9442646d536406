#include "commands.hpp"
#include "costgate/model/error.hpp"
#include "costgate/util/embedded_files.hpp"
#include "repository_scan.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>

namespace costgate::cli {

namespace fs = std::filesystem;

namespace {

// `infra/network` → `infra-network`; the root folder is the repository's name.
std::string project_name(const std::string& folder, const fs::path& root,
                         std::set<std::string>& used) {
    std::string name =
        folder == "." ? fs::absolute(root).lexically_normal().filename().string() : folder;
    for (char& c : name)
        if (c == '/')
            c = '-';
    std::string unique = name;
    for (int n = 2; !used.insert(unique).second; ++n)
        unique = name + "-" + std::to_string(n);
    return unique;
}

std::string plan_path(const std::string& folder) {
    return folder == "." ? "plan.json" : folder + "/plan.json";
}

std::string config_text(const RepositoryLayout& layout, const fs::path& root) {
    std::string text = std::string(util::embedded_file("src/cli/init/costgate.yml"));
    std::set<std::string> used;
    text += "projects:\n";
    if (layout.terraform_roots.empty() && layout.kubernetes_folders.empty())
        text += "  # No Terraform roots or Kubernetes folders found; add projects like:\n"
                "  # - name: network\n  #   plans: [infra/network/plan.json]\n"
                "  # - name: shop\n  #   k8s: [deploy/overlays/prod]\n";
    for (const std::string& folder : layout.terraform_roots)
        text += "  - name: " + project_name(folder, root, used) +
                "\n    # terraform -chdir=" + folder +
                " plan -out plan.out && terraform -chdir=" + folder + " show -json plan.out > " +
                plan_path(folder) + "\n    plans: [" + plan_path(folder) + "]\n";
    for (const std::string& folder : layout.kubernetes_folders)
        text += "  - name: " + project_name(folder, root, used) + "\n    k8s: [" + folder + "]\n";
    return text;
}

std::string plan_commands(const RepositoryLayout& layout, const std::string& indent) {
    std::string text;
    for (const std::string& folder : layout.terraform_roots)
        text += indent + "terraform -chdir=" + folder + " init -input=false\n" + indent +
                "terraform -chdir=" + folder + " plan -input=false -out plan.out\n" + indent +
                "terraform -chdir=" + folder + " show -json plan.out > " + plan_path(folder) + "\n";
    return text.empty() ? indent + "true  # no Terraform projects\n" : text;
}

std::string with_plan_commands(std::string text, const std::string& commands) {
    const std::string marker = "PLAN_COMMANDS\n";
    return text.replace(text.find(marker), marker.size(), commands);
}

// Writes `text` to `root/relative` unless the file exists: init never overwrites.
void write_new(const fs::path& root, const std::string& relative, const std::string& text) {
    const fs::path path = root / relative;
    std::error_code error;
    if (fs::exists(path, error)) {
        std::cout << "kept    " << relative << " (exists; not overwritten)\n";
        return;
    }
    fs::create_directories(path.parent_path().empty() ? fs::path(".") : path.parent_path(), error);
    std::ofstream file(path, std::ios::binary);
    if (!file || !(file << text) || !file.flush())
        throw UsageError("cannot write " + path.string());
    std::cout << "wrote   " << relative << '\n';
}

struct InitOptions {
    std::string directory = ".";
    std::string ci;
};

void run_init(const InitOptions& options) {
    const fs::path root(options.directory);
    std::error_code error;
    if (!fs::is_directory(root, error))
        throw UsageError("init: " + options.directory + " is not a directory");
    const RepositoryLayout layout = scan_repository(root);
    write_new(root, "costgate.yml", config_text(layout, root));
    write_new(root, "costgate-policy.yaml",
              std::string(util::embedded_file("policies/starter.yaml")));
    if (options.ci == "github")
        write_new(
            root, ".github/workflows/costgate.yml",
            with_plan_commands(std::string(util::embedded_file("src/cli/init/github-workflow.yml")),
                               plan_commands(layout, "          ")));
    else if (options.ci == "gitlab")
        write_new(root, ".gitlab/costgate.gitlab-ci.yml",
                  with_plan_commands(std::string(util::embedded_file("src/cli/init/gitlab-ci.yml")),
                                     plan_commands(layout, "    - ")));
    else if (options.ci == "pre-commit")
        write_new(root, ".pre-commit-config.yaml",
                  std::string(util::embedded_file("src/cli/init/pre-commit-config.yaml")));
    std::cout << "found   " << layout.terraform_roots.size() << " Terraform root(s), "
              << layout.kubernetes_folders.size()
              << " Kubernetes folder(s); next: costgate check\n";
}

} // namespace

void add_init_command(CLI::App& command, int& exit_code) {
    auto options = std::make_shared<InitOptions>();
    command.add_option("DIR", options->directory,
                       "Repository root (default: the working directory)");
    command.add_option("--ci", options->ci, "Also write a CI snippet")
        ->check(CLI::IsMember({"github", "gitlab", "pre-commit"}))
        ->type_name("github|gitlab|pre-commit");
    command.callback([options, &exit_code] {
        run_init(*options);
        exit_code = 0;
    });
}

} // namespace costgate::cli
