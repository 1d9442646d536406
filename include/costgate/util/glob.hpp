#pragma once

#include <string_view>

namespace costgate::util {

/// True when `text` matches `pattern`, where `*` matches any run of characters and `?`
/// any one character; everything else (including `[` of Terraform indexes) is literal.
bool glob_match(std::string_view pattern, std::string_view text);

} // namespace costgate::util
