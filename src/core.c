/*-------------------------------------------------------------------------
 *
 * core.c
 *	  The one variable of the pure C core (ts_core.h): the hook its long
 *	  loops call to let the host stop them.  PostgreSQL's glue sets it to
 *	  CHECK_FOR_INTERRUPTS; the unit tests and fuzzers leave it unset.
 *
 *-------------------------------------------------------------------------
 */
#include "ts_core.h"

void		(*ts_interrupt_hook) (void) = NULL;
