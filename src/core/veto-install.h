/* veto-install.h: where the running Veto was installed, or built
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *veto_install_dup_exe_dir     (void);
char *veto_install_dup_build_root  (void);
char *veto_install_dup_launcher    (void);

G_END_DECLS
