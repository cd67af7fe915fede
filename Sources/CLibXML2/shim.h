// libxml2's SAX2 push parser plus wrappers for what Swift 6 cannot reach directly
// (xmlFree/xmlMalloc are global function pointers, which strict concurrency rejects).
// glibc's iconv is exposed here too: the feed parser transcodes legacy charsets to UTF-8
// before libxml2 sees the bytes, and SwiftGlibc does not export <iconv.h>.
#ifndef NEWSWIRE_CLIBXML2_SHIM_H
#define NEWSWIRE_CLIBXML2_SHIM_H
// Debian builds libxml2 with ICU, whose <unicode/*.h> headers clash with the ICU that Foundation
// ships (two different `enum UErrorCode` in one Swift module). We never touch libxml2's ICU
// converter fields (only pointers to its structs), so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <libxml/entities.h>
#include <iconv.h>

static inline void newswire_xml_free(void *p) { xmlFree(p); }

/// iconv_open's failure value is `(iconv_t)-1`, which Swift cannot spell.
static inline int newswire_iconv_is_valid(iconv_t cd) { return cd != (iconv_t)-1; }

/// iconv's failure return is `(size_t)-1`.
static inline int newswire_iconv_failed(size_t result) { return result == (size_t)-1; }
#endif
