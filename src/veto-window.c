/* veto-window.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-app-page.h"
#include "veto-assistant.h"
#include "veto-apps-page.h"
#include "veto-dashboard.h"
#include "veto-done-page.h"
#include "veto-links-page.h"
#include "veto-region-page.h"
#include "veto-welcome-page.h"
#include "veto-close-guard.h"
#include "veto-window.h"
#include "veto-window-private.h"
#include "veto-window-record.h"
#include "veto-util.h"

/* The main window: a stack of pages with Back and Next in the header.
 *
 * The first run is a wizard: welcome, region, apps, one page per chosen app,
 * then a summary; VetoAssistant says which page comes next and how far
 * along the person is. Later runs open on the overview, from which any
 * app's page (or any one step of it) opens; the wizard can be run again
 * from the menu.
 *
 * Every operation is a win.* action (gtk_widget_class_install_action), so
 * buttons, keyboard shortcuts and tests all take the same path, and every
 * change goes straight to the progress store, which saves it at once. The
 * actions on progress, links and the record are in veto-window-actions.c. */


G_DEFINE_FINAL_TYPE (VetoWindow, veto_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CHECKLIST,
  PROP_UPDATER,
  PROP_REGION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Actions that change the person's progress: off when it is read-only. */
static const char * const editing_actions[] = {
  "win.region", "win.set-app-used", "win.add-account", "win.remove-account",
  "win.rename-account", "win.set-account-identifier", "win.set-state", "win.set-note", "win.recheck", "win.mark-checked",
  "win.set-date", "win.undo-step", "win.undo-last", "win.attach-email", "win.choose-email",
};

VetoProgressStore *
veto_window_get_store (VetoWindow *self)
{
  return veto_checklist_get_store (self->checklist);
}

static VetoCatalog *
get_catalog (VetoWindow *self)
{
  return veto_checklist_get_catalog (self->checklist);
}


static const char *page_title (VetoWindow *self,
                               const char *name);

/* GTK 4.8 puts each page's GtkStackPage on the accessibility bus, between
 * the stack and the page, and names it "GtkStackPage" when it has no name
 * of its own: Orca then said « GtkStackPage tableau de bord » at every page
 * change. It is named as its page is, and so Orca, which skips a container
 * named as its only child, says the page's name once. */
static void
name_stack_page (VetoWindow *self,
                 GtkWidget  *page,
                 const char *name)
{
  GtkStackPage *stack_page = gtk_stack_get_page (self->stack, page);
  const char *title = page_title (self, name);

  gtk_stack_page_set_title (stack_page, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (stack_page),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL);
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
  name_stack_page (self, page, name);
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

/* The button Enter presses on a page: its own suggested action if it has
 * one (Start, the first card's Open button, See the Overview), else Next. */
static GtkWidget *
find_primary (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_has_css_class (root, "suggested-action") &&
      gtk_widget_get_visible (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Narrow is below 400 px, the width at which the header bar no longer has
 * room for the page's title beside Next. libadwaita 1.2 has no
 * breakpoints: the window's default width follows its size as it is
 * resized, and says so (notify::default-width). */
#define NARROW_WIDTH 400

static gboolean
is_narrow (VetoWindow *self)
{
  int width = 0, height = 0;

  /* GTK 4.8 writes both, NULL or not */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  return width > 0 && width < NARROW_WIDTH;
}

static void update_next_emphasis (VetoWindow *self);

static void
update_chrome (VetoWindow *self)
{
  const char *page = veto_window_get_page (self);
  gboolean in_wizard = veto_assistant_get_active (self->assistant);
  g_autofree char *where = NULL;
  double fraction = 0;
  gboolean has_next, show_next, narrow;

  if (page == NULL)
    return;

  adw_window_title_set_title (self->window_title, page_title (self, page));

  /* "Facebook — step 4 of 6", under the header bar so that it stays when
   * the window is narrow */
  if (in_wizard)
    where = veto_assistant_describe (self->assistant, page, &fraction);
  gtk_label_set_text (self->wizard_label, where ? where : "");
  gtk_progress_bar_set_fraction (self->wizard_progress, fraction);
  gtk_widget_set_visible (GTK_WIDGET (self->wizard_progress), where != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->wizard_label), where != NULL);

  has_next = in_wizard && veto_assistant_get_next (self->assistant, page) != NULL;
  show_next = has_next && !g_str_equal (page, "welcome");
  /* below 400 px, back, Next, the menu and the window's buttons left the
   * title "…": Next goes to a bar at the bottom, as a phone app has it */
  narrow = is_narrow (self);
  gtk_widget_set_visible (self->next_button, show_next && !narrow);
  gtk_action_bar_set_revealed (self->bottom_bar, show_next && narrow);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next",
                                 has_next && veto_assistant_can_go_next (self->assistant, page));
  update_next_emphasis (self);

  {
    gboolean can_back = in_wizard
      ? veto_assistant_get_previous (self->assistant, page) != NULL
      : !g_str_equal (page, "dashboard");

    gtk_widget_set_visible (self->back_button, can_back);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", can_back);
  }

  /* the overview has nothing to show until setup is done */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-dashboard",
                                 veto_assistant_is_set_up (self->assistant));
}

/* One blue button in view: Next is suggested only on a page that has no
 * suggested button of its own. A wizard app page has one, its objection's
 * (copy the text and open the form), and at 360 px Next sits in the
 * bottom bar right under it. */
static void
update_next_emphasis (VetoWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);
  gboolean own = page != NULL && find_primary (page) != NULL;
  GtkWidget *nexts[] = { self->next_button, self->bottom_next_button };

  for (guint i = 0; i < G_N_ELEMENTS (nexts); i++)
    {
      if (own)
        gtk_widget_remove_css_class (nexts[i], "suggested-action");
      else
        gtk_widget_add_css_class (nexts[i], "suggested-action");
    }
}

/* A card restyles its buttons from the same change the window hears,
 * in whichever order the handlers run: look once they all have. */
static gboolean
update_next_emphasis_cb (gpointer data)
{
  VetoWindow *self = data;

  self->emphasis_id = 0;
  update_next_emphasis (self);
  return G_SOURCE_REMOVE;
}

/* Enter presses the page's main button, and the focus starts on it, not
 * on the main menu. */
static void
focus_primary (VetoWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);
  GtkWidget *primary = page ? find_primary (page) : NULL;

  if (primary == NULL && gtk_widget_get_visible (self->next_button))
    primary = self->next_button;
  if (primary == NULL && gtk_action_bar_get_revealed (self->bottom_bar))
    primary = self->bottom_next_button;

  gtk_window_set_default_widget (GTK_WINDOW (self), primary);
  if (primary != NULL && gtk_widget_get_sensitive (primary))
    gtk_widget_grab_focus (primary);
}

/* The wizard's pages are made again from the progress when shown, and a
 * person goes through them once: one that was left goes once the slide to
 * the next page is over, so that walking through every app does not keep
 * every page, nor the end of the wizard the pages before it (1.3 MiB of
 * heap). App pages are the heaviest, a card per step and account. The
 * overview, the summary and the links stay: they are shown again and
 * again. */
static void
release_hidden_pages (VetoWindow *self)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->stack);
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));

  if (gtk_stack_get_transition_running (self->stack))
    return;

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      const char *name = gtk_stack_page_get_name (gtk_stack_get_page (self->stack, child));

      if (child != visible && name != NULL &&
          (g_str_has_prefix (name, "app:") || g_str_equal (name, "welcome") ||
           g_str_equal (name, "region") || g_str_equal (name, "apps")))
        gtk_stack_remove (self->stack, child);
      child = next;
    }
}

static gboolean
release_hidden_pages_cb (gpointer user_data)
{
  VetoWindow *self = user_data;

  self->release_id = 0;
  release_hidden_pages (self);
  return G_SOURCE_REMOVE;
}

/* A page left is not released at once: a screen reader handles the focus
 * moving to the new page a little later than GTK tells it, and reads the
 * containers between the new control and the previous one, which must
 * still be there. Orca 43 found the previous control gone when it went
 * with the slide's end, and then said the new button without its page. */
#define RELEASE_DELAY_MS 400

static void
schedule_release (VetoWindow *self)
{
  if (gtk_stack_get_transition_running (self->stack))
    return;
  g_clear_handle_id (&self->release_id, g_source_remove);
  self->release_id = g_timeout_add (RELEASE_DELAY_MS, release_hidden_pages_cb, self);
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
  focus_primary (self);
  schedule_release (self);
}

void
veto_window_show_page (VetoWindow *self,
                       const char *name)
{
  show_page (self, name);
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
  gboolean editable = !veto_progress_store_get_read_only (veto_window_get_store (self));

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
  if (self->emphasis_id == 0)
    self->emphasis_id = g_idle_add (update_next_emphasis_cb, self);
}

/* A message that stays under the header bar until dismissed, with one
 * button that does something about it; for what is too long or too
 * important for a toast. @target is consumed if floating. */
void
veto_window_show_banner (VetoWindow *self,
             const char *message,
             const char *button_label,
             const char *action_name,
             GVariant   *target)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (self->retry_button, button_label != NULL);
  if (button_label != NULL)
    {
      gtk_button_set_label (GTK_BUTTON (self->retry_button), button_label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->retry_button), action_name);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->retry_button), target);
      veto_util_fix_button_names (self->retry_button);
    }
  else if (target != NULL)
    g_variant_unref (g_variant_ref_sink (target));
  self->save_error_shown = FALSE;
  self->disk_error_shown = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->error_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

/* A folded banner is hidden once it has slid away: GTK 4.8 keeps a folded
 * revealer's children on the accessibility bus, and its empty label, which
 * is focusable to be copied, was then named "GtkLabel". */
static void
on_banner_revealed (VetoWindow *self)
{
  if (!gtk_revealer_get_child_revealed (self->error_revealer) &&
      !gtk_revealer_get_reveal_child (self->error_revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->error_revealer), FALSE);
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

      veto_window_show_banner (self, message, _("_Try Again"), "win.retry-save", NULL);
      self->save_error_shown = TRUE;
    }
  else if (self->save_error_shown)
    {
      self->save_error_shown = FALSE;
      gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
      veto_window_show_toast (self, _("Your progress is saved."));
    }
}

/* The progress file was damaged outside Veto while it is open (a typo in a
 * hand edit, an editor half-way through writing it): the window keeps what
 * it shows and changes nothing until the file parses again, or until the
 * person chooses to keep what Veto shows. */
static void
on_disk_error (VetoWindow        *self,
               GParamSpec        *pspec,
               VetoProgressStore *store)
{
  const GError *error = veto_progress_store_get_disk_error (store);

  update_editing (self);
  if (error != NULL)
    {
      veto_window_show_banner (self, error->message, _("_Keep What Veto Shows"), "win.replace-damaged", NULL);
      self->disk_error_shown = TRUE;
    }
  else if (self->disk_error_shown)
    {
      self->disk_error_shown = FALSE;
      gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
      veto_window_show_toast (self, _("Your progress file was read again."));
    }
}

static void
replace_damaged_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  VetoProgressStore *store = veto_window_get_store (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GFile *aside;

  if (veto_progress_store_get_disk_error (store) == NULL)
    return;

  self->disk_error_shown = FALSE;
  aside = veto_progress_store_replace_damaged (store, &error);
  if (aside == NULL)
    {
      veto_window_show_error (self, error->message);
      return;
    }

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Your progress is saved as Veto showed it; the damaged file is kept as %s."),
                             g_file_peek_path (aside));
  veto_window_show_banner (self, message, NULL, NULL, NULL);
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
  veto_progress_store_save (veto_window_get_store (self), NULL);
}

/* --- GObject ----------------------------------------------------------- */

static void
veto_window_constructed (GObject *object)
{
  VetoWindow *self = (VetoWindow *)object;
  VetoProgressStore *store = veto_window_get_store (self);
  g_auto(GStrv) apps = veto_progress_store_dup_apps (store);
  const char *region = veto_progress_store_get_region (store);

  G_OBJECT_CLASS (veto_window_parent_class)->constructed (object);

  self->region = g_strdup (region ? region : "");
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::save-error", G_CALLBACK (on_save_error), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::disk-error", G_CALLBACK (on_disk_error), self, G_CONNECT_SWAPPED);
  veto_close_guard_install (GTK_WINDOW (self), store);

  update_editing (self);
  update_export (self);
  if (veto_progress_store_get_read_only (store))
    veto_window_show_error (self, _("Your progress was saved by a newer version of Veto. It is shown read-only, so that nothing in it is lost; update Veto to change it."));

  /* A person who has chosen where they live and their apps has been
   * through the wizard: they get the overview. */
  self->assistant = veto_assistant_new (self->checklist);
  veto_assistant_set_active (self->assistant, !veto_assistant_is_set_up (self->assistant));
  show_page (self, veto_assistant_get_active (self->assistant) ? "welcome" : "dashboard");
}

/* GtkWindow gives the focus to the first widget it finds when it is
 * mapped (the main menu): the page's main button takes it back. */
static void
veto_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (veto_window_parent_class)->map (widget);
  focus_primary (VETO_WINDOW (widget));
}

static void
veto_window_dispose (GObject *object)
{
  VetoWindow *self = (VetoWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->release_id, g_source_remove);
  g_clear_handle_id (&self->emphasis_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), VETO_TYPE_WINDOW);
  g_clear_object (&self->checklist);
  g_clear_object (&self->updater);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (veto_window_parent_class)->dispose (object);
}

static void
veto_window_finalize (GObject *object)
{
  VetoWindow *self = (VetoWindow *)object;

  g_clear_object (&self->assistant);
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

    case PROP_UPDATER:
      g_value_set_object (value, self->updater);
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

    case PROP_UPDATER:
      self->updater = g_value_dup_object (value);
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
  widget_class->map = veto_window_map;

  properties[PROP_CHECKLIST] =
    g_param_spec_object ("checklist", NULL, NULL, VETO_TYPE_CHECKLIST,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_UPDATER] =
    g_param_spec_object ("updater", NULL, NULL, VETO_TYPE_CATALOG_UPDATER,
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
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, bottom_bar);
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, bottom_next_button);
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, wizard_progress);
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, wizard_label);
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, menu_button);

  veto_window_class_add_navigation (widget_class);
  veto_window_class_add_actions (widget_class);
  gtk_widget_class_install_property_action (widget_class, "win.region", "region");
  gtk_widget_class_install_action (widget_class, "win.dismiss-error", NULL, dismiss_error_action);
  gtk_widget_class_install_action (widget_class, "win.retry-save", NULL, retry_save_action);
  gtk_widget_class_install_action (widget_class, "win.replace-damaged", NULL, replace_damaged_action);

  veto_window_record_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.show-dashboard", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

/* The main menu's popover is made when it is first opened (a click, F10):
 * a GtkPopoverMenu and its items cost the first frame 7 M instructions. */
static void
create_main_menu (GtkMenuButton *button,
                  gpointer       user_data)
{
  GtkBuilder *builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "veto-main-menu.ui");

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (gtk_builder_get_object (builder, "primary_menu")));
  veto_util_name_menu (button, _("Main Menu"));
  g_object_unref (builder);
}

/* Across 400 px, Next moves between the header and the bottom bar; Enter
 * follows it when it was Next's. */
static void
on_default_width (VetoWindow *self)
{
  GtkWidget *was = gtk_window_get_default_widget (GTK_WINDOW (self));

  /* the template's own default size comes before the pages */
  if (self->assistant == NULL)
    return;
  update_chrome (self);
  if (was == self->next_button || was == self->bottom_next_button)
    gtk_window_set_default_widget (GTK_WINDOW (self),
                                   gtk_action_bar_get_revealed (self->bottom_bar)
                                   ? self->bottom_next_button : self->next_button);
}

static void
veto_window_init (VetoWindow *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->error_revealer, "notify::child-revealed",
                           G_CALLBACK (on_banner_revealed), self, G_CONNECT_SWAPPED);
  veto_util_fix_button_names (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_main_menu, NULL, NULL);
  g_signal_connect_object (self->stack, "notify::transition-running",
                           G_CALLBACK (schedule_release), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (on_default_width), NULL);

  /* AdwWindowTitle keeps five characters of its title at least; with
   * Back, Next, the menu and three window buttons that made the window
   * wider than 360 px in French. The page says where the person is under
   * the header bar, so the title may shrink to its ellipsis. */
  for (GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (self->window_title)); box;
       box = gtk_widget_get_next_sibling (box))
    for (GtkWidget *label = gtk_widget_get_first_child (box); label; label = gtk_widget_get_next_sibling (label))
      if (GTK_IS_LABEL (label))
        gtk_label_set_width_chars (GTK_LABEL (label), -1);
  veto_window_record_init (self);
}

/* libadwaita 1.2's toast has a close button that shows only an icon and
 * has no name: GTK 4.8 named it after its image, and Orca said « GtkImage
 * bouton ». The toast's widgets are libadwaita's, made when the toast is
 * shown: they are named then, on the button itself. */
static void
name_toast_buttons (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), "window-close-symbolic") == 0)
        /* Translators: the button that closes a message at the bottom of the window */
        veto_util_set_accessible_label (child, _("Close"));
      name_toast_buttons (child);
    }
}

static gboolean
name_toasts_cb (gpointer user_data)
{
  VetoWindow *self = user_data;

  /* the window may have been closed since */
  if (self->toast_overlay == NULL)
    return G_SOURCE_REMOVE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->toast_overlay));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget"))
      {
        veto_util_fix_button_names (child);
        name_toast_buttons (child);
      }
  return G_SOURCE_REMOVE;
}

static void
schedule_name_toasts (VetoWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, name_toasts_cb, g_object_ref (self), g_object_unref);
}

void
veto_window_add_toast (VetoWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (VETO_IS_WINDOW (self));
  /* a toast waiting behind another is shown when that one goes */
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (schedule_name_toasts), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  schedule_name_toasts (self);
}

/* After a change of region was cancelled: the radio buttons follow the
 * store again. */
void
veto_window_notify_region (VetoWindow *self)
{
  g_return_if_fail (VETO_IS_WINDOW (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}

/**
 * veto_window_new:
 * @application: the application
 * @checklist: the steps and the person's progress
 * @updater: (nullable): what "Update Steps" uses
 *
 * Returns: (transfer full): a new window
 */
VetoWindow *
veto_window_new (GtkApplication     *application,
                 VetoChecklist      *checklist,
                 VetoCatalogUpdater *updater)
{
  return g_object_new (VETO_TYPE_WINDOW,
                       "application", application,
                       "checklist", checklist,
                       "updater", updater,
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

  if (veto_progress_store_get_save_error (veto_window_get_store (self)) != NULL)
    {
      veto_window_show_banner (self, message, _("_Try Again"), "win.retry-save", NULL);
      self->save_error_shown = TRUE;
    }
  else
    veto_window_show_banner (self, message, NULL, NULL, NULL);
}

/* About the steps themselves (a downloaded catalog ignored, or past its
 * valid-until day): what to do is to update them. */
void
veto_window_show_steps_notice (VetoWindow *self,
                               const char *message)
{
  g_return_if_fail (VETO_IS_WINDOW (self));

  veto_window_show_banner (self, message, _("_Update Steps"), "win.update-steps", NULL);
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
  return veto_assistant_get_active (self->assistant);
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
