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

  /* `veto` sends commands to veto-cli; this one was started directly. */
  if (veto_launch_wants_command (argc, argv))
    {
      veto_launch_exec ("veto-cli", argv);
      g_printerr ("veto-cli could not be started: %s\n", g_strerror (errno));
      return 2;
    }

  veto_i18n_init ();

  app = veto_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
