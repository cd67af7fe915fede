// SQLite's process-wide settings. sqlite3_config is variadic, which Swift cannot call: one plain
// function per setting the daemon uses.
#ifndef NEWSWIRE_CSQLITE_SHIM_H
#define NEWSWIRE_CSQLITE_SHIM_H
#include <sqlite3.h>

/// Makes each connection's page cache allocate pages one at a time as it fills, instead of a first
/// block of 20 pages (about 87 KB) every time an empty cache gets its first page. Must run before
/// SQLite initialises (the first connection); returns SQLITE_MISUSE, harmlessly, after.
static inline int newswire_sqlite_no_bulk_page_cache(void) {
    return sqlite3_config(SQLITE_CONFIG_PAGECACHE, (void *)0, 0, 0);
}
#endif
