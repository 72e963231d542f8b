/* veto-catalog-keys.c: reading and checking catalog keys (private to core)
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-catalog-keys-private.h"

/* Every error names the group and the key at fault: a catalog author reading
 * "Step facebook-object, Url: …" knows which line to fix. */

void
_veto_catalog_set_key_error (GError     **error,
                             int          code,
                             const char  *group,
                             const char  *key,
                             const char  *reason)
{
  if (key != NULL)
    /* Translators: the first %s is a catalog group such as “Step facebook-object”,
     * the second a key such as “Url”, the third says what is wrong. */
    g_set_error (error, VETO_CATALOG_ERROR, code,
                 _("[%s] %s: %s"), group, key, reason);
  else
    g_set_error (error, VETO_CATALOG_ERROR, code,
                 _("[%s]: %s"), group, reason);
}

gboolean
veto_catalog_check_id (const char  *group,
                       const char  *id,
                       GError     **error)
{
  gboolean ok = id != NULL && *id != '\0' && strlen (id) <= 64;

  for (const char *p = id; ok && *p; p++)
    ok = g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-';

  if (!ok)
    {
      _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_INVALID_VALUE, group, NULL,
                                   _("the identifier must be lower-case letters, digits and “-”"));
      return FALSE;
    }

  return TRUE;
}

/* The names g_key_file_get_locale_string() would try for @key in the
 * current languages ("Title[fr_FR]", "Title[fr]"…), built once per key and
 * per list of languages rather than for every step. "C" is left out: no
 * catalog translates into it. One cache per thread, since catalogs are
 * also validated in worker threads. */
typedef struct
{
  GStrv       languages;
  GHashTable *names;
  /* inside veto_catalog_keys_begin() … end(): the languages are not
   * looked up again for every key */
  guint       frozen;
} LocaleNames;

static void
locale_names_free (gpointer data)
{
  LocaleNames *cache = data;

  g_strfreev (cache->languages);
  g_hash_table_unref (cache->names);
  g_free (cache);
}

static GPrivate locale_names_private = G_PRIVATE_INIT (locale_names_free);

static LocaleNames *
get_locale_cache (void)
{
  LocaleNames *cache = g_private_get (&locale_names_private);

  if (cache == NULL)
    {
      cache = g_new0 (LocaleNames, 1);
      cache->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_strfreev);
      g_private_set (&locale_names_private, cache);
    }

  return cache;
}

static void
update_languages (LocaleNames *cache)
{
  const char * const *languages = g_get_language_names ();

  /* the language changes when a person switches it in Preferences */
  if (cache->languages == NULL || !g_strv_equal ((const char * const *)cache->languages, languages))
    {
      g_strfreev (cache->languages);
      cache->languages = g_strdupv ((char **)languages);
      g_hash_table_remove_all (cache->names);
    }
}

/**
 * veto_catalog_keys_begin:
 *
 * Reads the current languages once for a whole catalog, until
 * veto_catalog_keys_end(). Calls nest.
 */
void
veto_catalog_keys_begin (void)
{
  LocaleNames *cache = get_locale_cache ();

  if (cache->frozen++ == 0)
    update_languages (cache);
}

void
veto_catalog_keys_end (void)
{
  LocaleNames *cache = get_locale_cache ();

  g_return_if_fail (cache->frozen > 0);
  cache->frozen--;
}

static const char * const *
get_locale_names (const char *key)
{
  LocaleNames *cache = get_locale_cache ();
  const char * const *languages;
  GStrv names;

  if (cache->frozen == 0)
    update_languages (cache);
  languages = (const char * const *)cache->languages;

  names = g_hash_table_lookup (cache->names, key);
  if (names == NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; languages[i] != NULL; i++)
        if (!g_str_equal (languages[i], "C"))
          {
            g_autofree char *name = g_strconcat (key, "[", languages[i], "]", NULL);

            g_strv_builder_add (builder, name);
          }

      names = g_strv_builder_end (builder);
      g_hash_table_insert (cache->names, g_strdup (key), names);
    }

  return (const char * const *)names;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/**
 * veto_catalog_group_init:
 * @group: a #VetoCatalogGroup to fill
 * @keyfile: the parsed catalog
 * @name: one of its groups
 * @format: the catalog's Format
 *
 * Reads the keys of @name once; clear with veto_catalog_group_clear().
 */
void
veto_catalog_group_init (VetoCatalogGroup *group,
                         GKeyFile         *keyfile,
                         const char       *name,
                         int               format)
{
  group->name = name;
  group->format = format;
  group->keyfile = keyfile;
  group->keys = g_key_file_get_keys (keyfile, name, &group->n_keys, NULL);
  if (group->keys == NULL)
    group->n_keys = 0;
  group->values = g_new0 (char *, group->n_keys + 1);
}

void
veto_catalog_group_clear (VetoCatalogGroup *group)
{
  g_clear_pointer (&group->keys, g_strfreev);
  for (gsize i = 0; i < group->n_keys; i++)
    g_free (group->values[i]);
  g_clear_pointer (&group->values, g_free);
  group->n_keys = 0;
}

static gssize
find_key (VetoCatalogGroup *group,
          const char       *key)
{
  for (gsize i = 0; i < group->n_keys; i++)
    if (group->keys[i][0] == key[0] && strcmp (group->keys[i], key) == 0)
      return i;

  return -1;
}

gboolean
veto_catalog_group_has_key (VetoCatalogGroup *group,
                            const char       *key)
{
  return find_key (group, key) >= 0;
}

/* The raw value of the key at @i, to keep: each key is fetched from
 * GKeyFile once, and handed over rather than copied (a key read a second
 * time is fetched again). */
static char *
take_value (VetoCatalogGroup *group,
            gsize             i)
{
  char *value = g_steal_pointer (&group->values[i]);

  if (value == NULL)
    value = g_key_file_get_value (group->keyfile, group->name, group->keys[i], NULL);

  return value;
}

/* Borrowed: the raw value of the key at @i, or %NULL. */
static const char *
peek_value (VetoCatalogGroup *group,
            gsize             i)
{
  if (group->values[i] == NULL)
    group->values[i] = g_key_file_get_value (group->keyfile, group->name, group->keys[i], NULL);

  return group->values[i];
}

/* The text of the key at @i. The raw value is the text unless it has an
 * escape (\n, \s…): most values have none, and GKeyFile's unescaping
 * copies each one again. The whole file was checked to be UTF-8 before it
 * was parsed. */
static char *
read_string (VetoCatalogGroup *group,
             gsize             i)
{
  char *value = take_value (group, i);

  if (value != NULL && strchr (value, '\\') == NULL)
    return value;
  g_free (value);

  return g_key_file_get_string (group->keyfile, group->name, group->keys[i], NULL);
}

char *
veto_catalog_get_string (VetoCatalogGroup  *group,
                         const char        *key,
                         gboolean           required,
                         gboolean           localized,
                         GError           **error)
{
  g_autofree char *value = NULL;
  gssize untranslated = find_key (group, key);
  gssize found = -1;

  if (localized)
    {
      const char * const *names = get_locale_names (key);

      for (guint i = 0; found < 0 && names[i] != NULL; i++)
        found = find_key (group, names[i]);
    }

  /* A required key must be there, and not empty, in the catalog's own
   * language too, so that a catalog is valid or not whatever the
   * language it is read in. (An empty translation is refused while the
   * file is scanned: veto-catalog-load.c.) */
  if (found >= 0 && required)
    {
      const char *raw = untranslated >= 0 ? peek_value (group, untranslated) : NULL;

      if (raw == NULL || is_blank (raw))
        {
          _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_MISSING_KEY, group->name, key,
                                       raw == NULL ? _("this key is required") : _("this key must not be empty"));
          return NULL;
        }
    }

  if (found < 0)
    found = untranslated;

  if (found < 0)
    {
      if (required)
        _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_MISSING_KEY, group->name, key,
                                     _("this key is required"));
      return NULL;
    }

  value = read_string (group, found);
  if (value == NULL)
    {
      _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_INVALID_VALUE, group->name, key,
                                   _("the value is not valid text"));
      return NULL;
    }

  g_strstrip (value);
  if (*value == '\0')
    {
      if (required)
        _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_MISSING_KEY, group->name, key,
                                     _("this key must not be empty"));
      return NULL;
    }

  /* Long unbroken text froze the window for minutes; no honest step
   * needs more than this. */
  if (strlen (value) > VETO_CATALOG_MAX_TEXT)
    {
      g_autofree char *reason =
        /* Translators: %d is a number of bytes */
        g_strdup_printf (_("the text is too long (at most %d bytes)"), VETO_CATALOG_MAX_TEXT);

      _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_INVALID_VALUE, group->name, key, reason);
      return NULL;
    }

  return g_steal_pointer (&value);
}

gboolean
veto_catalog_get_int (VetoCatalogGroup  *group,
                      const char        *key,
                      int          min,
                      int         *out,
                      GError     **error)
{
  g_autofree char *str = NULL;
  gint64 value;

  str = veto_catalog_get_string (group, key, TRUE, FALSE, error);
  if (str == NULL)
    return FALSE;

  if (!g_ascii_string_to_signed (str, 10, min, G_MAXINT, &value, NULL))
    {
      g_autofree char *reason =
        g_strdup_printf (_("“%s” is not a whole number of at least %d"), str, min);
      _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_INVALID_VALUE, group->name, key, reason);
      return FALSE;
    }

  *out = (int)value;
  return TRUE;
}

gboolean
veto_catalog_get_boolean (VetoCatalogGroup  *group,
                          const char        *key,
                          gboolean    *out,
                          GError     **error)
{
  g_autofree char *str = NULL;

  str = veto_catalog_get_string (group, key, TRUE, FALSE, error);
  if (str == NULL)
    return FALSE;

  if (g_str_equal (str, "true"))
    *out = TRUE;
  else if (g_str_equal (str, "false"))
    *out = FALSE;
  else
    {
      _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_INVALID_VALUE, group->name, key,
                                   _("the value must be “true” or “false”"));
      return FALSE;
    }

  return TRUE;
}

/**
 * veto_parse_date:
 * @str: a `YYYY-MM-DD` date
 *
 * Returns: (transfer full) (nullable): midnight UTC on that day, or %NULL
 *   when @str is not exactly a real calendar date
 */
GDateTime *
veto_parse_date (const char *str)
{
  guint64 y, m, d;

  if (str == NULL || strlen (str) != 10 || str[4] != '-' || str[7] != '-')
    return NULL;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (str[i]))
      return NULL;

  y = g_ascii_strtoull (str, NULL, 10);
  m = g_ascii_strtoull (str + 5, NULL, 10);
  d = g_ascii_strtoull (str + 8, NULL, 10);

  if (y < 1970 || !g_date_valid_dmy (d, m, y))
    return NULL;

  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

/* The last date read, per thread: most steps of a catalog were verified on
 * the same few days, and a GDateTime costs more to build than to share. */
typedef struct
{
  char       text[11];
  GDateTime *date;
} LastDate;

static void
last_date_free (gpointer data)
{
  LastDate *last = data;

  g_clear_pointer (&last->date, g_date_time_unref);
  g_free (last);
}

static GPrivate last_date_private = G_PRIVATE_INIT (last_date_free);

GDateTime *
veto_catalog_get_date (VetoCatalogGroup  *group,
                       const char        *key,
                       GError           **error)
{
  g_autofree char *str = NULL;
  LastDate *last = g_private_get (&last_date_private);
  GDateTime *date;

  str = veto_catalog_get_string (group, key, TRUE, FALSE, error);
  if (str == NULL)
    return NULL;

  if (last != NULL && last->date != NULL && strcmp (last->text, str) == 0)
    return g_date_time_ref (last->date);

  date = veto_parse_date (str);
  if (date == NULL)
    {
      _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_INVALID_VALUE, group->name, key,
                                   _("the value must be a real date written YYYY-MM-DD"));
      return NULL;
    }

  if (last == NULL)
    {
      last = g_new0 (LastDate, 1);
      g_private_set (&last_date_private, last);
    }
  /* a valid date is ten bytes long */
  g_strlcpy (last->text, str, sizeof last->text);
  g_clear_pointer (&last->date, g_date_time_unref);
  last->date = g_date_time_ref (date);

  return date;
}

GStrv
veto_catalog_get_list (VetoCatalogGroup  *group,
                       const char        *key,
                       gboolean           required,
                       GError           **error)
{
  g_auto(GStrv) list = NULL;
  g_autofree char *raw = NULL;
  gssize i = find_key (group, key);
  guint n = 0;

  if (i < 0 && !required)
    return g_new0 (char *, 1);

  if (i < 0 || (raw = take_value (group, i)) == NULL)
    {
      _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_MISSING_KEY, group->name, key,
                                   _("this key is required"));
      return NULL;
    }

  /* As for strings (read_string()): without an escape, the raw value
   * split at its separators is the list GKeyFile would build. */
  if (strchr (raw, '\\') == NULL)
    {
      /* one GStrv of the right size rather than a growing array */
      gsize size = 2;

      for (const char *p = raw; (p = strchr (p, ';')) != NULL; p++)
        size++;
      list = g_new (char *, size);

      for (char *item = raw, *next; item != NULL; item = next)
        {
          next = strchr (item, ';');
          if (next != NULL)
            *next++ = '\0';
          g_strstrip (item);
          if (*item != '\0')
            list[n++] = g_strdup (item);
        }
      list[n] = NULL;
    }
  else
    {
      char **unescaped = g_key_file_get_string_list (group->keyfile, group->name, key, NULL, NULL);
      gsize size = unescaped != NULL ? g_strv_length (unescaped) : 0;

      /* the non-empty items move over, the others are freed */
      list = g_new (char *, size + 1);
      for (guint j = 0; j < size; j++)
        {
          g_strstrip (unescaped[j]);
          if (*unescaped[j] != '\0')
            list[n++] = unescaped[j];
          else
            g_free (unescaped[j]);
        }
      list[n] = NULL;
      g_free (unescaped);
    }

  if (n == 0 && required)
    {
      _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_MISSING_KEY, group->name, key,
                                   _("this list must not be empty"));
      return NULL;
    }

  return g_steal_pointer (&list);
}
