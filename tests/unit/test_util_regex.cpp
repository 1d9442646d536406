#include "costgate/util/regex.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <tuple>

using namespace costgate::util;

namespace {

/// Each match of `pattern` in `text` shown as <whole match|group 1|...>.
std::string marked(const std::string& pattern, const std::string& text) {
    return Regex(pattern).replace_all(text, [](const RegexGroups& groups) {
        std::string out = "<";
        for (std::size_t i = 0; i < groups.size(); ++i)
            out += (i == 0 ? "" : "|") + std::string(groups[i]);
        return out + ">";
    });
}

} // namespace

TEST_CASE("a pattern matches the whole text", "[util][regex]") {
    const auto [pattern, text, matches] = GENERATE(table<std::string, std::string, bool>({
        {"cc-[0-9]{3}", "cc-123", true},
        {"cc-[0-9]{3}", "cc-1234", false}, // the whole value, not a part of it
        {"cc-[0-9]{3}", "xcc-123", false},
        {"[0-9]+", "", false},
        {"(dev|staging)-[a-z]+", "staging-web", true},
        {"\\d+\\.\\w+", "12.ab_c", true},
        {"[[:alpha:]]+", "abc", true},
        {"(?i)PROD", "prod", true},
        {"(?P<team>[a-z]+)-\\d", "data-1", true},
        {"caf.", "café", true}, // a dot is one character, not one byte
        {"a|ab", "ab", true},   // alternatives are tried until the whole text matches
    }));
    CAPTURE(pattern, text);
    CHECK(Regex(pattern).full_match(text) == matches);
}

// Issue #19: with std::regex, (a+)+b against 31 characters took over 20 s, doubling with
// each character. RE2 does not backtrack, so these take a few milliseconds; the bound is
// generous for a loaded machine and a sanitizer build, and far below a backtracker's time.
TEST_CASE("patterns with nested quantifiers run in linear time", "[util][regex]") {
    const std::string a31(31, 'a');
    const std::string long_text(100'000, 'a');
    const auto [pattern, text, matches] = GENERATE_COPY(table<std::string, std::string, bool>({
        {"(a+)+b", a31 + "c", false},
        {"(a+)+b", a31 + "b", true},
        {"(a|aa)+b", a31 + "c", false},
        {"(a|a?)+b", a31 + "c", false},
        {"(.*a){20}b", a31 + "c", false},
        {"(a+)+b", long_text + "c", false},
        {"(x+x+)+y", long_text, false},
        {"([a-z]+)*[0-9]", long_text + "!", false},
        {"(a*)*", long_text, true},
    }));
    CAPTURE(pattern, text.size());
    const auto start = std::chrono::steady_clock::now();
    CHECK(Regex(pattern).full_match(text) == matches);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}

TEST_CASE("patterns RE2 cannot run in linear time, or at all, are refused", "[util][regex]") {
    std::string huge;
    for (int i = 0; i < 1000; ++i)
        huge += "[a-z]{1000}";
    const auto [pattern, error] = GENERATE_COPY(table<std::string, std::string>({
        {"(?=cc-)[a-z0-9-]+", "invalid perl operator: (?="},
        {"cc-(?!000)[0-9]{3}", "invalid perl operator: (?!"},
        {"(?<=cc-)[0-9]+", "invalid perl operator: (?<"},
        {"(a)\\1", "invalid escape sequence: \\1"},
        {"\\u0041", "invalid escape sequence: \\u"},
        {"([", "missing ]: ["},
        {"(a", "missing ): (a"},
        {"a{1001}", "invalid repetition size: {1001}"},
        {"((a{100}){100}){100}", "invalid repetition size: {100}"},
        {huge, "pattern too large - compile failed"},
    }));
    CAPTURE(pattern.substr(0, 40));
    CHECK_THROWS_MATCHES(Regex(pattern), RegexError, Catch::Matchers::Message(error));
}

TEST_CASE("replace_all walks matches as Go's ReplaceAll does", "[util][regex]") {
    const auto [pattern, text, expected] = GENERATE(table<std::string, std::string, std::string>({
        {"\\.", "m5.large.x", "m5<.>large<.>x"},
        {"([a-z]+)-([0-9]+)", "db-1 web-22", "<db-1|db|1> <web-22|web|22>"},
        {"(a)|b", "ab", "<a|a><b|>"}, // a group that took no part is empty
        {"x", "abc", "abc"},
        // Go: ReplaceAllString("baaac", "<$0>") is "<>b<aaa>c<>": an empty match right
        // after a match is skipped.
        {"a*", "baaac", "<>b<aaa>c<>"},
        {"x*", "", "<>"},
        {"", "é", "<>é<>"},     // steps over whole characters, never inside one
        {"^a", "aaa", "<a>aa"}, // the text before each search stays its context
        {"\\bw", "w ww", "<w> <w>w"},
        {"a+?", "aaa", "<a><a><a>"},
    }));
    CAPTURE(pattern, text);
    CHECK(marked(pattern, text) == expected);
}

// Each search may read the rest of the text: a match at every byte of a long text would
// take quadratic time, so the searches may read the text once plus 50 million bytes.
TEST_CASE("replace_all stops when its searches would read too much", "[util][regex]") {
    const auto keep = [](const RegexGroups& groups) { return std::string(groups[0]); };
    // 5,000 matches: the searches read at most 5,000 x 5,000 / 2 = 12.5 million bytes.
    CHECK(Regex("a").replace_all(std::string(5'000, 'a'), keep).size() == 5'000);
    // 1 MB with 40 matches: at most 40 x 1 MB, under 50 million beyond the text.
    std::string sparse(1'000'000, 'x');
    for (std::size_t at = 0; at < 40; ++at)
        sparse[at * 25'000] = '.';
    CHECK(Regex("\\.").replace_all(sparse, keep) == sparse);
    // 20,000 matches: about 200 million bytes, over the limit.
    CHECK_THROWS_MATCHES(Regex("a(.*z)?").replace_all(std::string(20'000, 'a'), keep), RegexError,
                         Catch::Matchers::Message("replacing its matches in a 20000-byte text "
                                                  "would search more than 50000000 bytes beyond "
                                                  "it: too many matches in too long a text"));
}

TEST_CASE("groups are counted and looked up by name", "[util][regex]") {
    const Regex regex("(?P<family>[a-z]+)-(\\d+)");
    CHECK(regex.pattern() == "(?P<family>[a-z]+)-(\\d+)");
    CHECK(regex.group_count() == 2);
    CHECK(regex.group_index("family") == 1);
    CHECK(regex.group_index("size") == -1);
}
