// The simdjson side of bench/run.sh: one On-Demand pass over a plan that answers what the
// jq pass answers (`[.resource_changes[] | .change.after.instance_type] | length`), and
// also counts the entries whose `change.after` names an instance type. Built with CMake
// against Debian's libsimdjson-dev (bench/CMakeLists.txt), so the figure needs nothing of
// costgate's.
#include <cstdio>
#include <simdjson.h>
#include <string_view>

namespace {

int fail(const char* path, simdjson::error_code error) {
    std::fprintf(stderr, "simdjson_pass: %s: %s\n", path, simdjson::error_message(error));
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: simdjson_pass PLAN.json\n");
        return 2;
    }
    const char* path = argv[1];
    simdjson::padded_string text;
    if (const auto error = simdjson::padded_string::load(path).get(text))
        return fail(path, error);
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document plan;
    if (const auto error = parser.iterate(text).get(plan))
        return fail(path, error);
    simdjson::ondemand::array changes;
    if (const auto error = plan["resource_changes"].get_array().get(changes))
        return fail(path, error);
    std::size_t entries = 0;
    std::size_t typed = 0;
    for (auto entry : changes) {
        if (const auto error = entry.error())
            return fail(path, error);
        ++entries;
        simdjson::ondemand::object after;
        std::string_view instance_type;
        if (!entry["change"]["after"].get_object().get(after) &&
            !after["instance_type"].get_string().get(instance_type))
            ++typed;
    }
    std::printf("%zu entries, %zu with an instance type\n", entries, typed);
    return 0;
}
