/* veto-i18n.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "veto-i18n.h"
#include "veto-install.h"

/* Two layers translate Veto: gettext for the interface and GKeyFile's
 * Key[fr] entries for the catalog. Both read $LANGUAGE, but glibc's gettext
 * ignores it in the "C" locale, which is all many minimal systems have. So
 * a "C" locale is upgraded to "C.UTF-8", which honours $LANGUAGE, and both
 * layers then agree. The interface language chosen in Preferences is
 * applied the same way, through $LANGUAGE. */

static char *system_language;
static gboolean initialized;

/* The language the environment asks for ("fr_FR" of LANG=fr_FR.UTF-8), as
 * the C library would read it: LC_ALL, then LC_MESSAGES, then LANG. */
static char *
environment_language (void)
{
  const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      const char *value = g_getenv (vars[i]);

      if (value != NULL && *value != '\0')
        {
          g_autofree char *lang = g_strndup (value, strcspn (value, ".@"));

          if (*lang == '\0' || g_str_equal (lang, "C") || g_str_equal (lang, "POSIX"))
            return NULL;
          return g_steal_pointer (&lang);
        }
    }

  return NULL;
}

static void
apply_locale (void)
{
  const char *current = setlocale (LC_ALL, "");

  if (current == NULL)
    {
      /* The system asks for a locale that is not generated here
       * (LANG=fr_FR.UTF-8 in a container, say). The catalog would still
       * come out in French, since GLib reads the language from $LANG
       * itself, while gettext gave English in the "C" fallback: the two
       * layers must agree, so the interface follows the same language. */
      g_autofree char *lang = environment_language ();

      if (lang != NULL && (g_getenv ("LANGUAGE") == NULL || *g_getenv ("LANGUAGE") == '\0'))
        g_setenv ("LANGUAGE", lang, TRUE);
    }

  if (current == NULL || g_str_equal (current, "C") || g_str_equal (current, "POSIX"))
    setlocale (LC_ALL, "C.UTF-8");
}

/**
 * veto_i18n_get_localedir:
 *
 * Finds the translations for the way Veto was started, so that a French
 * person gets French whichever way that is:
 *
 * - `$VETO_LOCALEDIR`, for whoever wants another set;
 * - an executable inside the build folder (`build-aux/dev run`, a test)
 *   uses the translations that build just compiled into `po/`: the install
 *   prefix may hold none, or an older Veto's;
 * - an installed executable (in libexecdir/veto) looks where the prefix
 *   puts the translations relative to itself first (../../share/locale), so
 *   that a copy installed with `--destdir` or moved to another prefix still
 *   finds its own;
 * - then the configured prefix.
 *
 * Returns: the folder to bind the text domain to; owned by Veto
 */
const char *
veto_i18n_get_localedir (void)
{
  static char *localedir;
  g_autofree char *exe_dir = NULL;
  g_autofree char *build_root = NULL;

  if (localedir != NULL)
    return localedir;

  if (g_getenv ("VETO_LOCALEDIR") != NULL && *g_getenv ("VETO_LOCALEDIR") != '\0')
    return localedir = g_strdup (g_getenv ("VETO_LOCALEDIR"));

  exe_dir = veto_install_dup_exe_dir ();
  build_root = veto_install_dup_build_root ();

  if (build_root != NULL)
    {
      g_autofree char *built = g_build_filename (build_root, "po", NULL);

      if (g_file_test (built, G_FILE_TEST_IS_DIR))
        return localedir = g_steal_pointer (&built);
    }

  if (exe_dir != NULL)
    {
      g_autofree char *beside = g_path_is_absolute (VETO_EXEDIR_TO_LOCALEDIR)
                                ? g_strdup (VETO_EXEDIR_TO_LOCALEDIR)
                                : g_build_filename (exe_dir, VETO_EXEDIR_TO_LOCALEDIR, NULL);
      g_autofree char *mo = g_build_filename (beside, "fr", "LC_MESSAGES",
                                              GETTEXT_PACKAGE ".mo", NULL);

      if (g_file_test (mo, G_FILE_TEST_IS_REGULAR))
        return localedir = g_steal_pointer (&beside);
    }

  return localedir = g_strdup (LOCALEDIR);
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

  bindtextdomain (GETTEXT_PACKAGE, veto_i18n_get_localedir ());
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
 * veto_month_name:
 * @month: a month, 1 for January to 12
 *
 * Returns: the month's name in the interface language, as it is written
 *   inside a date ("December", « décembre »)
 */
const char *
veto_month_name (int month)
{
  static const char *months[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
    NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
    NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };

  g_return_val_if_fail (month >= 1 && month <= 12, "");

  return g_dpgettext2 (GETTEXT_PACKAGE, "month", months[month - 1]);
}

/**
 * veto_weekday_name:
 * @weekday: a day of the week, 1 for Monday to 7 for Sunday, as
 *   g_date_time_get_day_of_week() counts
 * @abbreviated: whether the short form is wanted, for a calendar's columns
 *
 * Returns: the day's name in the interface language ("Thursday", "Thu",
 *   « jeudi », « jeu. »)
 */
const char *
veto_weekday_name (int      weekday,
                   gboolean abbreviated)
{
  static const char *names[] = {
    NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
    NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"),
    NC_("weekday", "Sunday"),
  };
  /* Translators: the days of the week, shortened, as a calendar's columns
   * show them */
  static const char *short_names[] = {
    NC_("weekday, short", "Mon"), NC_("weekday, short", "Tue"), NC_("weekday, short", "Wed"),
    NC_("weekday, short", "Thu"), NC_("weekday, short", "Fri"), NC_("weekday, short", "Sat"),
    NC_("weekday, short", "Sun"),
  };

  g_return_val_if_fail (weekday >= 1 && weekday <= 7, "");

  if (abbreviated)
    return g_dpgettext2 (GETTEXT_PACKAGE, "weekday, short", short_names[weekday - 1]);
  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday", names[weekday - 1]);
}

/**
 * veto_format_month:
 * @date: a date
 *
 * Returns: (transfer full): its month and year, as a calendar's heading
 *   says them ("December 2026", « décembre 2026 »)
 */
char *
veto_format_month (GDateTime *date)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  local = g_date_time_to_local (date);
  /* Translators: a calendar's heading: %1$s is the month's name, %2$d the
   * year */
  return g_strdup_printf (C_("month and year", "%1$s %2$d"),
                          veto_month_name (g_date_time_get_month (local)),
                          g_date_time_get_year (local));
}

/**
 * veto_format_day:
 * @date: a date
 *
 * Formats a day with its name, as a screen reader says a calendar's days
 * ("Thursday, December 3, 2026", « jeudi 3 décembre 2026 »).
 *
 * Returns: (transfer full): the formatted day
 */
char *
veto_format_day (GDateTime *date)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  local = g_date_time_to_local (date);
  text = veto_format_date (local);
  /* Translators: a day: %1$s is the day's name ("Thursday"), %2$s the
   * date ("December 3, 2026") */
  return g_strdup_printf (_("%1$s, %2$s"),
                          veto_weekday_name (g_date_time_get_day_of_week (local), FALSE), text);
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
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;
  int month;

  g_return_val_if_fail (date != NULL, NULL);

  local = g_date_time_to_local (date);
  month = g_date_time_get_month (local);

  /* French writes the first of the month as an ordinal, « 1er octobre »,
   * and every other day as a number. */
  if (g_date_time_get_day_of_month (local) == 1)
    /* Translators: the first day of a month in a date, "1" in English;
     * French writes "1er" */
    day = g_strdup (C_("day of the month", "1"));
  else
    day = g_strdup_printf ("%d", g_date_time_get_day_of_month (local));

  /* Translators: a date: %1$s is the day, %2$s the month's name (translated
   * below), %3$d the year. Reorder as your language writes dates. */
  return g_strdup_printf (_("%2$s %1$s, %3$d"),
                          day,
                          veto_month_name (month),
                          g_date_time_get_year (local));
}
