/* veto-reminder.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "veto-checklist.h"
#include "veto-i18n.h"
#include "veto-install.h"
#include "veto-lifecycle.h"
#include "veto-reminder-private.h"
#include "veto-reminder.h"
#include "veto-settings.h"

/* Reminders without a daemon. Turning "remind me" on writes an XDG
 * autostart entry that runs `/absolute/path/to/veto --remind` once per
 * login (veto_install_dup_launcher() says which `veto`); that command
 * loads the progress, sends one notification if something is due for a
 * recheck, and exits. Nothing keeps running, nothing is scheduled, and
 * turning it off deletes the entry: the person's session is left exactly
 * as it was.
 *
 * The entry is ours only by its file name. A person may also switch it off
 * in their desktop's startup settings (GNOME Tweaks writes
 * X-GNOME-Autostart-enabled=false, others Hidden=true): it then counts as
 * off.
 *
 * Under Flatpak, $XDG_CONFIG_HOME/autostart is the app's private folder,
 * which the host session never reads: an entry there would silently do
 * nothing. There the Background portal writes the host's entry for us
 * (it starts `flatpak run … --remind`), asked with autostart on, and
 * removes it when asked with autostart off. The portal has no call that
 * says whether it is on, so the person's choice is kept in Veto's settings
 * (VETO_SETTINGS_REMINDERS) and read back from there. */

#define GROUP G_KEY_FILE_DESKTOP_GROUP

/**
 * veto_reminder_get_autostart_file:
 *
 * Returns: (transfer full): `$XDG_CONFIG_HOME/autostart/io.github.vetoapp.Veto.Remind.desktop`
 */
GFile *
veto_reminder_get_autostart_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "autostart",
                                            VETO_REMINDER_DESKTOP_FILE, NULL);

  return g_file_new_for_path (path);
}

/**
 * veto_reminder_is_sandboxed:
 *
 * Returns: %TRUE under Flatpak, where only the Background portal can make
 *   Veto start at login
 */
gboolean
veto_reminder_is_sandboxed (void)
{
  /* what xdp_portal_running_under_flatpak() looks at, without linking
   * libportal into `veto --status` and `--remind` (veto-cli), which never
   * ask the portal */
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

static gboolean
autostart_entry_enabled (void)
{
  g_autoptr(GFile) file = veto_reminder_get_autostart_file ();
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;

  if (!g_key_file_load_from_file (keyfile, g_file_peek_path (file), G_KEY_FILE_NONE, NULL))
    return FALSE;

  exec = g_key_file_get_string (keyfile, GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, NULL);
  if (exec == NULL || strstr (exec, "--remind") == NULL)
    return FALSE;

  if (g_key_file_get_boolean (keyfile, GROUP, G_KEY_FILE_DESKTOP_KEY_HIDDEN, NULL))
    return FALSE;

  /* a missing key means enabled */
  if (!g_key_file_get_boolean (keyfile, GROUP, "X-GNOME-Autostart-enabled", &error) && error == NULL)
    return FALSE;

  return TRUE;
}

/**
 * veto_reminder_get_enabled:
 *
 * Returns: %TRUE when the autostart entry exists and the desktop has not
 *   been told to skip it; under Flatpak, when the Background portal last
 *   agreed to start Veto at login
 */
gboolean
veto_reminder_get_enabled (void)
{
  if (veto_reminder_is_sandboxed ())
    return veto_settings_get_boolean (VETO_SETTINGS_REMINDERS, FALSE);

  return autostart_entry_enabled ();
}

/* The entry's Name and Comment in English, and in the interface language
 * when that is another: the desktop's startup settings list the entry in
 * the language of the session, which may not be Veto's. */
static void
set_translated (GKeyFile   *keyfile,
                const char *key,
                const char *english,
                const char *translated)
{
  const char *language = veto_i18n_get_language ();

  g_key_file_set_string (keyfile, GROUP, key, english);
  if (!g_str_equal (language, "en") && !g_str_equal (english, translated))
    g_key_file_set_locale_string (keyfile, GROUP, key, language, translated);
}

/* @arg as one argument of an Exec line, as the Desktop Entry
 * Specification quotes it: in double quotes when it holds a reserved
 * character, with `"`, `` ` ``, `$` and `\` escaped by a backslash inside
 * them, and `%` doubled, as it would start a field code. The key file's
 * own escaping of a string comes on top (g_key_file_set_string() adds it):
 * a literal backslash ends up as four in the file, as the specification
 * says. A path with `=` can't be written as the specification wants;
 * GLib, which starts GNOME's autostart entries, reads it all the same. */
static void
append_exec_arg (GString    *line,
                 const char *arg)
{
  static const char reserved[] = " \t\n\"'\\><~|&;$*?#()`";
  gboolean quote = *arg == '\0' || strpbrk (arg, reserved) != NULL;

  if (line->len > 0)
    g_string_append_c (line, ' ');
  if (quote)
    g_string_append_c (line, '"');
  for (const char *c = arg; *c != '\0'; c++)
    {
      if (quote && strchr ("\"`$\\", *c) != NULL)
        g_string_append_c (line, '\\');
      if (*c == '%')
        g_string_append_c (line, '%');
      g_string_append_c (line, *c);
    }
  if (quote)
    g_string_append_c (line, '"');
}

/* The command by this Veto's absolute path: an entry saying `veto` ran
 * whichever `veto` came first on the session's $PATH, and none, silently,
 * when that had no room for an /opt prefix or ~/.local/bin. */
static void
set_command (GKeyFile *keyfile)
{
  g_autofree char *launcher = veto_install_dup_launcher ();
  g_autoptr(GString) exec = g_string_new (NULL);

  append_exec_arg (exec, launcher);
  append_exec_arg (exec, "--remind");
  g_key_file_set_string (keyfile, GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, exec->str);
  /* If Veto is uninstalled and the entry stays behind, the session skips
   * it instead of failing at every login. A path, not a command line: it
   * is not quoted. */
  g_key_file_set_string (keyfile, GROUP, G_KEY_FILE_DESKTOP_KEY_TRY_EXEC, launcher);
}

static gboolean
write_entry (GFile   *file,
             GError **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *data = NULL;
  gsize len;

  g_key_file_set_string (keyfile, GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE, G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  set_translated (keyfile, G_KEY_FILE_DESKTOP_KEY_NAME,
                  N_("Veto reminders"), _("Veto reminders"));
  set_translated (keyfile, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                  N_("At login, tells you when a step against Meta’s AI training is due for a recheck"),
                  _("At login, tells you when a step against Meta’s AI training is due for a recheck"));
  g_key_file_set_string (keyfile, GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  set_command (keyfile);
  g_key_file_set_boolean (keyfile, GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (keyfile, GROUP, G_KEY_FILE_DESKTOP_KEY_TERMINAL, FALSE);
  g_key_file_set_boolean (keyfile, GROUP, "X-GNOME-Autostart-enabled", TRUE);
  /* Give the shell's notification service time to start with the session. */
  g_key_file_set_integer (keyfile, GROUP, "X-GNOME-Autostart-Delay", 30);

  data = g_key_file_to_data (keyfile, &len, NULL);

  if (g_mkdir_with_parents (g_file_peek_path (parent), 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", g_file_peek_path (parent), g_strerror (saved_errno));
      return FALSE;
    }

  return g_file_set_contents_full (g_file_peek_path (file), data, len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

static gboolean
set_autostart_entry (gboolean   enabled,
                     GError   **error)
{
  g_autoptr(GFile) file = veto_reminder_get_autostart_file ();
  g_autoptr(GError) local_error = NULL;

  if (enabled)
    {
      if (!write_entry (file, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       /* Translators: %s says why, from the system */
                       _("The reminder could not be turned on: %s. Check that your configuration folder can be written to."),
                       local_error->message);
          return FALSE;
        }
      return TRUE;
    }

  if (g_unlink (g_file_peek_path (file)) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s is a file, the second %s says why */
                   _("The reminder could not be turned off: %s could not be removed (%s). Remove it yourself to stop the reminders."),
                   g_file_peek_path (file), g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

#ifndef VETO_CORE_LITE
/**
 * veto_reminder_set_enabled_async:
 * @enabled: whether Veto should check for due rechecks at each login
 * @parent: (nullable): the window the desktop's question, if it asks one,
 *   belongs to (xdp_parent_new_gtk())
 * @cancellable: (nullable): to give up
 * @callback: called when done
 * @user_data: for @callback
 *
 * Outside a sandbox, writes or removes the autostart entry at once, as
 * veto_reminder_set_enabled() does. Under Flatpak, asks the Background
 * portal to start `veto --remind` at each login, or to stop: the desktop
 * may ask the person first, which is why this does not wait.
 */
void
veto_reminder_set_enabled_async (gboolean             enabled,
                                 XdpParent           *parent,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;

  g_task_set_source_tag (task, veto_reminder_set_enabled_async);
  g_task_set_task_data (task, GINT_TO_POINTER (enabled), NULL);

  if (!veto_reminder_is_sandboxed ())
    {
      if (!set_autostart_entry (enabled, &error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  /* libportal and the two libraries it brings cost every start of the
   * window 3 million instructions for a request made once, under Flatpak:
   * the request lives in libveto-net.so, which the window loads on its
   * first call (veto-net-loader.c). */
  _veto_reminder_request_background (enabled, parent, g_steal_pointer (&task));
}

/**
 * veto_reminder_set_enabled_finish:
 * @result: what veto_reminder_set_enabled_async() gave its callback
 * @error: where to put a failure, one a person can read
 *
 * Returns: %TRUE when the reminder is now as asked
 */
gboolean
veto_reminder_set_enabled_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == veto_reminder_set_enabled_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_set_enabled_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

#endif

/**
 * veto_reminder_set_enabled:
 * @enabled: whether Veto should check for due rechecks at each login
 * @error: where to put a failure
 *
 * Writes or removes the autostart entry that runs `veto --remind` at login;
 * under Flatpak, asks the Background portal and waits for its answer, with
 * no window for the desktop's question to belong to: a window calls
 * veto_reminder_set_enabled_async() instead, which neither freezes it nor
 * leaves the question unattached. Turning it off when it is already off is
 * not an error.
 *
 * Returns: %TRUE on success
 */
gboolean
veto_reminder_set_enabled (gboolean   enabled,
                           GError   **error)
{
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  if (!veto_reminder_is_sandboxed ())
    return set_autostart_entry (enabled, error);

#ifdef VETO_CORE_LITE
  /* veto-cli never turns reminders on or off */
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "the portal is not linked in here");
  return FALSE;
#else
  /* A context of our own: waiting runs nothing else of the caller's. */
  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  veto_reminder_set_enabled_async (enabled, NULL, NULL, on_set_enabled_done, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  return veto_reminder_set_enabled_finish (result, error);
#endif
}

/* Whether @exec starts an existing program by its absolute path. */
static gboolean
names_program_by_path (const char *exec)
{
  g_auto(GStrv) argv = NULL;

  if (exec == NULL || !g_shell_parse_argv (exec, NULL, &argv, NULL))
    return FALSE;

  return g_path_is_absolute (argv[0]) && g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE);
}

/**
 * veto_reminder_repair:
 * @error: where to put a failure
 *
 * Earlier builds of Veto wrote `Exec=veto --remind`, which depends on the
 * session's $PATH: this points such an entry, while it is on, at this Veto's
 * launcher, as turning the reminder on writes it now. Meant for each start
 * of the window: the person who turned reminders on gets them without
 * having to know to switch them off and on again.
 *
 * Only an entry that cannot work as it stands is changed: a relative
 * command, or an absolute one whose program is gone (its prefix moved or
 * removed). An entry naming another Veto that is still there is left to
 * the person: they may have two, and turning the reminder on in this one
 * points it here. An entry switched off, here or in the desktop's startup
 * settings, is not touched. Only Exec and TryExec change; the rest, any
 * key added by the person or their desktop included, stays.
 *
 * Returns: %TRUE when the entry was rewritten; %FALSE with @error unset
 *   when it did not need to be
 */
gboolean
veto_reminder_repair (GError **error)
{
  g_autoptr(GFile) file = veto_reminder_get_autostart_file ();
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *exec = NULL;
  g_autofree char *data = NULL;
  gsize len;

  /* under Flatpak the host's entry is the portal's */
  if (veto_reminder_is_sandboxed () || !autostart_entry_enabled ())
    return FALSE;

  if (!g_key_file_load_from_file (keyfile, g_file_peek_path (file),
                                  G_KEY_FILE_KEEP_COMMENTS | G_KEY_FILE_KEEP_TRANSLATIONS, NULL))
    return FALSE;

  exec = g_key_file_get_string (keyfile, GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, NULL);
  if (names_program_by_path (exec))
    return FALSE;

  set_command (keyfile);
  data = g_key_file_to_data (keyfile, &len, NULL);

  return g_file_set_contents_full (g_file_peek_path (file), data, len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

/* The first due task that a change of the catalog newer than @newer_than
 * made due, or %NULL. */
static VetoTask *
find_changed (GListModel *due,
              int         newer_than)
{
  for (guint i = 0; i < g_list_model_get_n_items (due); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (due, i);
      VetoChange *change = veto_task_get_due_change (task);

      if (change != NULL && veto_change_get_version (change) > newer_than)
        return g_steal_pointer (&task);
    }

  return NULL;
}

/* The title for a step that a change of the steps made due: what the
 * person did may no longer hold, which matters more than time passing. */
static char *
dup_changed_title (VetoTask *task)
{
  VetoStep *step = veto_task_get_step (task);
  const char *app = veto_app_get_name (veto_task_get_app (task));

  if (veto_step_is_objection (step))
    /* Translators: %s is an app, “Facebook” */
    return g_strdup_printf (_("Meta changed %s’s form: check your objection again"), app);

  /* Translators: the first %s is an app, the second a step's title */
  return g_strdup_printf (_("The steps for %s changed: check “%s” again"), app, veto_step_get_title (step));
}

/* "Object to AI training (Facebook, Personal)": a step is only clear with
 * the app and the account it is for. @newer_than: -1 for every due step,
 * else only steps made due by a change of the catalog newer than that
 * version. */
static gboolean
compose (VetoChecklist  *checklist,
         int             newer_than,
         char          **title,
         char          **body)
{
  GListModel *due;
  g_autoptr(VetoTask) first = NULL;
  g_autoptr(VetoTask) changed = NULL;
  g_autofree char *step = NULL;
  g_autoptr(GString) text = NULL;
  guint n_due;

  g_return_val_if_fail (VETO_IS_CHECKLIST (checklist), FALSE);

  /* An objection Meta refused or left unanswered matters more than any
   * recheck: the person has a complaint to make. */
  if (newer_than < 0 && g_list_model_get_n_items (veto_checklist_get_overdue_tasks (checklist)) > 0)
    {
      g_autoptr(VetoTask) late = g_list_model_get_item (veto_checklist_get_overdue_tasks (checklist), 0);
      g_autofree char *what = veto_task_dup_name (late);
      g_autofree char *sentence = veto_task_dup_overdue_sentence (late);
      g_autoptr(GPtrArray) next = veto_checklist_find_follow_ups (checklist, late);

      text = g_string_new (NULL);
      g_string_append_printf (text, "%s\n%s", what, sentence);
      if (next->len > 0)
        {
          g_string_append_c (text, '\n');
          g_string_append_printf (text, _("Next: %s"),
                                  veto_step_get_title (veto_task_get_step (g_ptr_array_index (next, 0))));
        }

      if (title != NULL)
        *title = g_strdup (_("Meta refused or did not answer your objection"));
      if (body != NULL)
        *body = g_string_free (g_steal_pointer (&text), FALSE);
      return TRUE;
    }

  due = veto_checklist_get_due_tasks (checklist);
  n_due = g_list_model_get_n_items (due);
  changed = find_changed (due, MAX (newer_than, 0));
  if (n_due == 0 || (newer_than >= 0 && changed == NULL))
    return FALSE;

  /* a step that changed leads, whichever has waited longest */
  first = changed != NULL ? g_object_ref (changed) : g_list_model_get_item (due, 0);
  step = veto_task_dup_name (first);
  text = g_string_new (NULL);

  if (n_due == 1)
    {
      /* Translators: %s is a step, with its app and account */
      g_string_append_printf (text, _("One step is due for a recheck: %s."), step);
    }
  else
    {
      /* Translators: %u is at least 2; %s is a step, with its app and account */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u step is due for a recheck, starting with %s.",
                                                 "%u steps are due for a recheck, starting with %s.",
                                                 n_due),
                              n_due, step);
    }

  if (veto_task_get_due_reason (first) != NULL)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, veto_task_get_due_reason (first));
    }

  if (title != NULL)
    *title = changed != NULL ? dup_changed_title (changed) : g_strdup (_("Time to check your Meta objections"));
  if (body != NULL)
    *body = g_string_free (g_steal_pointer (&text), FALSE);

  return TRUE;
}

/**
 * veto_reminder_compose:
 * @checklist: the person's checklist, refreshed
 * @title: (out) (optional): the notification's title
 * @body: (out) (optional): its body: how many steps are due, the longest
 *   due one (or the one a catalog change made due), and what changed
 *
 * Returns: %FALSE, leaving @title and @body alone, when nothing is due
 */
gboolean
veto_reminder_compose (VetoChecklist  *checklist,
                       char          **title,
                       char          **body)
{
  return compose (checklist, -1, title, body);
}

static GNotification *
new_notification (VetoChecklist *checklist,
                  int            newer_than)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GIcon) icon = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (VETO_IS_CHECKLIST (checklist), NULL);

  if (!compose (checklist, newer_than, &title, &body))
    return NULL;

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_NORMAL);
  icon = g_themed_icon_new (APP_ID);
  g_notification_set_icon (notification, icon);

  return g_steal_pointer (&notification);
}

/**
 * veto_reminder_new_notification:
 * @checklist: the person's checklist, refreshed
 *
 * The notification `veto --remind` sends. It has no default action: the
 * desktop then opens Veto when it is clicked, and Veto leads with what is
 * due.
 *
 * Returns: (transfer full) (nullable): the notification, or %NULL when
 *   nothing is due
 */
GNotification *
veto_reminder_new_notification (VetoChecklist *checklist)
{
  return new_notification (checklist, -1);
}

/**
 * veto_reminder_new_change_notification:
 * @checklist: the person's checklist, refreshed
 * @newer_than: the version of the catalog in use before the weekly check
 *
 * What `veto --remind` sends when the person did not ask for reminders
 * but allowed the weekly check: only what the newer steps made due.
 *
 * Returns: (transfer full) (nullable): the notification, or %NULL when no
 *   change newer than @newer_than made a step due
 */
GNotification *
veto_reminder_new_change_notification (VetoChecklist *checklist,
                                       int            newer_than)
{
  g_return_val_if_fail (newer_than >= 0, NULL);

  return new_notification (checklist, newer_than);
}

/* GLib sends through org.gtk.Notifications when something owns it (GNOME
 * Shell does), else through org.freedesktop.Notifications; under Flatpak,
 * through the desktop portal, and the sandbox's bus hides the other two.
 * None of these calls reports failure to us, so look first: a reminder
 * that silently goes nowhere is worse than an error in the session log. */
static gboolean
notification_service_available (GDBusConnection *connection)
{
  const char *host_names[] = { "org.gtk.Notifications", "org.freedesktop.Notifications", NULL };
  const char *sandbox_names[] = { "org.freedesktop.portal.Desktop", NULL };
  const char **names = veto_reminder_is_sandboxed () ? sandbox_names : host_names;
  g_autoptr(GVariant) activatable = NULL;
  g_autofree const char **activatable_names = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GVariant) reply = NULL;
      gboolean has_owner = FALSE;

      reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "NameHasOwner",
                                           g_variant_new ("(s)", names[i]), G_VARIANT_TYPE ("(b)"),
                                           G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
      if (reply != NULL)
        g_variant_get (reply, "(b)", &has_owner);
      if (has_owner)
        return TRUE;
    }

  activatable = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                             "org.freedesktop.DBus", "ListActivatableNames",
                                             NULL, G_VARIANT_TYPE ("(as)"),
                                             G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (activatable == NULL)
    return FALSE;

  g_variant_get (activatable, "(^a&s)", &activatable_names);
  return g_strv_contains (activatable_names,
                          veto_reminder_is_sandboxed () ? "org.freedesktop.portal.Desktop"
                                                        : "org.freedesktop.Notifications");
}

/**
 * veto_reminder_send:
 * @notification: what veto_reminder_new_notification() made
 * @error: why it could not be sent
 *
 * Sends @notification on the session bus as Veto, and waits until it has
 * left this process, so that the caller may exit at once.
 *
 * This registers a plain #GApplication with Veto's id, not Veto itself:
 * that needs no display, and as it does not claim the name, it can't
 * swallow a launch of Veto made at the same moment. Clicking the
 * notification then starts or raises Veto through the desktop.
 *
 * Returns: %TRUE when the notification was handed to the bus
 */
gboolean
veto_reminder_send (GNotification  *notification,
                    GError        **error)
{
  g_autoptr(GApplication) sender = NULL;
  g_autoptr(GError) local_error = NULL;
  GDBusConnection *connection;

  g_return_val_if_fail (G_IS_NOTIFICATION (notification), FALSE);

  sender = g_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (sender, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("The reminder could not be shown: %s"), local_error->message);
      return FALSE;
    }

  /* GApplication falls back to running without a bus rather than fail. */
  connection = g_application_get_dbus_connection (sender);
  if (connection == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                           _("The reminder could not be shown: there is no session bus. Run “veto --remind” from within your desktop session."));
      return FALSE;
    }

  if (!notification_service_available (connection))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The reminder could not be shown: no notification service is running in this session."));
      return FALSE;
    }

  g_application_send_notification (sender, VETO_REMINDER_NOTIFICATION_ID, notification);

  if (!g_dbus_connection_flush_sync (connection, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("The reminder could not be shown: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}
