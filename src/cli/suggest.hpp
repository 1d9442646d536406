#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace costgate::cli {

/// The candidate nearest to `word` (optimal string alignment distance: insertions,
/// deletions, substitutions and swaps of neighbours), when it is near enough to be a
/// typo: at most a third of the word's length, and at least 1 and at most 3 edits.
/// Ties go to the candidate listed first.
std::optional<std::string> nearest_name(std::string_view word,
                                        const std::vector<std::string>& candidates);

/// `; did you mean "X"?` for the nearest candidate, or "" when none is near.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

/// A clearer message for a command line CLI11 refused with `message`: an unknown
/// subcommand is named with the nearest one, and an unknown option name gets the nearest
/// option of the subcommand it was given to. Returns `message` when it has nothing to add.
/// `args` are the arguments after the program name.
std::string explain_parse_error(const CLI::App& app, const std::vector<std::string>& args,
                                const std::string& message);

} // namespace costgate::cli
