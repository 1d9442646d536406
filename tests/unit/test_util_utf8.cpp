#include "costgate/util/utf8.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace costgate;
using namespace costgate::util;

using costgate::util::utf8_sequence_length;

TEST_CASE("well-formed UTF-8 sequences have their length", "[util][utf8]") {
    CHECK(utf8_sequence_length("a", 0) == 1);
    CHECK(utf8_sequence_length("\xc3\xa9", 0) == 2);         // é
    CHECK(utf8_sequence_length("\xe2\x82\xac", 0) == 3);     // €
    CHECK(utf8_sequence_length("\xf0\x9f\x92\xb8", 0) == 4); // 💸
    CHECK(utf8_sequence_length("x\xc3\xa9", 1) == 2);
}

TEST_CASE("ill-formed UTF-8 has no length", "[util][utf8]") {
    for (const std::string& bad :
         {std::string("\x80"), std::string("\xc0\xaf"), std::string("\xc3"),
          std::string("\xe0\x80\xaf"), std::string("\xed\xa0\x80"), std::string("\xf4\x90\x80\x80"),
          std::string("\xf5\x80\x80\x80"), std::string("\xe2\x82"), std::string("\xe2\x28\xa1")}) {
        INFO(bad.size() << " bytes");
        CHECK(utf8_sequence_length(bad, 0) == 0);
    }
}
