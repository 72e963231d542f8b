/* veto-apps-page.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "veto-apps-page.h"
#include "veto-util.h"

/* The wizard's third page: for each app, a switch "I use it" and, when on,
 * the person's accounts there, each with an optional name. Everything goes
 * through win.* actions and is saved at once. */
struct _VetoAppsPage
{
  GtkWidget           parent_instance;

  VetoChecklist      *checklist;
  AdwPreferencesPage *page;

  /* one group per app, in catalog order; rebuilt when apps or accounts
   * change, not when a name does, so typing is never interrupted */
  GPtrArray          *groups;
  GPtrArray          *switches;
  char               *layout_key;
  gulong              changed_id;
  guint               rebuild_id;
};

G_DEFINE_FINAL_TYPE (VetoAppsPage, veto_apps_page, GTK_TYPE_WIDGET)

static char *
compute_layout_key (VetoAppsPage *self)
{
  VetoProgressStore *store = veto_checklist_get_store (self->checklist);
  GListModel *apps = veto_catalog_get_apps (veto_checklist_get_catalog (self->checklist));
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (apps); i++)
    {
      g_autoptr(VetoApp) app = g_list_model_get_item (apps, i);
      g_auto(GStrv) accounts = veto_progress_store_dup_accounts (store, veto_app_get_id (app));
      g_autofree char *joined = g_strjoinv (",", accounts);

      g_string_append_printf (key, "%s:%d:%s;", veto_app_get_id (app),
                              veto_progress_store_has_app (store, veto_app_get_id (app)), joined);
    }

  return g_string_free (g_steal_pointer (&key), FALSE);
}

static void
on_switch_active (GtkSwitch  *sw,
                  GParamSpec *pspec,
                  VetoApp    *app)
{
  gtk_widget_activate_action (GTK_WIDGET (sw), "win.set-app-used", "(sb)",
                              veto_app_get_id (app), gtk_switch_get_active (sw));
}

static void
on_label_apply (AdwEntryRow *row,
                VetoApp     *app)
{
  const char *account_id = g_object_get_data (G_OBJECT (row), "account-id");

  gtk_widget_activate_action (GTK_WIDGET (row), "win.rename-account", "(sss)",
                              veto_app_get_id (app), account_id,
                              gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* A name typed and left without pressing Enter is still kept. */
static void
on_label_focus_leave (GtkEventControllerFocus *controller,
                      VetoApp                 *app)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  on_label_apply (ADW_ENTRY_ROW (row), app);
}

static void
on_identifier_apply (AdwEntryRow *row,
                     VetoApp     *app)
{
  const char *account_id = g_object_get_data (G_OBJECT (row), "account-id");

  gtk_widget_activate_action (GTK_WIDGET (row), "win.set-account-identifier", "(sss)",
                              veto_app_get_id (app), account_id,
                              gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_identifier_focus_leave (GtkEventControllerFocus *controller,
                           VetoApp                 *app)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  on_identifier_apply (ADW_ENTRY_ROW (row), app);
}

/* The address or handle that tells Meta or a regulator which account an
 * objection was for. AdwEntryRow has no subtitle before libadwaita 1.3:
 * where it goes is said in its tooltip and to screen readers. */
static GtkWidget *
identifier_row_new (VetoProgressStore *store,
                    VetoApp           *app,
                    const char        *account_id,
                    guint              position)
{
  g_autofree char *identifier = veto_progress_store_dup_account_identifier (store, veto_app_get_id (app),
                                                                            account_id);
  /* Translators: %u numbers the person's accounts on an app: 1, 2, 3 */
  g_autofree char *title = g_strdup_printf (_("Email or username of account %u (optional)"), position);
  const char *where = _("Stays on this computer; it only goes into the record you export.");
  GtkWidget *entry = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  veto_util_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), identifier ? identifier : "");
  gtk_widget_set_tooltip_text (entry, where);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, where, -1);
  g_object_set_data_full (G_OBJECT (entry), "account-id", g_strdup (account_id), g_free);
  g_signal_connect_object (entry, "apply", G_CALLBACK (on_identifier_apply), app, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_identifier_focus_leave), app, 0);
  gtk_widget_add_controller (entry, focus);

  return entry;
}

static GtkWidget *
build_group (VetoAppsPage *self,
             VetoApp      *app)
{
  VetoProgressStore *store = veto_checklist_get_store (self->checklist);
  const char *app_id = veto_app_get_id (app);
  gboolean used = veto_progress_store_has_app (store, app_id);
  g_auto(GStrv) accounts = veto_progress_store_dup_accounts (store, app_id);
  guint n_accounts = g_strv_length (accounts);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();
  g_autofree char *use_label = veto_app_get_use_label (app)
    ? g_strdup (veto_app_get_use_label (app))
    : g_strdup_printf (_("I use %s"), veto_app_get_name (app));

  veto_util_group_set_text (ADW_PREFERENCES_GROUP (group), veto_app_get_name (app), NULL);
  veto_util_group_add_description (ADW_PREFERENCES_GROUP (group), veto_app_get_description (app));

  veto_util_row_set_title (ADW_PREFERENCES_ROW (row), use_label);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (sw), used);
  g_signal_connect_object (sw, "notify::active", G_CALLBACK (on_switch_active), app, 0);
  g_object_set_data (G_OBJECT (sw), "veto-app", app);
  g_ptr_array_add (self->switches, sw);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  veto_util_set_accessible_label (sw, use_label);
  /* what Meta takes from the app, as the group says it above the row:
   * the switch decides about it */
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  veto_app_get_description (app), -1);
  /* the switch is the app's one Tab stop, as a region's radio is: the row
   * was a stop of its own, read as an unselected list item */
  gtk_widget_set_focusable (row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  /* Say so before the person walks into an empty page. */
  {
    const char *region = veto_progress_store_get_region (store);
    g_autoptr(GListModel) steps = region ? veto_catalog_list_steps (veto_checklist_get_catalog (self->checklist),
                                                                    app_id, region) : NULL;

    if (steps != NULL && g_list_model_get_n_items (steps) == 0)
      {
        GtkWidget *warning = adw_action_row_new ();

        veto_util_row_set_title (ADW_PREFERENCES_ROW (warning), _("Nothing to do for this app where you live"));
        adw_action_row_add_prefix (ADW_ACTION_ROW (warning),
                                   g_object_new (GTK_TYPE_IMAGE, "icon-name", "dialog-information-symbolic",
                                                 "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                                 NULL));
        gtk_widget_add_css_class (warning, "dim-label");
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), warning);
      }
  }

  for (guint i = 0; used && i < n_accounts; i++)
    {
      g_autofree char *label = veto_progress_store_dup_account_label (store, app_id, accounts[i]);
      g_autofree char *title = NULL;
      g_autofree char *remove_label = NULL;
      GtkWidget *entry = adw_entry_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      GtkEventController *focus = gtk_event_controller_focus_new ();

      /* Translators: %u numbers the person's accounts on an app: 1, 2, 3 */
      title = g_strdup_printf (_("Name of account %u (optional)"), i + 1);
      veto_util_row_set_title (ADW_PREFERENCES_ROW (entry), title);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (entry), label ? label : "");
      g_object_set_data_full (G_OBJECT (entry), "account-id", g_strdup (accounts[i]), g_free);
      g_signal_connect_object (entry, "apply", G_CALLBACK (on_label_apply), app, 0);
      g_signal_connect_object (focus, "leave", G_CALLBACK (on_label_focus_leave), app, 0);
      gtk_widget_add_controller (entry, focus);

      /* Translators: %u numbers the person's accounts on an app */
      remove_label = g_strdup_printf (_("Remove account %u"), i + 1);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_label);
      veto_util_set_accessible_label (remove, remove_label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.remove-account");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(ss)", app_id, accounts[i]);
      /* an app you use has at least one account */
      gtk_widget_set_sensitive (remove, n_accounts > 1);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry), remove);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), entry);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 identifier_row_new (store, app, accounts[i], i + 1));
    }

  if (used)
    {
      GtkWidget *add = gtk_button_new ();
      g_autofree char *add_label = g_strdup_printf (_("Add Another %s Account"), veto_app_get_name (app));
      /* not an AdwButtonContent: its label cannot wrap, and « Ajouter un
       * autre compte Application Meta AI » is wider than a phone */
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (add_label);

      gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("list-add-symbolic"));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (content), label);
      gtk_button_set_child (GTK_BUTTON (add), content);
      gtk_widget_set_halign (add, GTK_ALIGN_START);
      gtk_widget_set_margin_top (add, 6);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "win.add-account");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "s", app_id);
      veto_util_set_accessible_label (add, add_label);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add);
    }

  return group;
}

static void
rebuild (VetoAppsPage *self)
{
  GListModel *apps = veto_catalog_get_apps (veto_checklist_get_catalog (self->checklist));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  int focused_group = -1;

  /* Keep keyboard focus on the same app across the rebuild. */
  for (guint i = 0; focus != NULL && i < self->groups->len; i++)
    if (gtk_widget_is_ancestor (focus, g_ptr_array_index (self->groups, i)))
      focused_group = i;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->switches, 0);

  for (guint i = 0; i < g_list_model_get_n_items (apps); i++)
    {
      g_autoptr(VetoApp) app = g_list_model_get_item (apps, i);
      GtkWidget *group = build_group (self, app);

      g_ptr_array_add (self->groups, group);
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
    }

  g_free (self->layout_key);
  self->layout_key = compute_layout_key (self);

  if (focused_group >= 0 && (guint)focused_group < self->switches->len)
    gtk_widget_grab_focus (g_ptr_array_index (self->switches, focused_group));
}

static gboolean
rebuild_idle (gpointer user_data)
{
  VetoAppsPage *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

/* Rebuilt from an idle: the change may come from a switch still inside
 * its own signal handler. */
static void
on_store_changed (VetoAppsPage      *self,
                  VetoProgressStore *store)
{
  g_autofree char *key = compute_layout_key (self);

  if (g_strcmp0 (key, self->layout_key) != 0 && self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle, self);

  /* A switch turned off and the change then cancelled (the window asked
   * first) goes back to what the store says. */
  for (guint i = 0; self->rebuild_id == 0 && i < self->switches->len; i++)
    {
      GtkSwitch *sw = g_ptr_array_index (self->switches, i);
      VetoApp *app = g_object_get_data (G_OBJECT (sw), "veto-app");
      gboolean used = veto_progress_store_has_app (store, veto_app_get_id (app));

      if (gtk_switch_get_active (sw) != used)
        {
          g_signal_handlers_block_by_func (sw, on_switch_active, app);
          gtk_switch_set_active (sw, used);
          g_signal_handlers_unblock_by_func (sw, on_switch_active, app);
        }
    }
}

static void
veto_apps_page_dispose (GObject *object)
{
  GtkWidget *child;
  VetoAppsPage *self = (VetoAppsPage *)object;

  if (self->checklist != NULL)
    g_clear_signal_handler (&self->changed_id, veto_checklist_get_store (self->checklist));
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), VETO_TYPE_APPS_PAGE);
  /* dispose_template() only drops bound children; the layout's own child
   * must go too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->checklist);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->switches, g_ptr_array_unref);
  g_clear_pointer (&self->layout_key, g_free);

  G_OBJECT_CLASS (veto_apps_page_parent_class)->dispose (object);
}

static void
veto_apps_page_class_init (VetoAppsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = veto_apps_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "veto-apps-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VetoAppsPage, page);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
veto_apps_page_init (VetoAppsPage *self)
{
  self->groups = g_ptr_array_new ();
  self->switches = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
veto_apps_page_new (VetoChecklist *checklist)
{
  VetoAppsPage *self = g_object_new (VETO_TYPE_APPS_PAGE, NULL);

  self->checklist = g_object_ref (checklist);
  self->changed_id = g_signal_connect_object (veto_checklist_get_store (checklist), "changed",
                                              G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  rebuild (self);

  return GTK_WIDGET (self);
}
