/* veto-preferences-window.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-preferences-window.h"
#include "veto-util.h"

/* Preferences: the interface language, applied at once (the application
 * rebuilds its windows in the new language), and starting over. Both are
 * app.* actions so that they can be tested without this window.
 *
 * The application makes this window once and shows it again: each new
 * AdwPreferencesWindow kept about 400 KiB inside the toolkit. So it is
 * translated again in place when the language changes
 * (veto_preferences_window_retranslate()), and while hidden it leaves the
 * application, which would otherwise stay running for a hidden window. */
struct _VetoPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  VetoProgressStore    *store;

  AdwPreferencesPage   *general_page;
  AdwPreferencesGroup  *language_group;
  AdwPreferencesGroup  *reminders_group;
  AdwPreferencesGroup  *progress_group;
  AdwComboRow          *language_row;
  GtkStringList        *language_list;
  AdwActionRow         *reminders_row;
  AdwActionRow         *weekly_row;
  AdwActionRow         *location_row;
  AdwActionRow         *reset_row;
  GtkWidget            *reset_button;
};

G_DEFINE_FINAL_TYPE (VetoPreferencesWindow, veto_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const languages[] = { "", "en", "fr" };

static void
on_language_selected (VetoPreferencesWindow *self,
                      GParamSpec            *pspec,
                      AdwComboRow           *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected < G_N_ELEMENTS (languages))
    gtk_widget_activate_action (GTK_WIDGET (self), "app.set-language", "s", languages[selected]);
}

static void
on_reset_response (AdwMessageDialog      *dialog,
                   const char            *response,
                   VetoPreferencesWindow *self)
{
  if (g_str_equal (response, "reset"))
    gtk_widget_activate_action (GTK_WIDGET (self), "app.reset-progress", NULL);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (widget),
                                                       _("Start Over?"),
                                                       _("Veto will forget where you live, your apps and accounts, and everything you recorded. What you sent to Meta stays sent. Export your record first if you may need it.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Start Over"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reset_response), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
veto_preferences_window_dispose (GObject *object)
{
  VetoPreferencesWindow *self = (VetoPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VETO_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (veto_preferences_window_parent_class)->dispose (object);
}

static void
veto_preferences_window_class_init (VetoPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = veto_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "veto-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VetoPreferencesWindow, general_page);
  gtk_widget_class_bind_template_child (widget_class, VetoPreferencesWindow, language_group);
  gtk_widget_class_bind_template_child (widget_class, VetoPreferencesWindow, reminders_group);
  gtk_widget_class_bind_template_child (widget_class, VetoPreferencesWindow, progress_group);
  gtk_widget_class_bind_template_child (widget_class, VetoPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, VetoPreferencesWindow, language_list);
  gtk_widget_class_bind_template_child (widget_class, VetoPreferencesWindow, reminders_row);
  gtk_widget_class_bind_template_child (widget_class, VetoPreferencesWindow, weekly_row);
  gtk_widget_class_bind_template_child (widget_class, VetoPreferencesWindow, reset_row);
  gtk_widget_class_bind_template_child (widget_class, VetoPreferencesWindow, location_row);
  gtk_widget_class_bind_template_child (widget_class, VetoPreferencesWindow, reset_button);

  gtk_widget_class_install_action (widget_class, "prefs.reset", NULL, reset_action);
}

/* AdwPreferencesWindow's own leaflet asks for 360 px, and the window's
 * frame comes on top of it: on a 360 px screen the window would be wider
 * than the screen. Our pages fit in less (their rows wrap), so the window
 * asks for 360 px as a whole, like the main window. */
static void
relax_leaflet_width (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_LEAFLET (child))
        {
          gtk_widget_set_size_request (child, -1, -1);
          return;
        }
      relax_leaflet_width (child);
    }
}

static void
veto_preferences_window_init (VetoPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  relax_leaflet_width (GTK_WIDGET (self));
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, -1);
  veto_util_fix_button_names (GTK_WIDGET (self));
}

/* Kept while hidden, but neither as one of the application's windows nor
 * over a window that may go (GTK keeps a hidden window's parent pointer
 * even once the parent is destroyed). */
static void
on_hide (VetoPreferencesWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    g_signal_handlers_disconnect_by_func (parent, gtk_widget_hide, self);
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  gtk_window_set_application (GTK_WINDOW (self), NULL);
}

GtkWidget *
veto_preferences_window_new (GtkWindow         *parent,
                             VetoProgressStore *store)
{
  VetoPreferencesWindow *self = g_object_new (VETO_TYPE_PREFERENCES_WINDOW,
                                              "transient-for", parent,
                                              "application", parent ? gtk_window_get_application (parent) : NULL,
                                              "hide-on-close", TRUE,
                                              NULL);

  self->store = g_object_ref (store);

  g_signal_connect_object (self->language_row, "notify::selected",
                           G_CALLBACK (on_language_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "hide", G_CALLBACK (on_hide), NULL);

  return GTK_WIDGET (self);
}

/**
 * veto_preferences_window_retranslate:
 * @self: a #VetoPreferencesWindow
 *
 * Sets every text of the window again, in the language gettext now
 * speaks: the same strings as the template's.
 */
void
veto_preferences_window_retranslate (VetoPreferencesWindow *self)
{
  const char *same[] = { _("Same as the system"), NULL };
  guint selected = adw_combo_row_get_selected (self->language_row);

  g_return_if_fail (VETO_IS_PREFERENCES_WINDOW (self));

  /* AdwPreferencesWindow's own title, from libadwaita's translations */
  gtk_window_set_title (GTK_WINDOW (self), g_dgettext ("libadwaita", "Preferences"));
  adw_preferences_page_set_title (self->general_page, _("General"));
  adw_preferences_group_set_title (self->language_group, _("Language"));
  adw_preferences_group_set_title (self->reminders_group, _("Reminders"));
  adw_preferences_group_set_title (self->progress_group, _("Your Progress"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->language_row), _("Interface language"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->language_row), _("Also the language of the steps and of your record"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reminders_row), _("Remind me when a step is due"));
  adw_action_row_set_subtitle (self->reminders_row, _("At login, Veto checks for a moment and shows a notification only when something needs a recheck; nothing runs in the background"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->weekly_row), _("Look for new steps once a week"));
  adw_action_row_set_subtitle (self->weekly_row, _("At login, at most once a week, Veto asks for the published steps and their signature, without cookies, giving only its version and the version of the steps it has. Nothing about you is sent."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->location_row), _("Kept in"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reset_row), _("Start over"));
  adw_action_row_set_subtitle (self->reset_row, _("Forget where you live, your apps and everything you recorded"));
  gtk_button_set_label (GTK_BUTTON (self->reset_button), _("_Reset…"));
  veto_util_fix_button_names (self->reset_button);

  /* replacing the first item must not read as the person choosing it */
  g_signal_handlers_block_by_func (self->language_row, on_language_selected, self);
  gtk_string_list_splice (self->language_list, 0, 1, same);
  adw_combo_row_set_selected (self->language_row, selected);
  g_signal_handlers_unblock_by_func (self->language_row, on_language_selected, self);
}

/**
 * veto_preferences_window_show:
 * @self: a #VetoPreferencesWindow
 * @parent: (nullable): the window it belongs to
 *
 * Shows @self over @parent, with what it shows read again from the store.
 */
void
veto_preferences_window_show (VetoPreferencesWindow *self,
                              GtkWindow             *parent)
{
  const char *language;

  g_return_if_fail (VETO_IS_PREFERENCES_WINDOW (self));

  language = veto_progress_store_get_language (self->store);
  if (parent != NULL && gtk_window_get_application (GTK_WINDOW (self)) == NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  if (parent != gtk_window_get_transient_for (GTK_WINDOW (self)))
    {
      GtkWindow *old = gtk_window_get_transient_for (GTK_WINDOW (self));

      if (old != NULL)
        g_signal_handlers_disconnect_by_func (old, gtk_widget_hide, self);
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      if (parent != NULL)
        g_signal_connect_object (parent, "destroy", G_CALLBACK (gtk_widget_hide), self, G_CONNECT_SWAPPED);
    }

  g_signal_handlers_block_by_func (self->language_row, on_language_selected, self);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language ? language : "", languages[i]) == 0)
      adw_combo_row_set_selected (self->language_row, i);
  g_signal_handlers_unblock_by_func (self->language_row, on_language_selected, self);

  adw_action_row_set_subtitle (self->location_row, g_file_peek_path (veto_progress_store_get_file (self->store)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.reset", !veto_progress_store_get_read_only (self->store));

  gtk_window_present (GTK_WINDOW (self));
}
