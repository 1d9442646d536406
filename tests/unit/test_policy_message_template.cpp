#include "costgate/policy/message_template.hpp"

#include <catch2/catch.hpp>
#include <map>

using namespace costgate;
using namespace costgate::policy;

namespace {

bool any_name(std::string_view) {
    return true;
}

std::string render(const std::string& text, const std::map<std::string, std::string>& values) {
    return MessageTemplate::parse(text, any_name).render([&](std::string_view name) {
        const auto found = values.find(std::string(name));
        return found == values.end() ? std::nullopt : std::optional(found->second);
    });
}

} // namespace

TEST_CASE("a message template replaces placeholders and keeps doubled braces literal",
          "[policy][message]") {
    CHECK(render("{address} costs ${value}", {{"address", "a.b"}, {"value", "12.00"}}) ==
          "a.b costs $12.00");
    CHECK(render("{{literal}} {x}}}", {{"x", "1"}}) == "{literal} 1}");
    CHECK(render("no placeholders", {}) == "no placeholders");
    CHECK(render("{missing} stays visible", {}) == "<missing unknown> stays visible");
}

TEST_CASE("a message template refuses broken or unknown placeholders", "[policy][message]") {
    const auto known = [](std::string_view name) { return name == "address"; };
    CHECK_THROWS_WITH(MessageTemplate::parse("{address", known),
                      Catch::Contains("without its '}'"));
    CHECK_THROWS_WITH(MessageTemplate::parse("a}", known), Catch::Contains("without its '{'"));
    CHECK_THROWS_WITH(MessageTemplate::parse("{}", known), Catch::Contains("empty placeholder"));
    CHECK_THROWS_WITH(MessageTemplate::parse("{adress}", known),
                      Catch::Contains("unknown placeholder {adress}"));
    CHECK(MessageTemplate::parse("", known).empty());
}
