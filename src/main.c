/* main.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-application.h"
#include "veto-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VetoApplication) app = NULL;

  veto_i18n_init ();

  app = veto_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
