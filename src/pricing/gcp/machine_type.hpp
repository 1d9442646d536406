#pragma once

#include "costgate/pricing/pricer.hpp"

#include <string>

namespace costgate::pricing::gcp {

/// How a machine is bought: on demand, or as a Spot (preemptible) VM.
enum class Provisioning { on_demand, spot };

/// Adds `count` machines of `machine_type` running all month: a predefined type's hourly
/// price, or a custom type (`custom-4-16384`, `n2-custom-4-16384`) as vCPU and memory
/// hours at its family's custom rates. Spot machines take the type's spot price
/// (`compute_engine_spot`), custom types included. `label` names the machines
/// ("Instance", "Nodes").
void add_machines(StateCost& cost, const std::string& machine_type, double count,
                  const std::string& label, Provisioning provisioning,
                  const PricingContext& context);

/// Adds `count` persistent disks of `size_gb` GB of `type` (pd-standard, pd-balanced, ...).
void add_disks(StateCost& cost, const std::string& type, double size_gb, double count,
               const std::string& label, const PricingContext& context);

} // namespace costgate::pricing::gcp
