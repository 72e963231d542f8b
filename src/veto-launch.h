/* veto-launch.h: choosing the program that runs a `veto` command line
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* C library only: the launcher links nothing else. */

const char *veto_launch_choose (int          argc,
                                char *const *argv);
void        veto_launch_exec   (const char  *name,
                                const char  *to_libexecdir,
                                char *const *argv);
