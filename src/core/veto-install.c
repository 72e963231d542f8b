/* veto-install.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "veto-install.h"

/* Veto runs from one of two layouts: the build folder (`build-aux/dev
 * run`, the tests), with every program in src/; or a prefix, with `veto`
 * in bindir and the programs it execs in libexecdir/veto. A prefix may
 * have been moved, or installed with --destdir: each program finds the
 * others from its own folder, as the prefix lays them out, before the
 * configured prefix. */

static char *
canonical_dir (const char *dir)
{
  char resolved[PATH_MAX];

  if (realpath (dir, resolved) == NULL)
    return NULL;

  return g_strdup (resolved);
}

/* Whether @path is @dir or inside it; both already canonical. */
static gboolean
path_is_inside (const char *path,
                const char *dir)
{
  gsize len = strlen (dir);

  return strncmp (path, dir, len) == 0 && (path[len] == '/' || path[len] == '\0');
}

/**
 * veto_install_dup_exe_dir:
 *
 * Returns: (transfer full) (nullable): the folder of the running
 *   executable, symbolic links resolved; %NULL where the system does not
 *   say (no /proc)
 */
char *
veto_install_dup_exe_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  if (exe == NULL || !g_path_is_absolute (exe))
    return NULL;

  return g_path_get_dirname (exe);
}

/**
 * veto_install_dup_build_root:
 *
 * Returns: (transfer full) (nullable): the build folder, canonical, when
 *   the running executable is inside it (a program in src/, or a test);
 *   %NULL for an installed one
 */
char *
veto_install_dup_build_root (void)
{
  g_autofree char *exe_dir = veto_install_dup_exe_dir ();
  g_autofree char *build_root = canonical_dir (VETO_BUILD_ROOT);

  if (exe_dir == NULL || build_root == NULL || !path_is_inside (exe_dir, build_root))
    return NULL;

  return g_steal_pointer (&build_root);
}

/**
 * veto_install_dup_launcher:
 *
 * The `veto` that starts this Veto, for whatever runs it later from
 * outside (the login reminder's autostart entry): never a bare “veto”,
 * which the session would look for on a $PATH that may not have this
 * prefix, or may have another Veto first. The running program is the
 * window or a test, never `veto` itself (it execs), so this names the
 * launcher of the same build or prefix:
 *
 * - from the build folder, its src/veto;
 * - installed, the `veto` in bindir as the prefix lays it out from this
 *   program's folder (libexecdir/veto), so that a moved prefix names its
 *   own;
 * - else the configured bindir's.
 *
 * Returns: (transfer full): an absolute path
 */
char *
veto_install_dup_launcher (void)
{
  g_autofree char *build_root = veto_install_dup_build_root ();
  g_autofree char *exe_dir = NULL;

  if (build_root != NULL)
    return g_build_filename (build_root, "src", "veto", NULL);

  exe_dir = veto_install_dup_exe_dir ();
  if (exe_dir != NULL)
    {
      g_autofree char *relative = g_path_is_absolute (VETO_EXEDIR_TO_BINDIR)
                                  ? g_strdup (VETO_EXEDIR_TO_BINDIR)
                                  : g_build_filename (exe_dir, VETO_EXEDIR_TO_BINDIR, NULL);
      g_autofree char *bindir = canonical_dir (relative);
      g_autofree char *launcher = bindir != NULL ? g_build_filename (bindir, "veto", NULL) : NULL;

      if (launcher != NULL && g_file_test (launcher, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&launcher);
    }

  return g_build_filename (VETO_BINDIR, "veto", NULL);
}
