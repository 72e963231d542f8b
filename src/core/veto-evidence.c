/* veto-evidence.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gmime/gmime.h>
#include <sys/stat.h>
#include <unistd.h>

#include "veto-checklist.h"
#include "veto-evidence.h"
#include "veto-file.h"
#include "veto-i18n.h"
#include "veto-text.h"

/* Meta confirms an objection by email. The person saves that email from
 * their mail client (an .eml file) and gives it to Veto, which keeps it as
 * proof: a private copy under $XDG_DATA_HOME/veto/evidence/, its SHA-256 in
 * the progress file, and its sender, subject and date in the record.
 *
 * The email is parsed with GMime, never by hand: headers are folded,
 * encoded (RFC 2047) and in any time zone. Veto checks only what it can: the
 * From address's domain is one of Meta's sending domains (the catalog's
 * SenderDomains=), compared as a domain, never as a substring, so that
 * "facebookmail.com.evil.example" and a display name "Facebook" prove
 * nothing. It does not verify signatures: the copy and its hash let a
 * regulator do that with the original. */

G_DEFINE_QUARK (veto-evidence-error-quark, veto_evidence_error)

/* A subject or a sender longer than this is shortened: Meta's are a line. */
#define MAX_HEADER_CHARS 300

/* How much of the plain body is read for Meta's answer: its answer is a
 * few lines at the top, and quoted history or a legal footer only adds
 * words that could match by chance. */
#define MAX_ANSWER_BYTES (64 * 1024)

/* GMime 3.2 declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeParser, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)

struct _VetoEmail
{
  GObject    parent_instance;

  GBytes    *bytes;
  char      *sha256;
  char      *from;        /* as written: "Facebook <security@facebookmail.com>" */
  char      *from_domain; /* lower case */
  char      *subject;
  GDateTime *date;
  char      *answer_text; /* subject and plain body, folded for matching */
};

G_DEFINE_FINAL_TYPE (VetoEmail, veto_email, G_TYPE_OBJECT)

static void
veto_email_finalize (GObject *object)
{
  VetoEmail *self = (VetoEmail *)object;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->from_domain, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->answer_text, g_free);

  G_OBJECT_CLASS (veto_email_parent_class)->finalize (object);
}

static void
veto_email_class_init (VetoEmailClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = veto_email_finalize;
}

static void
veto_email_init (VetoEmail *self)
{
}

static void
ensure_gmime (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      g_mime_init ();
      g_once_init_leave (&initialized, 1);
    }
}

/* RFC 5322 §3.2.3: the characters of an atom */
static gboolean
is_atext (char c)
{
  return c != '\0' && (g_ascii_isalnum (c) || strchr ("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

/* A host name: labels of letters, digits and inner hyphens, one to 63
 * characters each, at least two of them. */
static gboolean
is_domain (const char *domain)
{
  guint labels = 0;
  gsize label_len = 0;
  gsize len = strlen (domain);

  if (len == 0 || len > 253)
    return FALSE;

  for (const char *p = domain; ; p++)
    {
      if (*p == '.' || *p == '\0')
        {
          if (label_len == 0 || label_len > 63 || p[-1] == '-')
            return FALSE;
          labels++;
          label_len = 0;
          if (*p == '\0')
            break;
          continue;
        }
      if (!g_ascii_isalnum (*p) && (*p != '-' || label_len == 0))
        return FALSE;
      label_len++;
    }

  return labels >= 2;
}

/* Whether @addr is one plain addr-spec: a dot-atom, one '@', a host name.
 * Meta writes nothing fancier (no quoted local part, no literal), and
 * anything fancier is where a lenient parser and a person's eye disagree
 * on what the domain is. */
static gboolean
is_addr_spec (const char *addr)
{
  const char *at = strchr (addr, '@');
  gboolean after_dot = TRUE;

  if (at == NULL || at == addr || strchr (at + 1, '@') != NULL)
    return FALSE;

  for (const char *p = addr; p < at; p++)
    {
      if (*p == '.')
        {
          if (after_dot)
            return FALSE;
          after_dot = TRUE;
        }
      else if (is_atext (*p))
        after_dot = FALSE;
      else
        return FALSE;
    }

  return !after_dot && is_domain (at + 1);
}

/* Skips white space and comments ("(Facebook)"), which may follow an
 * address. Returns NULL on an unbalanced comment. */
static const char *
skip_cfws (const char *p)
{
  for (;;)
    {
      while (*p == ' ' || *p == '\t')
        p++;
      if (*p != '(')
        return p;

      for (int depth = 0; ; p++)
        {
          if (*p == '\0')
            return NULL;
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '(')
            depth++;
          else if (*p == ')' && --depth == 0)
            {
              p++;
              break;
            }
        }
    }
}

/* Whether a display name, as written before "<addr>", is one phrase:
 * outside quotes, nothing that separates or makes addresses. */
static gboolean
is_phrase (const char *start,
           const char *end)
{
  gboolean quoted = FALSE;

  for (const char *p = start; p < end; p++)
    {
      if (quoted && *p == '\\' && p + 1 < end)
        p++;
      else if (*p == '"')
        quoted = !quoted;
      else if (!quoted && strchr ("@,;:<>[]\\", *p) != NULL)
        return FALSE;
    }

  return !quoted;
}

/* The first '<' outside a quoted string, or NULL. */
static const char *
find_angle (const char *p)
{
  gboolean quoted = FALSE;

  for (; *p; p++)
    {
      if (quoted && *p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == '<')
        return p;
    }

  return NULL;
}

/* The address of a From header's value, read strictly (RFC 5322 §3.4):
 * exactly one mailbox, "addr-spec" or "phrase <addr-spec>", with only
 * white space and comments around it. GMime's parser is lenient on
 * purpose, and drops what follows a valid prefix:
 * "security@facebookmail.com@evil.example" would read as facebookmail.com.
 *
 * Returns: (transfer full) (nullable): the addr-spec, or %NULL */
static char *
dup_strict_address (const char *raw)
{
  g_autoptr(GString) value = g_string_new (NULL);
  g_autofree char *addr = NULL;
  const char *lt;
  const char *gt;
  const char *start;
  const char *end;

  /* unfold: a line break followed by white space is that white space */
  for (const char *p = raw; *p; p++)
    if (*p != '\r' && *p != '\n')
      g_string_append_c (value, *p);

  start = skip_cfws (value->str);
  if (start == NULL)
    return NULL;

  lt = find_angle (start);
  if (lt != NULL)
    {
      gt = strchr (lt, '>');
      if (gt == NULL || !is_phrase (start, lt) || strchr (lt + 1, '<') != NULL)
        return NULL;
      addr = g_strndup (lt + 1, gt - lt - 1);
      end = skip_cfws (gt + 1);
    }
  else
    {
      const char *p = start;

      while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '(')
        p++;
      addr = g_strndup (start, p - start);
      end = skip_cfws (p);
    }

  if (end == NULL || *end != '\0' || !is_addr_spec (addr))
    return NULL;

  return g_steal_pointer (&addr);
}

/* The From header, only if the email has exactly one. */
static const char *
get_only_from (GMimeMessage *message)
{
  GMimeHeaderList *headers = g_mime_object_get_header_list (GMIME_OBJECT (message));
  GMimeHeader *from = NULL;
  int n = g_mime_header_list_get_count (headers);

  for (int i = 0; i < n; i++)
    {
      GMimeHeader *header = g_mime_header_list_get_header_at (headers, i);

      if (g_ascii_strcasecmp (g_mime_header_get_name (header), "From") != 0)
        continue;
      if (from != NULL)
        return NULL;
      from = header;
    }

  return from ? g_mime_header_get_raw_value (from) : NULL;
}

static gboolean
set_not_email (GError **error)
{
  g_set_error_literal (error, VETO_EVIDENCE_ERROR, VETO_EVIDENCE_ERROR_NOT_EMAIL,
                       _("This file is not an email. In your mail client, save Meta’s email as a file (.eml), then give that file to Veto."));
  return FALSE;
}

static void
set_too_large (GError **error)
{
  g_set_error (error, VETO_EVIDENCE_ERROR, VETO_EVIDENCE_ERROR_TOO_LARGE,
               /* Translators: %d is a size in MiB */
               _("This file is larger than %d MiB: it is not a confirmation from Meta. Save only Meta’s email, without other messages, and try again."),
               VETO_EVIDENCE_MAX_SIZE / (1024 * 1024));
}

/* Text as phrases are compared: NFKC (a no-break space is a space, "ﬁ" is
 * "fi"), case-folded, typographic apostrophes as "'", and every run of
 * white space one space: a plain body is wrapped at any word. */
static char *
fold_for_matching (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = normal ? g_utf8_casefold (normal, -1) : NULL;
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
        g_string_append_c (out, '\'');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
collect_plain_text (GMimeObject *parent,
                    GMimeObject *part,
                    gpointer     user_data)
{
  GString *body = user_data;
  g_autofree char *text = NULL;

  if (!GMIME_IS_TEXT_PART (part) || body->len >= MAX_ANSWER_BYTES ||
      g_mime_part_is_attachment (GMIME_PART (part)) ||
      !g_mime_content_type_is_type (g_mime_object_get_content_type (part), "text", "plain"))
    return;

  /* decoded (quoted-printable, base64) and converted from its charset */
  text = g_mime_text_part_get_text (GMIME_TEXT_PART (part));
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return;
  g_string_append_c (body, '\n');
  g_string_append_len (body, text, MIN (strlen (text), MAX_ANSWER_BYTES - body->len));
}

/* The subject and the plain text of @message, folded for matching. */
static char *
dup_answer_text (GMimeMessage *message,
                 const char   *subject)
{
  g_autoptr(GString) text = g_string_new (subject);

  g_mime_message_foreach (message, collect_plain_text, text);
  /* a cut in the middle of a character is dropped, not mis-read */
  if (!g_utf8_validate (text->str, -1, NULL))
    {
      const char *end;

      g_utf8_validate (text->str, -1, &end);
      g_string_truncate (text, end - text->str);
    }
  return fold_for_matching (text->str);
}

/**
 * veto_email_new_from_bytes:
 * @bytes: an email, as saved by a mail client (RFC 5322)
 * @error: %VETO_EVIDENCE_ERROR_TOO_LARGE or %VETO_EVIDENCE_ERROR_NOT_EMAIL
 *
 * Returns: (transfer full) (nullable): the email, with its sender, subject
 *   and date
 */
VetoEmail *
veto_email_new_from_bytes (GBytes  *bytes,
                           GError **error)
{
  g_autoptr(VetoEmail) self = NULL;
  g_autoptr(GMimeStream) stream = NULL;
  g_autoptr(GMimeParser) parser = NULL;
  g_autoptr(GMimeMessage) message = NULL;
  InternetAddressList *from;
  InternetAddress *address;
  g_autofree char *addr = NULL;
  g_autofree char *from_text = NULL;
  const char *raw_from;
  const char *at;
  const char *data;
  GDateTime *date;
  gsize len;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (len > VETO_EVIDENCE_MAX_SIZE)
    {
      set_too_large (error);
      return NULL;
    }

  /* Mail is text: a NUL byte means a picture, a PDF, an archive. */
  if (len == 0 || memchr (data, '\0', len) != NULL)
    {
      set_not_email (error);
      return NULL;
    }

  ensure_gmime ();
  stream = g_mime_stream_mem_new_with_buffer (data, len);
  parser = g_mime_parser_new_with_stream (stream);
  g_mime_parser_set_format (parser, GMIME_FORMAT_MESSAGE);
  message = g_mime_parser_construct_message (parser, NULL);

  /* An email has at least a sender and a date (RFC 5322 §3.6). */
  if (message == NULL ||
      g_mime_object_get_header (GMIME_OBJECT (message), "From") == NULL ||
      g_mime_object_get_header (GMIME_OBJECT (message), "Date") == NULL)
    {
      set_not_email (error);
      return NULL;
    }

  /* The domain checked is the one a person reads in the header, not
   * GMime's lenient reading of it (see dup_strict_address()). */
  raw_from = get_only_from (message);
  addr = raw_from ? dup_strict_address (raw_from) : NULL;
  if (addr == NULL)
    {
      g_set_error_literal (error, VETO_EVIDENCE_ERROR, VETO_EVIDENCE_ERROR_NOT_FROM_META,
                           _("The sender of this email is not one well-formed address, so it proves nothing. Nothing was changed."));
      return NULL;
    }
  at = strchr (addr, '@');

  date = g_mime_message_get_date (message);
  from = g_mime_message_get_from (message);
  if (date == NULL || from == NULL || internet_address_list_length (from) != 1)
    {
      set_not_email (error);
      return NULL;
    }
  if (!veto_date_is_sane (date))
    {
      g_set_error (error, VETO_EVIDENCE_ERROR, VETO_EVIDENCE_ERROR_NOT_EMAIL,
                   /* Translators: %d and %d are years */
                   _("This email’s date is not between %d and %d, so it cannot be Meta’s answer. Nothing was changed."),
                   VETO_DATE_MIN_YEAR, VETO_DATE_MAX_YEAR);
      return NULL;
    }

  address = internet_address_list_get_address (from, 0);
  if (!INTERNET_ADDRESS_IS_MAILBOX (address))
    {
      set_not_email (error);
      return NULL;
    }


  self = g_object_new (VETO_TYPE_EMAIL, NULL);
  self->bytes = g_bytes_ref (bytes);
  self->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  /* Whatever a header says is shown as text, kept in the progress file
   * and printed in a terminal: one line, no control characters (an
   * encoded "=0D" made a heading of its own in the record), and bounded
   * (two 5 MiB subjects made the progress file too large to read). */
  from_text = internet_address_to_string (address, NULL, FALSE);
  self->from = veto_text_clean (g_utf8_validate (from_text, -1, NULL) ? from_text : addr,
                                VETO_TEXT_SINGLE_LINE, MAX_HEADER_CHARS);
  self->from_domain = g_ascii_strdown (at + 1, -1);
  self->subject = veto_text_clean (g_mime_message_get_subject (message), VETO_TEXT_SINGLE_LINE, MAX_HEADER_CHARS);
  self->date = g_date_time_ref (date);
  self->answer_text = dup_answer_text (message, self->subject ? self->subject : "");

  return g_steal_pointer (&self);
}

/**
 * veto_email_new_from_stream:
 * @stream: where the email comes from (standard input, for a mail filter)
 * @cancellable: (nullable): a #GCancellable
 * @error: why it was refused
 *
 * Reads at most %VETO_EVIDENCE_MAX_SIZE bytes and one more, to tell a file
 * that is too large.
 *
 * Returns: (transfer full) (nullable): the email
 */
VetoEmail *
veto_email_new_from_stream (GInputStream  *stream,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  guint8 chunk[65536];

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  for (;;)
    {
      gssize n = g_input_stream_read (stream, chunk, sizeof chunk, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;

      g_byte_array_append (buffer, chunk, n);
      if (buffer->len > VETO_EVIDENCE_MAX_SIZE)
        {
          set_too_large (error);
          return NULL;
        }
    }

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
  return veto_email_new_from_bytes (bytes, error);
}

/**
 * veto_email_new_from_file:
 *
 * Reads @file without blocking and only if it is a regular file of at most
 * %VETO_EVIDENCE_MAX_SIZE bytes (veto-file.c): a named pipe given as the
 * email froze the window and blocked the command line forever.
 *
 * Returns: (transfer full) (nullable): the email in @file
 */
VetoEmail *
veto_email_new_from_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (g_file_peek_path (file) == NULL)
    {
      set_not_email (error);
      return NULL;
    }

  bytes = veto_file_read_bounded (g_file_peek_path (file), VETO_EVIDENCE_MAX_SIZE, NULL, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        set_too_large (error);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE) ||
               g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        set_not_email (error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return veto_email_new_from_bytes (bytes, error);
}

const char *
veto_email_get_from (VetoEmail *self)
{
  g_return_val_if_fail (VETO_IS_EMAIL (self), NULL);
  return self->from;
}

const char *
veto_email_get_from_domain (VetoEmail *self)
{
  g_return_val_if_fail (VETO_IS_EMAIL (self), NULL);
  return self->from_domain;
}

/**
 * veto_email_get_subject:
 *
 * Returns: (nullable): the subject, decoded
 */
const char *
veto_email_get_subject (VetoEmail *self)
{
  g_return_val_if_fail (VETO_IS_EMAIL (self), NULL);
  return self->subject;
}

/**
 * veto_email_get_date:
 *
 * Returns: (transfer none): the email's Date, in the time zone it was
 *   written in
 */
GDateTime *
veto_email_get_date (VetoEmail *self)
{
  g_return_val_if_fail (VETO_IS_EMAIL (self), NULL);
  return self->date;
}

const char *
veto_email_get_sha256 (VetoEmail *self)
{
  g_return_val_if_fail (VETO_IS_EMAIL (self), NULL);
  return self->sha256;
}

GBytes *
veto_email_get_bytes (VetoEmail *self)
{
  g_return_val_if_fail (VETO_IS_EMAIL (self), NULL);
  return self->bytes;
}

/**
 * veto_email_check_sender:
 * @self: a #VetoEmail
 * @catalog: the catalog, with Meta's sending domains
 * @error: %VETO_EVIDENCE_ERROR_NOT_FROM_META
 *
 * Returns: whether the From address's domain is one of Meta's
 */
gboolean
veto_email_check_sender (VetoEmail    *self,
                         VetoCatalog  *catalog,
                         GError      **error)
{
  g_return_val_if_fail (VETO_IS_EMAIL (self), FALSE);
  g_return_val_if_fail (VETO_IS_CATALOG (catalog), FALSE);

  if (veto_catalog_is_sender_domain (catalog, self->from_domain))
    return TRUE;

  if (veto_catalog_get_sender_domains (catalog)[0] == NULL)
    {
      g_set_error_literal (error, VETO_EVIDENCE_ERROR, VETO_EVIDENCE_ERROR_NOT_FROM_META,
                           _("These steps do not say which domains Meta sends its email from, so Veto cannot check this email. Update the steps, then try again. Nothing was changed."));
      return FALSE;
    }

  g_set_error (error, VETO_EVIDENCE_ERROR, VETO_EVIDENCE_ERROR_NOT_FROM_META,
               /* Translators: the first %s is the sender as the email gives it,
                * the second the domain of its address */
               _("This email is from “%s”: %s is not one of the domains Meta sends its email from, so it proves nothing. Nothing was changed."),
               self->from, self->from_domain);
  return FALSE;
}

static gboolean
says_any (const char         *text,
          const char * const *phrases)
{
  for (guint i = 0; phrases[i] != NULL; i++)
    {
      g_autofree char *phrase = fold_for_matching (phrases[i]);

      if (*phrase != '\0' && strstr (text, phrase) != NULL)
        return TRUE;
    }

  return FALSE;
}

/**
 * veto_email_classify_answer:
 * @self: Meta's email
 * @catalog: the catalog, with the wording Meta's answers are known by
 *
 * Reads the email's subject and plain text for the catalog's
 * `ConfirmationPhrases=` and `RefusalPhrases=` (case-insensitive
 * substrings, white space and apostrophes as any). An acknowledgement
 * ("We received your request") says neither, and an email that says both
 * (an acceptance of one request and a refusal of another, quoted history)
 * is not read as either: the person decides. This is a heuristic on
 * Meta's wording, never proof: nothing is recorded on it without the
 * person in the window, and `veto --attach-email` says what it read.
 *
 * Returns: what the email says of the objection
 */
VetoEmailAnswer
veto_email_classify_answer (VetoEmail   *self,
                            VetoCatalog *catalog)
{
  gboolean confirms, refuses;

  g_return_val_if_fail (VETO_IS_EMAIL (self), VETO_EMAIL_ANSWER_UNKNOWN);
  g_return_val_if_fail (VETO_IS_CATALOG (catalog), VETO_EMAIL_ANSWER_UNKNOWN);

  confirms = says_any (self->answer_text, veto_catalog_get_confirmation_phrases (catalog));
  refuses = says_any (self->answer_text, veto_catalog_get_refusal_phrases (catalog));

  if (confirms == refuses)
    return VETO_EMAIL_ANSWER_UNKNOWN;
  return confirms ? VETO_EMAIL_ANSWER_CONFIRMED : VETO_EMAIL_ANSWER_REFUSED;
}

static gboolean
mentions (const char *haystack,
          const char *needle)
{
  g_autofree char *h = NULL;
  g_autofree char *n = NULL;

  if (haystack == NULL || needle == NULL)
    return FALSE;

  h = g_utf8_casefold (haystack, -1);
  n = g_utf8_casefold (needle, -1);
  return strstr (h, n) != NULL;
}

/**
 * veto_evidence_find_candidates:
 * @checklist: the person's checklist
 * @email: Meta's email
 *
 * The objections waiting for Meta's answer (forms submitted and not yet
 * confirmed) or, when none waits, those marked confirmed without an email
 * to prove it. When the email names an app (in its sender's domain or its
 * subject) and objections of that app are among them, only those.
 *
 * Returns: (transfer container) (element-type VetoTask): the candidates
 */
GPtrArray *
veto_evidence_find_candidates (VetoChecklist *checklist,
                               VetoEmail     *email)
{
  g_autoptr(GPtrArray) waiting = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *named = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *tasks;

  g_return_val_if_fail (VETO_IS_CHECKLIST (checklist), named);
  g_return_val_if_fail (VETO_IS_EMAIL (email), named);

  tasks = veto_checklist_get_tasks (checklist);
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);

      if (veto_step_get_kind (veto_task_get_step (task)) == VETO_STEP_KIND_FORM &&
          veto_task_get_state (task) == VETO_STEP_STATE_SUBMITTED)
        g_ptr_array_add (waiting, g_steal_pointer (&task));
    }

  /* "Meta Confirmed" clicked before the email was saved: it proves that */
  for (guint i = 0; waiting->len == 0 && i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);
      VetoStep *step = veto_task_get_step (task);
      g_autoptr(VetoEvidenceInfo) kept = NULL;

      if (veto_step_get_kind (step) != VETO_STEP_KIND_FORM ||
          veto_task_get_state (task) != VETO_STEP_STATE_CONFIRMED)
        continue;

      kept = veto_progress_store_dup_evidence (veto_checklist_get_store (checklist), veto_step_get_id (step),
                                               veto_task_get_account_id (task));
      if (kept == NULL)
        g_ptr_array_add (waiting, g_steal_pointer (&task));
    }

  for (guint i = 0; i < waiting->len; i++)
    {
      VetoApp *app = veto_task_get_app (g_ptr_array_index (waiting, i));

      if (mentions (email->from_domain, veto_app_get_id (app)) ||
          mentions (email->subject, veto_app_get_name (app)))
        g_ptr_array_add (named, g_object_ref (g_ptr_array_index (waiting, i)));
    }

  if (named->len > 0)
    return named;

  g_ptr_array_unref (named);
  return g_steal_pointer (&waiting);
}

static char *
evidence_name (VetoTask  *task,
               VetoEmail *email)
{
  const char *account = veto_task_get_account_id (task);
  g_autofree char *hash = g_strndup (email->sha256, 16);

  return g_strdup_printf ("%s-%s-%s.eml", veto_step_get_id (veto_task_get_step (task)),
                          account ? account : "app", hash);
}

/* A copy being kept is written under a hidden name of Veto's own, and
 * takes its real name only once the progress records it: a process killed
 * in between leaves no email that looks kept but is recorded nowhere. */
#define TEMP_PREFIX ".veto-evidence-"

static gboolean
fsync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

/* Writes @bytes to a new temporary file in @folder, fsynced.
 * Returns: (transfer full) (nullable): its path */
static char *
write_temporary (const char  *folder,
                 GBytes      *bytes,
                 GError     **error)
{
  g_autofree char *tmp = g_build_filename (folder, TEMP_PREFIX "XXXXXX", NULL);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  int saved_errno;
  int fd;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    goto fail;

  for (gsize done = 0; done < len; )
    {
      gssize n = write (fd, data + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        goto fail_fd;
      done += n;
    }

  if (fsync (fd) != 0)
    goto fail_fd;
  if (close (fd) != 0)
    {
      fd = -1;
      goto fail_fd;
    }

  return g_steal_pointer (&tmp);

fail_fd:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  errno = saved_errno;
fail:
  saved_errno = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: %s is a folder, then why */
               _("Meta’s email could not be kept in %s: %s"),
               folder, g_strerror (saved_errno));
  return NULL;
}

/**
 * veto_evidence_recover:
 * @store: the person's progress, loaded
 *
 * Finishes what a killed `veto --attach-email` (or window) left in the
 * evidence folder: a copy whose email the progress records, but under a
 * name that is missing, takes that name; any other copy was never
 * recorded and is removed. Only copies old enough that no Veto can still
 * be writing them; never a file Veto did not name.
 */
void
veto_evidence_recover (VetoProgressStore *store)
{
  g_autoptr(GFile) folder = veto_evidence_get_folder ();
  g_autoptr(GDir) dir = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  g_return_if_fail (VETO_IS_PROGRESS_STORE (store));

  dir = g_dir_open (g_file_peek_path (folder), 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) contents = NULL;
      g_autofree char *sha256 = NULL;
      g_autofree char *recorded = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, TEMP_PREFIX) || strlen (name) != strlen (TEMP_PREFIX) + 6)
        continue;

      /* a young copy may be another Veto's, between its save and its
       * rename: it is that Veto's to finish */
      path = g_build_filename (g_file_peek_path (folder), name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || now - st.st_mtime <= 60)
        continue;
      contents = veto_file_read_bounded (path, VETO_EVIDENCE_MAX_SIZE, NULL, NULL);
      if (contents == NULL)
        continue;

      sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, contents);
      recorded = veto_progress_store_find_evidence_file (store, sha256);
      /* a name, never a path: the progress file is validated so, but it is
       * also a file a person may edit */
      if (recorded != NULL && *recorded != '.' && strchr (recorded, G_DIR_SEPARATOR) == NULL)
        {
          g_autofree char *target = g_build_filename (g_file_peek_path (folder), recorded, NULL);

          if (!g_file_test (target, G_FILE_TEST_EXISTS) && g_rename (path, target) == 0)
            {
              fsync_folder (g_file_peek_path (folder));
              continue;
            }
        }

      g_unlink (path);
    }
}

/**
 * veto_evidence_attach:
 * @checklist: the person's checklist
 * @task: the objection Meta's email answers
 * @email: the email, from Meta
 * @answer: what the email says, as the person (or the words Veto read)
 *   decided: %VETO_EMAIL_ANSWER_CONFIRMED or %VETO_EMAIL_ANSWER_REFUSED
 *   record Meta's answer on the email's day; %VETO_EMAIL_ANSWER_UNKNOWN
 *   keeps the email as proof only
 * @error: why nothing was changed
 *
 * Keeps a private copy of @email (0600, in a 0700 folder) and records it
 * with its SHA-256, and Meta's answer when @answer says one. All or
 * nothing: the copy is written and fsynced under a temporary name, the
 * progress is saved, and only then does the copy take its name; when the
 * progress refuses the day or can't be saved (%G_IO_ERROR_WRONG_ETAG:
 * another Veto changed it since it was read), the copy is removed and
 * nothing changed.
 *
 * Returns: %TRUE when the email was kept (and the answer saved)
 */
gboolean
veto_evidence_attach (VetoChecklist    *checklist,
                      VetoTask         *task,
                      VetoEmail        *email,
                      VetoEmailAnswer   answer,
                      GError          **error)
{
  VetoProgressStore *store;
  g_autoptr(GFile) folder = veto_evidence_get_folder ();
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *tmp = NULL;
  VetoEvidenceInfo info = { 0 };

  g_return_val_if_fail (VETO_IS_CHECKLIST (checklist), FALSE);
  g_return_val_if_fail (VETO_IS_TASK (task), FALSE);
  g_return_val_if_fail (VETO_IS_EMAIL (email), FALSE);

  store = veto_checklist_get_store (checklist);
  if (!veto_email_check_sender (email, veto_checklist_get_catalog (checklist), error))
    return FALSE;

  if (veto_progress_store_get_read_only (store))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _("Your progress is open read-only."));
      return FALSE;
    }

  if (g_mkdir_with_parents (g_file_peek_path (folder), 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s is a folder, then why */
                   _("Meta’s email could not be kept in %s: %s"),
                   g_file_peek_path (folder), g_strerror (saved_errno));
      return FALSE;
    }
  g_chmod (g_file_peek_path (folder), 0700);
  veto_evidence_recover (store);

  name = evidence_name (task, email);
  path = g_build_filename (g_file_peek_path (folder), name, NULL);
  tmp = write_temporary (g_file_peek_path (folder), email->bytes, error);
  if (tmp == NULL)
    return FALSE;

  info.file = name;
  info.sha256 = email->sha256;
  info.from = email->from;
  info.subject = email->subject;
  info.date = email->date;

  if (!veto_progress_store_keep_evidence (store, veto_step_get_id (veto_task_get_step (task)),
                                          veto_task_get_account_id (task), &info, answer, error))
    {
      g_unlink (tmp);
      return FALSE;
    }

  /* Recorded: the copy takes its name. Should this fail, the next attach
   * finishes it (veto_evidence_recover()). */
  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Meta’s email could not be kept in %s: %s"),
                   g_file_peek_path (folder), g_strerror (saved_errno));
      return FALSE;
    }
  fsync_folder (g_file_peek_path (folder));

  return TRUE;
}

static gboolean
account_matches (VetoTask   *task,
                 const char *account)
{
  g_autofree char *name = veto_account_get_display_name (veto_task_get_account_label (task),
                                                         veto_task_get_account_id (task));
  g_autofree char *a = g_utf8_casefold (name, -1);
  g_autofree char *b = g_utf8_casefold (account, -1);

  return g_str_equal (a, b) || g_strcmp0 (veto_task_get_account_id (task), account) == 0;
}

/* The one objection @email answers, or FALSE with why in @err. */
static gboolean
choose_task (VetoChecklist  *checklist,
             VetoEmail      *email,
             const char     *account,
             VetoTask      **out_task,
             GString        *err)
{
  g_autoptr(GPtrArray) candidates = veto_evidence_find_candidates (checklist, email);
  g_autoptr(GPtrArray) chosen = NULL;

  if (candidates->len == 0)
    {
      g_string_append_printf (err, "%s\n",
                              _("No objection waits for Meta’s answer: mark the objection you sent as submitted in Veto first. Nothing was changed."));
      return FALSE;
    }

  chosen = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < candidates->len; i++)
    if (account == NULL || account_matches (g_ptr_array_index (candidates, i), account))
      g_ptr_array_add (chosen, g_object_ref (g_ptr_array_index (candidates, i)));

  if (chosen->len != 1)
    {
      if (account != NULL && chosen->len == 0)
        /* Translators: %s is what the person gave to --account */
        g_string_append_printf (err, _("No objection waiting for Meta’s answer is for the account “%s”."), account);
      else
        g_string_append (err, _("More than one objection waits for Meta’s answer. Say which with --account=LABEL."));
      g_string_append_c (err, '\n');
      g_string_append_printf (err, "%s\n", _("Waiting for Meta’s answer:"));
      for (guint i = 0; i < candidates->len; i++)
        {
          g_autofree char *line = veto_task_dup_name (g_ptr_array_index (candidates, i));

          g_string_append_printf (err, "  %s\n", line);
        }
      g_string_append_printf (err, "%s\n", _("Nothing was changed."));
      return FALSE;
    }

  *out_task = g_object_ref (g_ptr_array_index (chosen, 0));
  return TRUE;
}

/**
 * veto_email_new_from_argument:
 * @file_arg: the file given to `--attach-email`, or `-` for @standard_input
 * @standard_input: (nullable): the process's standard input
 * @error: why it is not an email Veto can read
 *
 * Returns: (transfer full) (nullable): the email
 */
VetoEmail *
veto_email_new_from_argument (const char    *file_arg,
                              GInputStream  *standard_input,
                              GError       **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (file_arg != NULL, NULL);

  if (!g_str_equal (file_arg, "-"))
    {
      file = g_file_new_for_commandline_arg (file_arg);
      return veto_email_new_from_file (file, NULL, error);
    }

  if (standard_input == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("There is no standard input to read the email from."));
      return NULL;
    }
  return veto_email_new_from_stream (standard_input, NULL, error);
}

/* The task for which an email with this hash is already kept, if any. */
static VetoTask *
find_task_with_evidence (VetoChecklist *checklist,
                         VetoEmail     *email)
{
  VetoProgressStore *store = veto_checklist_get_store (checklist);
  GListModel *lists[] = { veto_checklist_get_tasks (checklist), veto_checklist_get_earlier_tasks (checklist) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(VetoTask) task = g_list_model_get_item (lists[l], i);
        g_autoptr(VetoEvidenceInfo) kept =
          veto_progress_store_dup_evidence (store, veto_step_get_id (veto_task_get_step (task)),
                                            veto_task_get_account_id (task));

        if (kept != NULL && g_strcmp0 (kept->sha256, email->sha256) == 0)
          return g_steal_pointer (&task);
      }

  return NULL;
}

/**
 * veto_evidence_command:
 * @checklist: the person's checklist, loaded after the email was read (a
 *   mail filter's standard input may take its time)
 * @email: the email given to `--attach-email`
 * @account: (nullable): the `--account` label, when two objections wait
 * @out: what to print on standard output
 * @err: what to print on standard error
 *
 * `veto --attach-email=FILE|-`, over the core alone.
 *
 * Returns: the exit status: 0 when the email was kept (now or before), 2
 *   when nothing changed (the reason, and the candidates when two wait,
 *   are in @err)
 */
int
veto_evidence_command (VetoChecklist *checklist,
                       VetoEmail     *email,
                       const char    *account,
                       GString       *out,
                       GString       *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoTask) task = NULL;
  g_autoptr(VetoTask) already = NULL;
  g_autofree char *what = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GFile) folder = NULL;
  VetoEmailAnswer answer;

  g_return_val_if_fail (VETO_IS_CHECKLIST (checklist), 2);
  g_return_val_if_fail (VETO_IS_EMAIL (email), 2);

  if (!veto_email_check_sender (email, veto_checklist_get_catalog (checklist), &error))
    {
      g_string_append_printf (err, "%s\n", error->message);
      return 2;
    }

  /* what an earlier run killed half-way left behind */
  veto_evidence_recover (veto_checklist_get_store (checklist));

  /* A mail filter has no one to ask: an answer is recorded only when the
   * email's words say it; anything else (an acknowledgement, a request
   * for more details) is kept as proof, and the person decides. */
  answer = veto_email_classify_answer (email, veto_checklist_get_catalog (checklist));

  /* The same email again (a mail filter run twice): it is kept already,
   * which is what was asked. */
  already = find_task_with_evidence (checklist, email);
  if (already != NULL)
    {
      g_autofree char *name = veto_task_dup_name (already);

      /* Translators: %s is a step with its app and account */
      g_string_append_printf (out, _("This email is already kept as proof for %s. Nothing was changed."), name);
      g_string_append_c (out, '\n');
      return 0;
    }

  /* Two mail filters may run at once (two accounts' emails arriving
   * together): a save that finds the file changed since it was read reads
   * it again and tries again on top of the other's change. */
  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GError) reload_error = NULL;

      if (!choose_task (checklist, email, account, &task, err))
        return 2;

      if (veto_evidence_attach (checklist, task, email, answer, &error))
        break;

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG) || attempt >= 20)
        {
          g_string_append_printf (err, "%s\n", error->message);
          if (!g_error_matches (error, VETO_PROGRESS_ERROR, VETO_PROGRESS_ERROR_BEFORE_SUBMITTED) &&
              !g_error_matches (error, VETO_PROGRESS_ERROR, VETO_PROGRESS_ERROR_FUTURE_DATE))
            g_string_append_printf (err, "%s\n", _("Meta’s email was not kept. Nothing was changed."));
          return 2;
        }

      g_debug ("the progress changed since it was read; reading it again (%s)", error->message);
      g_clear_error (&error);
      g_clear_object (&task);
      if (!veto_progress_store_reload (veto_checklist_get_store (checklist), &reload_error))
        {
          g_string_append_printf (err, "%s\n%s\n", reload_error->message,
                                  _("Meta’s email was not kept. Nothing was changed."));
          return 2;
        }
      g_usleep (g_random_int_range (1, 20) * 1000);
    }

  what = veto_task_dup_name (task);
  date = veto_format_date (email->date);
  folder = veto_evidence_get_folder ();
  switch (answer)
    {
    case VETO_EMAIL_ANSWER_CONFIRMED:
      /* Translators: %s is a step with its app and account, then a date */
      g_string_append_printf (out, _("Meta’s confirmation of %s is recorded on %s."), what, date);
      break;
    case VETO_EMAIL_ANSWER_REFUSED:
      /* Translators: %s is a step with its app and account, then a date */
      g_string_append_printf (out, _("Meta’s refusal of %s is recorded on %s."), what, date);
      break;
    case VETO_EMAIL_ANSWER_UNKNOWN:
    default:
      /* Translators: %s is a step with its app and account */
      g_string_append_printf (out, _("Meta’s email is kept as proof for %s, but its words do not say whether Meta accepted or refused the objection, so nothing else was changed."),
                              what);
      if (veto_task_get_state (task) == VETO_STEP_STATE_SUBMITTED)
        {
          g_string_append_c (out, '\n');
          /* Translators: "I Got Meta's Answer" and the two after it are
           * the labels of the objection card's button and its menu items,
           * without their underscores */
          g_string_append (out, _("Read it, then record Meta’s answer in the Veto window: on the objection’s card, “I Got Meta’s Answer”, then “Meta Accepted My Objection” or “Meta Refused”."));
        }
      break;
    }
  g_string_append_c (out, '\n');
  /* Translators: %s is a folder, then a SHA-256 */
  g_string_append_printf (out, _("The email is kept in %s (SHA-256 %s)."),
                          g_file_peek_path (folder), email->sha256);
  g_string_append_c (out, '\n');
  return 0;
}
