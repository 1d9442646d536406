#pragma once

#include "costgate/model/json_tree.hpp"

#include <optional>
#include <string>
#include <vector>

namespace costgate::pricing::k8s {

/// What one pod asks the scheduler for.
struct PodRequests {
    double cpu_cores = 0;
    double memory_gib = 0;
    double gpus = 0;
    /// Containers with neither a request nor a limit for CPU or memory (BestEffort) and
    /// no default to fall back on: they add nothing to the pod's requests.
    std::vector<std::string> unrequested;
    /// Containers that give a memory figure but no CPU one, and the reverse (no default
    /// either): the pod is priced on what they do request.
    std::vector<std::string> without_cpu;
    std::vector<std::string> without_memory;
    /// Containers priced at the cluster profile's default requests.
    std::vector<std::string> assumed;
    std::vector<std::string> notes;
};

/// Default requests for containers that set none: a namespace's LimitRange, or the
/// cluster profile's (what the platform applies, e.g. GKE Autopilot).
struct DefaultRequests {
    std::optional<double> cpu_cores;
    std::optional<double> memory_gib;
};

/// The pod's effective requests as Kubernetes computes them: for each resource, the
/// larger of (all app containers + sidecars) and (each init container + the sidecars
/// started before it). A container's request is its `requests`, else its `limits` (as
/// Kubernetes defaults requests to limits), else the LimitRange default, else the cluster
/// profile's default. GPUs are `nvidia.com/gpu`, `amd.com/gpu` and other `*/gpu`
/// extended resources.
PodRequests pod_requests(JsonValue pod_spec, const DefaultRequests& limit_range,
                         const DefaultRequests& profile = {});

} // namespace costgate::pricing::k8s
