// libsystemd headers for sd_notify, socket activation, the watchdog and the journal.
// Variadic functions (sd_notifyf, sd_journal_send) are deliberately not used from Swift:
// sd_notify takes a preformatted string and sd_journal_sendv takes iovecs.
#ifndef NEWSWIRE_CSYSTEMD_SHIM_H
#define NEWSWIRE_CSYSTEMD_SHIM_H
#include <sys/uio.h>
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>
#endif
