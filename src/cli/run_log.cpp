#include "run_log.hpp"

#include <map>
#include <set>
#include <spdlog/spdlog.h>

namespace costgate::cli::run_log {

StageTimer::StageTimer(std::string prefix, std::string stage)
    : m_prefix(std::move(prefix)), m_stage(std::move(stage)),
      m_start(std::chrono::steady_clock::now()) {}

StageTimer::~StageTimer() {
    const std::chrono::duration<double, std::milli> took =
        std::chrono::steady_clock::now() - m_start;
    spdlog::debug("{}{}: {:.1f} ms", m_prefix, m_stage, took.count());
}

std::string prefix(const std::string& project) {
    return project.empty() ? "" : "[" + project + "] ";
}

void log_prices(const Estimate& estimate, const std::string& prefix) {
    if (!spdlog::should_log(spdlog::level::debug))
        return;
    struct RowUse {
        const CostComponent* row = nullptr;
        int components = 0;
        std::set<std::string> resources;
    };
    std::map<std::string, RowUse> rows;
    for (const PricedResource& priced : estimate.resources) {
        const std::string& address = priced.resource.address;
        if (!priced.estimate.priced)
            spdlog::debug("{}{}: unpriced ({})", prefix, address,
                          priced.estimate.notes.empty() ? "no reason given"
                                                        : priced.estimate.notes.front());
        for (const CostComponent& component : priced.estimate.components) {
            RowUse& use = rows[component.price_key];
            use.row = &component;
            ++use.components;
            use.resources.insert(address);
            if (component.monthly_quantity)
                spdlog::trace("{}{}: {} = {} {} x {} = {} (row {})", prefix, address,
                              component.name, *component.monthly_quantity, component.unit,
                              component.unit_price, component.monthly_cost->to_cents_string(),
                              component.price_key);
            else
                spdlog::trace("{}{}: {} usage-based, {} per {} (row {})", prefix, address,
                              component.name, component.unit_price, component.unit,
                              component.price_key);
        }
    }
    for (const auto& [key, use] : rows)
        spdlog::debug("{}price row {} ({} per {}, as of {}, {}): {} component(s) of {} "
                      "resource(s)",
                      prefix, key, use.row->unit_price, use.row->unit, use.row->price_as_of,
                      use.row->price_source, use.components, use.resources.size());
}

} // namespace costgate::cli::run_log
