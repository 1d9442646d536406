#include "costgate/policy/message_template.hpp"

#include <stdexcept>

namespace costgate::policy {

MessageTemplate MessageTemplate::parse(std::string_view text,
                                       const std::function<bool(std::string_view)>& known) {
    MessageTemplate result;
    std::string literal;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
            literal += c;
            ++i;
            continue;
        }
        if (c == '}')
            throw std::invalid_argument("a '}' without its '{' (write '}}' for a brace)");
        if (c != '{') {
            literal += c;
            continue;
        }
        const std::size_t close = text.find('}', i);
        if (close == std::string_view::npos)
            throw std::invalid_argument("a '{' without its '}' (write '{{' for a brace)");
        const std::string name(text.substr(i + 1, close - i - 1));
        if (name.empty())
            throw std::invalid_argument("an empty placeholder '{}'");
        if (!known(name))
            throw std::invalid_argument("unknown placeholder {" + name + "}");
        if (!literal.empty())
            result.m_parts.emplace_back(std::move(literal));
        literal.clear();
        result.m_parts.emplace_back(Placeholder{name});
        i = close;
    }
    if (!literal.empty())
        result.m_parts.emplace_back(std::move(literal));
    return result;
}

std::string MessageTemplate::render(const Lookup& lookup) const {
    std::string text;
    for (const auto& part : m_parts) {
        if (const auto* literal = std::get_if<std::string>(&part)) {
            text += *literal;
            continue;
        }
        const std::string& name = std::get<Placeholder>(part).name;
        const std::optional<std::string> value = lookup(name);
        text += value ? *value : "<" + name + " unknown>";
    }
    return text;
}

} // namespace costgate::policy
