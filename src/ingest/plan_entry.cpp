#include "plan_entry.hpp"

#include <nlohmann/json.hpp>

namespace costgate::ingest {

PlanEntry PlanEntry::from_json(nlohmann::json entry) {
    PlanEntry split;
    if (const auto change = entry.find("change");
        entry.is_object() && change != entry.end() && change->is_object()) {
        for (auto [key, state] :
             {std::pair{"before", &split.before}, std::pair{"after", &split.after},
              std::pair{"after_unknown", &split.after_unknown}})
            if (const auto found = change->find(key); found != change->end()) {
                *state = JsonTree(*found);
                change->erase(found);
            }
    }
    split.fields = JsonTree(entry);
    return split;
}

} // namespace costgate::ingest
