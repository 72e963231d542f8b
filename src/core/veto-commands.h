/* veto-commands.h: the commands of `veto`, in one table
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* C library only: the launcher (src/veto-launch.c), which links nothing
 * else, reads this table as the command line (src/core/veto-cli.c) and the
 * window's --help (src/veto-application.c) do. Each of them expands the
 * list with a macro of its own, so that a command is added in one place:
 * its name, its value, the program that runs it, its help, where the
 * command line keeps its value and the function that runs it (handlers
 * are only named where veto-cli.c expands the list).
 *
 * The order is --help's, and the command line refuses two commands at
 * once, so no order of precedence hides here. */

#ifndef N_
# define N_(String) (String)
#endif

/* which program `veto` execs for a command */
typedef enum
{
  /* the window: no command at all, or an option the window has too */
  VETO_PROGRAM_WINDOW,
  /* veto-cli: GLib and GIO only */
  VETO_PROGRAM_CLI,
  /* veto-cli-full: also libsoup, GMime, Pango and cairo */
  VETO_PROGRAM_CLI_FULL,
  /* veto-cli for a Markdown file, veto-cli-full for a PDF (--export) */
  VETO_PROGRAM_CLI_PDF_FULL,
} VetoProgram;

/* X (ID, name, value: NONE | FILENAME | STRING, the value's name in
 *    --help, program, help, VetoCli field, handler) */
#define VETO_COMMANDS(X) \
  X (STATUS, "status", NONE, NULL, CLI, \
     N_("Print your progress and exit: 0 when everything is done, 1 when something is left or due, 2 on error"), \
     status, run_status) \
  X (REMIND, "remind", NONE, NULL, CLI, \
     N_("Show a notification if a step is due for a recheck, then exit (run at login when reminders or the weekly check for new steps are on; that check comes first, at most once a week)"), \
     remind, run_remind) \
  X (EXPORT, "export", FILENAME, N_("FILE"), CLI_PDF_FULL, \
     N_("Save the record of what you did as a PDF, or as Markdown when FILE ends in .md, and exit"), \
     export_path, run_export) \
  X (ATTACH_EMAIL, "attach-email", FILENAME, N_("FILE"), CLI_FULL, \
     N_("Keep Meta’s confirmation email (an .eml file, or - for standard input) as proof for the objection it confirms, and exit"), \
     attach_email, run_attach_email) \
  X (CHECK_LINKS, "check-links", NONE, NULL, CLI_FULL, \
     N_("Check every link of the steps and exit: 0 when all are OK, 1 when one is not, 2 on error"), \
     check_links, run_check_links) \
  X (UPDATE_CATALOG, "update-catalog", NONE, NULL, CLI_FULL, \
     N_("Download the published steps, keep them if they are valid and newer, and exit: 0 when you have the newest, 1 when the published ones are older, 2 on error"), \
     update_catalog, run_update_catalog)

/* Options that change what a command (or the window) does rather than
 * being one. X (ID, name, value, the value's name, program, help,
 * VetoCli field); WINDOW means it chooses no program by itself. */
#define VETO_COMMAND_OPTIONS(X) \
  X (ACCOUNT, "account", STRING, N_("LABEL"), CLI, \
     N_("With --attach-email: the account whose objection the email confirms, when more than one waits"), \
     account) \
  X (CATALOG, "catalog", FILENAME, N_("FILE"), WINDOW, \
     N_("Use the steps in FILE instead of the bundled ones"), \
     catalog_path)
