/* veto-launch.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "veto-commands.h"
#include "veto-launch.h"

/* The table of veto-commands.h, as the launcher needs it: which program,
 * and whether the option takes a value (so that `--catalog --status`
 * reads a catalog file called “--status”). */
typedef struct
{
  const char  *name;
  int          with_value;
  VetoProgram  program;
} Option;

#define VETO_LAUNCH_WITH_VALUE_NONE 0
#define VETO_LAUNCH_WITH_VALUE_FILENAME 1
#define VETO_LAUNCH_WITH_VALUE_STRING 1

static const Option options[] = {
#define COMMAND(id, name, arg, arg_name, program, help, ...) \
  { name, VETO_LAUNCH_WITH_VALUE_##arg, VETO_PROGRAM_##program },
  VETO_COMMANDS (COMMAND)
  VETO_COMMAND_OPTIONS (COMMAND)
#undef COMMAND
};

static const Option *
lookup (const char *name,
        size_t      len)
{
  for (size_t i = 0; i < sizeof options / sizeof *options; i++)
    if (strlen (options[i].name) == len && strncmp (name, options[i].name, len) == 0)
      return &options[i];
  return NULL;
}

static int
names_pdf (const char *value)
{
  size_t len = strlen (value);

  return len < 3 || strcasecmp (value + len - 3, ".md") != 0;
}

/* The program for these arguments, the way GOption reads them (`--name`,
 * `--name=value` or `--name value`, up to `--`): the window, veto-cli for
 * a command, or straight to veto-cli-full for one veto-cli would hand to
 * it. Anything odd is left to the program exec'd to report. */
const char *
veto_launch_choose (int          argc,
                    char *const *argv)
{
  int command = 0;
  int full = 0;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const Option *option;
      const char *name;
      size_t len;

      if (strcmp (arg, "--") == 0)
        break;
      if (strncmp (arg, "--", 2) != 0)
        continue;

      name = arg + 2;
      len = strcspn (name, "=");
      option = lookup (name, len);
      if (option == NULL)
        continue;
      if (option->program != VETO_PROGRAM_WINDOW)
        command = 1;
      if (option->program == VETO_PROGRAM_CLI_FULL)
        full = 1;
      if (option->program == VETO_PROGRAM_CLI_PDF_FULL)
        {
          if (name[len] == '=')
            full |= names_pdf (name + len + 1);
          else if (i + 1 < argc)
            full |= names_pdf (argv[i + 1]);
        }
      /* `--catalog --status` names a catalog file called “--status” */
      if (name[len] == '\0' && option->with_value)
        i++;
    }

  if (!command)
    return "veto-window";
  return full ? "veto-cli-full" : "veto-cli";
}

static int
try_exec (const char   *dir,
          size_t        dir_len,
          const char   *name,
          char *const  *argv)
{
  char path[PATH_MAX];

  if (snprintf (path, sizeof path, "%.*s/%s", (int)dir_len, dir, name) >= (int)sizeof path)
    {
      errno = ENAMETOOLONG;
      return -1;
    }
  if (access (path, X_OK) != 0)
    return -1;
  return execv (path, argv);
}

/* Whether the folder @dir (of @dir_len bytes, canonical) is the build
 * tree's src/, where meson puts `veto` beside the programs it execs. Only
 * that folder: a copy installed with --destdir into the build folder is
 * installed all the same. */
static int
is_build_tree (const char *dir,
               size_t      dir_len)
{
  char src[PATH_MAX];

  if (realpath (VETO_BUILD_ROOT "/src", src) == NULL)
    return 0;
  return strlen (src) == dir_len && strncmp (src, dir, dir_len) == 0;
}

/* Execs @name with @argv (argv[0] kept, so that the window's program name,
 * used on X11 for WM_CLASS, is still “veto”), from where Veto put it and
 * nowhere else. In the build tree that is beside this program. Installed,
 * it is libexecdir/veto: found first from this program's folder through
 * @to_libexecdir, as the prefix lays it out (a copy installed with
 * --destdir, or moved, finds its own), then the configured one. Never
 * beside an installed `veto`: bindir is shared with every other package,
 * and another one's `veto-cli` there would run in Veto's place.
 * Returns only on failure, with errno set. */
void
veto_launch_exec (const char  *name,
                  const char  *to_libexecdir,
                  char *const *argv)
{
  char self[PATH_MAX];
  ssize_t len = readlink ("/proc/self/exe", self, sizeof self - 1);

  if (len > 0)
    {
      char *slash;

      self[len] = '\0';
      slash = strrchr (self, '/');
      if (slash != NULL)
        {
          size_t dir_len = (size_t)(slash - self);
          char relative[PATH_MAX];

          if (is_build_tree (self, dir_len))
            {
              try_exec (self, dir_len, name, argv);
              /* not an installed Veto's programs in place of the ones
               * just built */
              return;
            }
          if (to_libexecdir[0] != '/' &&
              snprintf (relative, sizeof relative, "%.*s/%s", (int)dir_len, self,
                        to_libexecdir) < (int)sizeof relative)
            try_exec (relative, strlen (relative), name, argv);
        }
    }

  try_exec (VETO_LIBEXECDIR, strlen (VETO_LIBEXECDIR), name, argv);
}
