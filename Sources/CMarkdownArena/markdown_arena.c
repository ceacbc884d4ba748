#include "markdown_arena.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Every allocation is preceded by a header holding its size (for realloc), and both are
// 16-byte aligned, as malloc's results are.
enum { alignment = 16, header_size = 16, first_block_size = 256 * 1024 };

typedef struct block {
  struct block *previous;
  size_t capacity;
  size_t used;
  // 16-byte aligned data follows.
  max_align_t data[];
} block;

typedef struct arena {
  block *current;
  unsigned depth;
  // The last allocation, which can grow or be given back in place.
  unsigned char *last;
} arena;

static _Thread_local arena *thread_arena;
static pthread_key_t arena_key;
static pthread_once_t arena_key_once = PTHREAD_ONCE_INIT;

static void free_blocks(block *current) {
  while (current) {
    block *previous = current->previous;
    free(current);
    current = previous;
  }
}

static void free_arena(void *value) {
  arena *dying = value;
  free_blocks(dying->current);
  free(dying);
}

static void make_key(void) { pthread_key_create(&arena_key, free_arena); }

static _Noreturn void out_of_memory(void) {
  fputs("igfsite: out of memory while parsing Markdown\n", stderr);
  abort();
}

static arena *this_thread_arena(void) {
  if (thread_arena) return thread_arena;
  pthread_once(&arena_key_once, make_key);
  arena *made = calloc(1, sizeof(arena));
  if (!made) out_of_memory();
  // The thread's arena and blocks are freed when the thread ends.
  pthread_setspecific(arena_key, made);
  thread_arena = made;
  return made;
}

static size_t rounded(size_t size) { return (size + alignment - 1) & ~(size_t)(alignment - 1); }

static size_t *header_of(unsigned char *pointer) { return (size_t *)(pointer - header_size); }

static unsigned char *allocate(arena *arena, size_t size) {
  if (size > SIZE_MAX / 2) out_of_memory();
  size_t needed = header_size + rounded(size);
  block *current = arena->current;
  if (!current || current->capacity - current->used < needed) {
    // Each new block at least doubles the last, so a large body needs few of them; the
    // arena keeps only the largest when it is reset.
    size_t capacity = current ? current->capacity * 2 : first_block_size;
    if (capacity < needed) capacity = rounded(needed);
    block *added = malloc(sizeof(block) + capacity);
    if (!added) out_of_memory();
    added->previous = current;
    added->capacity = capacity;
    added->used = 0;
    arena->current = current = added;
  }
  unsigned char *start = (unsigned char *)current->data + current->used;
  current->used += needed;
  unsigned char *pointer = start + header_size;
  *header_of(pointer) = size;
  arena->last = pointer;
  return pointer;
}

void igfsite_arena_begin(void) { this_thread_arena()->depth += 1; }

void igfsite_arena_end(void) {
  arena *arena = this_thread_arena();
  if (arena->depth == 0 || --arena->depth > 0) return;
  if (arena->current) {
    free_blocks(arena->current->previous);
    arena->current->previous = NULL;
    arena->current->used = 0;
  }
  arena->last = NULL;
}

void *igfsite_arena_calloc(size_t count, size_t size) {
  if (size != 0 && count > SIZE_MAX / size) out_of_memory();
  unsigned char *pointer = allocate(this_thread_arena(), count * size);
  memset(pointer, 0, count * size);
  return pointer;
}

void *igfsite_arena_realloc(void *pointer, size_t size) {
  arena *arena = this_thread_arena();
  if (!pointer) return allocate(arena, size);
  unsigned char *bytes = pointer;
  size_t old_size = *header_of(bytes);
  block *current = arena->current;
  if (bytes == arena->last) {
    // The newest allocation grows (or shrinks) where it is when its block has room.
    size_t start = (size_t)(bytes - (unsigned char *)current->data);
    if (size <= SIZE_MAX / 2 && current->capacity - start >= rounded(size)) {
      current->used = start + rounded(size);
      *header_of(bytes) = size;
      return bytes;
    }
  }
  unsigned char *moved = allocate(arena, size);
  memcpy(moved, bytes, old_size < size ? old_size : size);
  return moved;
}

void igfsite_arena_free(void *pointer) {
  arena *arena = this_thread_arena();
  // Only the newest allocation's room can be reused at once; the rest waits for the reset.
  if (pointer && pointer == arena->last) {
    arena->current->used = (size_t)((unsigned char *)pointer - header_size - (unsigned char *)arena->current->data);
    arena->last = NULL;
  }
}
