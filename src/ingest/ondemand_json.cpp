#include "ondemand_json.hpp"

#include <cstring>
#include <string>

namespace costgate::ingest {

void check_ondemand(simdjson::error_code error) {
    if (error != simdjson::SUCCESS)
        throw OnDemandUnsupported(simdjson::error_message(error));
}

namespace {

template <typename T> T take(simdjson::simdjson_result<T> result) {
    T value{};
    check_ondemand(std::move(result).get(value));
    return value;
}

nlohmann::json number_of(simdjson::ondemand::value& value) {
    switch (take(value.get_number_type())) {
    case simdjson::ondemand::number_type::signed_integer: {
        const std::int64_t number = take(value.get_int64());
        // nlohmann/json stores non-negative integers as unsigned.
        return number >= 0 ? nlohmann::json(static_cast<std::uint64_t>(number))
                           : nlohmann::json(number);
    }
    case simdjson::ondemand::number_type::unsigned_integer:
        return take(value.get_uint64());
    case simdjson::ondemand::number_type::floating_point_number:
        return take(value.get_double());
    }
    throw OnDemandUnsupported("unknown number type");
}

} // namespace

nlohmann::json to_nlohmann(simdjson::ondemand::value value) {
    switch (take(value.type())) {
    case simdjson::ondemand::json_type::object: {
        nlohmann::json object = nlohmann::json::object();
        auto& members = object.get_ref<nlohmann::json::object_t&>();
        for (auto field : take(value.get_object())) {
            simdjson::ondemand::field entry = take(std::move(field));
            const std::string_view key = take(entry.unescaped_key());
            // Terraform writes keys sorted, so the end is the right hint; a duplicate key
            // is overwritten, as nlohmann/json's parser does.
            const auto member = members.emplace_hint(members.end(), std::string(key), nullptr);
            member->second = to_nlohmann(entry.value());
        }
        return object;
    }
    case simdjson::ondemand::json_type::array: {
        nlohmann::json array = nlohmann::json::array();
        for (auto item : take(value.get_array()))
            array.push_back(to_nlohmann(take(std::move(item))));
        return array;
    }
    case simdjson::ondemand::json_type::string:
        return std::string(take(value.get_string()));
    case simdjson::ondemand::json_type::number:
        return number_of(value);
    case simdjson::ondemand::json_type::boolean:
        return take(value.get_bool());
    case simdjson::ondemand::json_type::null:
        if (!take(value.is_null()))
            throw OnDemandUnsupported("invalid null");
        return nullptr;
    }
    throw OnDemandUnsupported("unknown JSON type");
}

simdjson::padded_string_view PaddedSlice::copy(std::string_view text) {
    m_buffer.resize(text.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(m_buffer.data(), text.data(), text.size());
    std::memset(m_buffer.data() + text.size(), ' ', simdjson::SIMDJSON_PADDING);
    return simdjson::padded_string_view(m_buffer.data(), text.size(), m_buffer.size());
}

} // namespace costgate::ingest
