/* veto-window.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-app-page.h"
#include "veto-apps-page.h"
#include "veto-catalog-updater.h"
#include "veto-dashboard.h"
#include "veto-done-page.h"
#include "veto-links-page.h"
#include "veto-record.h"
#include "veto-region-page.h"
#include "veto-step-card.h"
#include "veto-welcome-page.h"
#include "veto-window.h"
#include "veto-window-record.h"
#include "veto-util.h"

/* The main window: a stack of pages with Back and Next in the header.
 *
 * The first run is a wizard: welcome, region, apps, one page per chosen app,
 * then a summary. Later runs open on the dashboard, from which any app's
 * page opens; the wizard can be run again from the menu.
 *
 * Every operation is a win.* action (gtk_widget_class_install_action), so
 * buttons, keyboard shortcuts and tests all take the same path, and every
 * change goes straight to the progress store, which saves it at once. */

struct _VetoWindow
{
  AdwApplicationWindow  parent_instance;

  VetoChecklist        *checklist;
  GCancellable         *cancellable;

  /* the wizard's order of pages, recomputed as apps are chosen */
  GPtrArray            *sequence;
  gboolean              in_wizard;
  char                 *region;        /* mirror of the store, for win.region */

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *back_button;
  GtkWidget            *next_button;
  GtkProgressBar       *wizard_progress;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkWidget            *retry_button;
  GtkStack             *stack;
};

G_DEFINE_FINAL_TYPE (VetoWindow, veto_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CHECKLIST,
  PROP_REGION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Actions that change the person's progress: off when it is read-only. */
static const char * const editing_actions[] = {
  "win.region", "win.set-app-used", "win.add-account", "win.remove-account",
  "win.rename-account", "win.set-state", "win.set-note", "win.recheck", "win.mark-checked",
  "win.set-date", "win.undo-step", "win.undo-last", "win.attach-email", "win.choose-email",
};

static VetoProgressStore *
get_store (VetoWindow *self)
{
  return veto_checklist_get_store (self->checklist);
}

static VetoCatalog *
get_catalog (VetoWindow *self)
{
  return veto_checklist_get_catalog (self->checklist);
}

static void
recompute_sequence (VetoWindow *self)
{
  GListModel *apps = veto_catalog_get_apps (get_catalog (self));

  g_ptr_array_set_size (self->sequence, 0);
  g_ptr_array_add (self->sequence, g_strdup ("welcome"));
  g_ptr_array_add (self->sequence, g_strdup ("region"));
  g_ptr_array_add (self->sequence, g_strdup ("apps"));

  for (guint i = 0; i < g_list_model_get_n_items (apps); i++)
    {
      g_autoptr(VetoApp) app = g_list_model_get_item (apps, i);

      if (veto_progress_store_has_app (get_store (self), veto_app_get_id (app)))
        g_ptr_array_add (self->sequence, g_strconcat ("app:", veto_app_get_id (app), NULL));
    }

  g_ptr_array_add (self->sequence, g_strdup ("done"));
}

static int
sequence_index (VetoWindow *self,
                const char *page)
{
  for (guint i = 0; i < self->sequence->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->sequence, i), page) == 0)
      return i;

  return -1;
}

/* Pages are made the first time they are shown, so that opening the window
 * costs one page, not all of them. */
static GtkWidget *
ensure_page (VetoWindow *self,
             const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, name);

  if (page != NULL)
    return page;

  if (g_str_equal (name, "welcome"))
    page = veto_welcome_page_new ();
  else if (g_str_equal (name, "region"))
    page = veto_region_page_new (self->checklist);
  else if (g_str_equal (name, "apps"))
    page = veto_apps_page_new (self->checklist);
  else if (g_str_equal (name, "done"))
    page = veto_done_page_new (self->checklist);
  else if (g_str_equal (name, "dashboard"))
    page = veto_dashboard_new (self->checklist);
  else if (g_str_equal (name, "links"))
    page = veto_links_page_new (self->checklist);
  else if (g_str_has_prefix (name, "app:"))
    {
      VetoApp *app = veto_catalog_lookup_app (get_catalog (self), name + 4);

      g_return_val_if_fail (app != NULL, NULL);
      page = veto_app_page_new (self->checklist, app);
    }
  else
    g_return_val_if_reached (NULL);

  gtk_stack_add_named (self->stack, page, name);
  return page;
}

static const char *
page_title (VetoWindow *self,
            const char *name)
{
  if (g_str_equal (name, "welcome"))
    return _("Welcome");
  if (g_str_equal (name, "region"))
    return _("Where You Live");
  if (g_str_equal (name, "apps"))
    return _("Your Apps");
  if (g_str_equal (name, "done"))
    return _("Summary");
  if (g_str_equal (name, "links"))
    return _("Links");
  if (g_str_has_prefix (name, "app:"))
    {
      VetoApp *app = veto_catalog_lookup_app (get_catalog (self), name + 4);

      return app ? veto_app_get_name (app) : "";
    }
  return _("Overview");
}

static gboolean
can_go_next (VetoWindow *self,
             const char *page)
{
  if (g_str_equal (page, "region"))
    return veto_progress_store_get_region (get_store (self)) != NULL;

  if (g_str_equal (page, "apps"))
    {
      g_auto(GStrv) apps = veto_progress_store_dup_apps (get_store (self));

      return apps[0] != NULL;
    }

  return !g_str_equal (page, "done");
}

static void
update_chrome (VetoWindow *self)
{
  const char *page = veto_window_get_page (self);
  int index;

  if (page == NULL)
    return;

  if (self->in_wizard)
    recompute_sequence (self);
  index = self->in_wizard ? sequence_index (self, page) : -1;

  adw_window_title_set_title (self->window_title, page_title (self, page));

  if (index >= 0)
    {
      /* Translators: the wizard's progress, "Step 2 of 6" */
      g_autofree char *subtitle = g_strdup_printf (_("Step %d of %u"), index + 1, self->sequence->len);

      adw_window_title_set_subtitle (self->window_title, subtitle);
      gtk_progress_bar_set_fraction (self->wizard_progress, (double)(index + 1) / self->sequence->len);
    }
  else
    adw_window_title_set_subtitle (self->window_title, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->wizard_progress), index >= 0);
  gtk_widget_set_visible (self->next_button, index > 0 && (guint)index + 1 < self->sequence->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next",
                                 index >= 0 && (guint)index + 1 < self->sequence->len &&
                                 can_go_next (self, page));

  gtk_widget_set_visible (self->back_button, index > 0 || (index < 0 && !g_str_equal (page, "dashboard")));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back",
                                 index > 0 || (index < 0 && !g_str_equal (page, "dashboard")));
}

static void
show_page (VetoWindow *self,
           const char *name)
{
  GtkWidget *page = ensure_page (self, name);

  if (page == NULL)
    return;

  /* GtkStack moves keyboard focus into the new page when it was in the
   * old one, so a keyboard user never lands on a button that vanished. */
  gtk_stack_set_visible_child (self->stack, page);
  update_chrome (self);
}

static void
update_export (VetoWindow *self)
{
  /* an empty record proves nothing */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-record",
                                 veto_checklist_get_n_tasks (self->checklist) > 0);
}

static void
update_editing (VetoWindow *self)
{
  gboolean editable = !veto_progress_store_get_read_only (get_store (self));

  for (guint i = 0; i < G_N_ELEMENTS (editing_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), editing_actions[i], editable);
}

static void
on_store_changed (VetoWindow        *self,
                  VetoProgressStore *store)
{
  const char *region = veto_progress_store_get_region (store);

  if (g_strcmp0 (region ? region : "", self->region) != 0)
    {
      g_free (self->region);
      self->region = g_strdup (region ? region : "");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
    }

  update_chrome (self);
  update_export (self);
}

static void
on_save_error (VetoWindow        *self,
               GParamSpec        *pspec,
               VetoProgressStore *store)
{
  const GError *error = veto_progress_store_get_save_error (store);

  if (error != NULL)
    {
      g_autofree char *message =
        g_strdup_printf ("%s\n%s", error->message,
                         _("Your changes are kept in Veto while it is open; it will save them as soon as it can."));

      gtk_label_set_text (self->error_label, message);
      gtk_widget_set_visible (self->retry_button, TRUE);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
    }
  else if (gtk_widget_get_visible (self->retry_button))
    {
      gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
      veto_window_show_toast (self, _("Your progress is saved."));
    }
}

/* --- navigation actions ------------------------------------------------ */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  int index;

  recompute_sequence (self);
  index = sequence_index (self, veto_window_get_page (self));
  if (index >= 0 && (guint)index + 1 < self->sequence->len)
    show_page (self, g_ptr_array_index (self->sequence, index + 1));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  int index;

  if (!self->in_wizard)
    {
      show_page (self, "dashboard");
      return;
    }

  recompute_sequence (self);
  index = sequence_index (self, veto_window_get_page (self));
  if (index > 0)
    show_page (self, g_ptr_array_index (self->sequence, index - 1));
}

static void
run_wizard_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);

  self->in_wizard = TRUE;
  /* Someone coming back has read the welcome already. */
  show_page (self, veto_progress_store_get_region (get_store (self)) ? "region" : "welcome");
}

static void
show_dashboard_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);

  self->in_wizard = FALSE;
  show_page (self, "dashboard");
}

static void
show_app_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *app_id = g_variant_get_string (parameter, NULL);
  g_autofree char *name = g_strconcat ("app:", app_id, NULL);

  if (veto_catalog_lookup_app (get_catalog (self), app_id) == NULL)
    return;

  self->in_wizard = FALSE;
  show_page (self, name);
}

static void
check_links_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);

  self->in_wizard = FALSE;
  show_page (self, "links");
  veto_links_page_start (VETO_LINKS_PAGE (veto_window_get_page_widget (self, "links")));
}

static gboolean
reload_catalog_idle (gpointer user_data)
{
  veto_application_reload_catalog (VETO_APPLICATION (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_catalog_updated (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(VetoWindow) self = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  VetoCatalogUpdate update;
  int version = 0;

  update = veto_catalog_updater_update_finish (VETO_CATALOG_UPDATER (source), result, &version, &error);
  g_weak_ref_clear (ref);
  g_free (ref);

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.update-steps", TRUE);

  switch (update)
    {
    case VETO_CATALOG_UPDATE_UPDATED:
      /* Translators: %d is the new version of the steps */
      message = g_strdup_printf (_("The steps were updated to version %d."), version);
      break;

    case VETO_CATALOG_UPDATE_UP_TO_DATE:
      /* Translators: %d is a version of the steps */
      message = g_strdup_printf (_("You already have the newest steps (version %d)."), version);
      break;

    case VETO_CATALOG_UPDATE_NOT_NEWER:
      message = g_strdup (_("The published steps are not newer than yours; nothing changed."));
      break;

    case VETO_CATALOG_UPDATE_FAILED:
    default:
      message = g_strdup_printf (_("The steps could not be updated: %s Nothing changed."),
                                 error ? error->message : "");
      break;
    }

  veto_window_show_toast (self, message);

  /* The windows are rebuilt on the new steps, after this callback returns. */
  if (update == VETO_CATALOG_UPDATE_UPDATED)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_catalog_idle,
                     g_object_ref (gtk_window_get_application (GTK_WINDOW (self))), g_object_unref);
}

static void
update_steps_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  VetoApplication *app = VETO_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  VetoCatalogUpdater *updater = app ? veto_application_get_updater (app) : NULL;
  GWeakRef *ref;

  if (updater == NULL || veto_catalog_updater_get_busy (updater))
    return;

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  gtk_widget_action_set_enabled (widget, "win.update-steps", FALSE);
  veto_window_show_toast (self, _("Looking for newer steps…"));
  veto_catalog_updater_update_async (updater, self->cancellable, on_catalog_updated, ref);
}

/* --- editing actions --------------------------------------------------- */

static void
set_app_used_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *app_id;
  gboolean used;

  g_variant_get (parameter, "(&sb)", &app_id, &used);
  if (veto_catalog_lookup_app (get_catalog (self), app_id) == NULL)
    return;

  /* stopping asks first when something recorded would move aside */
  if (!used && veto_progress_store_has_app (get_store (self), app_id))
    veto_window_record_stop_using_app (self, app_id);
  else
    veto_progress_store_set_app (get_store (self), app_id, used);
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *app_id = g_variant_get_string (parameter, NULL);
  g_autofree char *id = NULL;

  if (veto_catalog_lookup_app (get_catalog (self), app_id) != NULL)
    id = veto_progress_store_add_account (get_store (self), app_id, NULL);
}

/* Whether anything at all was recorded for that account. */
static gboolean
account_has_progress (VetoWindow *self,
                      const char *app_id,
                      const char *account_id)
{
  VetoApp *app = veto_catalog_lookup_app (get_catalog (self), app_id);
  GListModel *steps = app ? veto_app_get_steps (app) : NULL;

  for (guint i = 0; steps != NULL && i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(VetoStep) step = g_list_model_get_item (steps, i);
      g_autofree char *note = veto_progress_store_dup_note (get_store (self), veto_step_get_id (step), account_id);

      if (note != NULL ||
          veto_progress_store_get_state (get_store (self), veto_step_get_id (step), account_id) != VETO_STEP_STATE_TODO)
        return TRUE;
    }

  return FALSE;
}

static void
on_remove_response (AdwMessageDialog *dialog,
                    const char       *response,
                    VetoWindow       *self)
{
  const char *app_id = g_object_get_data (G_OBJECT (dialog), "app-id");
  const char *account_id = g_object_get_data (G_OBJECT (dialog), "account-id");

  if (g_str_equal (response, "remove"))
    veto_progress_store_remove_account (get_store (self), app_id, account_id);
}

static void
remove_account_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *app_id, *account_id;
  g_auto(GStrv) accounts = NULL;
  AdwMessageDialog *dialog;

  g_variant_get (parameter, "(&s&s)", &app_id, &account_id);
  accounts = veto_progress_store_dup_accounts (get_store (self), app_id);

  /* An app in use keeps at least one account. */
  if (g_strv_length (accounts) < 2)
    return;

  if (!account_has_progress (self, app_id, account_id))
    {
      veto_progress_store_remove_account (get_store (self), app_id, account_id);
      return;
    }

  /* What was recorded for the account is the person's proof: ask first. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Remove This Account?"),
                                                       _("Veto will forget what you recorded for it: the steps, their dates and your notes. Meta is not told anything.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "app-id", g_strdup (app_id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "account-id", g_strdup (account_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_account_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *app_id, *account_id, *label;
  g_autofree char *clean = NULL;

  g_variant_get (parameter, "(&s&s&s)", &app_id, &account_id, &label);
  clean = g_strstrip (g_strdup (label));
  veto_progress_store_set_account_label (get_store (self), app_id, account_id, clean);
}

static VetoStep *
lookup_step (VetoWindow *self,
             const char *step_id)
{
  return veto_catalog_lookup_step (get_catalog (self), step_id);
}

static void
set_state_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *step_id, *account_id, *token;
  VetoStepState state;

  g_variant_get (parameter, "(&s&s&s)", &step_id, &account_id, &token);
  if (lookup_step (self, step_id) == NULL || !veto_step_state_from_string (token, &state))
    return;

  veto_window_record_set_state (self, step_id, account_id, state);
}

static void
set_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *step_id, *account_id, *note;

  g_variant_get (parameter, "(&s&s&s)", &step_id, &account_id, &note);
  if (lookup_step (self, step_id) != NULL)
    veto_progress_store_set_note (get_store (self), step_id, *account_id ? account_id : NULL, note);
}

/* --- links and clipboard ----------------------------------------------- */

typedef struct
{
  GWeakRef  window;
  char     *step_id;
  char     *account_id;
  char     *url;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_weak_ref_clear (&data->window);
  g_free (data->step_id);
  g_free (data->account_id);
  g_free (data->url);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

static GtkWidget *
find_visible_card (VetoWindow *self,
                   const char *step_id,
                   const char *account_id)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  if (page == NULL || !VETO_IS_APP_PAGE (page))
    return NULL;

  return veto_app_page_find_card (VETO_APP_PAGE (page), step_id, account_id);
}

static void
on_uri_shown (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  g_autoptr(VetoWindow) self = g_weak_ref_get (&data->window);
  g_autoptr(GError) error = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    return;

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_debug ("Could not open %s: %s", data->url, error->message);

  {
    AdwToast *toast = adw_toast_new (_("No browser opened the page. Copy the link and paste it in your browser, or try the other official links."));
    GtkWidget *card = find_visible_card (self, data->step_id, data->account_id);

    adw_toast_set_timeout (toast, 0);
    adw_toast_set_button_label (toast, _("_Copy Link"));
    adw_toast_set_action_name (toast, "win.copy-url");
    adw_toast_set_action_target_value (toast, g_variant_new_string (data->url));
    adw_toast_overlay_add_toast (self->toast_overlay, toast);

    if (card != NULL)
      veto_step_card_reveal_fallbacks (VETO_STEP_CARD (card));
  }
}

static void
open_url (VetoWindow *self,
          VetoStep   *step,
          const char *account_id,
          const char *url)
{
  OpenData *data = g_new0 (OpenData, 1);

  g_weak_ref_init (&data->window, self);
  data->step_id = g_strdup (veto_step_get_id (step));
  data->account_id = g_strdup (account_id);
  data->url = g_strdup (url);

  gtk_show_uri_full (GTK_WINDOW (self), url, GDK_CURRENT_TIME, self->cancellable, on_uri_shown, data);
}

static gboolean
url_belongs_to_step (VetoStep   *step,
                     const char *url,
                     gboolean   *is_form)
{
  const char * const *fallbacks = veto_step_get_fallback_urls (step);

  *is_form = veto_step_get_kind (step) == VETO_STEP_KIND_FORM;

  if (g_strcmp0 (veto_step_get_url (step), url) == 0 ||
      g_strv_contains (fallbacks, url))
    return TRUE;

  /* a source is worth reading, but it is not the form that was used */
  *is_form = FALSE;
  return g_strv_contains (veto_step_get_sources (step), url);
}

static void
open_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *step_id, *account_id;
  VetoStep *step;

  g_variant_get (parameter, "(&s&s)", &step_id, &account_id);
  step = lookup_step (self, step_id);
  if (step == NULL || veto_step_get_url (step) == NULL)
    return;

  /* The record keeps the address actually used: Meta moves its forms. */
  if (veto_step_get_kind (step) == VETO_STEP_KIND_FORM && !veto_progress_store_get_read_only (get_store (self)))
    veto_progress_store_set_form_url (get_store (self), step_id, *account_id ? account_id : NULL,
                                      veto_step_get_url (step));

  open_url (self, step, account_id, veto_step_get_url (step));
}

static void
open_url_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *step_id, *account_id, *url;
  VetoStep *step;
  gboolean is_form;

  g_variant_get (parameter, "(&s&s&s)", &step_id, &account_id, &url);
  step = lookup_step (self, step_id);

  /* Only addresses from the validated catalog are ever opened. */
  if (step == NULL || !url_belongs_to_step (step, url, &is_form))
    return;

  if (is_form && !veto_progress_store_get_read_only (get_store (self)))
    veto_progress_store_set_form_url (get_store (self), step_id, *account_id ? account_id : NULL, url);

  open_url (self, step, account_id, url);
}

static void
mark_checked_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *step_id, *account_id;

  g_variant_get (parameter, "(&s&s)", &step_id, &account_id);
  if (lookup_step (self, step_id) == NULL)
    return;

  veto_progress_store_mark_checked (get_store (self), step_id, *account_id ? account_id : NULL);
  veto_window_show_toast (self, _("Today’s check is recorded."));
}

/* Rechecking a step: its official page again. The check itself is
 * recorded when the person says they did it (veto_window_record_offer_check). */
static void
recheck_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *step_id, *account_id;
  VetoStep *step;

  g_variant_get (parameter, "(&s&s)", &step_id, &account_id);
  step = lookup_step (self, step_id);
  if (step == NULL)
    return;

  if (veto_step_get_url (step) != NULL)
    open_url (self, step, account_id, veto_step_get_url (step));
  veto_window_record_offer_check (self, step_id, account_id);
}

static void
copy_objection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  VetoStep *step = lookup_step (self, g_variant_get_string (parameter, NULL));

  if (step == NULL || veto_step_get_objection_text (step) == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), veto_step_get_objection_text (step));
  veto_window_show_toast (self, _("Objection text copied. Paste it in the form’s optional reason field."));
}

static void
copy_url_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), g_variant_get_string (parameter, NULL));
  veto_window_show_toast (VETO_WINDOW (widget), _("Link copied."));
}

/* --- the record -------------------------------------------------------- */

typedef struct
{
  GWeakRef  window;
  GFile    *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_weak_ref_clear (&data->window);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportData, export_data_free)

static void
on_record_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ExportData) data = user_data;
  g_autoptr(VetoWindow) self = g_weak_ref_get (&data->window);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!veto_record_write_finish (VETO_CHECKLIST (source), result, &error))
    {
      if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* the message names the file and says what to do; it stays */
      toast = veto_util_toast_new (error->message);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  if (self != NULL)
    {
      g_autofree char *name = g_file_get_basename (data->file);
      /* Translators: %s is a file name */
      g_autofree char *text = g_strdup_printf (_("Your record was saved as %s."), name);
      g_autofree char *uri = g_file_get_uri (data->file);

      toast = veto_util_toast_new (text);
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-file");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
export_record_to_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  ExportData *data = g_new0 (ExportData, 1);

  g_weak_ref_init (&data->window, self);
  data->file = g_file_new_for_commandline_arg (g_variant_get_string (parameter, NULL));

  /* drawn in a worker thread, from a snapshot of the checklist */
  veto_record_write_async (self->checklist, data->file, veto_record_format_for_file (data->file),
                           self->cancellable, on_record_written, data);
}

/* "Export Record…" offers PDF and Markdown. The name's ending decides the
 * format, unless the person left Veto's suggested name (or typed none) and
 * chose the Markdown filter: then the ending follows the filter. (The
 * fallback dialog does not tell GtkFileChooserNative when its filter
 * changes, so this is decided on the answer.) */
static char *
with_format_suffix (GtkFileChooser *chooser,
                    const char     *path)
{
  GtkFileFilter *pdf = g_object_get_data (G_OBJECT (chooser), "pdf-filter");
  const char *suggested = g_object_get_data (G_OBJECT (chooser), "suggested-name");
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
  g_autofree char *base = g_path_get_basename (path);
  gboolean markdown = filter != NULL && filter != pdf;
  const char *suffix = markdown ? ".md" : ".pdf";

  if (g_str_has_suffix (path, ".md") || (g_str_has_suffix (path, ".pdf") && g_strcmp0 (base, suggested) != 0))
    return g_strdup (path);

  if (g_str_has_suffix (path, ".pdf"))
    {
      g_autofree char *stem = g_strndup (path, strlen (path) - strlen (".pdf"));

      return g_strconcat (stem, suffix, NULL);
    }

  return g_strconcat (path, suffix, NULL);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    VetoWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          g_autofree char *chosen = with_format_suffix (GTK_FILE_CHOOSER (dialog), path);

          gtk_widget_activate_action (GTK_WIDGET (self), "win.export-record-to", "s", chosen);
        }
    }

  g_object_unref (dialog);
}

static void
export_record_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  g_autofree char *name = veto_record_suggest_filename (self->checklist, VETO_RECORD_FORMAT_PDF);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) markdown = gtk_file_filter_new ();

  /* GtkFileDialog is GTK 4.10; GtkFileChooserNative also talks to the
   * portal inside a sandbox. */
  dialog = gtk_file_chooser_native_new (_("Export Your Record"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  gtk_file_filter_set_name (pdf, _("PDF document"));
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_filter_set_name (markdown, _("Markdown text"));
  gtk_file_filter_add_suffix (markdown, "md");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), markdown);

  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  g_object_set_data_full (G_OBJECT (dialog), "pdf-filter", g_object_ref (pdf), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "suggested-name", g_strdup (name), g_free);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_file_shown (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    veto_window_show_toast (VETO_WINDOW (source), error->message);
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);

  gtk_show_uri_full (GTK_WINDOW (self), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME,
                     self->cancellable, on_file_shown, NULL);
}


/* The shortcuts window is built when asked for, not with every window as
 * GtkApplication's automatic help overlay would: it saves start-up time. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "veto-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

/* --- messages ---------------------------------------------------------- */

static void
dismiss_error_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
retry_save_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);

  /* a failure updates the banner through save-error */
  veto_progress_store_save (get_store (self), NULL);
}

/* --- GObject ----------------------------------------------------------- */

static void
veto_window_constructed (GObject *object)
{
  VetoWindow *self = (VetoWindow *)object;
  VetoProgressStore *store = get_store (self);
  g_auto(GStrv) apps = veto_progress_store_dup_apps (store);
  const char *region = veto_progress_store_get_region (store);

  G_OBJECT_CLASS (veto_window_parent_class)->constructed (object);

  self->region = g_strdup (region ? region : "");
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::save-error", G_CALLBACK (on_save_error), self, G_CONNECT_SWAPPED);

  update_editing (self);
  update_export (self);
  if (veto_progress_store_get_read_only (store))
    veto_window_show_error (self, _("Your progress was saved by a newer version of Veto. It is shown read-only, so that nothing in it is lost; update Veto to change it."));

  /* A person who has chosen where they live and their apps has been
   * through the wizard: they get the overview. */
  self->in_wizard = region == NULL || apps[0] == NULL;
  show_page (self, self->in_wizard ? "welcome" : "dashboard");
}

static void
veto_window_dispose (GObject *object)
{
  VetoWindow *self = (VetoWindow *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VETO_TYPE_WINDOW);
  g_clear_object (&self->checklist);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (veto_window_parent_class)->dispose (object);
}

static void
veto_window_finalize (GObject *object)
{
  VetoWindow *self = (VetoWindow *)object;

  g_clear_pointer (&self->sequence, g_ptr_array_unref);
  g_clear_pointer (&self->region, g_free);

  G_OBJECT_CLASS (veto_window_parent_class)->finalize (object);
}

static void
veto_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VetoWindow *self = VETO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      g_value_set_object (value, self->checklist);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
veto_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VetoWindow *self = VETO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      self->checklist = g_value_dup_object (value);
      break;

    case PROP_REGION:
      {
        const char *region = g_value_get_string (value);

        /* The store saves it and "changed" updates self->region; steps
         * that would move aside are named first. */
        if (region != NULL && veto_catalog_lookup_region (get_catalog (self), region) != NULL)
          veto_window_record_change_region (self, region);
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
veto_window_class_init (VetoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = veto_window_constructed;
  object_class->dispose = veto_window_dispose;
  object_class->finalize = veto_window_finalize;
  object_class->get_property = veto_window_get_property;
  object_class->set_property = veto_window_set_property;

  properties[PROP_CHECKLIST] =
    g_param_spec_object ("checklist", NULL, NULL, VETO_TYPE_CHECKLIST,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* Where the person lives, mirrored from the store for win.region. */
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "veto-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, next_button);
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, wizard_progress);
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, stack);

  gtk_widget_class_install_action (widget_class, "win.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.run-wizard", NULL, run_wizard_action);
  gtk_widget_class_install_action (widget_class, "win.show-dashboard", NULL, show_dashboard_action);
  gtk_widget_class_install_action (widget_class, "win.show-app", "s", show_app_action);
  gtk_widget_class_install_action (widget_class, "win.check-links", NULL, check_links_action);
  gtk_widget_class_install_action (widget_class, "win.update-steps", NULL, update_steps_action);
  gtk_widget_class_install_property_action (widget_class, "win.region", "region");
  gtk_widget_class_install_action (widget_class, "win.set-app-used", "(sb)", set_app_used_action);
  gtk_widget_class_install_action (widget_class, "win.add-account", "s", add_account_action);
  gtk_widget_class_install_action (widget_class, "win.remove-account", "(ss)", remove_account_action);
  gtk_widget_class_install_action (widget_class, "win.rename-account", "(sss)", rename_account_action);
  gtk_widget_class_install_action (widget_class, "win.set-state", "(sss)", set_state_action);
  gtk_widget_class_install_action (widget_class, "win.set-note", "(sss)", set_note_action);
  gtk_widget_class_install_action (widget_class, "win.open-step", "(ss)", open_step_action);
  gtk_widget_class_install_action (widget_class, "win.open-url", "(sss)", open_url_action);
  gtk_widget_class_install_action (widget_class, "win.copy-objection", "s", copy_objection_action);
  gtk_widget_class_install_action (widget_class, "win.recheck", "(ss)", recheck_action);
  gtk_widget_class_install_action (widget_class, "win.mark-checked", "(ss)", mark_checked_action);
  gtk_widget_class_install_action (widget_class, "win.export-record", NULL, export_record_action);
  gtk_widget_class_install_action (widget_class, "win.export-record-to", "s", export_record_to_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action);
  gtk_widget_class_install_action (widget_class, "win.copy-url", "s", copy_url_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-error", NULL, dismiss_error_action);
  gtk_widget_class_install_action (widget_class, "win.retry-save", NULL, retry_save_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);

  veto_window_record_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.show-dashboard", NULL);
}

static void
veto_window_init (VetoWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->sequence = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  veto_util_fix_button_names (GTK_WIDGET (self));
  veto_window_record_init (self);
}

void
veto_window_add_toast (VetoWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (VETO_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* After a change of region was cancelled: the radio buttons follow the
 * store again. */
void
veto_window_notify_region (VetoWindow *self)
{
  g_return_if_fail (VETO_IS_WINDOW (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}

VetoWindow *
veto_window_new (VetoApplication *application)
{
  return g_object_new (VETO_TYPE_WINDOW,
                       "application", application,
                       "checklist", veto_application_get_checklist (application),
                       NULL);
}

/**
 * veto_window_show_error:
 * @self: a #VetoWindow
 * @message: what happened and what to do
 *
 * Shows a message that stays until the person dismisses it, for things
 * they must not miss (a damaged progress file, a failed save).
 */
void
veto_window_show_error (VetoWindow *self,
                        const char *message)
{
  g_return_if_fail (VETO_IS_WINDOW (self));

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (self->retry_button, veto_progress_store_get_save_error (get_store (self)) != NULL);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

void
veto_window_show_toast (VetoWindow *self,
                        const char *message)
{
  g_return_if_fail (VETO_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, veto_util_toast_new (message));
}

/**
 * veto_window_get_page:
 *
 * Returns: (nullable): the name of the page on screen: `welcome`, `region`,
 *   `apps`, `app:<id>`, `done` or `dashboard`
 */
const char *
veto_window_get_page (VetoWindow *self)
{
  g_return_val_if_fail (VETO_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
veto_window_get_in_wizard (VetoWindow *self)
{
  g_return_val_if_fail (VETO_IS_WINDOW (self), FALSE);
  return self->in_wizard;
}

/**
 * veto_window_get_page_widget:
 *
 * Returns: (transfer none) (nullable): the page of that name, if made
 */
GtkWidget *
veto_window_get_page_widget (VetoWindow *self,
                             const char *name)
{
  g_return_val_if_fail (VETO_IS_WINDOW (self), NULL);
  return gtk_stack_get_child_by_name (self->stack, name);
}
