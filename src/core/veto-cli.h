/* veto-cli.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int veto_cli_main (int    argc,
                   char **argv);

G_END_DECLS
