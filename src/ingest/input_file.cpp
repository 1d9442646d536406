#include "costgate/ingest/input_file.hpp"

#include "costgate/error.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

namespace costgate {

namespace {

void append_utf8(std::string& out, char32_t code_point) {
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xC0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        out += static_cast<char>(0xE0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code_point >> 18));
        out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

std::string utf16_to_utf8(const std::string& name, const std::string& bytes, bool little_endian) {
    if (bytes.size() % 2 != 0)
        throw InputError({name}, "UTF-16 text has an odd number of bytes");
    auto unit_at = [&](std::size_t i) {
        const auto first = static_cast<unsigned char>(bytes[i]);
        const auto second = static_cast<unsigned char>(bytes[i + 1]);
        return static_cast<char16_t>(little_endian ? first | (second << 8) : (first << 8) | second);
    };
    std::string out;
    out.reserve(bytes.size() / 2);
    for (std::size_t i = 2; i < bytes.size(); i += 2) {
        const char16_t unit = unit_at(i);
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            if (i + 3 >= bytes.size())
                throw InputError({name}, "UTF-16 text ends inside a surrogate pair");
            const char16_t low = unit_at(i + 2);
            if (low < 0xDC00 || low > 0xDFFF)
                throw InputError({name}, "UTF-16 text has an unpaired surrogate");
            append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
            i += 2;
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            throw InputError({name}, "UTF-16 text has an unpaired surrogate");
        } else {
            append_utf8(out, unit);
        }
    }
    return out;
}

} // namespace

std::string decode_text(const std::string& name, std::string bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.erase(0, 3);
        return bytes;
    }
    if (bytes.starts_with("\xFF\xFE"))
        return utf16_to_utf8(name, bytes, true);
    if (bytes.starts_with("\xFE\xFF"))
        return utf16_to_utf8(name, bytes, false);
    if (bytes.find('\0') != std::string::npos)
        throw InputError({name}, "contains NUL bytes: binary data, or UTF-16 without a byte "
                                 "order mark (convert it to UTF-8)");
    return bytes;
}

InputText read_input(const std::string& path) {
    InputText input;
    std::string bytes;
    if (path == "-") {
        input.name = "<stdin>";
        bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
        input.name = path;
        std::error_code error;
        const auto status = std::filesystem::status(path, error);
        if (!std::filesystem::exists(status))
            throw InputError({path}, "no such file");
        if (std::filesystem::is_directory(status))
            throw InputError({path}, "is a directory, expected a file");
        std::ifstream stream(path, std::ios::binary);
        if (!stream)
            throw InputError({path}, std::string("cannot read: ") + std::strerror(errno));
        // Read straight into one buffer of the file's size: a large plan is never copied.
        std::error_code size_error;
        const auto size = std::filesystem::file_size(path, size_error);
        if (!size_error && size > 0) {
            bytes.resize(size);
            stream.read(bytes.data(), static_cast<std::streamsize>(size));
            bytes.resize(static_cast<std::size_t>(stream.gcount()));
        }
        // Pipes, /proc files and files still growing report no or a wrong size.
        bytes.append(std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>());
        if (stream.bad())
            throw InputError({path}, "read error");
    }
    if (bytes.find_first_not_of(" \t\r\n") == std::string::npos)
        throw InputError({input.name}, "is empty");
    input.text = decode_text(input.name, std::move(bytes));
    return input;
}

} // namespace costgate
