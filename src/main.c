/* main.c: the window
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include "veto-application.h"
#include "veto-i18n.h"
#include "veto-launch.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VetoApplication) app = NULL;
  const char *program = veto_launch_choose (argc, argv);

  /* `veto` sends commands to veto-cli; this one was started directly.
   * Installed, this program is in libexecdir/veto itself. */
  if (!g_str_equal (program, "veto-window"))
    {
      veto_launch_exec (program, ".", argv);
      g_printerr ("%s could not be started: %s\n", program, g_strerror (errno));
      return 2;
    }

  /* Veto sets the locale itself (veto_i18n_init() falls back to C.UTF-8
   * where the system's locale is not generated, so that $LANGUAGE still
   * counts); GTK's own setlocale() would undo that with plain "C". */
  gtk_disable_setlocale ();
  veto_i18n_init ();

  app = veto_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
