/* veto-i18n.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "veto-i18n.h"

/* Two layers translate Veto: gettext for the interface and GKeyFile's
 * Key[fr] entries for the catalog. Both read $LANGUAGE, but glibc's gettext
 * ignores it in the "C" locale, which is all many minimal systems have. So
 * a "C" locale is upgraded to "C.UTF-8", which honours $LANGUAGE, and both
 * layers then agree. The interface language chosen in Preferences is
 * applied the same way, through $LANGUAGE. */

static char *system_language;
static gboolean initialized;

static void
apply_locale (void)
{
  const char *current = setlocale (LC_ALL, "");

  if (current == NULL || g_str_equal (current, "C") || g_str_equal (current, "POSIX"))
    setlocale (LC_ALL, "C.UTF-8");
}

/**
 * veto_i18n_init:
 *
 * Sets the locale from the environment and binds the text domain. Call
 * once, before anything is translated.
 */
void
veto_i18n_init (void)
{
  if (!initialized)
    {
      system_language = g_strdup (g_getenv ("LANGUAGE"));
      initialized = TRUE;
    }

  apply_locale ();

  /* An uninstalled build (build-aux/dev run, the test suite) points this at
   * the translations it just compiled. */
  if (g_getenv ("VETO_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("VETO_LOCALEDIR"));
  else
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  /* No textdomain(): every string names its domain (gi18n-lib.h, and
   * domain="veto" in the .ui files). GLib decides once, at the first
   * g_dgettext(), whether to translate at all, and a non-default text
   * domain without an English catalog makes it decide "never" for the
   * whole run, which would break switching to French later. */
}

/**
 * veto_i18n_set_language:
 * @language: (nullable): `en`, `fr`, or %NULL to follow the system again
 *
 * Switches the interface language for everything translated from now on.
 * Catalogs must be reloaded to pick it up.
 */
void
veto_i18n_set_language (const char *language)
{
  if (!initialized)
    veto_i18n_init ();

  if (language != NULL && *language != '\0')
    g_setenv ("LANGUAGE", language, TRUE);
  else if (system_language != NULL)
    g_setenv ("LANGUAGE", system_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  /* setlocale() also makes gettext drop the translations it has cached. */
  apply_locale ();
}

/**
 * veto_i18n_get_language:
 *
 * Returns: the language the interface is shown in: `fr` or `en`
 */
const char *
veto_i18n_get_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "fr"))
        return "fr";
      if (g_str_has_prefix (names[i], "en") || g_str_equal (names[i], "C"))
        return "en";
    }

  return "en";
}

/**
 * veto_format_date:
 * @date: a date
 *
 * Formats a day the way a person reads it, in the interface language,
 * without depending on a generated system locale ("29 November 2026",
 * « 29 novembre 2026 »).
 *
 * Returns: (transfer full): the formatted date
 */
char *
veto_format_date (GDateTime *date)
{
  const char *months[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
    NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
    NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };
  g_autoptr(GDateTime) local = NULL;
  int month;

  g_return_val_if_fail (date != NULL, NULL);

  local = g_date_time_to_local (date);
  month = g_date_time_get_month (local);

  /* Translators: a date: %1$d is the day, %2$s the month's name (translated
   * below), %3$d the year. Reorder as your language writes dates. */
  return g_strdup_printf (_("%2$s %1$d, %3$d"),
                          g_date_time_get_day_of_month (local),
                          g_dpgettext2 (GETTEXT_PACKAGE, "month", months[month - 1]),
                          g_date_time_get_year (local));
}
