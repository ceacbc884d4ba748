#ifndef IGFSITE_FILE_SWAP_H
#define IGFSITE_FILE_SWAP_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS/EINVAL where unsupported).
int igfsite_exchange_paths(const char *first, const char *second);

#endif
