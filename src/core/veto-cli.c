/* veto-cli.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <unistd.h>

#include "veto-catalog-cache.h"
#include "veto-checklist.h"
#include "veto-cli.h"
#include "veto-commands.h"
#include "veto-i18n.h"
#include "veto-progress-store.h"
#include "veto-record.h"
#include "veto-reminder.h"
#include "veto-status.h"
#include "veto-text.h"
#include "veto-weekly-check.h"
#ifndef VETO_CORE_LITE
#include "veto-catalog-updater.h"
#include "veto-evidence.h"
#include "veto-http.h"
#include "veto-link-checker.h"
#endif

/* The command line: `veto --status`, `--export`, `--check-links`,
 * `--update-catalog`, `--remind` (and `--attach-email`). `veto` itself is
 * a launcher that links nothing but the C library (src/veto-launcher.c):
 * it execs the window, or this, in one of two builds:
 *
 *  - `veto-cli`, built with VETO_CORE_LITE: GLib and GIO only, for what a
 *    person or a script runs often (--status, --remind, a Markdown
 *    export). Loading GTK, libadwaita, libsoup, Pango and cairo cost
 *    these 80 % of their time in the dynamic loader.
 *  - `veto-cli-full`: the whole core (libsoup, Pango, cairo) but still no
 *    GTK, for a PDF export, --check-links and --update-catalog. `veto-cli`
 *    execs it for those, with the same arguments.
 */

typedef struct
{
  /* the options */
  gboolean           status;
  gboolean           remind;
  gboolean           check_links;
  gboolean           update_catalog;
  char              *export_path;
  char              *catalog_path;
  char              *attach_email;
  char              *account;

  VetoClock         *clock;
  VetoProgressStore *store;
  VetoCatalog       *catalog;
  VetoChecklist     *checklist;
  /* whether catalog is the downloaded one */
  gboolean           catalog_is_update;
  /* (nullable) for the downloaded one, the last day its signature says
   * it counts */
  GDateTime         *catalog_valid_until;
  /* why the progress file could not be read */
  GError            *load_error;

  char             **argv;
} VetoCli;

static void
veto_cli_clear (VetoCli *cli)
{
  g_clear_pointer (&cli->export_path, g_free);
  g_clear_pointer (&cli->catalog_path, g_free);
  g_clear_pointer (&cli->attach_email, g_free);
  g_clear_pointer (&cli->account, g_free);
  g_clear_object (&cli->checklist);
  g_clear_object (&cli->catalog);
  g_clear_object (&cli->store);
  g_clear_object (&cli->clock);
  g_clear_error (&cli->load_error);
  g_clear_pointer (&cli->catalog_valid_until, g_date_time_unref);
}

#ifdef VETO_CORE_LITE
/* Runs the other build of this file, found next to this program, with the
 * same arguments. Returns only on failure. */
static int
exec_full (VetoCli *cli)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = self != NULL ? g_path_get_dirname (self) : NULL;
  g_autofree char *full = dir != NULL ? g_build_filename (dir, "veto-cli-full", NULL) : NULL;
  int saved_errno;

  if (full != NULL)
    {
      execv (full, cli->argv);
      saved_errno = errno;
    }
  else
    saved_errno = ENOENT;

  /* Translators: %s is a file name, the second %s why it could not be started */
  g_printerr (_("Veto is not installed correctly: %s could not be started (%s).\n"),
              full != NULL ? full : "veto-cli-full", g_strerror (saved_errno));
  return VETO_STATUS_ERROR;
}
#endif

static gboolean
load_catalog (VetoCli  *cli,
              GError  **error)
{
  g_autoptr(VetoCatalog) bundled = NULL;
  g_autoptr(GFile) cache_dir = NULL;
  g_autoptr(GError) ignored = NULL;

  if (cli->catalog_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (cli->catalog_path);
      g_autoptr(GError) local_error = NULL;

      cli->catalog = veto_catalog_new_from_file (file, VETO_CATALOG_FLAGS_ALLOW_LOOPBACK,
                                                 &local_error);
      if (cli->catalog == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code,
                       /* Translators: the first %s is a file name, the second why it was refused */
                       _("The catalog %s cannot be used: %s"),
                       cli->catalog_path, local_error->message);
          return FALSE;
        }
      return TRUE;
    }

  bundled = veto_catalog_new_from_resource (VETO_CATALOG_RESOURCE, error);
  if (bundled == NULL)
    return FALSE;

  cache_dir = veto_catalog_cache_get_default_dir ();
  cli->catalog = veto_catalog_cache_load_newest_full (bundled, cache_dir, &cli->catalog_is_update,
                                                      &cli->catalog_valid_until, &ignored);
  /* unsigned, signed by another key, or changed: never used, and said */
  if (ignored != NULL)
    g_printerr ("%s %s\n", ignored->message, _("Veto uses the steps it came with."));
  return TRUE;
}

/* The progress first, since its interface language decides in which
 * language the catalog's strings are read. The command line only looks:
 * it never moves a damaged progress file aside. */
static gboolean
load_models (VetoCli  *cli,
             GError  **error)
{
  g_autoptr(GError) local_error = NULL;

  cli->clock = veto_clock_new ();
  cli->store = veto_progress_store_new (NULL, cli->clock);
  veto_progress_store_set_inspect_only (cli->store, TRUE);
  if (!veto_progress_store_load (cli->store, &local_error))
    cli->load_error = g_steal_pointer (&local_error);

  veto_i18n_set_language (veto_progress_store_get_language (cli->store));

  if (!load_catalog (cli, error))
    return FALSE;

  cli->checklist = veto_checklist_new (cli->catalog, cli->store);
  return TRUE;
}

/* What a command prints names labels, notes, catalog texts and an email's
 * subject: none of them may drive the terminal (veto-text.c). */
static void
print_clean (const char *text,
             gboolean    to_stderr)
{
  g_autofree char *clean = veto_text_clean (text, VETO_TEXT_MULTI_LINE, 0);

  if (to_stderr)
    g_printerr ("%s", clean);
  else
    g_print ("%s", clean);
}

/* Loads what a command needs, or says why it can't. */
static gboolean
load_for_command (VetoCli *cli)
{
  g_autoptr(GError) error = NULL;
  GFile *recovered;

  if (!load_models (cli, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  if (cli->load_error != NULL)
    {
      g_printerr ("%s\n", cli->load_error->message);
      return FALSE;
    }

  recovered = veto_progress_store_get_recovered_file (cli->store);
  if (recovered != NULL)
    g_printerr (_("Your progress file was damaged. It was kept as %s and Veto started afresh.\n"),
                g_file_peek_path (recovered));

  return TRUE;
}

/* A feed that stopped (a project gone quiet, a server frozen by someone
 * who holds old signed files) shows: past the day its signature gives,
 * the steps may no longer match Meta's forms. */
static void
print_out_of_date (VetoCli *cli)
{
  g_autoptr(GDateTime) now = veto_clock_get_now (cli->clock);
  g_autofree char *until = NULL;
  g_autofree char *published = NULL;

  if (!cli->catalog_is_update || !veto_catalog_cache_is_expired (cli->catalog_valid_until, now))
    return;

  until = veto_format_date (cli->catalog_valid_until);
  published = veto_format_date (veto_catalog_get_published (cli->catalog));
  g_print ("\n");
  /* Translators: both %s are dates */
  g_print (_("These steps may be out of date: they were last confirmed on %s, to be checked again by %s. Update the steps (veto --update-catalog) before you rely on them.\n"),
           published, until);
}

static int
run_status (VetoCli *cli)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  VetoStatus status;

  if (!load_for_command (cli))
    return VETO_STATUS_ERROR;

  status = veto_status_write (cli->checklist, out);
  print_clean (out->str, FALSE);
  print_out_of_date (cli);

  /* A report that could not be updated is an error a script must see. */
  if (!veto_progress_store_get_read_only (cli->store) &&
      !veto_progress_store_check_writable (cli->store, &error))
    {
      g_printerr ("%s\n", error->message);
      return VETO_STATUS_ERROR;
    }

  return status;
}

#ifndef VETO_CORE_LITE
/* The commands below run their own main loop until their task is over;
 * Ctrl+C cancels it cleanly. */
typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Wait;

static void
on_task_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static gboolean
on_interrupt (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_CONTINUE;
}

static void
wait_for_task (Wait         *wait,
               GCancellable *cancellable)
{
  guint sigint = g_unix_signal_add (SIGINT, on_interrupt, cancellable);
  guint sigterm = g_unix_signal_add (SIGTERM, on_interrupt, cancellable);

  g_main_loop_run (wait->loop);

  g_source_remove (sigint);
  g_source_remove (sigterm);
}

static void
on_link_progress (VetoLinkChecker *checker,
                  GParamSpec      *pspec,
                  gpointer         user_data)
{
  g_printerr ("\r\033[K");
  /* Translators: shown while checking links; %u of %u are counts */
  g_printerr (_("Checking links… %u of %u"),
              veto_link_checker_get_n_done (checker),
              veto_link_checker_get_n_total (checker));
}

static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  g_string_append (out, text);
  for (glong n = g_utf8_strlen (text, -1); n < (glong)width; n++)
    g_string_append_c (out, ' ');
}

/* Whether every link of @catalog is on this computer (loopback). */
static gboolean
catalog_is_local (VetoCatalog *catalog)
{
  GListModel *steps = veto_catalog_get_steps (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(VetoStep) step = g_list_model_get_item (steps, i);
      const char * const *lists[] = { veto_step_get_fallback_urls (step), veto_step_get_sources (step) };
      const char *url = veto_step_get_url (step);

      if (url != NULL && !veto_http_url_is_loopback (url))
        return FALSE;
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint j = 0; lists[l] != NULL && lists[l][j] != NULL; j++)
          if (!veto_http_url_is_loopback (lists[l][j]))
            return FALSE;
    }

  return TRUE;
}

/* `veto --check-links`: one line per URL of the catalog, in catalog order,
 * then a summary. 0 when every link is OK, 1 when one is not, 2 when the
 * check could not run. */
static int
run_check_links (VetoCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoLinkChecker) checker = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  Wait wait = { loop, NULL };
  guint counts[VETO_LINK_VERDICT_NOT_CHECKED + 1] = { 0 };
  guint width = 0;
  guint n;

  if (!load_for_command (cli))
    return VETO_STATUS_ERROR;

  /* Offline, every link would come back unreachable, each with a
   * resolver's error: one sentence instead. Links on this computer (a
   * catalog author's --catalog) are still checked. */
  if (veto_http_network_missing () && !catalog_is_local (cli->catalog))
    {
      g_printerr ("%s\n", _("Your computer is offline, so the links could not be checked. Connect to the internet, then try again."));
      return VETO_STATUS_ERROR;
    }

  checker = veto_link_checker_new ();
  {
    g_auto(GStrv) apps = veto_progress_store_dup_apps (cli->store);

    /* the person's apps first, should the check run out of time */
    g_object_set (checker, "first-apps", apps, NULL);
  }
  if (isatty (STDERR_FILENO))
    g_signal_connect (checker, "notify::n-done", G_CALLBACK (on_link_progress), NULL);

  veto_link_checker_check_catalog_async (checker, cli->catalog, cancellable, on_task_done, &wait);
  wait_for_task (&wait, cancellable);
  if (isatty (STDERR_FILENO))
    g_printerr ("\r\033[K");

  results = veto_link_checker_check_finish (checker, wait.result, &error);
  g_clear_object (&wait.result);
  if (results == NULL)
    {
      /* Translators: %s says why */
      g_printerr (_("The links could not be checked: %s\n"), error->message);
      return VETO_STATUS_ERROR;
    }

  for (guint v = 0; v < G_N_ELEMENTS (counts); v++)
    width = MAX (width, (guint)g_utf8_strlen (veto_link_verdict_get_label (v), -1));

  n = g_list_model_get_n_items (results);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VetoLinkResult) result = g_list_model_get_item (results, i);
      VetoLinkVerdict verdict = veto_link_result_get_verdict (result);
      g_autofree char *details = veto_link_result_dup_details (result);

      counts[verdict]++;
      append_padded (out, veto_link_verdict_get_label (verdict), width + 2);
      g_string_append (out, veto_link_result_get_url (result));
      if (details != NULL)
        g_string_append_printf (out, " — %s", details);
      g_string_append_c (out, '\n');
    }

  /* Translators: the first line of the summary of `veto --check-links` */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u link checked.", "%u links checked.", n), n);
  g_string_append_c (out, ' ');
  /* Translators: the second part of the summary of `veto --check-links`;
   * the words are the verdicts, used as headings */
  g_string_append_printf (out, _("OK: %u, moved: %u, broken: %u, unreachable: %u."),
                          counts[VETO_LINK_VERDICT_OK], counts[VETO_LINK_VERDICT_MOVED],
                          counts[VETO_LINK_VERDICT_BROKEN], counts[VETO_LINK_VERDICT_UNREACHABLE]);
  /* counted apart: nothing is known about them */
  if (counts[VETO_LINK_VERDICT_NOT_CHECKED] > 0)
    {
      guint left = counts[VETO_LINK_VERDICT_NOT_CHECKED];

      g_string_append_c (out, ' ');
      /* Translators: the end of the summary of `veto --check-links` when its
       * time ran out; %u is a count of links */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "Not checked: %u, as the check’s time ran out; open it from the list above to check it.",
                                                "Not checked: %u, as the check’s time ran out; open them from the list above to check them.",
                                                left), left);
    }
  g_string_append_c (out, '\n');
  g_print ("%s", out->str);

  return counts[VETO_LINK_VERDICT_OK] == n ? 0 : 1;
}

/* `veto --update-catalog`: 0 when Veto now has the newest published steps
 * (updated, or already current), 1 when the published steps are older than
 * the ones Veto has (nothing written; worth telling the catalog's
 * maintainers), 2 on error. */
static int
run_update_catalog (VetoCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(VetoCatalog) bundled = NULL;
  g_autoptr(VetoCatalogUpdater) updater = NULL;
  g_autoptr(VetoCatalog) newest = NULL;
  g_autofree char *published = NULL;
  Wait wait = { loop, NULL };
  VetoCatalogUpdate outcome;
  int version;

  if (cli->catalog_path != NULL)
    {
      g_printerr ("%s\n", _("--update-catalog updates the steps Veto downloads, and cannot be used with --catalog."));
      return VETO_STATUS_ERROR;
    }

  if (!load_models (cli, &error))
    {
      g_printerr ("%s\n", error->message);
      return VETO_STATUS_ERROR;
    }

  bundled = veto_catalog_new_from_resource (VETO_CATALOG_RESOURCE, &error);
  if (bundled == NULL)
    {
      g_printerr ("%s\n", error->message);
      return VETO_STATUS_ERROR;
    }
  updater = veto_catalog_updater_new (bundled);

  veto_catalog_updater_update_async (updater, cancellable, on_task_done, &wait);
  wait_for_task (&wait, cancellable);
  outcome = veto_catalog_updater_update_finish (updater, wait.result, &version, &error);
  g_clear_object (&wait.result);

  switch (outcome)
    {
    case VETO_CATALOG_UPDATE_UPDATED:
      newest = veto_catalog_updater_load_newest (updater, NULL);
      published = veto_format_date (veto_catalog_get_published (newest));
      /* Translators: %d is a version number, %s a date */
      g_print (_("The steps were updated to version %d, published %s.\n"),
               veto_catalog_get_version (newest), published);
      return 0;

    case VETO_CATALOG_UPDATE_UP_TO_DATE:
      /* Translators: %d is a version number */
      g_print (_("The steps are up to date (version %d).\n"), veto_catalog_get_version (cli->catalog));
      return 0;

    case VETO_CATALOG_UPDATE_NOT_NEWER:
      /* Translators: both %d are version numbers */
      g_print (_("The published steps (version %d) are older than the ones Veto has (version %d); nothing was changed.\n"),
               version, veto_catalog_get_version (cli->catalog));
      return 1;

    case VETO_CATALOG_UPDATE_FAILED:
    default:
      /* Translators: %s says why */
      g_printerr (_("The steps could not be updated: %s\n"), error->message);
      return VETO_STATUS_ERROR;
    }
}
#endif /* VETO_CORE_LITE */

#ifndef VETO_CORE_LITE
/* The weekly check of `veto --remind`: a request for the published steps
 * (with the ETag of the last answer, so that unchanged steps cost one
 * 304) and one for their signature, kept only when signed and newer, as
 * --update-catalog does. It
 * says nothing on success: the notification says what changed for the
 * person. Offline it is skipped without a word and tried again at the
 * next login; when the feed answered, even wrongly, the check counts as
 * made, so that a broken feed is not asked again at every login. */
static void
run_weekly_check (VetoCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(VetoCatalog) bundled = NULL;
  g_autoptr(VetoCatalogUpdater) updater = NULL;
  g_autoptr(GDateTime) now = NULL;
  Wait wait = { loop, NULL };
  VetoCatalogUpdate outcome;

  if (veto_http_network_missing ())
    return;

  bundled = veto_catalog_new_from_resource (VETO_CATALOG_RESOURCE, &error);
  if (bundled == NULL)
    {
      g_printerr ("%s\n", error->message);
      return;
    }

  updater = veto_catalog_updater_new (bundled);
  /* at login, beside everything else the session starts */
  veto_catalog_updater_set_timeout (updater, VETO_WEEKLY_CHECK_TIMEOUT);
  veto_catalog_updater_update_async (updater, cancellable, on_task_done, &wait);
  wait_for_task (&wait, cancellable);
  outcome = veto_catalog_updater_update_finish (updater, wait.result, NULL, &error);
  g_clear_object (&wait.result);

  if (outcome == VETO_CATALOG_UPDATE_FAILED)
    {
      /* for the session's log; no notification is about the check */
      g_printerr (_("The steps could not be updated: %s\n"), error->message);
      if (error->domain != VETO_CATALOG_UPDATER_ERROR)
        return;
    }

  now = veto_clock_get_now (cli->clock);
  g_clear_error (&error);
  if (!veto_weekly_check_record (now, &error))
    g_printerr ("%s\n", error->message);
}
#endif

/* `veto --remind`, run at login by the autostart entry that Preferences
 * writes: one notification when something is due, else nothing at all, not
 * even a connection to the bus.
 *
 * When the person allowed it, and a week has passed since it last did,
 * it first looks for newer steps: a step they already did that the new
 * steps change is then due at once, and leads the notification. That
 * needs libsoup: this build hands over to the full one only then. With
 * "Remind me" off, only what the newer steps made due is shown. */
static int
run_remind (VetoCli *cli)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GError) error = NULL;
  gboolean weekly = FALSE;
  int version_before = -1;

  /* the weekly check is about the steps Veto downloads */
  if (cli->catalog_path == NULL)
    {
      g_autoptr(VetoClock) clock = veto_clock_new ();
      g_autoptr(GDateTime) now = veto_clock_get_now (clock);

      weekly = veto_weekly_check_is_due (now);
    }

#ifdef VETO_CORE_LITE
  if (weekly)
    return exec_full (cli);
#else
  if (weekly)
    {
      g_autoptr(VetoCatalog) bundled = veto_catalog_new_from_resource (VETO_CATALOG_RESOURCE, NULL);
      g_autoptr(VetoCatalog) before = NULL;

      if (bundled != NULL)
        {
          g_autoptr(GFile) cache_dir = veto_catalog_cache_get_default_dir ();

          before = veto_catalog_cache_load_newest (bundled, cache_dir, NULL);
          version_before = veto_catalog_get_version (before);
        }

      cli->clock = veto_clock_new ();
      run_weekly_check (cli);
      g_clear_object (&cli->clock);
    }
#endif

  if (!load_for_command (cli))
    return VETO_STATUS_ERROR;

  /* Run at login for the weekly check alone: only what it brought. A
   * person running `veto --remind` with both off gets the reminder. */
  if (veto_weekly_check_get_allowed () && !veto_reminder_get_wanted ())
    notification = version_before >= 0
      ? veto_reminder_new_change_notification (cli->checklist, version_before)
      : NULL;
  else
    notification = veto_reminder_new_notification (cli->checklist);
  if (notification == NULL)
    return 0;

  if (!veto_reminder_send (notification, &error))
    {
      g_printerr ("%s\n", error->message);
      return VETO_STATUS_ERROR;
    }

  return 0;
}

/* Whether @file may be written by an export: a new file, or a regular file
 * to replace. A device, a pipe or a folder is refused: as root,
 * `veto --export=/dev/null` would otherwise replace the device with a
 * file. */
static gboolean
check_export_target (GFile   *file,
                     GError **error)
{
  const char *path = g_file_peek_path (file);
  GStatBuf buf;

  if (path == NULL || g_stat (path, &buf) != 0)
    return TRUE;

  if (S_ISREG (buf.st_mode))
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
               /* Translators: %s is a file name given to --export */
               _("%s exists and is not a regular file, so Veto will not replace it. Choose a new file name."),
               path);
  return FALSE;
}

/* `veto --export=FILE`: the person's record, as PDF or, for a FILE ending
 * in .md, Markdown. Drawn with cairo, so it works without a display. */
static int
run_export (VetoCli *cli)
{
  const char *path = cli->export_path;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  VetoRecordFormat format;

  /* `--export=` would name the current folder. */
  if (path == NULL || *path == '\0')
    {
      g_printerr ("%s\n", _("--export needs the name of the file to write, for example --export=record.pdf."));
      return VETO_STATUS_ERROR;
    }

  file = g_file_new_for_commandline_arg (path);
  format = veto_record_format_for_file (file);

#ifdef VETO_CORE_LITE
  if (format != VETO_RECORD_FORMAT_MARKDOWN)
    return exec_full (cli);
#endif

  if (!check_export_target (file, &error))
    {
      g_printerr ("%s\n", error->message);
      return VETO_STATUS_ERROR;
    }

  if (!load_for_command (cli))
    return VETO_STATUS_ERROR;

  /* An empty record proves nothing; say what to do instead. Steps recorded
   * earlier that no longer apply are something to report. */
  if ((veto_progress_store_get_region (cli->store) == NULL ||
       veto_checklist_get_n_tasks (cli->checklist) == 0) &&
      g_list_model_get_n_items (veto_checklist_get_earlier_tasks (cli->checklist)) == 0)
    {
      g_printerr ("%s\n", _("Nothing to report yet: open Veto to choose where you live and which apps you use."));
      return VETO_STATUS_ERROR;
    }

  if (!veto_record_write (cli->checklist, file, format, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return VETO_STATUS_ERROR;
    }

  name = g_file_get_parse_name (file);
  /* Translators: %s is a file */
  g_print (_("Your record was saved as %s.\n"), name);
  return 0;
}

#ifndef VETO_CORE_LITE
/* `veto --attach-email=FILE|-`: the logic is the core's
 * (veto_evidence_command()); this reads the email first, then the
 * progress: a mail filter's standard input may take its time, and the
 * progress read before it would be older than what is saved after. It
 * runs in the full build: GMime is not worth loading for --status. */
static int
run_attach_email (VetoCli *cli)
{
  g_autoptr(GFile) stdin_file = g_file_new_for_path ("/dev/stdin");
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(VetoEmail) email = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (g_str_equal (cli->attach_email, "-"))
    {
      /* a person typing `veto --attach-email=-` would otherwise wait on a
       * silent terminal */
      if (isatty (STDIN_FILENO))
        g_printerr ("%s\n", _("Reading Meta’s email from standard input: paste it, then press Ctrl+D."));
      input = g_file_read (stdin_file, NULL, NULL);
    }

  email = veto_email_new_from_argument (cli->attach_email, input ? G_INPUT_STREAM (input) : NULL, &error);
  if (email == NULL)
    {
      print_clean (error->message, TRUE);
      g_printerr ("\n");
      return VETO_STATUS_ERROR;
    }

  if (!load_for_command (cli))
    return VETO_STATUS_ERROR;

  status = veto_evidence_command (cli->checklist, email, cli->account, out, err);
  print_clean (out->str, FALSE);
  print_clean (err->str, TRUE);
  return status;
}
#endif

/* How the table of veto-commands.h is run here: a command is given when
 * its flag is set or its value is (even empty: `--export=` is refused by
 * run_export() with its reason); veto-cli execs veto-cli-full for what
 * needs libsoup or GMime, and run_export() decides for itself. */
#define IS_GIVEN_NONE(field) ((field) ? 1 : 0)
#define IS_GIVEN_FILENAME(field) ((field) != NULL ? 1 : 0)
#define IS_GIVEN_STRING(field) ((field) != NULL ? 1 : 0)
#define RUN_CLI(handler, cli) handler (cli)
#define RUN_CLI_PDF_FULL(handler, cli) handler (cli)
#ifdef VETO_CORE_LITE
# define RUN_CLI_FULL(handler, cli) exec_full (cli)
#else
# define RUN_CLI_FULL(handler, cli) handler (cli)
#endif

/**
 * veto_cli_main:
 * @argc: from main()
 * @argv: from main()
 *
 * Runs one command of the command line, without GTK. The window's
 * options (--catalog) are accepted here too, and `--help` describes
 * these commands; `veto --help` (without a command) describes them all.
 *
 * Returns: the exit status
 */
int
veto_cli_main (int    argc,
               char **argv)
{
  VetoCli cli = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  int status;
  int n_commands = 0;
  const GOptionEntry entries[] = {
#define ENTRY(id, name, arg, arg_name, program, help, field, ...) \
    { name, 0, 0, G_OPTION_ARG_##arg, &cli.field, help, arg_name },
    VETO_COMMANDS (ENTRY)
    VETO_COMMAND_OPTIONS (ENTRY)
#undef ENTRY
    { NULL }
  };

  veto_i18n_init ();

  cli.argv = argv;
  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  /* parsed on a copy: GOption removes what it reads, and a PDF export
   * execs the full build with the arguments as given */
  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("%s\n", error->message);
      veto_cli_clear (&cli);
      return VETO_STATUS_ERROR;
    }

#define COUNT(id, name, arg, arg_name, program, help, field, handler) \
  n_commands += IS_GIVEN_##arg (cli.field);
  VETO_COMMANDS (COUNT)
#undef COUNT

  if (n_commands > 1)
    {
      g_autoptr(GString) names = g_string_new (NULL);

#define NAME(id, name, ...) g_string_append (names, " --" name);
      VETO_COMMANDS (NAME)
#undef NAME
      /* Translators: %s is the list of commands, each with its -- */
      g_printerr (_("Give one command at a time, one of:%s.\n"), names->str);
      status = VETO_STATUS_ERROR;
    }
  else if (cli.account != NULL && cli.attach_email == NULL)
    {
      g_printerr ("%s\n", _("--account only goes with --attach-email."));
      status = VETO_STATUS_ERROR;
    }
#define DISPATCH(id, name, arg, arg_name, program, help, field, handler) \
  else if (IS_GIVEN_##arg (cli.field)) \
    status = RUN_##program (handler, &cli);
  VETO_COMMANDS (DISPATCH)
#undef DISPATCH
  else
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      status = VETO_STATUS_ERROR;
    }

  veto_cli_clear (&cli);
  return status;
}
