/* bench-floor.c: a program that does nothing, linked to the libraries of
 * one of Veto's command-line programs (tests/bench/meson.build), started
 * the same way: the floor their CPU time is compared to
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>

int
main (int   argc,
      char *argv[])
{
  g_print ("%s", "");
  return 0;
}
