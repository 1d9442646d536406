#include "costgate/util/regex.hpp"

#include "costgate/util/utf8.hpp"

#include <algorithm>
#include <re2/re2.h>

namespace costgate::util {

namespace {

/// How many bytes replace_all's searches may read in all beyond one pass over the text. Each search
/// for the next match may read the rest of the text (RE2 reads on while a longer, preferred match
/// may still come, as for `a(.*z)?`), so a match at every character of a text costs time quadratic
/// in its length: 50 million characters took about 1.2 s (`[ab](.*z)?` over 10,000 characters, a
/// match at each). Terraform strings given to a regex replace are names and short texts, far below
/// it.
constexpr std::size_t k_max_search = 50'000'000;

std::shared_ptr<const re2::RE2> compile(std::string_view pattern) {
    re2::RE2::Options options;     // UTF-8, leftmost-first as Perl and Go, at most 8 MiB
    options.set_log_errors(false); // the error is thrown, not printed to stderr
    auto compiled = std::make_shared<const re2::RE2>(pattern, options);
    if (!compiled->ok())
        throw RegexError(compiled->error());
    return compiled;
}

} // namespace

Regex::Regex(std::string_view pattern) : m_pattern(pattern), m_compiled(compile(pattern)) {}

bool Regex::full_match(std::string_view text) const {
    return re2::RE2::FullMatch(text, *m_compiled);
}

int Regex::group_count() const {
    return m_compiled->NumberOfCapturingGroups();
}

int Regex::group_index(std::string_view name) const {
    const auto& names = m_compiled->NamedCapturingGroups();
    const auto found = names.find(std::string(name));
    return found == names.end() ? -1 : found->second;
}

std::string
Regex::replace_all(std::string_view text,
                   const std::function<std::string(const RegexGroups&)>& replacement) const {
    const auto groups = static_cast<std::size_t>(group_count()) + 1;
    std::vector<re2::StringPiece> found(groups);
    RegexGroups views(groups);
    std::string out;
    std::size_t copied = 0; // text before this is in `out`: the end of the last match
    std::size_t searched = 0;
    for (std::size_t from = 0; from <= text.size();) {
        searched += text.size() - from; // what this search may read, at most
        if (searched > k_max_search + text.size())
            throw RegexError("replacing its matches in a " + std::to_string(text.size()) +
                             "-byte text would search more than " + std::to_string(k_max_search) +
                             " bytes beyond it: too many matches in too long a text");
        // The whole text stays the context, so `^`, `$` and `\b` see what precedes `from`.
        if (!m_compiled->Match(text, from, text.size(), re2::RE2::UNANCHORED, found.data(),
                               static_cast<int>(groups)))
            break;
        const auto start = static_cast<std::size_t>(found[0].data() - text.data());
        const std::size_t end = start + found[0].size();
        out.append(text.substr(copied, start - copied));
        // An empty match where the previous match ended would replace twice at one place.
        if (end > copied || start == 0) {
            std::transform(found.begin(), found.end(), views.begin(), [](re2::StringPiece group) {
                return std::string_view(group.data(), group.size());
            });
            out += replacement(views);
        }
        copied = end;
        // Always move on by at least one character, so an empty match cannot repeat.
        const std::size_t character = from < text.size() ? utf8_sequence_length(text, from) : 0;
        from = std::max(end, from + std::max<std::size_t>(character, 1));
    }
    out.append(text.substr(copied));
    return out;
}

} // namespace costgate::util
