#pragma once

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace costgate::util {

/// Why a pattern is not a regular expression RE2 accepts, in RE2's words
/// (`invalid perl operator: (?=`).
class RegexError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The text of each group of one match, the whole match first; a group that took no part
/// in the match is empty.
using RegexGroups = std::vector<std::string_view>;

/// A regular expression in RE2's syntax (Terraform's and Go's too), matched by RE2 in time
/// linear in the text whatever the pattern: no backtracking, so a value a pull request
/// author writes cannot make a run hang (issue #19). Lookaround and backreferences need
/// backtracking, so RE2 has neither and refuses patterns that use them. Every pattern
/// costgate takes from a user (policy `pattern:`, Terraform's `replace`) goes through here.
class Regex {
  public:
    /// Compiles `pattern` (UTF-8); throws RegexError when RE2 refuses it, including a
    /// pattern whose compiled program would pass RE2's memory budget.
    explicit Regex(std::string_view pattern);

    /// The pattern as written.
    const std::string& pattern() const { return m_pattern; }

    /// The whole of `text` matches.
    bool full_match(std::string_view text) const;

    /// The number of capturing groups, the whole match not counted.
    int group_count() const;

    /// The number of the group named `name` (`(?P<name>...)`), or -1 when there is none.
    int group_index(std::string_view name) const;

    /// `text` with each match replaced by what `replacement` returns for it. Matches are
    /// taken left to right, each starting where the previous one ended, and an empty match
    /// right after a match is skipped, as Go's `ReplaceAll` (so Terraform's `replace`) does.
    /// Each search may read the rest of the text, so the searches together may read the
    /// text once plus 50 million bytes; past that, throws RegexError rather than run for
    /// minutes (a 10,000-byte text with a match at almost every byte).
    std::string
    replace_all(std::string_view text,
                const std::function<std::string(const RegexGroups&)>& replacement) const;

  private:
    std::string m_pattern;
    std::shared_ptr<const re2::RE2> m_compiled;
};

} // namespace costgate::util
