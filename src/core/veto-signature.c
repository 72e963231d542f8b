/* veto-signature.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "veto-install.h"
#include "veto-signature.h"

/* A published catalog is the guidance a person follows: TLS says which
 * host sent it, not whether the project wrote it. Each one comes with a
 * detached signature made by the `minisign` tool with a key the project
 * keeps offline; Veto checks it with libsodium against the public key it
 * was built with (meson option `catalog_key`) before it reads a line of
 * the catalog, at download and at every load from the cache.
 *
 * minisign's format, four lines:
 *   untrusted comment: <anything; not signed>
 *   base64 (<algorithm "Ed" or "ED"> <key id, 8 bytes> <signature, 64 bytes>)
 *   trusted comment: <text>
 *   base64 (<global signature, 64 bytes>)
 * "Ed" signs the file itself, "ED" (minisign 0.11's default) its BLAKE2b-512
 * hash; the global signature signs the signature followed by the trusted
 * comment's text, so that the comment can't be changed either. A public
 * key is base64 ("Ed" <key id> <Ed25519 public key, 32 bytes>).
 *
 * The trusted comment says which catalog this is and how long it counts:
 * `version:<N> valid-until:<YYYY-MM-DD>` (other words are allowed and
 * ignored), see docs/catalog-publishing.md. */

G_DEFINE_QUARK (veto-signature-error-quark, veto_signature_error)

#define KEY_ID_BYTES 8
#define PUBLIC_KEY_LEN (2 + KEY_ID_BYTES + crypto_sign_PUBLICKEYBYTES)
#define SIGNATURE_LEN (2 + KEY_ID_BYTES + crypto_sign_BYTES)
#define UNTRUSTED_PREFIX "untrusted comment: "
#define TRUSTED_PREFIX "trusted comment: "

/**
 * veto_signature_get_trusted_key:
 *
 * The key catalogs must be signed with: the one Veto was built with
 * (`-Dcatalog_key=`). A Veto run from its build folder, as the test suite
 * runs it, takes `$VETO_TEST_CATALOG_KEY` instead when it is set, so
 * that tests sign with a key of their own; an installed Veto never reads
 * it.
 *
 * Returns: the base64 line of a minisign public key
 */
const char *
veto_signature_get_trusted_key (void)
{
  static char *build_root = NULL;
  static gsize once = 0;
  const char *test_key;

  if (g_once_init_enter (&once))
    {
      build_root = veto_install_dup_build_root ();
      g_once_init_leave (&once, 1);
    }

  test_key = g_getenv ("VETO_TEST_CATALOG_KEY");
  if (build_root != NULL && test_key != NULL && *test_key != '\0')
    return test_key;

  return CATALOG_KEY;
}

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () >= 0)
    return TRUE;

  g_set_error_literal (error, VETO_SIGNATURE_ERROR, VETO_SIGNATURE_ERROR_KEY,
                       "libsodium could not start");
  return FALSE;
}

/* Decodes @text (one line of base64) into exactly @len bytes. */
static gboolean
decode_exact (const char *text,
              gsize       text_len,
              guint8     *out,
              gsize       len)
{
  gsize bin_len = 0;

  return sodium_base642bin (out, len, text, text_len, NULL, &bin_len, NULL,
                            sodium_base64_VARIANT_ORIGINAL) == 0 && bin_len == len;
}

static GError *
malformed (const char *why)
{
  return g_error_new (VETO_SIGNATURE_ERROR, VETO_SIGNATURE_ERROR_MALFORMED,
                      /* Translators: %s says what is wrong (in English) */
                      _("the signature is not a minisign signature (%s)"), why);
}

/**
 * veto_signature_verify:
 * @data: the signed file
 * @signature: (nullable): its minisign signature file; %NULL when none
 *   was found
 * @public_key: the base64 line of a minisign public key, for example
 *   veto_signature_get_trusted_key()
 * @out_trusted_comment: (out) (optional): the signed trusted comment
 * @error: why @data is not to be trusted
 *
 * Returns: %TRUE when @signature is a valid signature of @data, and of its
 *   trusted comment, by @public_key
 */
gboolean
veto_signature_verify (GBytes      *data,
                       GBytes      *signature,
                       const char  *public_key,
                       char       **out_trusted_comment,
                       GError     **error)
{
  guint8 pk[PUBLIC_KEY_LEN];
  guint8 sig[SIGNATURE_LEN];
  guint8 global_sig[crypto_sign_BYTES];
  guint8 hash[crypto_generichash_BYTES_MAX];
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree guint8 *global_message = NULL;
  const char *comment;
  gsize comment_len;
  gsize sig_size;
  const guint8 *body;
  gsize body_len;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (public_key != NULL, FALSE);

  if (out_trusted_comment != NULL)
    *out_trusted_comment = NULL;

  if (!ensure_sodium (error))
    return FALSE;

  if (!decode_exact (public_key, strlen (public_key), pk, sizeof pk) || pk[0] != 'E' || pk[1] != 'd')
    {
      g_set_error (error, VETO_SIGNATURE_ERROR, VETO_SIGNATURE_ERROR_KEY,
                   "the key Veto was built with (%s) is not a minisign public key", public_key);
      return FALSE;
    }

  if (signature == NULL)
    {
      g_set_error_literal (error, VETO_SIGNATURE_ERROR, VETO_SIGNATURE_ERROR_MISSING,
                           _("they are not signed"));
      return FALSE;
    }

  sig_size = g_bytes_get_size (signature);
  if (sig_size == 0 || sig_size > VETO_SIGNATURE_MAX_SIZE ||
      memchr (g_bytes_get_data (signature, NULL), '\0', sig_size) != NULL)
    {
      g_propagate_error (error, malformed ("size"));
      return FALSE;
    }

  text = g_strndup (g_bytes_get_data (signature, NULL), sig_size);
  lines = g_strsplit (text, "\n", -1);
  /* four lines, the last one ending in a newline or not */
  if (g_strv_length (lines) < 4 ||
      (g_strv_length (lines) > 4 && !(g_strv_length (lines) == 5 && *lines[4] == '\0')))
    {
      g_propagate_error (error, malformed ("not four lines"));
      return FALSE;
    }
  /* a file that went through a Windows editor or server */
  for (guint i = 0; i < 4; i++)
    if (g_str_has_suffix (lines[i], "\r"))
      lines[i][strlen (lines[i]) - 1] = '\0';

  if (!g_str_has_prefix (lines[0], UNTRUSTED_PREFIX) || !g_str_has_prefix (lines[2], TRUSTED_PREFIX))
    {
      g_propagate_error (error, malformed ("comment lines"));
      return FALSE;
    }

  if (!decode_exact (lines[1], strlen (lines[1]), sig, sizeof sig) ||
      !decode_exact (lines[3], strlen (lines[3]), global_sig, sizeof global_sig))
    {
      g_propagate_error (error, malformed ("base64"));
      return FALSE;
    }

  if (sig[0] != 'E' || (sig[1] != 'd' && sig[1] != 'D'))
    {
      g_propagate_error (error, malformed ("algorithm"));
      return FALSE;
    }

  if (memcmp (sig + 2, pk + 2, KEY_ID_BYTES) != 0)
    {
      g_set_error_literal (error, VETO_SIGNATURE_ERROR, VETO_SIGNATURE_ERROR_WRONG_KEY,
                           _("they are signed with another key than the one this Veto trusts"));
      return FALSE;
    }

  body = g_bytes_get_data (data, &body_len);
  if (sig[1] == 'D')
    {
      crypto_generichash (hash, sizeof hash, body, body_len, NULL, 0);
      body = hash;
      body_len = sizeof hash;
    }

  if (crypto_sign_verify_detached (sig + 2 + KEY_ID_BYTES, body, body_len, pk + 2 + KEY_ID_BYTES) != 0)
    {
      g_set_error_literal (error, VETO_SIGNATURE_ERROR, VETO_SIGNATURE_ERROR_BAD,
                           _("their signature does not match them: they were changed after they were signed"));
      return FALSE;
    }

  comment = lines[2] + strlen (TRUSTED_PREFIX);
  comment_len = strlen (comment);
  global_message = g_malloc (crypto_sign_BYTES + comment_len);
  memcpy (global_message, sig + 2 + KEY_ID_BYTES, crypto_sign_BYTES);
  memcpy (global_message + crypto_sign_BYTES, comment, comment_len);
  if (crypto_sign_verify_detached (global_sig, global_message, crypto_sign_BYTES + comment_len,
                                   pk + 2 + KEY_ID_BYTES) != 0)
    {
      g_set_error_literal (error, VETO_SIGNATURE_ERROR, VETO_SIGNATURE_ERROR_BAD,
                           _("the signed comment of their signature was changed"));
      return FALSE;
    }

  if (out_trusted_comment != NULL)
    *out_trusted_comment = g_strdup (comment);
  return TRUE;
}

/**
 * veto_signature_parse_comment:
 * @comment: a trusted comment, as veto_signature_verify() returns it
 * @out_version: (out): the catalog version it names
 * @out_valid_until: (out) (transfer full): the last day it counts, as
 *   midnight UTC
 * @error: what is missing
 *
 * Returns: %TRUE when @comment names a version and a valid-until day
 */
gboolean
veto_signature_parse_comment (const char  *comment,
                              int         *out_version,
                              GDateTime  **out_valid_until,
                              GError     **error)
{
  g_auto(GStrv) words = g_strsplit (comment, " ", -1);
  gint64 version = -1;
  g_autoptr(GDateTime) valid_until = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (g_str_has_prefix (words[i], "version:") && version < 0)
        {
          if (!g_ascii_string_to_signed (words[i] + strlen ("version:"), 10, 1, G_MAXINT, &version, NULL))
            version = -1;
        }
      else if (g_str_has_prefix (words[i], "valid-until:") && valid_until == NULL)
        {
          const char *day = words[i] + strlen ("valid-until:");
          int y, m, d;
          char tail;

          if (strlen (day) == 10 && sscanf (day, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
              g_date_valid_dmy (d, m, y))
            valid_until = g_date_time_new_utc (y, m, d, 0, 0, 0);
        }
    }

  if (version < 0 || valid_until == NULL)
    {
      g_set_error (error, VETO_SIGNATURE_ERROR, VETO_SIGNATURE_ERROR_COMMENT,
                   /* Translators: %s is the signed comment, left in English */
                   _("their signature does not say which version they are and until when they count (“%s”)"),
                   comment);
      return FALSE;
    }

  *out_version = (int)version;
  *out_valid_until = g_steal_pointer (&valid_until);
  return TRUE;
}
