#include "costgate/model/error.hpp"
#include "costgate/util/environment.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

using namespace costgate;
using namespace costgate::util;

namespace {

constexpr const char* k_name = "COSTGATE_TEST_SETTING";

/// Sets (or, given nullptr, clears) the test variable for one scope.
class ScopedVariable {
  public:
    explicit ScopedVariable(const char* value) {
        if (value)
            ::setenv(k_name, value, 1);
        else
            ::unsetenv(k_name);
    }
    ~ScopedVariable() { ::unsetenv(k_name); }
    ScopedVariable(const ScopedVariable&) = delete;
    ScopedVariable& operator=(const ScopedVariable&) = delete;
};

} // namespace

TEST_CASE("an unset or empty variable is not set", "[util][environment]") {
    for (const char* value : {static_cast<const char*>(nullptr), ""}) {
        const ScopedVariable variable(value);
        CHECK_FALSE(environment_variable(k_name));
        CHECK_FALSE(whole_number_variable(k_name, 1, 10));
    }
    const ScopedVariable variable(" ");
    CHECK(environment_variable(k_name) == " ");
}

TEST_CASE("a whole-number variable reads decimal digits within its range", "[util][environment]") {
    const struct {
        const char* text;
        long value;
    } good[] = {{"1", 1}, {"512", 512}, {"1048576", 1048576}, {"007", 7}};
    for (const auto& [text, value] : good) {
        const ScopedVariable variable(text);
        CHECK(whole_number_variable(k_name, 1, 1048576) == value);
    }
}

TEST_CASE("a whole-number variable that cannot be read is a usage error naming it",
          "[util][environment]") {
    for (const char* bad : {"abc", "0", "-1", "1048577", "1.5", "12MB", " 12", "12 ", "+5", "0x10",
                            "1e3", "99999999999999999999"}) {
        const ScopedVariable variable(bad);
        CHECK_THROWS_MATCHES(whole_number_variable(k_name, 1, 1048576), UsageError,
                             Catch::Message(std::string(k_name) +
                                            " must be a whole number from 1 to 1048576, found \"" +
                                            bad + "\""));
    }
}
