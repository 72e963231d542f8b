/* veto-text.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-text.h"

/* Text Veto did not write (an email's subject and sender, a downloaded
 * catalog, an account's label, a note) reaches a terminal and the record.
 * There, a carriage return starts a line of its own (a fake heading in
 * the Markdown record), an escape sequence drives the terminal, and a bidi
 * override shows "Meta" for what is stored as "ateM". Such text is shown
 * without them: control characters other than line breaks (and tabs, as
 * spaces) and the bidi embedding, override and isolate controls are
 * removed; every line break is "\n", or a space on one line. */

static gboolean
is_hidden_control (gunichar c)
{
  return (c < 0x20 && c != '\n' && c != '\t') ||
         (c >= 0x7F && c <= 0x9F) ||
         (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) ||
         c == 0x200E || c == 0x200F || c == 0x061C;
}

/**
 * veto_text_clean:
 * @text: (nullable): text from outside Veto, UTF-8
 * @flags: %VETO_TEXT_SINGLE_LINE to make line breaks spaces
 * @max_chars: at most this many characters are kept (an ellipsis ends a
 *   shortened text), or 0 for no bound
 *
 * Returns: (transfer full) (nullable): @text safe to show, or %NULL for
 *   %NULL; invalid UTF-8 is replaced
 */
char *
veto_text_clean (const char    *text,
                 VetoTextFlags  flags,
                 gsize          max_chars)
{
  g_autofree char *valid = NULL;
  GString *out;
  gsize n = 0;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85)
        {
          /* "\r\n" is one break */
          if (c == '\r' && p[1] == '\n')
            continue;
          c = '\n';
        }
      if (c == '\t' || (c == '\n' && (flags & VETO_TEXT_SINGLE_LINE)))
        c = ' ';
      if (c != '\n' && is_hidden_control (c))
        continue;

      if (max_chars > 0 && n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      g_string_append_unichar (out, c);
      n++;
    }

  return g_string_free (out, FALSE);
}
