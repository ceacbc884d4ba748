#ifndef IGFSITE_MARKDOWN_ARENA_H
#define IGFSITE_MARKDOWN_ARENA_H

#include <stddef.h>

/// A per-thread bump allocator for cmark-gfm's parser and tree (its `cmark_mem`): a body's
/// nodes and buffers are taken from large blocks and all given back at once when the body
/// is done, instead of thousands of malloc and free calls.
///
/// Memory from it is valid only between `igfsite_arena_begin` and the matching
/// `igfsite_arena_end` on the same thread; the outermost end reclaims all of it.

/// Opens a scope on this thread's arena (scopes nest; the outermost end resets the arena).
void igfsite_arena_begin(void);
/// Closes the scope; the outermost one makes everything allocated since unusable.
void igfsite_arena_end(void);

void *igfsite_arena_calloc(size_t count, size_t size);
void *igfsite_arena_realloc(void *pointer, size_t size);
void igfsite_arena_free(void *pointer);

#endif
