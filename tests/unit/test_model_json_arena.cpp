#include "costgate/model/json_arena.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>

using costgate::JsonArena;

namespace {

bool aligned(const std::byte* data) {
    return reinterpret_cast<std::uintptr_t>(data) % alignof(std::max_align_t) == 0;
}

} // namespace

TEST_CASE("small allocations are carved one after another from one block", "[json_arena]") {
    JsonArena arena(1024);
    const JsonArena::Space first = arena.allocate(100);
    const JsonArena::Space second = arena.allocate(10);
    CHECK(first.block == second.block);
    // 100 rounds up to the alignment (16 on x86-64 and arm64: 112).
    const auto step = static_cast<std::size_t>(second.data - first.data);
    CHECK(step >= 100);
    CHECK(step < 100 + alignof(std::max_align_t));
    CHECK(aligned(first.data));
    CHECK(aligned(second.data));
    CHECK(arena.left() == 1024 - step - alignof(std::max_align_t));
}

TEST_CASE("an allocation that does not fit starts a new block", "[json_arena]") {
    JsonArena arena(256);
    const JsonArena::Space first = arena.allocate(64);
    arena.allocate(64);
    arena.allocate(64);
    arena.allocate(48);
    CHECK(arena.left() == 16);
    const JsonArena::Space next = arena.allocate(32);
    CHECK(next.block != first.block);
    CHECK(next.data == next.block.get());
    CHECK(arena.left() == 256 - 32);
}

TEST_CASE("an allocation over a quarter of a block gets a block of its own", "[json_arena]") {
    JsonArena arena(256);
    const JsonArena::Space small = arena.allocate(16);
    const JsonArena::Space large = arena.allocate(65);
    CHECK(large.block != small.block);
    CHECK(large.data == large.block.get());
    // The current block keeps its room for what comes next.
    CHECK(arena.left() == 256 - 16);
    CHECK(arena.allocate(16).block == small.block);
}

TEST_CASE("an arena of blocks of no size gives each allocation its own block", "[json_arena]") {
    JsonArena arena(0);
    const JsonArena::Space first = arena.allocate(1);
    const JsonArena::Space second = arena.allocate(1);
    CHECK(first.block != second.block);
    CHECK(arena.left() == 0);
}

TEST_CASE("what was carved outlives the arena, and holds what was written", "[json_arena]") {
    JsonArena::Space kept;
    {
        JsonArena arena(128);
        kept = arena.allocate(5);
        std::memcpy(kept.data, "hello", 5);
        arena.allocate(5);                  // dropped at once
        CHECK(kept.block.use_count() == 2); // the arena's and `kept`
    }
    CHECK(kept.block.use_count() == 1);
    CHECK(std::memcmp(kept.data, "hello", 5) == 0);
}

TEST_CASE("default blocks start on a 2 MiB boundary, for large pages", "[json_arena]") {
    JsonArena arena;
    const JsonArena::Space first = arena.allocate(100);
    const JsonArena::Space second = arena.allocate(100);
    CHECK(reinterpret_cast<std::uintptr_t>(first.data) % JsonArena::k_default_block_size == 0);
    CHECK(second.block == first.block);
    CHECK(arena.left() == JsonArena::k_default_block_size - 2 * 112);
    // Every byte of the block can be written.
    std::memset(first.data, 0xAB, JsonArena::k_default_block_size);
}
