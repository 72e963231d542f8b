/* bench-size-shim.c: LD_PRELOAD'ed by bench-startup to open a window at
 * BENCH_WIDTH pixels (Veto and the empty window alike)
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4 on X11 has no way to set a window's size from outside, and a
 * window manager resizing it after the first frame would measure
 * something else. So gtk_window_present() is wrapped: the width is set
 * just before the first present, as a phone's compositor would ask. This
 * links nothing but the C library, so that `veto`, the launcher, stays as
 * light as it is.
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>

typedef void (*PresentFunc) (void *window);
typedef void (*SetSizeFunc) (void *window, int width, int height);
typedef void (*GetSizeFunc) (void *window, int *width, int *height);

void gtk_window_present (void *window);

void
gtk_window_present (void *window)
{
  static PresentFunc real_present;
  const char *width = getenv ("BENCH_WIDTH");

  if (real_present == NULL)
    real_present = (PresentFunc)dlsym (RTLD_NEXT, "gtk_window_present");

  if (width != NULL)
    {
      SetSizeFunc set_size = (SetSizeFunc)dlsym (RTLD_DEFAULT, "gtk_window_set_default_size");
      GetSizeFunc get_size = (GetSizeFunc)dlsym (RTLD_DEFAULT, "gtk_window_get_default_size");
      int w = 0, h = 0;

      get_size (window, &w, &h);
      set_size (window, atoi (width), h);
    }

  real_present (window);
}
