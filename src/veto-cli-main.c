/* veto-cli-main.c: `veto --status` and the other commands, without GTK
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-cli.h"

int
main (int   argc,
      char *argv[])
{
  return veto_cli_main (argc, argv);
}
