/*-------------------------------------------------------------------------
 *
 * module.c
 *	  The module's entry: its magic block and _PG_init(), which sets the
 *	  core's interrupt hook and has each file that keeps settings or hooks
 *	  define them.  The top of the layers (DEVELOPING.md, "The layers"):
 *	  the one file that calls the files of several topics.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"

#include "trade_stats.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/* The core's loops over large states call this (ts_interrupt_hook). */
static void
check_interrupts(void)
{
	CHECK_FOR_INTERRUPTS();
}

void
_PG_init(void)
{
	ts_interrupt_hook = check_interrupts;
	ts_convert_init();
	ts_summary_init();
	ts_summary_stash_init();
}
