/* veto-progress-store-accounts.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The apps a person uses and their accounts. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-progress-store-private.h"
#include "veto-text.h"

static char *new_account_id (VetoProgressStore *self);


/* Every app in use has at least one account, or its per-account steps would
 * have nowhere to go. A hand-edited file may lack them: they are added in
 * memory (with the ids a save would give them) and written with the next
 * change. */
void
_veto_progress_store_ensure_accounts (VetoProgressStore *self)
{
  g_auto(GStrv) apps = veto_progress_store_dup_apps (self);

  for (guint i = 0; apps[i] != NULL; i++)
    {
      g_auto(GStrv) accounts = NULL;

      /* "Apps=facebook;;instagram;" in a hand-edited file: an empty entry
       * is no app, and "Account  4" would be no group Veto reads back
       * (found by fuzz-progress) */
      if (*apps[i] == '\0')
        continue;

      accounts = veto_progress_store_dup_accounts (self, apps[i]);
      if (accounts[0] == NULL)
        {
          g_autofree char *id = new_account_id (self);
          g_autofree char *group = g_strdup_printf ("Account %s %s", apps[i], id);

          g_key_file_set_string (self->keyfile, group, "Label", "");
        }
    }
}


/**
 * veto_progress_store_dup_apps:
 *
 * Returns: (transfer full): the ids of the apps the person uses
 */
GStrv
veto_progress_store_dup_apps (VetoProgressStore *self)
{
  GStrv apps;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);

  apps = g_key_file_get_string_list (self->keyfile, HEADER, "Apps", NULL, NULL);
  return apps ? apps : g_new0 (char *, 1);
}

gboolean
veto_progress_store_has_app (VetoProgressStore *self,
                             const char        *app_id)
{
  g_auto(GStrv) apps = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);

  apps = veto_progress_store_dup_apps (self);
  return g_strv_contains ((const char * const *)apps, app_id);
}

static char *
account_group (const char *app_id,
               const char *account_id)
{
  return g_strdup_printf ("Account %s %s", app_id, account_id);
}

/* Account ids are small numbers, unique across apps and never reused, so
 * that the steps of a removed account can't leak into a new one. */
static char *
new_account_id (VetoProgressStore *self)
{
  g_auto(GStrv) groups = g_key_file_get_groups (self->keyfile, NULL);
  guint64 next = g_key_file_get_uint64 (self->keyfile, HEADER, "NextAccount", NULL);

  next = MAX (next, 1);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *space = strrchr (groups[i], ' ');

      if (g_str_has_prefix (groups[i], "Account ") && space != NULL)
        next = MAX (next, g_ascii_strtoull (space + 1, NULL, 10) + 1);
    }

  g_key_file_set_uint64 (self->keyfile, HEADER, "NextAccount", next + 1);

  return g_strdup_printf ("%" G_GUINT64_FORMAT, next);
}

/**
 * veto_progress_store_set_app:
 * @self: a #VetoProgressStore
 * @app_id: an app id
 * @used: whether the person uses it
 *
 * Choosing an app that has no account yet gives it one unnamed account.
 * Unchoosing an app keeps its accounts and steps, so that choosing it again
 * loses nothing.
 */
void
veto_progress_store_set_app (VetoProgressStore *self,
                             const char        *app_id,
                             gboolean           used)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) apps = NULL;
  g_auto(GStrv) result = NULL;
  g_auto(GStrv) accounts = NULL;

  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  g_return_if_fail (app_id != NULL);

  if (veto_progress_store_has_app (self, app_id) == !!used || !_veto_progress_store_begin_change (self))
    return;

  apps = veto_progress_store_dup_apps (self);
  builder = g_strv_builder_new ();
  for (guint i = 0; apps[i] != NULL; i++)
    if (!g_str_equal (apps[i], app_id))
      g_strv_builder_add (builder, apps[i]);
  if (used)
    g_strv_builder_add (builder, app_id);
  result = g_strv_builder_end (builder);

  g_key_file_set_string_list (self->keyfile, HEADER, "Apps",
                              (const char * const *)result, g_strv_length (result));

  accounts = veto_progress_store_dup_accounts (self, app_id);
  if (used && accounts[0] == NULL)
    {
      g_autofree char *id = new_account_id (self);
      g_autofree char *group = account_group (app_id, id);

      g_key_file_set_string (self->keyfile, group, "Label", "");
    }

  _veto_progress_store_commit (self);
}

/**
 * veto_progress_store_dup_accounts:
 *
 * Returns: (transfer full): the account ids held for @app_id, in the order
 *   they were added
 */
GStrv
veto_progress_store_dup_accounts (VetoProgressStore *self,
                                  const char        *app_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) groups = NULL;
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);

  prefix = g_strdup_printf ("Account %s ", app_id);
  groups = g_key_file_get_groups (self->keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], prefix) && groups[i][strlen (prefix)] != '\0')
      g_strv_builder_add (builder, groups[i] + strlen (prefix));

  return g_strv_builder_end (builder);
}

/**
 * veto_progress_store_add_account:
 * @self: a #VetoProgressStore
 * @app_id: an app id
 * @label: (nullable): how the person calls it ("personal", "work")
 *
 * Returns: (transfer full) (nullable): the new account's id, or %NULL when
 *   the store is read-only
 */
char *
veto_progress_store_add_account (VetoProgressStore *self,
                                 const char        *app_id,
                                 const char        *label)
{
  g_autofree char *group = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  g_return_val_if_fail (app_id != NULL, NULL);

  if (!_veto_progress_store_begin_change (self))
    return NULL;

  id = new_account_id (self);
  group = account_group (app_id, id);
  g_key_file_set_string (self->keyfile, group, "Label", label ? label : "");
  _veto_progress_store_commit (self);

  return g_steal_pointer (&id);
}

char *
_veto_progress_step_group (const char *step_id,
                           const char *account_id)
{
  if (account_id == NULL || *account_id == '\0')
    return g_strdup_printf ("Step %s", step_id);

  return g_strdup_printf ("Step %s %s", step_id, account_id);
}

/**
 * veto_progress_store_remove_account:
 *
 * Removes the account and the state of every step recorded for it.
 */
void
veto_progress_store_remove_account (VetoProgressStore *self,
                                    const char        *app_id,
                                    const char        *account_id)
{
  g_autofree char *group = NULL;
  g_autofree char *suffix = NULL;
  g_auto(GStrv) groups = NULL;

  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  g_return_if_fail (app_id != NULL && account_id != NULL);

  group = account_group (app_id, account_id);
  if (!g_key_file_has_group (self->keyfile, group) || !_veto_progress_store_begin_change (self))
    return;

  g_key_file_remove_group (self->keyfile, group, NULL);

  /* Step groups are "Step <step-id> <account-id>", and account ids are
   * unique across apps. */
  suffix = g_strdup_printf (" %s", account_id);
  groups = g_key_file_get_groups (self->keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], "Step ") && g_str_has_suffix (groups[i], suffix) &&
        strchr (groups[i] + 5, ' ') == groups[i] + strlen (groups[i]) - strlen (suffix))
      g_key_file_remove_group (self->keyfile, groups[i], NULL);

  _veto_progress_store_commit (self);
}

/**
 * veto_progress_store_dup_account_label:
 *
 * Returns: (transfer full) (nullable): the label, or %NULL when the person
 *   gave none
 */
char *
veto_progress_store_dup_account_label (VetoProgressStore *self,
                                       const char        *app_id,
                                       const char        *account_id)
{
  g_autofree char *group = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);

  group = account_group (app_id, account_id);
  label = _veto_progress_store_get_string (self, group, "Label");
  if (label == NULL || *label == '\0')
    return NULL;

  return g_steal_pointer (&label);
}

void
veto_progress_store_set_account_label (VetoProgressStore *self,
                                       const char        *app_id,
                                       const char        *account_id,
                                       const char        *label)
{
  g_autofree char *group = NULL;
  g_autofree char *old = NULL;

  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));

  group = account_group (app_id, account_id);
  if (!g_key_file_has_group (self->keyfile, group))
    return;

  old = veto_progress_store_dup_account_label (self, app_id, account_id);
  if (g_strcmp0 (old, label && *label ? label : NULL) == 0 || !_veto_progress_store_begin_change (self))
    return;

  g_key_file_set_string (self->keyfile, group, "Label", label ? label : "");
  _veto_progress_store_commit (self);
}

/* An identifier goes into a record a regulator reads, and a hand-edited
 * file may hold anything: one line, no control or bidi character, and
 * short enough that no address or handle is cut. */
#define IDENTIFIER_MAX_CHARS 320

static char *
clean_identifier (const char *raw)
{
  g_autofree char *clean = NULL;

  if (raw == NULL)
    return NULL;

  clean = veto_text_clean (raw, VETO_TEXT_SINGLE_LINE, IDENTIFIER_MAX_CHARS);
  g_strstrip (clean);
  if (*clean == '\0')
    return NULL;

  return g_steal_pointer (&clean);
}

/**
 * veto_progress_store_dup_account_identifier:
 *
 * The email address or handle the person chose to name the account by in
 * their record, so that Meta or a regulator can tell which account an
 * objection was for. It stays in the progress file.
 *
 * Returns: (transfer full) (nullable): the identifier, cleaned, or %NULL
 *   when the person gave none
 */
char *
veto_progress_store_dup_account_identifier (VetoProgressStore *self,
                                            const char        *app_id,
                                            const char        *account_id)
{
  g_autofree char *group = NULL;
  g_autofree char *raw = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);

  group = account_group (app_id, account_id);
  raw = _veto_progress_store_get_string (self, group, "Identifier");
  return clean_identifier (raw);
}

/**
 * veto_progress_store_set_account_identifier:
 * @identifier: (nullable): an email address or handle; %NULL or blank
 *   removes it
 *
 * Cleaned as it is kept (one line, no control character, at most 320
 * characters), so that what the window shows is what the record says.
 */
void
veto_progress_store_set_account_identifier (VetoProgressStore *self,
                                            const char        *app_id,
                                            const char        *account_id,
                                            const char        *identifier)
{
  g_autofree char *group = NULL;
  g_autofree char *old = NULL;
  g_autofree char *clean = NULL;

  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));

  group = account_group (app_id, account_id);
  if (!g_key_file_has_group (self->keyfile, group))
    return;

  clean = clean_identifier (identifier);
  old = veto_progress_store_dup_account_identifier (self, app_id, account_id);
  if (g_strcmp0 (old, clean) == 0 || !_veto_progress_store_begin_change (self))
    return;

  if (clean != NULL)
    g_key_file_set_string (self->keyfile, group, "Identifier", clean);
  else
    g_key_file_remove_key (self->keyfile, group, "Identifier", NULL);
  _veto_progress_store_commit (self);
}

/**
 * veto_account_get_display_name:
 * @label: (nullable): the label the person gave the account
 * @account_id: (nullable): the account's id
 *
 * Returns: (transfer full): how to name the account in a list
 */
char *
veto_account_get_display_name (const char *label,
                               const char *account_id)
{
  if (label != NULL && *label != '\0')
    return g_strdup (label);

  if (account_id == NULL)
    return g_strdup (_("Every account"));

  return g_strdup (_("Unnamed account"));
}

static gboolean
same_label (const char *a,
            const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_str_equal (g_strstrip (fa), g_strstrip (fb));
}

/**
 * veto_account_dup_name:
 * @store: the progress
 * @app_id: an app
 * @account_id: one of its accounts
 *
 * Until the person names them, accounts are "Account 1", "Account 2"… in
 * the order they were added, so that two of them never read the same.
 *
 * Returns: (transfer full): how to name the account
 */
char *
veto_account_dup_name (VetoProgressStore *store,
                       const char        *app_id,
                       const char        *account_id)
{
  g_autofree char *label = veto_progress_store_dup_account_label (store, app_id, account_id);
  g_auto(GStrv) accounts = veto_progress_store_dup_accounts (store, app_id);
  guint position = 0;
  gboolean shared = FALSE;

  for (guint i = 0; accounts[i] != NULL; i++)
    {
      g_autofree char *other = NULL;

      if (g_strcmp0 (accounts[i], account_id) == 0)
        {
          position = i + 1;
          continue;
        }
      if (label == NULL || *label == '\0')
        continue;
      other = veto_progress_store_dup_account_label (store, app_id, accounts[i]);
      if (other != NULL && same_label (other, label))
        shared = TRUE;
    }

  /* a label from a hand-edited file is shown everywhere: one line, no
   * control or bidi character (veto-text.c) */
  if (label != NULL)
    {
      g_autofree char *raw = g_steal_pointer (&label);

      label = veto_text_clean (raw, VETO_TEXT_SINGLE_LINE, 200);
      g_strstrip (label);
    }

  /* Two accounts named alike ("Perso" twice) must not look the same in
   * every message: each is also said by its place. */
  if (label != NULL && *label != '\0')
    return shared && position > 0
      /* Translators: an account's label shared by another account of the
       * same app, then its place: "Perso (account 2)" */
      ? g_strdup_printf (_("%s (account %u)"), label, position)
      : g_steal_pointer (&label);

  if (position > 0)
    /* Translators: an account the person has not named yet, "Account 2" */
    return g_strdup_printf (_("Account %u"), position);

  return veto_account_get_display_name (NULL, account_id);
}
