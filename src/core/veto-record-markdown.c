/* veto-record-markdown.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The record as Markdown. */

#include "config.h"

#include "veto-record-private.h"
#include "veto-text.h"

/* Markdown */

/* Text from the catalog or the person must not turn into markup. */
static void
append_md_text (GString    *out,
                const char *raw)
{
  /* a carriage return is a line break to a Markdown reader too: cleaned
   * text has only "\n" (veto-text.c) */
  g_autofree char *text = veto_text_clean (raw, VETO_TEXT_MULTI_LINE, 0);
  gboolean line_start = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (line_start)
        {
          const char *q = p;

          /* a list item or a heading at the start of a line */
          while (g_ascii_isdigit (*q))
            q++;
          if (*p == '-' || *p == '+' || *p == '#' ||
              (q != p && (*q == '.' || *q == ')')))
            {
              g_string_append_len (out, p, q - p);
              g_string_append_c (out, '\\');
              p = q;
            }
        }

      if (strchr ("\\`*_[]<>|~", *p) != NULL)
        g_string_append_c (out, '\\');

      if (*p == '\n')
        {
          /* a hard line break, staying inside the list item */
          g_string_append (out, "  \n  ");
          line_start = TRUE;
          continue;
        }

      g_string_append_c (out, *p);
      line_start = FALSE;
    }
}

static void
append_md_link (GString    *out,
                const char *url)
{
  if (strpbrk (url, " \t\n<>") == NULL)
    g_string_append_printf (out, "<%s>", url);
  else
    append_md_text (out, url);
}

static void
append_md_step (GString    *out,
                RecordStep *step,
                const char *heading)
{
  g_string_append_printf (out, "\n%s ", heading);
  append_md_text (out, step->title);
  g_string_append (out, "\n\n");

  for (guint f = 0; f < step->fields->len; f++)
    {
      RecordField *field = g_ptr_array_index (step->fields, f);

      g_string_append (out, "- **");
      append_md_text (out, field->label);
      g_string_append (out, "** ");
      if (field->link != NULL)
        append_md_link (out, field->value);
      else
        append_md_text (out, field->value);
      append_md_text (out, field->suffix);
      g_string_append_c (out, '\n');
    }

  if (step->due != NULL)
    {
      g_string_append (out, "- *");
      append_md_text (out, step->due);
      g_string_append (out, "*\n");
    }
}

char *
_veto_record_to_markdown (Record *record)
{
  GString *out = g_string_new (NULL);

  g_string_append (out, "# ");
  append_md_text (out, record->title);
  g_string_append (out, "\n\n");

  for (guint i = 0; i < record->header->len; i++)
    {
      append_md_text (out, g_ptr_array_index (record->header, i));
      g_string_append (out, i + 1 < record->header->len ? "  \n" : "\n\n");
    }

  if (record->empty != NULL)
    {
      append_md_text (out, record->empty);
      g_string_append_c (out, '\n');
      return g_string_free (out, FALSE);
    }

  append_md_text (out, record->intro);
  g_string_append (out, "\n\n");
  append_md_text (out, record->summary);
  g_string_append (out, "\n");

  /* page 1: the objections */
  g_string_append (out, "\n## ");
  append_md_text (out, record->objections_title);
  g_string_append (out, "\n");
  if (record->no_objections != NULL)
    {
      g_string_append_c (out, '\n');
      append_md_text (out, record->no_objections);
      g_string_append_c (out, '\n');
    }
  for (guint o = 0; o < record->objections->len; o++)
    append_md_step (out, g_ptr_array_index (record->objections, o), "###");

  for (guint a = 0; a < record->apps->len; a++)
    {
      RecordApp *app = g_ptr_array_index (record->apps, a);
      /* under the annex's heading, each level one deeper */
      const char *deeper = app->in_annex ? "#" : "";

      if (app->in_annex && (a == 0 || !((RecordApp *)g_ptr_array_index (record->apps, a - 1))->in_annex))
        {
          g_string_append (out, "\n## ");
          append_md_text (out, record->annex_title);
          g_string_append (out, "\n\n");
          append_md_text (out, record->annex_intro);
          g_string_append_c (out, '\n');
        }

      g_string_append_printf (out, "\n##%s ", deeper);
      append_md_text (out, app->name);
      g_string_append (out, "\n");

      for (guint g = 0; g < app->groups->len; g++)
        {
          RecordGroup *group = g_ptr_array_index (app->groups, g);

          g_autofree char *heading = NULL;

          if (group->name != NULL)
            {
              g_string_append_printf (out, "\n###%s ", deeper);
              append_md_text (out, group->name);
              g_string_append (out, "\n");
            }

          heading = g_strconcat (group->name != NULL ? "####" : "###", deeper, NULL);
          for (guint s = 0; s < group->steps->len; s++)
            append_md_step (out, g_ptr_array_index (group->steps, s), heading);
        }
    }

  if (record->sources->len > 0)
    {
      g_string_append (out, "\n## ");
      append_md_text (out, record->sources_title);
      g_string_append (out, "\n\n");
      for (guint i = 0; i < record->sources->len; i++)
        {
          const char *text = g_ptr_array_index (record->source_texts, i);

          g_string_append (out, "- ");
          if (text != NULL)
            {
              append_md_text (out, text);
              g_string_append (out, ": ");
            }
          append_md_link (out, g_ptr_array_index (record->sources, i));
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (out, FALSE);
}
