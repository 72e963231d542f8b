/* veto-application.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-util.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>
#include <libportal-gtk4/portal-gtk4.h>

#include "veto-application.h"
#include "veto-commands.h"
#include "veto-catalog-cache.h"
#include "veto-catalog-updater.h"
#include "veto-i18n.h"
#include "veto-preferences-window.h"
#include "veto-record.h"
#include "veto-reminder.h"
#include "veto-settings.h"
#include "veto-weekly-check.h"
#include "veto-resources.h"
#include "veto-status.h"
#include "veto-window.h"

/* The application owns the models (catalog, progress, checklist) and hands
 * them to its window. The commands of the command line (`veto --status`…)
 * run in veto-cli, a program that never loads GTK (src/core/veto-cli.c). */
struct _VetoApplication
{
  AdwApplication     parent_instance;

  /* from --catalog, or NULL for the bundled one */
  char              *catalog_path;

  VetoClock         *clock;
  VetoProgressStore *store;
  VetoCatalog       *catalog;
  VetoChecklist     *checklist;

  /* knows the bundled catalog and the downloaded one; NULL with --catalog */
  VetoCatalogUpdater *updater;
  /* whether self->catalog is the downloaded one */
  gboolean           catalog_is_update;
  /* (nullable) the last day the downloaded catalog's signature gives */
  GDateTime         *catalog_valid_until;
  /* (nullable) why a downloaded catalog was not used */
  GError            *catalog_ignored;

  /* why the progress file could not be read, shown once the window is up */
  GError            *load_error;

  /* Another Veto window, or `veto --attach-email` in a terminal, may
   * write the progress file while this one is open: it is read again a
   * moment after it changes (veto_progress_store_reload_if_changed()). */
  GFileMonitor      *monitor;
  guint              reload_id;

  /* made once and shown again (veto-preferences-window.c says why); GTK
   * owns it, as every window, and this pointer is cleared if it goes */
  VetoPreferencesWindow *preferences;

  /* the Background portal's answer being waited for, under Flatpak */
  GCancellable      *reminders_request;
};

G_DEFINE_FINAL_TYPE (VetoApplication, veto_application, ADW_TYPE_APPLICATION)

/* how long after the progress file last changed it is read again */
#define RELOAD_DELAY_MS 200

/* Without --catalog, Veto uses the newest valid catalog it has: the one
 * it was built with, or a newer one `veto --update-catalog` (or the
 * window) downloaded. The bundled catalog is read again on every load,
 * since its strings are resolved in the current language. */
static gboolean
load_catalog (VetoApplication  *self,
              GError          **error)
{
  g_autoptr(VetoCatalog) bundled = NULL;

  g_clear_object (&self->catalog);
  g_clear_object (&self->updater);
  self->catalog_is_update = FALSE;
  g_clear_pointer (&self->catalog_valid_until, g_date_time_unref);
  g_clear_error (&self->catalog_ignored);

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

  bundled = veto_catalog_new_from_resource (VETO_CATALOG_RESOURCE, error);
  if (bundled == NULL)
    return FALSE;

  self->updater = veto_catalog_updater_new (bundled);
  {
    g_autoptr(GFile) cache_dir = veto_catalog_cache_get_default_dir ();

    /* verified again, as at every load: see veto-signature.c */
    self->catalog = veto_catalog_cache_load_newest_full (bundled, cache_dir, &self->catalog_is_update,
                                                         &self->catalog_valid_until, &self->catalog_ignored);
  }
  return TRUE;
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
  /* Before the window, only the command-line options load the models:
   * they look, and never move a damaged progress file aside. */
  veto_progress_store_set_inspect_only (self->store,
                                        !g_application_get_is_registered (G_APPLICATION (self)));
  if (!veto_progress_store_load (self->store, &local_error))
    self->load_error = g_steal_pointer (&local_error);

  veto_i18n_set_language (veto_progress_store_get_language (self->store));

  if (!load_catalog (self, error))
    return FALSE;

  self->checklist = veto_checklist_new (self->catalog, self->store);
  return TRUE;
}

static int
veto_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  VetoApplication *self = VETO_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  g_variant_dict_lookup (options, "catalog", "^ay", &self->catalog_path);

  /* The commands (--status, --export…) never reach here: `veto` and
   * main.c send them to veto-cli, which does not load GTK (veto-cli.c).
   * They stay registered below for `veto --help`. */

  /* Refuse a bad --catalog here, with an exit status, rather than after a
   * window has opened. */
  if (self->catalog_path != NULL && !load_catalog (self, &error))
    {
      g_printerr ("%s\n", error->message);
      return VETO_STATUS_ERROR;
    }
  g_clear_object (&self->catalog);

  /* A second launch only presents the window already open, with its own
   * steps: --catalog would be silently ignored. Say so instead. */
  if (self->catalog_path != NULL)
    {
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return VETO_STATUS_ERROR;
        }
      if (g_application_get_is_remote (app))
        {
          /* Translators: %s is the file given with --catalog */
          g_printerr (_("Veto is already open, with its own steps, so %s was not used. Close Veto, then start it again with --catalog.\n"),
                      self->catalog_path);
          return VETO_STATUS_ERROR;
        }
    }

  return G_APPLICATION_CLASS (veto_application_parent_class)->handle_local_options (app, options);
}

static gboolean watch_progress (gpointer user_data);

static gboolean
catalog_is_expired (VetoApplication *self)
{
  g_autoptr(GDateTime) now = veto_clock_get_now (self->clock);

  return veto_catalog_cache_is_expired (self->catalog_valid_until, now);
}

static void
veto_application_activate (GApplication *app)
{
  VetoApplication *self = VETO_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      VetoWindow *win = veto_window_new (GTK_APPLICATION (self), self->checklist, self->updater);

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
      else if (self->catalog_ignored != NULL)
        {
          g_autofree char *message = g_strconcat (self->catalog_ignored->message, " ",
                                                  _("Veto uses the steps it came with."), NULL);

          veto_window_show_steps_notice (win, message);
        }
      else if (self->catalog_is_update && catalog_is_expired (self))
        {
          g_autofree char *until = veto_format_date (self->catalog_valid_until);
          g_autofree char *published = veto_format_date (veto_catalog_get_published (self->catalog));
          /* Translators: both %s are dates */
          g_autofree char *message = g_strdup_printf (_("These steps may be out of date: they were last confirmed on %s, to be checked again by %s."),
                                                      published, until);

          veto_window_show_steps_notice (win, message);
        }
    }

  gtk_window_present (window);

  if (self->monitor == NULL && self->store != NULL)
    g_idle_add_full (G_PRIORITY_LOW, watch_progress, g_object_ref (self), g_object_unref);
}

static void reload (VetoApplication *self,
                    gboolean         with_preferences);

static gboolean
reload_progress (gpointer user_data)
{
  VetoApplication *self = user_data;
  g_autofree char *language = g_strdup (veto_progress_store_get_language (self->store));

  self->reload_id = 0;
  if (!veto_progress_store_reload_if_changed (self->store))
    return G_SOURCE_REMOVE;

  /* The other Veto switched the language: this one follows, as if the
   * person had switched it here. Other changes reach the pages through
   * the store's "changed" signal. */
  if (g_strcmp0 (language, veto_progress_store_get_language (self->store)) != 0)
    {
      veto_i18n_set_language (veto_progress_store_get_language (self->store));
      reload (self, FALSE);
    }

  return G_SOURCE_REMOVE;
}

static void
on_progress_file_changed (VetoApplication   *self,
                          GFile             *file,
                          GFile             *other_file,
                          GFileMonitorEvent  event)
{
  /* a save is a rename over the file: wait for the burst of events to end,
   * then look once */
  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->reload_id = g_timeout_add (RELOAD_DELAY_MS, reload_progress, self);
}

/* After the first frame: watching the file costs start-up nothing. */
static gboolean
watch_progress (gpointer user_data)
{
  VetoApplication *self = user_data;
  g_autoptr(GError) error = NULL;

  self->monitor = g_file_monitor_file (veto_progress_store_get_file (self->store),
                                       G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      /* not fatal: saving still refuses to overwrite a change it has not seen */
      g_debug ("not watching the progress file: %s", error->message);
      return G_SOURCE_REMOVE;
    }
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_progress_file_changed),
                           self, G_CONNECT_SWAPPED);

  return G_SOURCE_REMOVE;
}

/* An entry from an earlier Veto runs `veto` from $PATH, which may miss it
 * (veto_reminder_repair()). Mended at each start rather than at the next
 * toggle, which a person whose reminders are on has no reason to make; once
 * idle, as reading the file costs start-up nothing then. */
static gboolean
repair_reminder (gpointer user_data)
{
  g_autoptr(GError) error = NULL;

  if (!veto_reminder_repair (&error) && error != NULL)
    g_message ("The login reminder could not be updated: %s", error->message);

  return G_SOURCE_REMOVE;
}

/* "Remind me" and the weekly check, as they are now: the done page and
 * Preferences show both through the actions' states. Read again each
 * time Preferences open, since GNOME Tweaks may have switched the login
 * run off in between. */
static void
read_login_choices (VetoApplication *self)
{
  GAction *reminders = g_action_map_lookup_action (G_ACTION_MAP (self), "reminders");
  GAction *weekly = g_action_map_lookup_action (G_ACTION_MAP (self), "weekly-check");

  g_simple_action_set_state (G_SIMPLE_ACTION (reminders), g_variant_new_boolean (veto_reminder_get_wanted ()));
  g_simple_action_set_state (G_SIMPLE_ACTION (weekly), g_variant_new_boolean (veto_weekly_check_get_allowed ()));
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

  g_idle_add_full (G_PRIORITY_LOW, repair_reminder, NULL, NULL);
  read_login_choices (self);
}

static void
veto_application_finalize (GObject *object)
{
  VetoApplication *self = (VetoApplication *)object;

  g_clear_pointer (&self->catalog_path, g_free);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_object (&self->checklist);
  g_clear_object (&self->catalog);
  g_clear_object (&self->updater);
  g_cancellable_cancel (self->reminders_request);
  g_clear_object (&self->reminders_request);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_error (&self->load_error);
  g_clear_error (&self->catalog_ignored);
  g_clear_pointer (&self->catalog_valid_until, g_date_time_unref);
  if (self->preferences != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->preferences), (gpointer *)&self->preferences);
      gtk_window_destroy (GTK_WINDOW (self->preferences));
    }

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
  g_autofree char *origin = NULL;
  g_autofree char *text = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Veto developers", NULL };

  /* Translators: %d is a version number, %s a date */
  comments = g_strdup_printf (_("Veto helps you object to Meta using your posts, photos and chats to train its AI. "
                                "It signs in nowhere and sends nothing about you to anyone.\n\n"
                                "Steps version %d, published %s."),
                              veto_catalog_get_version (self->catalog), published);

  /* which catalog this is, and where updates come from */
  if (self->catalog_path != NULL)
    /* Translators: %s is a file name */
    origin = g_strdup_printf (_("These steps come from %s."), self->catalog_path);
  else if (self->catalog_is_update)
    /* Translators: %s is a web address */
    origin = g_strdup_printf (_("These steps were downloaded from %s."), CATALOG_URL);
  else
    /* Translators: %s is a web address */
    origin = g_strdup_printf (_("These steps came with Veto; updates are published at %s."), CATALOG_URL);
  text = g_strconcat (comments, " ", origin, NULL);

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
                         "comments", text,
                         NULL);
}

static void
show_preferences (VetoApplication *self,
                  GtkWindow       *parent)
{
  if (self->preferences == NULL)
    {
      self->preferences = VETO_PREFERENCES_WINDOW (veto_preferences_window_new (parent, self->store));
      g_object_add_weak_pointer (G_OBJECT (self->preferences), (gpointer *)&self->preferences);
    }
  veto_preferences_window_show (self->preferences, parent);
}

/* Rebuilds the catalog and the windows, after the interface language
 * changed or the progress was reset: GTK has no way to retranslate a
 * window in place, and the catalog's strings are read in one language.
 * Preferences, small and costly to make again, is retranslated instead. */
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
  window = veto_window_new (GTK_APPLICATION (self), self->checklist, self->updater);
  gtk_window_present (GTK_WINDOW (window));

  /* Preferences stays, in the new language */
  if (self->preferences != NULL)
    {
      old = g_list_remove (old, self->preferences);
      veto_preferences_window_retranslate (self->preferences);
      if (!with_preferences)
        gtk_widget_set_visible (GTK_WIDGET (self->preferences), FALSE);
    }
  if (with_preferences)
    show_preferences (self, GTK_WINDOW (window));

  for (GList *l = old; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
}

static void
veto_application_preferences_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  VetoApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  read_login_choices (self);

  /* not Preferences itself, if it is the active window */
  if (window != NULL && VETO_IS_PREFERENCES_WINDOW (window))
    window = gtk_window_get_transient_for (window);
  show_preferences (self, window);
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

/* "Remind me" and "Look for new steps once a week": both need
 * `veto --remind` at each login, by an autostart entry or, under Flatpak,
 * the Background portal (veto-reminder.c); the run is there while either
 * is on (veto-weekly-check.c). The actions' states are the person's
 * choices, read back each time Preferences open. */
static void
toast_reminder_error (VetoApplication *self,
                      const GError    *error)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* where the switch was: Preferences, or the wizard's last page */
  if (active != NULL && VETO_IS_WINDOW (active))
    {
      veto_window_show_toast (VETO_WINDOW (active), error->message);
      return;
    }
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (ADW_IS_PREFERENCES_WINDOW (l->data))
      adw_preferences_window_add_toast (l->data, veto_util_toast_new (error->message));
}

static void
on_reminders_set (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VetoApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!veto_reminder_set_enabled_finish (result, &error))
    {
      /* a newer toggle took over, and will set the state */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      toast_reminder_error (self, error);
      /* nothing runs at login: neither choice can hold */
      if (!veto_reminder_get_enabled ())
        veto_login_choices_clear ();
    }

  g_clear_object (&self->reminders_request);
  read_login_choices (self);
}

/* What the desktop's question, if it asks one, belongs to: @window, under
 * Flatpak only. libportal-gtk4 is opened here rather than linked: mapping
 * it (and libportal) cost every start of the window 3 million
 * instructions, for a request made once. */
static XdpParent *(*parent_new_gtk) (GtkWindow *window);
static void (*parent_free) (XdpParent *parent);

static XdpParent *
new_portal_parent (GtkWindow *window)
{
  static gsize loaded;

  if (window == NULL || !veto_reminder_is_sandboxed ())
    return NULL;

  if (g_once_init_enter (&loaded))
    {
      /* xdp_parent_free() is libportal's own */
      GModule *gtk4 = g_module_open ("libportal-gtk4.so.1", G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      GModule *portal = gtk4 != NULL ? g_module_open ("libportal.so.1", G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL) : NULL;
      gpointer new_symbol = NULL, free_symbol = NULL;

      if (portal != NULL &&
          g_module_symbol (gtk4, "xdp_parent_new_gtk", &new_symbol) &&
          g_module_symbol (portal, "xdp_parent_free", &free_symbol))
        {
          g_module_make_resident (gtk4);
          g_module_make_resident (portal);
          parent_new_gtk = new_symbol;
          parent_free = free_symbol;
        }
      else
        /* the request still goes, with the question unattached */
        g_warning ("The desktop's question will not belong to Veto's window: %s", g_module_error ());
      g_once_init_leave (&loaded, 1);
    }

  return parent_new_gtk != NULL ? parent_new_gtk (window) : NULL;
}

/* Saves the choice, then asks for the login run both choices now need.
 * The switch follows the person's hand at once; the portal's answer, or a
 * failure, sets it again. Only the latest toggle counts. */
static void
apply_login_choice (VetoApplication *self,
                    GSimpleAction   *action,
                    const char      *key,
                    GVariant        *value)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  XdpParent *parent = NULL;
  g_autoptr(GError) error = NULL;
  gboolean wanted;

  g_simple_action_set_state (action, value);
  if (!veto_login_choice_save (key, g_variant_get_boolean (value), &error))
    {
      toast_reminder_error (self, error);
      read_login_choices (self);
      return;
    }

  g_cancellable_cancel (self->reminders_request);
  g_clear_object (&self->reminders_request);

  /* on already, and still wanted: nothing to ask */
  wanted = veto_reminder_get_autostart_wanted ();
  if (wanted && veto_reminder_get_enabled ())
    return;

  self->reminders_request = g_cancellable_new ();
  parent = new_portal_parent (window);
  veto_reminder_set_enabled_async (wanted, parent, self->reminders_request,
                                   on_reminders_set, g_object_ref (self));
  /* libportal keeps a copy of its own */
  if (parent != NULL)
    parent_free (parent);
}

static void
veto_application_reminders_change_state (GSimpleAction *action,
                                         GVariant      *value,
                                         gpointer       user_data)
{
  apply_login_choice (user_data, action, VETO_SETTINGS_REMIND_ME, value);
}

/* "Look for new steps once a week": the person's consent for
 * `veto --remind` to ask the feed, at most weekly. */
static void
veto_application_weekly_check_change_state (GSimpleAction *action,
                                            GVariant      *value,
                                            gpointer       user_data)
{
  apply_login_choice (user_data, action, VETO_SETTINGS_WEEKLY_CHECK, value);
}

/* Closes the windows rather than quitting outright, so that a window
 * whose changes could not be saved asks first (veto-close-guard.c). */
static void
veto_application_quit_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

/* Asked for by a window once newer steps are saved: the windows are
 * rebuilt on them (the window knows nothing of the application). */
static void
veto_application_reload_catalog_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  veto_application_reload_catalog (VETO_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "quit", veto_application_quit_action },
  { "about", veto_application_about_action },
  { "preferences", veto_application_preferences_action },
  { "set-language", veto_application_set_language_action, "s" },
  { "reset-progress", veto_application_reset_progress_action },
  { "reminders", NULL, NULL, "false", veto_application_reminders_change_state },
  { "weekly-check", NULL, NULL, "false", veto_application_weekly_check_change_state },
  { "reload-catalog", veto_application_reload_catalog_action },
};

static const char *
translate_or_null (const char *text)
{
  return text != NULL ? _(text) : NULL;
}

static void
veto_application_init (VetoApplication *self)
{
  veto_register_resource ();

  /* The commands run without the window (`veto` execs veto-cli for them,
   * src/veto-launch.c) but are listed here for `veto --help`, from the
   * same table. */
#define OPTION(id, name, arg, arg_name, program, help, ...) \
  g_application_add_main_option (G_APPLICATION (self), name, 0, G_OPTION_FLAG_NONE, \
                                 G_OPTION_ARG_##arg, _(help), translate_or_null (arg_name));
  VETO_COMMANDS (OPTION)
  VETO_COMMAND_OPTIONS (OPTION)
#undef OPTION

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<primary>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<primary>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         (const char *[]) { "<primary>question", NULL });
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

/**
 * veto_application_get_updater:
 *
 * Returns: (transfer none) (nullable): the updater for the published
 *   catalog, or %NULL when a local catalog was given with --catalog
 */
VetoCatalogUpdater *
veto_application_get_updater (VetoApplication *self)
{
  g_return_val_if_fail (VETO_IS_APPLICATION (self), NULL);
  return self->updater;
}

/**
 * veto_application_get_catalog_is_update:
 *
 * Returns: whether the catalog in use is a downloaded one, rather than the
 *   one Veto was built with (or a --catalog file)
 */
gboolean
veto_application_get_catalog_is_update (VetoApplication *self)
{
  g_return_val_if_fail (VETO_IS_APPLICATION (self), FALSE);
  return self->catalog_is_update;
}

/**
 * veto_application_reload_catalog:
 *
 * Loads the newest valid catalog again, after an update, and rebuilds the
 * windows on it (the current windows are destroyed: call this from an
 * idle, not from a handler of the window being destroyed).
 */
void
veto_application_reload_catalog (VetoApplication *self)
{
  g_return_if_fail (VETO_IS_APPLICATION (self));
  reload (self, FALSE);
}
