/* veto-launcher.c: `veto`, which links nothing but the C library
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Loading GTK, libadwaita and the 80 libraries behind them costs about
 * 20 ms of CPU before main() runs, and `veto --status` needs none of them.
 * So `veto` only reads its arguments and execs, keeping the process id
 * and argv[0]:
 *
 *  - veto-cli, for a command (--status, --export, --check-links,
 *    --update-catalog, --remind, --attach-email): GLib and GIO only;
 *  - veto-window, for everything else (the window, --help, and GLib's
 *    --gapplication-service).
 *
 * Both live next to this program in the build tree, and in
 * $libexecdir/veto once installed, where alone they are looked for (not
 * in bindir beside `veto`, which other packages share). This costs the
 * window one exec of a program without libraries: about 0.3 ms
 * (tests/bench). */

#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "veto-launch.h"

int
main (int   argc,
      char *argv[])
{
  const char *target = veto_launch_choose (argc, argv);

  /* GLib 2.74's slice allocator keeps the memory of every widget freed in
   * caches of its own: after the wizard, 3.5 MiB of pages long gone (the
   * heap 1.66 times the welcome page's, against 1.27 with malloc). GLib
   * 2.76 and later always use malloc; this asks 2.74 for the same. A
   * setting of the person's own wins. */
  setenv ("G_SLICE", "always-malloc", 0);

  veto_launch_exec (target, VETO_BINDIR_TO_LIBEXECDIR, argv);

  /* Not translated: gettext lives in the libraries this does not load. */
  fprintf (stderr, "Veto is not installed correctly: %s could not be started (%s).\n",
           target, strerror (errno));
  return 2;
}
