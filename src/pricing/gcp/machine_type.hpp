#pragma once

#include "costgate/pricing/pricer.hpp"

#include <optional>
#include <string>

namespace costgate::pricing::gcp {

/// The persistent disk type the API gives a disk whose configuration names none.
inline constexpr const char* k_api_default_disk_type = "pd-standard";

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

/// Adds `count` persistent disks whose type or size the configuration may leave to the
/// API and the image (an instance's boot disk, a template's disk): then pd-standard and
/// 10 GB, a public Linux image's size, with a note naming the disk (`name`) and the default
/// taken.
void add_image_disks(StateCost& cost, const std::optional<std::string>& type,
                     std::optional<double> size_gb, double count, const std::string& label,
                     const std::string& name, const PricingContext& context);

/// Adds `partitions` local SSD partitions (375 GB each); a Spot VM's local SSD has a spot
/// price, its persistent disks do not.
void add_local_ssds(StateCost& cost, double partitions, Provisioning provisioning,
                    const PricingContext& context);

/// Records the GPUs of `machine`'s `guest_accelerator` blocks (an instance's or a
/// template's), `count` machines of them, as unpriced: the catalog has no regional GPU
/// price.
void add_accelerators(StateCost& cost, const Attributes& machine, double count);

/// How a VM or template's `scheduling` block buys it: preemptible or SPOT is spot.
Provisioning provisioning_of(const Attributes& machine);

} // namespace costgate::pricing::gcp
