#pragma once

#include "costgate/model/resource.hpp"

#include <string>
#include <vector>

namespace costgate::ingest {

/// The directory whose `.tf` files declare a plan's resources when --tf-dir is not given:
/// the plan file's directory if it holds `.tf` files, else empty (stdin has none).
std::string default_tf_dir(const std::string& plan_path);

/// Points each managed Terraform resource of `resources` at the `resource "TYPE" "NAME"`
/// block that declares it (Resource::declared_file and declared_line), reading the `.tf`
/// files of `root` and, for resources in modules, of the modules' local source directories
/// (`source = "./..."` or `"../..."`). Resources whose block is not found (registry or git
/// modules, `.tf.json` files, generated code) keep no declaration; findings then point at
/// the plan. Throws InputError when `root` is not a directory.
void locate_declarations(const std::string& root, std::vector<Resource>& resources);

} // namespace costgate::ingest
