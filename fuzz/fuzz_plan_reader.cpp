// Fuzz target, differential: the plan reader's simdjson path against nlohmann/json's
// reading of the whole document (util::parse_json_document). JsonReader, whole and in
// pieces small enough to reach the split, and read_plan_document must accept exactly the
// texts nlohmann/json accepts, fail with the same message on the others, and read the
// same values. A difference aborts (libFuzzer reports it as a crash).
#include "costgate/model/error.hpp"
#include "costgate/util/json_document.hpp"
#include "fuzz_support.hpp"
#include "ingest/json_reader.hpp"
#include "ingest/plan_document.hpp"

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

using namespace costgate;
using namespace costgate::ingest;
using nlohmann::json;

namespace {

/// Default pieces, and pieces small enough that most containers of a fuzz input are cut out.
constexpr JsonPieces k_pieces[] = {JsonPieces{}, JsonPieces{64, 8}, JsonPieces{8, 1}};

[[noreturn]] void differ(const std::string& what) {
    std::fprintf(stderr, "fuzz_plan_reader: %s\n", what.c_str());
    std::abort();
}

/// What nlohmann/json made of the text: the document, or its error message.
struct Whole {
    std::optional<json> document;
    std::string error;
};

/// Runs `read`; it must fail exactly when the whole-document reading failed, and with the
/// same message. Returns what it read, if it did.
template <class Read> auto same_outcome(const Whole& whole, const char* name, Read read) {
    std::optional<decltype(read())> result;
    try {
        result = read();
    } catch (const InputError& error) {
        if (whole.document)
            differ(std::string(name) + " rejects what nlohmann/json accepts: " + error.what());
        if (error.what() != whole.error)
            differ(std::string(name) + " says \"" + error.what() + "\", nlohmann/json \"" +
                   whole.error + "\"");
        return result;
    }
    if (!whole.document)
        differ(std::string(name) + " accepts what nlohmann/json rejects: " + whole.error);
    return result;
}

class Discard : public JsonTreeSink {
  public:
    void take(int /*slot*/, JsonTreeBuilder& /*built*/) override {}
};

/// resource_changes[i] as PlanEntry::fields holds it.
json entry_fields(const json& entry) {
    if (!entry.is_object())
        return entry;
    json fields = json::object();
    for (const char* key : {"address", "type", "mode", "name", "provider_name", "module_address",
                            "deposed", "previous_address"})
        if (entry.contains(key))
            fields[key] = entry.at(key);
    if (const auto change = entry.find("change"); change != entry.end()) {
        fields["change"] = change->is_object() ? json::object() : *change;
        if (change->is_object() && change->contains("actions"))
            fields["change"]["actions"] = change->at("actions");
    }
    return fields;
}

void compare_state(const std::optional<JsonTree>& state, const json& change, const char* key,
                   std::size_t index) {
    const bool present = change.is_object() && change.contains(key);
    if (state.has_value() != present ||
        (present && state->to_nlohmann().dump() != change.at(key).dump()))
        differ("resource_changes[" + std::to_string(index) + "].change." + key + " differs");
}

void compare_plan(const PlanDocument& plan, const json& whole) {
    const json* changes = nullptr;
    if (whole.is_object() && whole.contains("resource_changes") &&
        whole.at("resource_changes").is_array())
        changes = &whole.at("resource_changes");
    if (plan.entries.size() != (changes ? changes->size() : 0))
        differ("read_plan_document has another number of entries");
    for (std::size_t i = 0; i < plan.entries.size(); ++i) {
        const json& entry = changes->at(i);
        const PlanEntry& read = plan.entries[i];
        if (read.fields.to_nlohmann().dump() != entry_fields(entry).dump())
            differ("resource_changes[" + std::to_string(i) + "] fields differ");
        const json change =
            entry.is_object() && entry.contains("change") ? entry.at("change") : json();
        compare_state(read.before, change, "before", i);
        compare_state(read.after, change, "after", i);
        const bool unknown = change.is_object() && change.contains("after_unknown") &&
                             change.at("after_unknown").is_object();
        if (read.after_unknown.has_value() != unknown)
            differ("resource_changes[" + std::to_string(i) + "].change.after_unknown differs");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::optional<util::InputText> input;
    try {
        input.emplace("fuzz.json", util::decode_text("fuzz.json", fuzz::bytes_of(data, size)));
    } catch (const InputError&) {
        return 0; // not text: no JSON reader sees it
    }
    Whole whole;
    try {
        whole.document = util::parse_json_document(*input);
    } catch (const InputError& error) {
        whole.error = error.what();
    }
    static constexpr JsonKeep k_whole{JsonKeep::Kind::whole};
    for (const JsonPieces pieces : k_pieces) {
        const auto tree = same_outcome(whole, "JsonReader", [&] {
            Discard discard;
            return JsonReader(*input, pieces).read(k_whole, discard).to_nlohmann();
        });
        if (tree && tree->dump() != whole.document->dump())
            differ("JsonReader reads " + tree->dump() + ", nlohmann/json " +
                   whole.document->dump());
        const auto plan = same_outcome(whole, "read_plan_document",
                                       [&] { return read_plan_document(*input, pieces); });
        if (plan)
            compare_plan(*plan, *whole.document);
    }
    return 0;
}
