// glibc's malloc extensions (malloc_trim, mallopt), which the Glibc module does not import:
// it leaves out <malloc.h>. Part of libc itself, so nothing to link.
#ifndef NEWSWIRE_CMALLOC_SHIM_H
#define NEWSWIRE_CMALLOC_SHIM_H
#include <malloc.h>
#endif
