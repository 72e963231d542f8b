/* veto-clock.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-clock.h"

/* Everything that asks "what time is it?" goes through a VetoClock, so that
 * tests can decide what "now" is: recheck dates, submission stamps and the
 * names of corrupt files all depend on it.
 *
 * The system clock honours $VETO_NOW (an ISO 8601 date-time) so that tests
 * which launch the real binary, and people checking what Veto will say next
 * spring, can move time without touching the machine's clock.
 */
struct _VetoClock
{
  GObject    parent_instance;

  /* owned; NULL means "ask the system" */
  GDateTime *fixed;
};

G_DEFINE_FINAL_TYPE (VetoClock, veto_clock, G_TYPE_OBJECT)

static void
veto_clock_finalize (GObject *object)
{
  VetoClock *self = (VetoClock *)object;

  g_clear_pointer (&self->fixed, g_date_time_unref);

  G_OBJECT_CLASS (veto_clock_parent_class)->finalize (object);
}

static void
veto_clock_class_init (VetoClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = veto_clock_finalize;
}

static void
veto_clock_init (VetoClock *self)
{
}

/**
 * veto_clock_new:
 *
 * Creates the system clock. When `VETO_NOW` is set to an ISO 8601
 * date-time, the clock is fixed at that moment instead.
 *
 * Returns: (transfer full): a new #VetoClock
 */
VetoClock *
veto_clock_new (void)
{
  VetoClock *self = g_object_new (VETO_TYPE_CLOCK, NULL);
  const char *env = g_getenv ("VETO_NOW");

  if (env != NULL && *env != '\0')
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

      self->fixed = g_date_time_new_from_iso8601 (env, utc);
      if (self->fixed == NULL)
        g_warning ("VETO_NOW=%s is not an ISO 8601 date-time; using the system clock", env);
    }

  return self;
}

/**
 * veto_clock_new_fixed:
 * @now: the moment the clock shows until told otherwise
 *
 * Returns: (transfer full): a clock stopped at @now
 */
VetoClock *
veto_clock_new_fixed (GDateTime *now)
{
  VetoClock *self;

  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (VETO_TYPE_CLOCK, NULL);
  self->fixed = g_date_time_ref (now);

  return self;
}

/**
 * veto_clock_get_now:
 * @self: a #VetoClock
 *
 * Returns: (transfer full): the current moment, in UTC
 */
GDateTime *
veto_clock_get_now (VetoClock *self)
{
  g_return_val_if_fail (VETO_IS_CLOCK (self), NULL);

  if (self->fixed != NULL)
    return g_date_time_to_utc (self->fixed);

  return g_date_time_new_now_utc ();
}

void
veto_clock_set_now (VetoClock *self,
                    GDateTime *now)
{
  g_return_if_fail (VETO_IS_CLOCK (self));
  g_return_if_fail (now != NULL);

  g_clear_pointer (&self->fixed, g_date_time_unref);
  self->fixed = g_date_time_ref (now);
}

/**
 * veto_clock_advance:
 * @self: a #VetoClock
 * @span: microseconds to move forward
 *
 * Moves a fixed clock forward; a system clock becomes fixed at now + @span.
 */
void
veto_clock_advance (VetoClock *self,
                    GTimeSpan  span)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (VETO_IS_CLOCK (self));

  now = veto_clock_get_now (self);
  g_clear_pointer (&self->fixed, g_date_time_unref);
  self->fixed = g_date_time_add (now, span);
}
