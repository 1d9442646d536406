#pragma once

#include "costgate/model/json_tree.hpp"
#include "costgate/util/input_file.hpp"
#include "json_split.hpp"

#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace costgate::ingest {

/// What a JsonReader builds of a value. Whatever it does not build it still checks.
struct JsonKeep {
    enum class Kind : std::uint8_t {
        /// Nothing: the value is only checked, and left out of its object.
        check,
        /// null in its place, for code that only asks whether a key is there.
        marker,
        /// The value as it is.
        whole,
        /// An object's members named in `fields`, each as its JsonKeep says; any other
        /// type whole.
        fields,
        /// Every member of an object as `child` says; any other type whole.
        each_member,
        /// Every element of an array as `child` says; any other type whole.
        each_element,
        /// The value as `child` says, built as a tree of its own and handed to the sink
        /// with `slot`: left out of its object, null in its array.
        own_tree,
    };
    using Field = std::pair<std::string_view, const JsonKeep*>;

    Kind kind = Kind::check;
    std::span<const Field> fields = {};
    const JsonKeep* child = nullptr;
    int slot = 0;
};

/// Receives the trees JsonKeep::own_tree builds, in document order (a tree inside another
/// arrives first).
class JsonTreeSink {
  public:
    virtual ~JsonTreeSink() = default;
    /// `built` holds the tree: the sink keeps it with finish() (into an arena of its own for
    /// trees that live together) or only reads root(), which copies nothing.
    virtual void take(int slot, JsonTreeBuilder& built) = 0;
};

/// Where JsonReader cuts a large text (split_json). The defaults suit plans: simdjson's
/// buffers for a piece (about three times its size) are allocated once and used again for
/// every piece. Tests and the fuzzer use small pieces to reach the cutting on small inputs.
struct JsonPieces {
    /// The largest piece parsed in one go.
    std::size_t max_piece = 1 << 20;
    /// Children of a split container smaller than this stay in its text.
    std::size_t min_cut = 256;
};

/// Reads one JSON document with simdjson, checking all of it as nlohmann/json (the parser
/// costgate's messages come from) with util::parse_json_document would: syntax, trailing
/// data, numbers a double cannot hold, a key repeated with a different value and nesting
/// deeper than util::k_max_document_depth. A large text is read in pieces (split_json), and
/// the text read is given back as it goes (InputText::release).
///
/// Anything it rejects is parsed again by nlohmann/json, whose InputError names the file and
/// the line and column (or the JSON path); when nlohmann/json accepts what simdjson rejected,
/// that is a bug, and it throws std::logic_error rather than read the document another way.
class JsonReader {
  public:
    explicit JsonReader(const util::InputText& input, JsonPieces pieces = {});
    ~JsonReader();

    /// The document's root as `keep` says; own_tree values go to `sink`. Once only.
    JsonTree read(const JsonKeep& keep, JsonTreeSink& sink);

  private:
    class Walk;
    struct Level;

    /// Parses the whole text with nlohmann/json, which throws InputError on anything wrong.
    void parse_whole() const;
    /// simdjson has rejected the text for `reason`: throws nlohmann/json's error.
    [[noreturn]] void reject(const std::string& reason) const;

    const util::InputText& m_input;
    JsonPieces m_pieces;
    /// The end of the text given back so far, and whether any memory was given back.
    std::size_t m_released = 0;
    bool m_gave_back = false;
    /// nlohmann/json has read the whole document without error: a key found repeated can
    /// only be repeated with the same value.
    bool m_whole_accepted = false;
    /// One set of parsers for each piece being read inside another.
    std::deque<std::unique_ptr<Level>> m_levels;
};

} // namespace costgate::ingest
