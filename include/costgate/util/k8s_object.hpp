#pragma once

#include "costgate/model/estimate.hpp"
#include "costgate/model/resource.hpp"

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

/// Reading Kubernetes objects as ingest stores them (Resource::after is the whole object),
/// shared by the workload pricers and the kubernetes policy rule.
namespace costgate::util::k8s {

/// The value at `keys` below `object`; absent when a step is missing or not a mapping.
JsonValue json_at(JsonValue object, std::initializer_list<std::string_view> keys);

/// The pod spec of a workload of kind `kind` (Pod, Deployment, StatefulSet, ReplicaSet,
/// ReplicationController, DaemonSet, Job, CronJob); absent when it has none.
JsonValue pod_spec(const std::string& kind, JsonValue object);

/// The HorizontalPodAutoscalers among `resources`.
std::vector<const Resource*> autoscalers_among(const std::vector<PricedResource>& resources);

/// The one of `autoscalers` (HorizontalPodAutoscalers) that scales `workload`; absent when
/// none does.
JsonValue find_autoscaler(const Resource& workload,
                          const std::vector<const Resource*>& autoscalers);

} // namespace costgate::util::k8s
