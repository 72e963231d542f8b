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
 *
 * With BENCH_EXIT_AFTER_FIRST_FRAME set, the process also ends as soon
 * as the window's first frame is painted, for callgrind to count the
 * instructions up to it (tests/bench/count-instructions).
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <unistd.h>

typedef void (*PresentFunc) (void *window);
typedef void (*SetSizeFunc) (void *window, int width, int height);
typedef void (*GetSizeFunc) (void *window, int *width, int *height);
typedef unsigned long (*ConnectFunc) (void *instance, const char *signal, void (*handler) (void),
                                      void *data, void *destroy, int flags);
typedef void *(*GetClockFunc) (void *widget);
typedef int (*GetRealizedFunc) (void *widget);

static void
after_paint (void *clock,
             void *data)
{
  _exit (0);
}

static void
on_realize (void *widget,
            void *data)
{
  ConnectFunc connect = (ConnectFunc)dlsym (RTLD_DEFAULT, "g_signal_connect_data");
  GetClockFunc get_clock = (GetClockFunc)dlsym (RTLD_DEFAULT, "gtk_widget_get_frame_clock");

  connect (get_clock (widget), "after-paint", (void (*) (void))after_paint, NULL, NULL, 0);
}

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

  if (getenv ("BENCH_EXIT_AFTER_FIRST_FRAME") != NULL)
    {
      ConnectFunc connect = (ConnectFunc)dlsym (RTLD_DEFAULT, "g_signal_connect_data");
      GetRealizedFunc get_realized = (GetRealizedFunc)dlsym (RTLD_DEFAULT, "gtk_widget_get_realized");

      if (get_realized (window))
        on_realize (window, NULL);
      else
        connect (window, "realize", (void (*) (void))on_realize, NULL, NULL, 0);
    }

  real_present (window);
}
