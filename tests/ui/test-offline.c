/* test-offline.c: with the computer offline (as GNetworkMonitor reports
 * it), checking links and updating the steps say so in plain words, once,
 * in a message that stays, and nothing reaches the network
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "ui-util.h"
#include "veto-application.h"
#include "veto-i18n.h"
#include "veto-window.h"

/* A network monitor that reports no network, as GIO's own do when the
 * computer is offline. It is the environment the test sets up, like the
 * isolated XDG directories; Veto's reaction is what is tested. */
typedef GObject OfflineMonitor;
typedef GObjectClass OfflineMonitorClass;

static GType offline_monitor_get_type (void);
static void offline_monitor_iface_init (GNetworkMonitorInterface *iface);
static void offline_monitor_initable_init (GInitableIface *iface);

G_DEFINE_TYPE_WITH_CODE (OfflineMonitor, offline_monitor, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, offline_monitor_initable_init)
                         G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, offline_monitor_iface_init))

enum { PROP_0, PROP_AVAILABLE, PROP_METERED, PROP_CONNECTIVITY };

static gboolean
offline_monitor_can_reach (GNetworkMonitor     *monitor,
                           GSocketConnectable  *connectable,
                           GCancellable        *cancellable,
                           GError             **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE, "offline");
  return FALSE;
}

static void
offline_monitor_iface_init (GNetworkMonitorInterface *iface)
{
  iface->can_reach = offline_monitor_can_reach;
}

static gboolean
offline_monitor_init_initable (GInitable     *initable,
                               GCancellable  *cancellable,
                               GError       **error)
{
  return TRUE;
}

static void
offline_monitor_initable_init (GInitableIface *iface)
{
  iface->init = offline_monitor_init_initable;
}

static void
offline_monitor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_AVAILABLE:
    case PROP_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case PROP_CONNECTIVITY:
      g_value_set_enum (value, G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
offline_monitor_class_init (OfflineMonitorClass *klass)
{
  klass->get_property = offline_monitor_get_property;
  g_object_class_override_property (klass, PROP_AVAILABLE, "network-available");
  g_object_class_override_property (klass, PROP_METERED, "network-metered");
  g_object_class_override_property (klass, PROP_CONNECTIVITY, "connectivity");
}

static void
offline_monitor_init (OfflineMonitor *self)
{
}

static VetoApplication *app;

static void
write_progress (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "veto", "progress.ini", NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, "[Veto]\nFormat=1\nRegion=eu\nApps=facebook;\n\n"
                                      "[Account facebook 1]\nLabel=\n\n[End]\n", -1, NULL));
}

static void
test_offline (void)
{
  VetoWindow *window;
  gboolean fr = g_str_equal (veto_i18n_get_language (), "fr");
  GtkWidget *links, *banner;

  g_assert_false (g_network_monitor_get_network_available (g_network_monitor_get_default ()));

  g_application_activate (G_APPLICATION (app));
  window = ui_main_window (app);
  ui_wait_for_draw (GTK_WIDGET (window));

  /* checking links: one sentence, no list of 20 "unreachable" links */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check-links", NULL));
  ui_iterate (500);
  links = veto_window_get_page_widget (window, "links");
  g_assert_nonnull (links);
  g_assert_nonnull (ui_find_label_prefix (links, fr ? "Votre ordinateur est hors ligne." : "Your computer is offline."));
  g_assert_cmpuint (ui_count_type (links, ADW_TYPE_ACTION_ROW), ==, 0);
  ui_screenshot (GTK_WIDGET (window), fr ? "links-offline-fr" : "links-offline-en");

  /* updating the steps: a message that stays, with a way to try again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.update-steps", NULL));
  ui_iterate (300);
  banner = ui_find_label_prefix (GTK_WIDGET (window), fr ? "Votre ordinateur est hors ligne" : "Your computer is offline, so");
  g_assert_nonnull (banner);
  g_assert_true (gtk_widget_get_child_visible (gtk_widget_get_ancestor (banner, GTK_TYPE_REVEALER)));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (banner, GTK_TYPE_REVEALER))));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), fr ? "_Réessayer" : "_Try Again") ?: 
                    ui_find_label (GTK_WIDGET (window), fr ? "Réessayer" : "Try Again"));
  ui_screenshot (GTK_WIDGET (window), fr ? "update-offline-fr" : "update-offline-en");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  ui_init (&argc, &argv);
  write_progress ();

  /* Registers GIO's extension points (without making a network monitor),
   * then ours, ahead of the system's. */
  (void) g_proxy_resolver_get_default ();
  g_io_extension_point_implement (G_NETWORK_MONITOR_EXTENSION_POINT_NAME, offline_monitor_get_type (),
                                  "veto-test-offline", G_MAXINT);

  app = ui_app_new ();

  g_test_add_func ("/offline/links-and-update", test_offline);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
