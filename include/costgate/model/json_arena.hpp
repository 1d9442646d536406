#pragma once

#include <cstddef>
#include <memory>

namespace costgate {

/// Memory for many small values that are written once and never change (JsonTrees), carved
/// one after another from large blocks: one allocation for a block of many trees instead of
/// two for each tree, and the trees of one plan side by side on pages touched once. A block
/// is shared by what was carved from it and freed when the last of those goes, so a value
/// can outlive the arena that made it.
class JsonArena {
  public:
    /// Bytes carved from a block; `block` keeps them alive.
    struct Space {
        std::byte* data;
        std::shared_ptr<const std::byte[]> block;
    };

    /// One 2 MiB page, which the system can map at once where it allows large pages (a
    /// fault for each 4 KiB page costs more than writing it on some virtual machines). A
    /// block holds hundreds of resource states, and the end of the last one left unused is
    /// nothing beside a plan.
    static constexpr std::size_t k_default_block_size = 2 << 20;

    /// An arena of blocks of `block_size` bytes. With 0, every allocation gets a block of
    /// its own, of exactly its size. Blocks whose size is a multiple of
    /// k_default_block_size start on such a boundary and ask for large pages.
    explicit JsonArena(std::size_t block_size = k_default_block_size);

    /// `size` bytes (at least 1), aligned for any scalar type. A request larger than a
    /// quarter of a block gets a block of its own, so a block is never left mostly unused
    /// for want of room.
    Space allocate(std::size_t size);

    /// Bytes not yet carved from the current block.
    std::size_t left() const { return m_size - m_used; }

  private:
    std::size_t m_block_size;
    std::shared_ptr<std::byte[]> m_block;
    std::size_t m_size = 0;
    std::size_t m_used = 0;
};

} // namespace costgate
