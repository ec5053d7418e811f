#pragma once

// A full table's record list is 160 MB: glibc gives an allocation that size its own mapping,
// returned to the system when freed, so every parse faults the list in afresh. On this VM a
// 4 KB page fault is expensive, and at 40,000 of them per million routes the faults cost more
// than the parse. Asking for transparent huge pages (2 MB) on the list's range makes that 80
// faults. Debian's kernels enable them on request ("madvise"); where they are off, or
// elsewhere, this does nothing.

#include <QList>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace rl {

// Call right after reserve(), before the list is filled.
template<typename T>
void adviseHugePages(QList<T> &list)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t kHuge = std::uintptr_t(2) << 20;
    const std::size_t bytes = std::size_t(list.capacity()) * sizeof(T);
    if (bytes < 4 * kHuge)
        return;
    const auto begin = reinterpret_cast<std::uintptr_t>(list.data());
    const std::uintptr_t from = (begin + kHuge - 1) & ~(kHuge - 1);
    const std::uintptr_t to = (begin + bytes) & ~(kHuge - 1);
    if (to > from)
        madvise(reinterpret_cast<void *>(from), to - from, MADV_HUGEPAGE); // advice: failure is harmless
#else
    (void)list;
#endif
}

// The same for a std::vector that is big and short-lived (the interner's slot table): an
// allocator that asks for huge pages on allocations of 8 MB and more, before they are touched.
template<typename T>
struct HugePageAllocator {
    using value_type = T;
    static constexpr std::size_t kHuge = std::size_t(2) << 20;

    HugePageAllocator() = default;
    template<typename U>
    HugePageAllocator(const HugePageAllocator<U> &) {}

    T *allocate(std::size_t n)
    {
        const std::size_t bytes = n * sizeof(T);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        if (bytes >= 4 * kHuge) {
            const std::size_t rounded = (bytes + kHuge - 1) & ~(kHuge - 1);
            void *p = std::aligned_alloc(kHuge, rounded);
            if (!p)
                throw std::bad_alloc();
            madvise(p, rounded, MADV_HUGEPAGE);
            return static_cast<T *>(p);
        }
#endif
        return std::allocator<T>().allocate(n);
    }
    void deallocate(T *p, std::size_t n)
    {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        if (n * sizeof(T) >= 4 * kHuge) {
            std::free(p);
            return;
        }
#endif
        std::allocator<T>().deallocate(p, n);
    }
    template<typename U>
    bool operator==(const HugePageAllocator<U> &) const { return true; }
};

} // namespace rl
