#include "costgate/model/json_arena.hpp"

#include <algorithm>
#include <cstdint>
#include <new>
#include <sys/mman.h>

namespace costgate {

namespace {

// operator new[] aligns this much, so a block's start is aligned for any scalar.
constexpr std::size_t k_alignment = alignof(std::max_align_t);
constexpr std::size_t k_large_page = JsonArena::k_default_block_size;

std::size_t round_up(std::size_t size) {
    return (std::max<std::size_t>(size, 1) + k_alignment - 1) / k_alignment * k_alignment;
}

struct Unmap {
    std::size_t size;
    void operator()(std::byte* memory) const { munmap(memory, size); }
};

/// `size` bytes (a multiple of k_large_page) on a k_large_page boundary, which the system
/// can back with large pages only when the range is aligned so.
std::shared_ptr<std::byte[]> new_large_page_block(std::size_t size) {
    const std::size_t mapped_size = size + k_large_page;
    void* mapped =
        mmap(nullptr, mapped_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED)
        throw std::bad_alloc();
    // Map one large page more than needed, then give back what lies outside the boundary.
    const auto start = reinterpret_cast<std::uintptr_t>(mapped);
    const std::uintptr_t aligned = (start + k_large_page - 1) / k_large_page * k_large_page;
    if (aligned > start)
        munmap(mapped, aligned - start);
    if (start + mapped_size > aligned + size)
        munmap(reinterpret_cast<void*>(aligned + size), start + mapped_size - aligned - size);
    auto* block = reinterpret_cast<std::byte*>(aligned);
    // May be refused (large pages turned off): the block then has ordinary pages.
    madvise(block, size, MADV_HUGEPAGE);
    return std::shared_ptr<std::byte[]>(block, Unmap{size});
}

std::shared_ptr<std::byte[]> new_block(std::size_t size) {
    if (size % k_large_page == 0)
        return new_large_page_block(size);
    // Default-initialised (not zeroed): every byte carved is written before it is read.
    return std::shared_ptr<std::byte[]>(new std::byte[size]);
}

} // namespace

JsonArena::JsonArena(std::size_t block_size) : m_block_size(block_size) {}

JsonArena::Space JsonArena::allocate(std::size_t size) {
    size = round_up(size);
    if (size > m_block_size / 4) {
        std::shared_ptr<std::byte[]> own = new_block(size);
        std::byte* data = own.get();
        return {data, std::move(own)};
    }
    if (size > left()) {
        m_block = new_block(m_block_size);
        m_size = m_block_size;
        m_used = 0;
    }
    std::byte* data = m_block.get() + m_used;
    m_used += size;
    return {data, m_block};
}

} // namespace costgate
