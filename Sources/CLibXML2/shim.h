// libxml2's SAX2 push parser plus wrappers for what Swift 6 cannot reach directly
// (xmlFree/xmlMalloc are global function pointers, which strict concurrency rejects).
#ifndef NEWSWIRE_CLIBXML2_SHIM_H
#define NEWSWIRE_CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <libxml/entities.h>

static inline void newswire_xml_free(void *p) { xmlFree(p); }
#endif
