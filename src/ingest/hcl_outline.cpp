#include "hcl_outline.hpp"

#include <cctype>

namespace costgate::ingest {

namespace {

/// Templates nest strings and strings nest templates; past this depth the rest of the line
/// is skipped rather than recursing on (a crafted file must not overflow the stack).
constexpr int k_max_template_depth = 64;

bool is_identifier_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

class Outliner {
  public:
    explicit Outliner(std::string_view text) : m_text(text) {}

    std::vector<HclBlock> blocks() {
        while (m_at < m_text.size())
            statement();
        return std::move(m_blocks);
    }

  private:
    /// One statement at the current depth: a block header, an attribute, a closing brace or
    /// something skipped up to the end of its line.
    void statement() {
        skip_blank();
        if (m_at >= m_text.size())
            return;
        const char c = m_text[m_at];
        if (c == '}') {
            ++m_at;
            close_brace();
            return;
        }
        if (!is_identifier_char(c)) {
            skip_rest_of_line();
            return;
        }
        const int line = m_line;
        const std::string name = identifier();
        skip_spaces();
        if (peek() == '=' && peek(1) != '=') {
            ++m_at;
            attribute(name);
            return;
        }
        std::vector<std::string> labels;
        while (m_at < m_text.size()) {
            skip_spaces();
            if (peek() == '"') {
                labels.push_back(string_literal());
            } else if (is_identifier_char(peek())) {
                labels.push_back(identifier());
            } else {
                break;
            }
        }
        if (peek() != '{') {
            skip_rest_of_line();
            return;
        }
        ++m_at;
        open_block(name, std::move(labels), line);
    }

    void attribute(const std::string& name) {
        skip_spaces();
        if (peek() == '"') {
            const std::size_t start = m_at;
            std::string value = string_literal();
            const bool plain =
                m_text.substr(start, m_at - start).find("${") == std::string_view::npos;
            skip_spaces();
            const bool ends = m_at >= m_text.size() || peek() == '\n' || peek() == '\r' ||
                              peek() == '}' || peek() == '#' ||
                              (peek() == '/' && (peek(1) == '/' || peek(1) == '*'));
            if (plain && ends && m_depth == 1 && m_current != nullptr)
                m_current->strings[name] = std::move(value);
        }
        skip_expression();
    }

    void open_block(const std::string& type, std::vector<std::string> labels, int line) {
        if (m_depth == 0) {
            m_blocks.push_back({type, std::move(labels), line, {}});
            m_current = &m_blocks.back();
        }
        ++m_depth;
    }

    void close_brace() {
        if (m_depth > 0)
            --m_depth;
        if (m_depth == 0)
            m_current = nullptr;
    }

    /// Skips an attribute's value: up to the end of its line, or further while brackets,
    /// braces or parentheses opened in it are open.
    void skip_expression() {
        int open = 0;
        while (m_at < m_text.size()) {
            const char c = m_text[m_at];
            if (c == '\n' && open == 0)
                return;
            if (skip_trivia())
                continue;
            if (c == '"') {
                string_literal();
                continue;
            }
            if (c == '<' && heredoc())
                continue;
            if (c == '(' || c == '[' || c == '{')
                ++open;
            else if ((c == ')' || c == ']' || c == '}') && open > 0)
                --open;
            else if (c == '}')
                return; // closes the enclosing block: the next statement handles it
            advance();
        }
    }

    void skip_rest_of_line() {
        while (m_at < m_text.size() && m_text[m_at] != '\n') {
            if (skip_trivia())
                continue;
            const char c = m_text[m_at];
            if (c == '"') {
                string_literal();
                continue;
            }
            if (c == '{') {
                ++m_depth;
            } else if (c == '}') {
                close_brace();
            }
            advance();
        }
    }

    /// Skips a comment at the current position; false when there is none.
    bool skip_trivia() {
        if (peek() == '#' || (peek() == '/' && peek(1) == '/')) {
            while (m_at < m_text.size() && m_text[m_at] != '\n')
                ++m_at;
            return true;
        }
        if (peek() == '/' && peek(1) == '*') {
            m_at += 2;
            while (m_at < m_text.size() && !(peek() == '*' && peek(1) == '/'))
                advance();
            m_at = std::min(m_at + 2, m_text.size());
            return true;
        }
        return false;
    }

    /// Skips `<<EOF` or `<<-EOF` up to the line holding only the marker; false (nothing
    /// consumed) when `<` does not start a heredoc.
    bool heredoc() {
        std::size_t at = m_at + 2;
        if (m_text.substr(m_at, 2) != "<<")
            return false;
        if (at < m_text.size() && m_text[at] == '-')
            ++at;
        const std::size_t marker_begin = at;
        while (at < m_text.size() && is_identifier_char(m_text[at]))
            ++at;
        if (at == marker_begin)
            return false;
        const std::string_view marker = m_text.substr(marker_begin, at - marker_begin);
        m_at = at;
        while (m_at < m_text.size()) {
            while (m_at < m_text.size() && m_text[m_at] != '\n')
                ++m_at;
            if (m_at >= m_text.size())
                return true;
            advance();
            std::size_t begin = m_at;
            while (begin < m_text.size() && (m_text[begin] == ' ' || m_text[begin] == '\t'))
                ++begin;
            std::size_t end = begin;
            while (end < m_text.size() && m_text[end] != '\n' && m_text[end] != '\r')
                ++end;
            if (m_text.substr(begin, end - begin) == marker) {
                m_at = end;
                return true;
            }
        }
        return true;
    }

    /// Reads a quoted string and returns its text with simple escapes resolved; `${...}`
    /// and `%{...}` templates are kept as written, nested strings in them included.
    std::string string_literal() {
        std::string value;
        ++m_at;
        if (m_template_depth >= k_max_template_depth) {
            while (m_at < m_text.size() && m_text[m_at] != '\n')
                ++m_at;
            return value;
        }
        while (m_at < m_text.size()) {
            const char c = m_text[m_at];
            if (c == '"') {
                ++m_at;
                return value;
            }
            if (c == '\n')
                return value; // unterminated: HCL strings do not span lines
            if (c == '\\' && m_at + 1 < m_text.size()) {
                value += m_text[m_at + 1] == 'n' ? '\n' : m_text[m_at + 1];
                m_at += 2;
                continue;
            }
            if ((c == '$' || c == '%') && peek(1) == '{') {
                const std::size_t start = m_at;
                m_at += 2;
                ++m_template_depth;
                template_expression();
                --m_template_depth;
                value.append(m_text.substr(start, m_at - start));
                continue;
            }
            value += c;
            ++m_at;
        }
        return value;
    }

    /// Skips the inside of `${...}` up to and including its closing brace.
    void template_expression() {
        int open = 1;
        while (m_at < m_text.size() && open > 0) {
            const char c = m_text[m_at];
            if (c == '"') {
                string_literal();
                continue;
            }
            if (c == '{')
                ++open;
            else if (c == '}')
                --open;
            advance();
        }
    }

    std::string identifier() {
        const std::size_t begin = m_at;
        while (m_at < m_text.size() && is_identifier_char(m_text[m_at]))
            ++m_at;
        return std::string(m_text.substr(begin, m_at - begin));
    }

    void skip_spaces() {
        while (peek() == ' ' || peek() == '\t')
            ++m_at;
    }

    void skip_blank() {
        while (m_at < m_text.size()) {
            const char c = m_text[m_at];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',')
                advance();
            else if (!skip_trivia())
                return;
        }
    }

    void advance() {
        if (m_text[m_at] == '\n')
            ++m_line;
        ++m_at;
    }

    char peek(std::size_t ahead = 0) const {
        return m_at + ahead < m_text.size() ? m_text[m_at + ahead] : '\0';
    }

    std::string_view m_text;
    std::size_t m_at = 0;
    int m_line = 1;
    int m_depth = 0;
    int m_template_depth = 0;
    std::vector<HclBlock> m_blocks;
    HclBlock* m_current = nullptr;
};

} // namespace

std::vector<HclBlock> outline_hcl(std::string_view text) {
    return Outliner(text).blocks();
}

} // namespace costgate::ingest
