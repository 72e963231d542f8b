/* replay.c: runs a fuzz target over files, without libFuzzer
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built with the normal compiler into the normal suite, so that the seed
 * corpus and every input that once crashed a target (tests/fuzz/regressions)
 * are checked on every run, fuzzer or not.
 */

#include "config.h"

#include <glib.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          g_autofree char *data = NULL;
          gsize len = 0;

          if (!g_file_get_contents (path, &data, &len, NULL))
            continue;
          LLVMFuzzerTestOneInput ((const uint8_t *)data, len);
          g_print ("ok %u %s\n", ++n, path);
        }
    }

  g_print ("1..%u\n", n);
  return 0;
}
