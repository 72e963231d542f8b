/* test-installed.c: an installed Veto, run from a prefix that is not on
 * $PATH, whose path needs quoting, and whose bindir holds other programs
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   test-installed BUILD_ROOT BINDIR LIBEXECDIR
 *
 * Veto is installed with `meson install --destdir`, then the whole tree is
 * moved to a folder whose name holds a space and the characters the
 * Desktop Entry Specification makes special in an Exec line, as a person's
 * /opt or ~/.local may be: Veto finds its own programs from where it is
 * (src/veto-launch.c, src/core/veto-install.c). Nothing points it there
 * but that. */

#include "config.h"

#include <gio/gdesktopappinfo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>

#include "veto-commands.h"

#define APP_PATH "/io/github/vetoapp/Veto"

/* A name with a space, quotes, `$`, and a backslash: in the entry it is
 * quoted, the last three escaped by a backslash, and the key file's string
 * escaping doubles every backslash once more (the specification's own
 * example: a literal backslash is four in the file). */
#define AWKWARD "Veto's \"test\" $PATH \\ prefix"
#define AWKWARD_IN_FILE "Veto's \\\\\"test\\\\\" \\\\$PATH \\\\\\\\ prefix"

static const char *build_root;
static const char *bindir;
static const char *libexecdir;

static char *tmp;
/* the installed tree's root, once moved */
static char *root;

static char *
installed (const char *dir,
           const char *name)
{
  return g_build_filename (root, dir, name, NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static gboolean
install (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *meson = g_find_program_in_path ("meson");
  g_autofree char *destdir = NULL;
  g_autofree char *out = NULL;
  int wait_status;

  if (meson == NULL)
    return FALSE;

  tmp = g_dir_make_tmp ("veto-installed-XXXXXX", &error);
  g_assert_no_error (error);
  destdir = g_build_filename (tmp, "root", NULL);
  root = g_build_filename (tmp, AWKWARD, NULL);

  {
    const char *argv[] = { meson, "install", "-C", build_root, "--no-rebuild", "--quiet",
                           "--destdir", destdir, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &out, NULL, &wait_status, &error));
    g_assert_no_error (error);
    g_test_message ("meson install: %s", out);
    g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  }

  g_assert_cmpint (g_rename (destdir, root), ==, 0);
  return TRUE;
}

/* A person's fresh home. */
static char *
make_home (const char *name)
{
  g_autofree char *home = g_build_filename (tmp, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (home, 0700), ==, 0);
  return g_steal_pointer (&home);
}

static GSubprocessLauncher *
new_launcher (const char       *home,
              GSubprocessFlags  flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);
  const char *dirs[][2] = {
    { "XDG_CONFIG_HOME", "config" }, { "XDG_STATE_HOME", "state" },
    { "XDG_CACHE_HOME", "cache" }, { "XDG_DATA_HOME", "data" },
  };

  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, dirs[i][1], NULL);

      g_subprocess_launcher_setenv (launcher, dirs[i][0], dir, TRUE);
    }
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "en", TRUE);
  /* no Veto on the way: the prefix is nowhere on it */
  g_subprocess_launcher_setenv (launcher, "PATH", "/usr/bin:/bin", TRUE);

  return launcher;
}

/* Runs the installed `veto` with @args and no display; returns its exit
 * status, and what it printed in @out. */
static int
run_veto (const char  *home,
          char       **out,
          ...)
{
  g_autoptr(GSubprocessLauncher) launcher = new_launcher (home, G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *veto = installed (bindir, "veto");
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, veto);
  va_start (args, out);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_test_message ("%s exited %d:\n%s", (char *)argv->pdata[1],
                  g_subprocess_get_exit_status (proc), *out);

  return g_subprocess_get_exit_status (proc);
}

#define PROGRESS \
  "[Veto]\nFormat=1\nRegion=eu\nApps=facebook;\n\n" \
  "[Step facebook-object 1]\nState=submitted\nSubmitted=2026-11-01T09:00:00Z\nUpdated=2026-11-01T09:00:00Z\n\n" \
  "[End]\n"

#define FAKE "#!/bin/sh\necho \"not Veto's: $0\"\nexit 42\n"

/* Another package's programs of the same names, in the bindir Veto shares
 * with every package: the installed `veto` runs its own from libexecdir,
 * never these. */
static void
test_launcher_ignores_bindir (void)
{
  const char *names[] = { "veto-cli", "veto-cli-full", "veto-window" };
  g_autofree char *home = make_home ("home-launcher");
  g_autofree char *pdf = g_build_filename (home, "record.pdf", NULL);
  g_autofree char *export_arg = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *state = g_build_filename (home, "state", "veto", NULL);
  g_autofree char *progress = g_build_filename (state, "progress.ini", NULL);
  g_autofree char *status = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *help = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *fake = installed (bindir, names[i]);
      g_autofree char *real = installed (libexecdir, names[i]);

      g_assert_true (g_file_test (real, G_FILE_TEST_IS_EXECUTABLE));
      g_assert_true (g_file_set_contents (fake, FAKE, -1, NULL));
      g_assert_cmpint (g_chmod (fake, 0755), ==, 0);
    }

  /* veto-cli */
  g_assert_cmpint (run_veto (home, &status, "--status", NULL), ==, 1);
  g_assert_null (strstr (status, "not Veto's"));
  g_assert_nonnull (strstr (status, "Nothing to report yet"));

  /* veto-cli-full, for a PDF of something recorded */
  g_assert_cmpint (g_mkdir_with_parents (state, 0700), ==, 0);
  g_assert_true (g_file_set_contents (progress, PROGRESS, -1, NULL));
  g_assert_cmpint (run_veto (home, &exported, export_arg, NULL), ==, 0);
  g_assert_null (strstr (exported, "not Veto's"));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  /* veto-window, which answers --help without a display */
  g_assert_cmpint (run_veto (home, &help, "--help", NULL), ==, 0);
  g_assert_null (strstr (help, "not Veto's"));
  g_assert_nonnull (strstr (help, "--status"));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *fake = installed (bindir, names[i]);

      g_assert_cmpint (g_unlink (fake), ==, 0);
    }
}

/* One table of commands (src/core/veto-commands.h), three readers that
 * must agree with it: the window's `veto --help`, the command line's
 * (`veto --status --help`), and the launcher's choice of program. The
 * installed programs are swapped for ones that say their name, so that
 * each command shows where `veto` sent it. */
typedef struct
{
  const char *name;
  gboolean    with_value;
  const char *program;
  gboolean    is_command;
} TableRow;

#define PROGRAM_WINDOW "veto-window"
#define PROGRAM_CLI "veto-cli"
#define PROGRAM_CLI_FULL "veto-cli-full"
/* a Markdown export; a PDF goes to veto-cli-full (below) */
#define PROGRAM_CLI_PDF_FULL "veto-cli"
#define WITH_VALUE_NONE FALSE
#define WITH_VALUE_FILENAME TRUE
#define WITH_VALUE_STRING TRUE

static const TableRow table[] = {
#define COMMAND(id, name, arg, arg_name, program, help, ...) \
  { name, WITH_VALUE_##arg, PROGRAM_##program, TRUE },
#define OPTION(id, name, arg, arg_name, program, help, ...) \
  { name, WITH_VALUE_##arg, PROGRAM_##program, FALSE },
  VETO_COMMANDS (COMMAND)
  VETO_COMMAND_OPTIONS (OPTION)
#undef COMMAND
#undef OPTION
};

#define SAYS_NAME "#!/bin/sh\necho \"ran: ${0##*/}\"\n"

static void
assert_lists_table (const char *help,
                    const char *which)
{
  g_test_message ("%s --help:\n%s", which, help);
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *entry = g_strdup_printf ("  --%s%s", table[i].name, table[i].with_value ? "=" : " ");

      if (strstr (help, entry) == NULL)
        g_error ("%s --help does not list --%s", which, table[i].name);
    }
}

static void
test_commands_agree (void)
{
  const char *names[] = { "veto-cli", "veto-cli-full", "veto-window" };
  g_autofree char *home = make_home ("home-commands");
  g_autofree char *window_help = NULL;
  g_autofree char *cli_help = NULL;

  /* the real programs first: both helps list the whole table */
  g_assert_cmpint (run_veto (home, &window_help, "--help", NULL), ==, 0);
  assert_lists_table (window_help, "veto-window");
  g_assert_cmpint (run_veto (home, &cli_help, "--status", "--help", NULL), ==, 0);
  assert_lists_table (cli_help, "veto-cli");
  /* and they are two programs, not one help printed twice */
  g_assert_null (strstr (cli_help, "--help-gapplication"));
  g_assert_nonnull (strstr (window_help, "--help-gapplication"));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *real = installed (libexecdir, names[i]);
      g_autofree char *aside = g_strconcat (real, ".real", NULL);

      g_assert_cmpint (g_rename (real, aside), ==, 0);
      g_assert_true (g_file_set_contents (real, SAYS_NAME, -1, NULL));
      g_assert_cmpint (g_chmod (real, 0755), ==, 0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *arg = g_strdup_printf ("--%s%s", table[i].name, table[i].with_value ? "=x.md" : "");
      g_autofree char *out = NULL;
      g_autofree char *expected = g_strdup_printf ("ran: %s\n", table[i].program);

      g_assert_cmpint (run_veto (home, &out, arg, NULL), ==, 0);
      g_assert_cmpstr (out, ==, expected);
    }
  /* a PDF export needs cairo and Pango */
  {
    g_autofree char *out = NULL;

    g_assert_cmpint (run_veto (home, &out, "--export", "record.pdf", NULL), ==, 0);
    g_assert_cmpstr (out, ==, "ran: veto-cli-full\n");
  }
  /* a value that looks like a command is the option's value */
  {
    g_autofree char *out = NULL;

    g_assert_cmpint (run_veto (home, &out, "--catalog", "--status", NULL), ==, 0);
    g_assert_cmpstr (out, ==, "ran: veto-window\n");
  }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *real = installed (libexecdir, names[i]);
      g_autofree char *aside = g_strconcat (real, ".real", NULL);

      g_assert_cmpint (g_rename (aside, real), ==, 0);
    }

  /* the command line refuses two commands at once, naming the table's */
  {
    g_autofree char *out = NULL;

    g_assert_cmpint (run_veto (home, &out, "--status", "--remind", NULL), ==, 2);
    for (guint i = 0; i < G_N_ELEMENTS (table); i++)
      {
        g_autofree char *named = g_strdup_printf (" --%s", table[i].name);

        g_assert_true ((strstr (out, named) != NULL) == table[i].is_command);
      }
  }
}

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Turns the main loop for up to @seconds, until @done says so. */
static gboolean
wait_until (gboolean (*done) (gpointer),
            gpointer   data,
            guint      seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, on_timeout, &timed_out);

  while (!done (data) && !timed_out)
    {
      gboolean ticked = FALSE;
      guint tick = g_timeout_add (50, on_timeout, &ticked);

      g_main_context_iteration (NULL, TRUE);
      if (!ticked)
        g_source_remove (tick);
    }
  if (!timed_out)
    g_source_remove (id);

  return done (data);
}

static gboolean
app_is_up (gpointer data)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_sync (data, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", APP_ID), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  return has_owner;
}

/* A window left behind by a failed test would keep Veto's name on the bus,
 * and the test's output open: it ends with the test. */
static void
die_with_test (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* Starts the installed `veto` as a person does, the window on the test's
 * display and session bus, and waits until it is up. */
static GSubprocess *
start_window (const char      *home,
              GDBusConnection *bus)
{
  g_autoptr(GSubprocessLauncher) launcher = new_launcher (home, G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  g_autofree char *veto = installed (bindir, "veto");
  GSubprocess *proc;

  g_subprocess_launcher_setenv (launcher, "GDK_BACKEND", "x11", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "cairo", TRUE);
  g_subprocess_launcher_setenv (launcher, "GDK_DEBUG", "gl-disable", TRUE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_test, NULL, NULL);
  /* a second Veto would only raise the first */
  g_assert_false (app_is_up (bus));

  proc = g_subprocess_launcher_spawn (launcher, &error, veto, NULL);
  g_assert_no_error (error);
  g_assert_true (wait_until (app_is_up, bus, 60));

  return proc;
}

static gboolean
app_is_gone (gpointer data)
{
  return !app_is_up (data);
}

/* Ends the window this test started, and waits until the bus knows, so
 * that the next test's starts afresh. */
static void
stop_window (GSubprocess     *proc,
             GDBusConnection *bus)
{
  g_subprocess_send_signal (proc, SIGTERM);
  g_assert_true (g_subprocess_wait (proc, NULL, NULL));
  g_assert_true (wait_until (app_is_gone, bus, 10));
}

typedef struct
{
  const char *path;
  const char *unlike;
} EntryWait;

/* Whether the entry is there, and no longer @unlike. */
static gboolean
entry_written (gpointer data)
{
  EntryWait *wait = data;
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (wait->path, &contents, NULL, NULL))
    return FALSE;
  return wait->unlike == NULL || !g_str_equal (contents, wait->unlike);
}

/* The entry runs this installed `veto`, by its absolute path, as GLib —
 * which starts GNOME's autostart entries — reads it. */
static void
assert_entry_runs_installed (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDesktopAppInfo) info = NULL;
  g_autofree char *veto = installed (bindir, "veto");
  g_autofree char *contents = NULL;
  g_autofree char *try_exec = NULL;
  g_autofree char *validate = g_find_program_in_path ("desktop-file-validate");
  g_auto(GStrv) argv = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_test_message ("%s:\n%s", path, contents);
  /* quoted and escaped as the specification says */
  g_assert_nonnull (strstr (contents, "\nExec=\""));
  g_assert_nonnull (strstr (contents, AWKWARD_IN_FILE));

  /* NULL when TryExec, or the program Exec starts, is not there */
  info = g_desktop_app_info_new_from_filename (path);
  g_assert_nonnull (info);
  g_assert_true (g_shell_parse_argv (g_app_info_get_commandline (G_APP_INFO (info)), NULL, &argv, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (argv), ==, 2);
  g_assert_cmpstr (argv[0], ==, veto);
  g_assert_cmpstr (argv[1], ==, "--remind");
  try_exec = g_desktop_app_info_get_string (info, G_KEY_FILE_DESKTOP_KEY_TRY_EXEC);
  g_assert_cmpstr (try_exec, ==, veto);

  if (validate != NULL)
    {
      const char *validate_argv[] = { validate, path, NULL };
      g_autofree char *out = NULL;
      int wait_status;

      g_assert_true (g_spawn_sync (NULL, (char **)validate_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, NULL, &wait_status, &error));
      g_assert_no_error (error);
      g_test_message ("desktop-file-validate: %s", out);
      g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
      g_assert_cmpstr (out, ==, "");
    }
}

static char *
autostart_path (const char *home)
{
  return g_build_filename (home, "config", "autostart", APP_ID ".Remind.desktop", NULL);
}

/* "Remind me", switched on in the window (through the action the switch
 * is bound to, over the bus). */
static void
test_autostart_switched_on (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autofree char *home = make_home ("home-switched-on");
  g_autofree char *path = autostart_path (home);
  g_autoptr(GSubprocess) window = NULL;
  g_autoptr(GVariant) reply = NULL;
  EntryWait wait = { path, NULL };

  g_assert_no_error (error);
  window = start_window (home, bus);
  reply = g_dbus_connection_call_sync (bus, APP_ID, APP_PATH, "org.gtk.Actions", "SetState",
                                       g_variant_new ("(sva{sv})", "reminders",
                                                      g_variant_new_boolean (TRUE), NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (wait_until (entry_written, &wait, 30));
  stop_window (window, bus);

  assert_entry_runs_installed (path);
}

/* An entry an earlier Veto wrote, with a bare `veto` that this session's
 * $PATH does not find: the next start of the window mends it. */
static void
test_autostart_mended (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autofree char *home = make_home ("home-mended");
  g_autofree char *path = autostart_path (home);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GSubprocess) window = NULL;
  const char *old =
    "[Desktop Entry]\nType=Application\nName=Veto reminders\nIcon=" APP_ID "\n"
    "Exec=veto --remind\nTryExec=veto\nNoDisplay=true\nTerminal=false\n"
    "X-GNOME-Autostart-enabled=true\nX-GNOME-Autostart-Delay=30\n";
  EntryWait wait = { path, old };

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, old, -1, NULL));

  window = start_window (home, bus);
  g_assert_true (wait_until (entry_written, &wait, 30));
  stop_window (window, bus);

  assert_entry_runs_installed (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (argc != 4)
    {
      g_printerr ("usage: test-installed BUILD_ROOT BINDIR LIBEXECDIR\n");
      return 2;
    }
  build_root = argv[1];
  bindir = argv[2];
  libexecdir = argv[3];

  if (!install ())
    {
      g_test_skip ("no meson to install with");
      return g_test_run ();
    }

  g_test_add_func ("/installed/launcher/ignores-bindir", test_launcher_ignores_bindir);
  g_test_add_func ("/installed/launcher/commands-agree", test_commands_agree);
  if (g_getenv ("DISPLAY") != NULL && g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    {
      g_test_add_func ("/installed/autostart/switched-on", test_autostart_switched_on);
      g_test_add_func ("/installed/autostart/mended", test_autostart_mended);
    }

  status = g_test_run ();
  remove_tree (tmp);
  return status;
}
