#include "suggest.hpp"

#include <algorithm>
#include <numeric>

namespace costgate::cli {

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Three rows of the optimal string alignment table.
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    std::iota(previous.begin(), previous.end(), 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        names.push_back(sub->get_name());
    return names;
}

const CLI::App* find_subcommand(const CLI::App& app, const std::string& name) {
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        if (sub->get_name() == name)
            return sub;
    return nullptr;
}

// The long option names (with their dashes) of `app`, and whether each takes a value.
void add_options(const CLI::App& app, std::vector<std::string>& names,
                 std::vector<std::string>& with_value) {
    for (const CLI::Option* option : app.get_options()) {
        for (const std::string& name : option->get_lnames()) {
            names.push_back("--" + name);
            if (option->get_type_size() != 0)
                with_value.push_back("--" + name);
        }
        for (const std::string& name : option->get_snames())
            if (option->get_type_size() != 0)
                with_value.push_back("-" + name);
    }
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

} // namespace

std::optional<std::string> nearest_name(std::string_view word,
                                        const std::vector<std::string>& candidates) {
    const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (const std::string& candidate : candidates) {
        const std::size_t distance = edit_distance(word, candidate);
        if (distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    const std::optional<std::string> near = nearest_name(word, candidates);
    return near ? "; did you mean \"" + *near + "\"?" : "";
}

std::string explain_parse_error(const CLI::App& app, const std::vector<std::string>& args,
                                const std::string& message) {
    // Walk the arguments as CLI11 does: options (skipping their values) and, among the
    // positional words, the subcommand chain.
    const CLI::App* command = &app;
    std::vector<std::string> options;
    std::vector<std::string> with_value;
    add_options(app, options, with_value);
    bool chain_open = true;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--")
            break;
        if (arg.size() > 1 && arg[0] == '-') {
            const std::string name = arg.substr(0, arg.find('='));
            if (name.rfind("--", 0) == 0 && !contains(options, name) && name != "--help" &&
                name != "--version") {
                const std::optional<std::string> near = nearest_name(name, options);
                if (near)
                    return message + " (did you mean " + *near + "?)";
            }
            if (arg.find('=') == std::string::npos && contains(with_value, name))
                ++i;
            continue;
        }
        if (!chain_open)
            continue;
        const std::vector<std::string> names = subcommand_names(*command);
        if (names.empty()) {
            chain_open = false;
            continue;
        }
        const CLI::App* sub = find_subcommand(*command, arg);
        if (!sub) {
            std::string known;
            for (const std::string& name : names)
                known += (known.empty() ? "" : ", ") + name;
            const std::string where = command == &app ? "" : " of \"" + command->get_name() + "\"";
            const std::string hint = did_you_mean(arg, names);
            return "unknown command \"" + arg + "\"" + where +
                   (hint.empty() ? " (commands: " + known + ")" : hint);
        }
        command = sub;
        add_options(*command, options, with_value);
    }
    return message;
}

} // namespace costgate::cli
