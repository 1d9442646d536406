#include "instance_keys.hpp"

#include "costgate/model/error.hpp"
#include "function_library.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace costgate::ingest {

namespace {

[[noreturn]] void fail(const HclAttribute& attribute, const std::string& what) {
    const HclPosition& where = attribute.position;
    throw InputError({where.file ? *where.file : std::string(), where.line, where.column}, what);
}

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
            out += escape;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

} // namespace

std::string InstanceKey::address_suffix() const {
    switch (kind) {
    case Kind::count:
        return "[" + std::to_string(index) + "]";
    case Kind::for_each:
        return "[" + quoted(key) + "]";
    case Kind::single:
    case Kind::unknown:
        break;
    }
    return {};
}

std::optional<std::vector<InstanceKey>> expand_instances(const HclBody& body,
                                                         Evaluator& evaluator) {
    const HclAttribute* count = body.attribute("count");
    const HclAttribute* for_each = body.attribute("for_each");
    if (count && for_each)
        fail(*count, "count and for_each cannot both be set");
    std::vector<InstanceKey> keys;
    if (count) {
        const Value value = evaluator.evaluate(*count->expression);
        if (value.is_unknown())
            return std::nullopt;
        double number = 0;
        try {
            number = functions::number_of(value);
        } catch (const FunctionError& error) {
            fail(*count, std::string("invalid count: ") + error.what());
        }
        if (number < 0 || std::trunc(number) != number || number > 1e6)
            fail(*count,
                 "invalid count " + format_number(number) + ": a whole number from 0 is required");
        for (std::size_t i = 0; i < static_cast<std::size_t>(number); ++i)
            keys.push_back({InstanceKey::Kind::count, i, {}, {}});
        return keys;
    }
    if (for_each) {
        const Value value = evaluator.evaluate(*for_each->expression);
        if (value.is_unknown())
            return std::nullopt;
        if (value.is_map()) {
            for (const auto& [key, member] : value.as_map())
                keys.push_back({InstanceKey::Kind::for_each, 0, key, member});
            return keys;
        }
        if (!value.is_list())
            fail(*for_each, "for_each needs a map or a set of strings, found a " +
                                std::string(value.type_name()));
        // A set of strings: Terraform requires toset() around a list; each.value is the key.
        for (const Value& element : value.as_list()) {
            if (element.is_unknown())
                return std::nullopt;
            if (!element.is_string())
                fail(*for_each, "for_each needs a map or a set of strings; the set holds a " +
                                    std::string(element.type_name()));
            keys.push_back({InstanceKey::Kind::for_each, 0, element.as_string(), element});
        }
        std::sort(keys.begin(), keys.end(),
                  [](const InstanceKey& a, const InstanceKey& b) { return a.key < b.key; });
        keys.erase(
            std::unique(keys.begin(), keys.end(),
                        [](const InstanceKey& a, const InstanceKey& b) { return a.key == b.key; }),
            keys.end());
        return keys;
    }
    keys.push_back({});
    return keys;
}

} // namespace costgate::ingest
