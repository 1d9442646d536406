#include "costgate/util/input_file.hpp"

#include "costgate/model/error.hpp"
#include "costgate/util/environment.hpp"
#include "costgate/util/input_path.hpp"
#include "costgate/util/utf8.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <simdjson.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace costgate::util {

namespace {

// Far above any real plan or manifest (a 100,000-resource plan is about 300 MiB), low enough
// that a runaway input (a 1 GB line, `yes |`) fails fast instead of exhausting memory.
constexpr std::uintmax_t k_default_max_input_mib = 512;
constexpr std::uintmax_t k_mib = 1024 * 1024;

// MADV_POPULATE_WRITE (Linux 5.14), which older C library headers lack.
#ifdef MADV_POPULATE_WRITE
constexpr int k_madv_populate_write = MADV_POPULATE_WRITE;
#else
constexpr int k_madv_populate_write = 23;
#endif

// COSTGATE_MAX_INPUT_MB raises (or lowers) the limit for one run, up to 1 TiB.
constexpr long k_max_input_mib_setting = 1024 * 1024;

std::uintmax_t max_input_bytes() {
    const auto setting = whole_number_variable("COSTGATE_MAX_INPUT_MB", 1, k_max_input_mib_setting);
    return (setting ? static_cast<std::uintmax_t>(*setting) : k_default_max_input_mib) * k_mib;
}

[[noreturn]] void too_large(const std::string& name, std::uintmax_t limit) {
    throw InputError({name},
                     "is larger than " + std::to_string(limit / k_mib) +
                         " MiB, the most costgate reads (set COSTGATE_MAX_INPUT_MB to raise it)");
}

// Reads a stream whole, failing as soon as it passes `limit` bytes.
std::string read_limited(std::istream& stream, const std::string& name, std::uintmax_t limit,
                         std::uintmax_t expected_size = 0) {
    std::string bytes;
    bytes.reserve(static_cast<std::size_t>(std::min(expected_size, limit)));
    std::array<char, 1 << 16> buffer{};
    while (stream.read(buffer.data(), buffer.size()) || stream.gcount() > 0) {
        bytes.append(buffer.data(), static_cast<std::size_t>(stream.gcount()));
        if (bytes.size() > limit)
            too_large(name, limit);
    }
    if (stream.bad())
        throw InputError({name}, std::string("read error: ") + std::strerror(errno));
    return bytes;
}

void check_utf8(const std::string& name, std::string_view text) {
    // simdjson's validator (same rules) runs at gigabytes a second; the walk below only
    // finds where the invalid byte is.
    if (simdjson::validate_utf8(text.data(), text.size()))
        return;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = utf8_sequence_length(text, at);
        if (length == 0) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[at]));
            throw InputError(SourceLocation::at_offset(name, text, at),
                             std::string("invalid UTF-8 (byte ") + hex +
                                 "): save the file as UTF-8");
        }
        at += length;
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
        if (is_high_surrogate(unit)) {
            if (i + 3 >= bytes.size())
                throw InputError({name}, "UTF-16 text ends inside a surrogate pair");
            const char16_t low = unit_at(i + 2);
            if (!is_low_surrogate(low))
                throw InputError({name}, "UTF-16 text has an unpaired surrogate");
            append_utf8(out, surrogate_pair_code_point(unit, low));
            i += 2;
        } else if (is_low_surrogate(unit)) {
            throw InputError({name}, "UTF-16 text has an unpaired surrogate");
        } else {
            append_utf8(out, unit);
        }
    }
    return out;
}

// What every decoded text must be: UTF-8 without NUL bytes.
void check_plain_text(const std::string& name, std::string_view text) {
    if (text.find('\0') != std::string_view::npos)
        throw InputError({name}, "contains NUL bytes: binary data, or UTF-16 without a byte "
                                 "order mark (convert it to UTF-8)");
    check_utf8(name, text);
}

constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";
constexpr std::string_view k_utf16_le_bom = "\xFF\xFE";
constexpr std::string_view k_utf16_be_bom = "\xFE\xFF";

bool has_byte_order_mark(std::string_view bytes) {
    return bytes.starts_with(k_utf8_bom) || bytes.starts_with(k_utf16_le_bom) ||
           bytes.starts_with(k_utf16_be_bom);
}

void check_not_blank(const std::string& name, std::string_view bytes) {
    if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw InputError({name}, "is empty");
}

// An open file, closed when it goes out of scope.
struct Descriptor {
    explicit Descriptor(int open_file) : number(open_file) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (number >= 0)
            ::close(number);
    }
    const int number;
};

// How long a named pipe may go without a writer before costgate gives up on it.
constexpr auto k_pipe_writer_wait = std::chrono::seconds(10);

[[noreturn]] void read_failed(const std::string& path) {
    throw InputError({path}, std::string("read error: ") + std::strerror(errno));
}

// Opening a named pipe blocks until something opens it for writing, forever if nothing
// does. Opened without blocking, a read returns 0 while there is no writer and EAGAIN
// once there is one that has not written yet: wait for either a writer or data, for
// k_pipe_writer_wait at most. `bytes` gets what the first successful read returned.
void wait_for_writer(int file, const std::string& path, std::string& bytes) {
    struct stat status {};
    const bool pipe = ::fstat(file, &status) == 0 && S_ISFIFO(status.st_mode);
    const auto deadline = std::chrono::steady_clock::now() + k_pipe_writer_wait;
    std::array<char, 1 << 16> buffer{};
    for (;;) {
        const ssize_t count = ::read(file, buffer.data(), buffer.size());
        if (count > 0) {
            bytes.append(buffer.data(), static_cast<std::size_t>(count));
            return;
        }
        if (count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (count < 0 && errno != EINTR)
            read_failed(path);
        if (count == 0 && !pipe)
            return;
        if (std::chrono::steady_clock::now() > deadline)
            throw InputError({path}, "is a named pipe that nothing wrote to within " +
                                         std::to_string(k_pipe_writer_wait.count()) + " seconds");
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

// Reads a file whose size is not known beforehand (a named pipe, process substitution's
// /dev/fd/N, a device) whole, failing as soon as it passes `limit` bytes.
std::string read_unsized(const std::string& path, std::uintmax_t limit) {
    const Descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (file.number < 0)
        throw InputError({path}, std::string("cannot read: ") + std::strerror(errno));
    std::string bytes;
    wait_for_writer(file.number, path, bytes);
    const int flags = ::fcntl(file.number, F_GETFL);
    if (flags < 0 || ::fcntl(file.number, F_SETFL, flags & ~O_NONBLOCK) < 0)
        read_failed(path);
    std::array<char, 1 << 16> buffer{};
    for (;;) {
        const ssize_t count = ::read(file.number, buffer.data(), buffer.size());
        if (count < 0 && errno == EINTR)
            continue;
        if (count < 0)
            read_failed(path);
        if (count == 0)
            return bytes;
        bytes.append(buffer.data(), static_cast<std::size_t>(count));
        if (bytes.size() > limit)
            too_large(path, limit);
    }
}

} // namespace

/// The bytes of an input: a string, or for a regular file, anonymous memory of its own
/// that release() can hand back to the system page by page. Either way k_input_padding
/// bytes follow the text.
class InputText::Storage {
  public:
    explicit Storage(std::string text) : m_owned(std::move(text)) {
        m_owned.reserve(m_owned.size() + k_input_padding);
    }
    /// Reads the regular file `path`, `size` bytes long, into fresh memory.
    Storage(const std::string& path, std::size_t size) {
        const std::size_t mapped = size + k_input_padding;
        void* memory =
            mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (memory == MAP_FAILED)
            throw InputError({path}, std::string("cannot read: ") + std::strerror(errno));
        m_mapped.reset(static_cast<char*>(memory)); // unmapped also when reading fails below
        m_mapped.get_deleter().size = mapped;
        // Every page is about to be written: 2 MiB pages where the system allows them, all
        // mapped in one call, instead of a fault for each 4 KiB (a fault costs tens of
        // microseconds on some virtual machines). Either request may be refused (kernels
        // before 5.14, transparent huge pages turned off); reading then maps the pages.
        madvise(memory, mapped, MADV_HUGEPAGE);
        madvise(memory, mapped, k_madv_populate_write);
        const Descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
        if (file.number < 0)
            throw InputError({path}, std::string("cannot read: ") + std::strerror(errno));
        while (m_read < size) {
            const ssize_t count = ::read(file.number, m_mapped.get() + m_read, size - m_read);
            if (count < 0 && errno == EINTR)
                continue;
            if (count < 0)
                throw InputError({path}, std::string("read error: ") + std::strerror(errno));
            if (count == 0)
                break; // the file shrank since it was measured
            m_read += static_cast<std::size_t>(count);
        }
    }

    std::string_view text() const {
        return m_mapped ? std::string_view(m_mapped.get(), m_read) : m_owned;
    }

    bool release(std::size_t begin, std::size_t end) const {
        if (!m_mapped)
            return false;
        static const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
        begin = (begin + page - 1) / page * page;
        end = std::min(end, m_read) / page * page;
        return begin < end && madvise(m_mapped.get() + begin, end - begin, MADV_DONTNEED) == 0;
    }

  private:
    struct Unmap {
        std::size_t size;
        void operator()(char* memory) const { munmap(memory, size); }
    };
    std::string m_owned;
    std::unique_ptr<char, Unmap> m_mapped;
    std::size_t m_read = 0;
};

InputText::InputText(std::string input_name, std::string input_text)
    : InputText(std::move(input_name), std::make_shared<const Storage>(std::move(input_text)), {}) {
}

InputText::InputText(std::string input_name, std::shared_ptr<const Storage> storage,
                     std::string_view view)
    : name(std::move(input_name)), text(view.data() ? view : storage->text()),
      m_storage(std::move(storage)) {}

bool InputText::release(std::size_t begin, std::size_t end) const {
    return m_storage->release(begin, end);
}

std::string decode_text(const std::string& name, std::string bytes) {
    if (bytes.starts_with(k_utf8_bom)) {
        bytes.erase(0, k_utf8_bom.size());
        check_utf8(name, bytes);
        return bytes;
    }
    if (bytes.starts_with(k_utf16_le_bom))
        return utf16_to_utf8(name, bytes, true);
    if (bytes.starts_with(k_utf16_be_bom))
        return utf16_to_utf8(name, bytes, false);
    check_plain_text(name, bytes);
    return bytes;
}

InputText read_input(const std::string& path) {
    const std::uintmax_t limit = max_input_bytes();
    // Streams without a size (standard input, pipes, process substitution) are read into a
    // string and decoded there.
    const auto read_stream = [&](std::istream& stream, const std::string& name) {
        std::string bytes = read_limited(stream, name, limit);
        check_not_blank(name, bytes);
        return InputText(name, decode_text(name, std::move(bytes)));
    };
    if (path == "-")
        return read_stream(std::cin, "<stdin>");
    const PathKind kind = input_path_kind(path);
    if (kind == PathKind::directory)
        throw InputError({path}, "is a directory, expected a file");
    if (kind == PathKind::file) {
        std::error_code error;
        const std::uintmax_t size = std::filesystem::file_size(path, error);
        if (!error && size > limit)
            too_large(path, limit);
        if (!error && size > 0) {
            auto storage =
                std::make_shared<const InputText::Storage>(path, static_cast<std::size_t>(size));
            const std::string_view bytes = storage->text();
            check_not_blank(path, bytes);
            if (has_byte_order_mark(bytes))
                return InputText(path, decode_text(path, std::string(bytes)));
            check_plain_text(path, bytes);
            return InputText(path, std::move(storage), bytes);
        }
    }
    // Pipes, devices and files whose size the system does not tell (/proc).
    std::string bytes = read_unsized(path, limit);
    check_not_blank(path, bytes);
    return InputText(path, decode_text(path, std::move(bytes)));
}

} // namespace costgate::util
