#pragma once

#include "costgate/model/estimate.hpp"
#include "costgate/model/resource.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// Reading Kubernetes objects as ingest stores them (Resource::after is the whole object),
/// shared by the workload pricers and the kubernetes policy rule.
namespace costgate::util::k8s {

/// The value at `keys` below `object`; absent when a step is missing or not a mapping.
JsonValue json_at(JsonValue object, std::initializer_list<std::string_view> keys);

/// The one reader of a Kubernetes quantity (`2`, `500m`, `1.5Gi`): nullopt when `value` is
/// absent or null. A value that is there but is not a quantity costgate can read (negative,
/// `1.5.3`, `64GiB`, a list) throws InputError naming `field`, without a location (the
/// estimator adds the object's file and line): it is never read as "not set".
std::optional<double> quantity_field(JsonValue value, std::string_view field);

/// The one reader of a Kubernetes count (int32 fields: replicas, minReplicas, completions):
/// nullopt when `value` is absent or null. Anything but a whole number from 0 to
/// 2147483647 (a string, `0x10`, `.nan`, a list) throws InputError naming `field`.
std::optional<long> count_field(JsonValue value, std::string_view field);

/// The pod spec of a workload of kind `kind` (Pod, Deployment, StatefulSet, ReplicaSet,
/// ReplicationController, DaemonSet, Job, CronJob); absent when it has none.
JsonValue pod_spec(const std::string& kind, JsonValue object);
/// The metadata of a workload's pod template (a Pod's own), absent when it has none.
JsonValue pod_metadata(const std::string& kind, JsonValue object);

/// The HorizontalPodAutoscalers among `resources`.
std::vector<const Resource*> autoscalers_among(const std::vector<PricedResource>& resources);

/// The one of `autoscalers` (HorizontalPodAutoscalers) that scales `workload`; absent when
/// none does.
JsonValue find_autoscaler(const Resource& workload,
                          const std::vector<const Resource*>& autoscalers);

} // namespace costgate::util::k8s
