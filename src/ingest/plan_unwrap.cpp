#include "plan_unwrap.hpp"

namespace costgate::ingest {

namespace {

void trim_trailing_space(std::string& text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
}

} // namespace

std::string unwrap_setup_terraform_output(std::string text) {
    if (!text.starts_with("[command]"))
        return text;
    const std::size_t first_newline = text.find('\n');
    text.erase(0, first_newline == std::string::npos ? text.size() : first_newline + 1);

    trim_trailing_space(text);
    for (std::size_t line_start = text.rfind('\n'); line_start != std::string::npos;
         line_start = text.rfind('\n')) {
        if (text.compare(line_start + 1, 2, "::") != 0)
            break;
        text.erase(line_start);
        trim_trailing_space(text);
    }
    // The wrapper escapes the final newline of stdout as %0A.
    while (text.ends_with("%0A"))
        text.erase(text.size() - 3);
    return text;
}

} // namespace costgate::ingest
