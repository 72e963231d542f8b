/* veto-application.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-application.h"
#include "veto-i18n.h"
#include "veto-preferences-window.h"
#include "veto-record.h"
#include "veto-reminder.h"
#include "veto-resources.h"
#include "veto-status.h"
#include "veto-window.h"

/* The application owns the models (catalog, progress, checklist) and hands
 * them to its window. Command-line options are handled in
 * handle-local-options, before GTK is initialised, so that `veto --status`
 * works over SSH, in scripts and in tests without a display. */
struct _VetoApplication
{
  AdwApplication     parent_instance;

  /* from --catalog, or NULL for the bundled one */
  char              *catalog_path;

  VetoClock         *clock;
  VetoProgressStore *store;
  VetoCatalog       *catalog;
  VetoChecklist     *checklist;

  /* why the progress file could not be read, shown once the window is up */
  GError            *load_error;
};

G_DEFINE_FINAL_TYPE (VetoApplication, veto_application, ADW_TYPE_APPLICATION)

static gboolean
load_catalog (VetoApplication  *self,
              GError          **error)
{
  g_clear_object (&self->catalog);

  if (self->catalog_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (self->catalog_path);
      g_autoptr(GError) local_error = NULL;

      self->catalog = veto_catalog_new_from_file (file, VETO_CATALOG_FLAGS_ALLOW_LOOPBACK,
                                                  &local_error);
      if (self->catalog == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code,
                       /* Translators: the first %s is a file name, the second why it was refused */
                       _("The catalog %s cannot be used: %s"),
                       self->catalog_path, local_error->message);
          return FALSE;
        }
      return TRUE;
    }

  self->catalog = veto_catalog_new_from_resource (VETO_CATALOG_RESOURCE, error);
  return self->catalog != NULL;
}

/* Loads the progress first, since its interface language decides in which
 * language the catalog's strings are read. A progress file that can't be
 * read is not fatal: Veto opens read-only and says why. */
static gboolean
load_models (VetoApplication  *self,
             GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (self->checklist != NULL)
    return TRUE;

  self->clock = veto_clock_new ();
  self->store = veto_progress_store_new (NULL, self->clock);
  if (!veto_progress_store_load (self->store, &local_error))
    self->load_error = g_steal_pointer (&local_error);

  veto_i18n_set_language (veto_progress_store_get_language (self->store));

  if (!load_catalog (self, error))
    return FALSE;

  self->checklist = veto_checklist_new (self->catalog, self->store);
  return TRUE;
}

/* Loads what a command-line option needs, or says why it can't. */
static gboolean
load_for_command (VetoApplication *self)
{
  g_autoptr(GError) error = NULL;
  GFile *recovered;

  if (!load_models (self, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  if (self->load_error != NULL)
    {
      g_printerr ("%s\n", self->load_error->message);
      return FALSE;
    }

  recovered = veto_progress_store_get_recovered_file (self->store);
  if (recovered != NULL)
    g_printerr (_("Your progress file was damaged. It was kept as %s and Veto started afresh.\n"),
                g_file_peek_path (recovered));

  return TRUE;
}

static int
run_status (VetoApplication *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  VetoStatus status;

  if (!load_for_command (self))
    return VETO_STATUS_ERROR;

  status = veto_status_write (self->checklist, out);
  g_print ("%s", out->str);

  /* A report that could not be updated is an error a script must see. */
  if (!veto_progress_store_get_read_only (self->store) &&
      !veto_progress_store_check_writable (self->store, &error))
    {
      g_printerr ("%s\n", error->message);
      return VETO_STATUS_ERROR;
    }

  return status;
}

/* `veto --remind`, run at login by the autostart entry that Preferences
 * writes: one notification when something is due, else nothing at all, not
 * even a connection to the bus. */
static int
run_remind (VetoApplication *self)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GError) error = NULL;

  if (!load_for_command (self))
    return VETO_STATUS_ERROR;

  notification = veto_reminder_new_notification (self->checklist);
  if (notification == NULL)
    return 0;

  if (!veto_reminder_send (notification, &error))
    {
      g_printerr ("%s\n", error->message);
      return VETO_STATUS_ERROR;
    }

  return 0;
}

/* `veto --export=FILE`: the person's record, as PDF or, for a FILE ending
 * in .md, Markdown. Drawn with cairo, so it works without a display. */
static int
run_export (VetoApplication *self,
            const char      *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!load_for_command (self))
    return VETO_STATUS_ERROR;

  /* An empty record proves nothing; say what to do instead. */
  if (veto_progress_store_get_region (self->store) == NULL ||
      veto_checklist_get_n_tasks (self->checklist) == 0)
    {
      g_printerr ("%s\n", _("Nothing to report yet: open Veto to choose where you live and which apps you use."));
      return VETO_STATUS_ERROR;
    }

  if (!veto_record_write (self->checklist, file, veto_record_format_for_file (file), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return VETO_STATUS_ERROR;
    }

  name = g_file_get_parse_name (file);
  /* Translators: %s is a file */
  g_print (_("Your record was saved as %s.\n"), name);
  return 0;
}

static int
veto_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  VetoApplication *self = VETO_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *export_path = NULL;

  g_variant_dict_lookup (options, "catalog", "^ay", &self->catalog_path);

  if (g_variant_dict_contains (options, "status"))
    return run_status (self);

  if (g_variant_dict_contains (options, "remind"))
    return run_remind (self);

  if (g_variant_dict_lookup (options, "export", "^ay", &export_path))
    return run_export (self, export_path);

  /* Refuse a bad --catalog here, with an exit status, rather than after a
   * window has opened. */
  if (self->catalog_path != NULL && !load_catalog (self, &error))
    {
      g_printerr ("%s\n", error->message);
      return VETO_STATUS_ERROR;
    }
  g_clear_object (&self->catalog);

  return G_APPLICATION_CLASS (veto_application_parent_class)->handle_local_options (app, options);
}

static void
veto_application_activate (GApplication *app)
{
  VetoApplication *self = VETO_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      VetoWindow *win = veto_window_new (self);

      window = GTK_WINDOW (win);

      if (self->load_error != NULL)
        veto_window_show_error (win, self->load_error->message);
      else if (veto_progress_store_get_recovered_file (self->store) != NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("Your progress file was damaged. It was kept as %s and Veto started afresh."),
                             g_file_peek_path (veto_progress_store_get_recovered_file (self->store)));

          veto_window_show_error (win, message);
        }
    }

  gtk_window_present (window);
}

static void
veto_application_startup (GApplication *app)
{
  VetoApplication *self = VETO_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (veto_application_parent_class)->startup (app);

  /* The bundled catalog is validated by the test suite; a --catalog file
   * was validated in handle-local-options. Failing here is a bug. */
  if (!load_models (self, &error))
    g_critical ("%s", error->message);
}

static void
veto_application_finalize (GObject *object)
{
  VetoApplication *self = (VetoApplication *)object;

  g_clear_pointer (&self->catalog_path, g_free);
  g_clear_object (&self->checklist);
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_error (&self->load_error);

  G_OBJECT_CLASS (veto_application_parent_class)->finalize (object);
}

static void
veto_application_class_init (VetoApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = veto_application_finalize;

  app_class->handle_local_options = veto_application_handle_local_options;
  app_class->startup = veto_application_startup;
  app_class->activate = veto_application_activate;
}

static void
veto_application_about_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  VetoApplication *self = user_data;
  g_autofree char *published = veto_format_date (veto_catalog_get_published (self->catalog));
  g_autofree char *comments = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Veto developers", NULL };

  /* Translators: %d is a version number, %s a date */
  comments = g_strdup_printf (_("Veto helps you object to Meta using your posts, photos and chats to train its AI. "
                                "It signs in nowhere and sends nothing about you to anyone.\n\n"
                                "Steps version %d, published %s."),
                              veto_catalog_get_version (self->catalog), published);

  adw_show_about_window (window,
                         "application-name", "Veto",
                         "application-icon", APP_ID,
                         "developer-name", _("The Veto developers"),
                         "version", PACKAGE_VERSION,
                         "website", WEBSITE_URL,
                         "issue-url", WEBSITE_URL "/issues",
                         "developers", developers,
                         "copyright", "© 2026 The Veto developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         "comments", comments,
                         NULL);
}

/* Rebuilds the catalog and the windows, after the interface language
 * changed or the progress was reset: GTK has no way to retranslate a
 * window in place, and the catalog's strings are read in one language. */
static void
reload (VetoApplication *self,
        gboolean         with_preferences)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) old = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  VetoWindow *window;

  if (!load_catalog (self, &error))
    {
      g_critical ("%s", error->message);
      return;
    }

  g_clear_object (&self->checklist);
  self->checklist = veto_checklist_new (self->catalog, self->store);

  /* The new window first, so that the application never runs out of
   * windows and quits. */
  window = veto_window_new (self);
  gtk_window_present (GTK_WINDOW (window));

  for (GList *l = old; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));

  if (with_preferences)
    gtk_window_present (GTK_WINDOW (veto_preferences_window_new (GTK_WINDOW (window), self->store)));
}

static void
veto_application_preferences_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  VetoApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (veto_preferences_window_new (window, self->store)));
}

static void
veto_application_set_language_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  VetoApplication *self = user_data;
  const char *language = g_variant_get_string (parameter, NULL);

  if (*language != '\0' && !g_str_equal (language, "en") && !g_str_equal (language, "fr"))
    return;

  if (g_strcmp0 (veto_progress_store_get_language (self->store), *language ? language : NULL) == 0)
    return;

  veto_progress_store_set_language (self->store, language);
  veto_i18n_set_language (language);
  reload (self, TRUE);
}

static void
veto_application_reset_progress_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  VetoApplication *self = user_data;

  veto_progress_store_reset (self->store);
  reload (self, FALSE);
}

static void
veto_application_quit_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "quit", veto_application_quit_action },
  { "about", veto_application_about_action },
  { "preferences", veto_application_preferences_action },
  { "set-language", veto_application_set_language_action, "s" },
  { "reset-progress", veto_application_reset_progress_action },
};

static void
veto_application_init (VetoApplication *self)
{
  veto_register_resource ();

  g_application_add_main_option (G_APPLICATION (self), "status", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE,
                                 _("Print your progress and exit: 0 when everything is done, 1 when something is left or due, 2 on error"),
                                 NULL);
  g_application_add_main_option (G_APPLICATION (self), "remind", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE,
                                 _("Show a notification if a step is due for a recheck, then exit (run at login when reminders are on)"),
                                 NULL);
  g_application_add_main_option (G_APPLICATION (self), "export", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME,
                                 _("Save the record of what you did as a PDF, or as Markdown when FILE ends in .md, and exit"),
                                 _("FILE"));
  g_application_add_main_option (G_APPLICATION (self), "catalog", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME,
                                 _("Use the steps in FILE instead of the bundled ones"),
                                 _("FILE"));

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<primary>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<primary>comma", NULL });
}

VetoApplication *
veto_application_new (void)
{
  return g_object_new (VETO_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/vetoapp/Veto",
                       NULL);
}

VetoCatalog *
veto_application_get_catalog (VetoApplication *self)
{
  g_return_val_if_fail (VETO_IS_APPLICATION (self), NULL);
  return self->catalog;
}

VetoProgressStore *
veto_application_get_store (VetoApplication *self)
{
  g_return_val_if_fail (VETO_IS_APPLICATION (self), NULL);
  return self->store;
}

VetoChecklist *
veto_application_get_checklist (VetoApplication *self)
{
  g_return_val_if_fail (VETO_IS_APPLICATION (self), NULL);
  return self->checklist;
}
