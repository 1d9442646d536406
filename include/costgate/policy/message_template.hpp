#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace costgate::policy {

/// A rule's `message:` with `{name}` placeholders (`{{` and `}}` are literal braces),
/// rendered with the values of one finding, such as `{address}`, `{tag.team}` or the
/// rule kind's own `{limit}`.
class MessageTemplate {
  public:
    /// Looks a placeholder's value up; nullopt when the finding has none.
    using Lookup = std::function<std::optional<std::string>(std::string_view name)>;

    MessageTemplate() = default;

    /// Parses `text`. Throws std::invalid_argument naming the problem for an unclosed or
    /// empty placeholder, a stray `}` or a name for which `known(name)` is false.
    static MessageTemplate parse(std::string_view text,
                                 const std::function<bool(std::string_view)>& known);

    bool empty() const { return m_parts.empty(); }
    /// The text with each placeholder replaced; a placeholder without a value renders as
    /// `<name unknown>` so the message never silently drops it.
    std::string render(const Lookup& lookup) const;

  private:
    struct Placeholder {
        std::string name;
    };
    std::vector<std::variant<std::string, Placeholder>> m_parts;
};

} // namespace costgate::policy
