/* veto-record-pdf.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The record as a PDF, drawn with cairo and Pango. */

#include "config.h"

#include <glib/gi18n-lib.h>
/* veto-cli's build (VETO_CORE_LITE) writes Markdown only, without Pango
 * and cairo; it hands a PDF export to veto-cli-full (veto-cli.c). */
#ifndef VETO_CORE_LITE
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#endif

#include "veto-record-private.h"
#include "veto-text.h"

#ifndef VETO_CORE_LITE
/* PDF
 *
 * The record is laid out as a list of blocks (a title, a heading, a line
 * of a step), each a PangoLayout wrapped to the page's width, and placed
 * line by line, so that a long note can run onto the next page. Headings
 * stay with what follows them. The pages are counted in a first pass, so
 * that each can say "Page 2 of 3". */

#define PAGE_WIDTH    595.276   /* A4, in points */
#define PAGE_HEIGHT   841.890
#define MARGIN_SIDE    62.0
#define MARGIN_TOP     62.0
#define MARGIN_BOTTOM  72.0
#define FOOTER_Y      (PAGE_HEIGHT - 42.0)
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN_SIDE)
#define FONT          "Cantarell, DejaVu Sans, sans-serif"
/* Every text is laid out at this size and drawn scaled to its own. Each
 * size of a face is a font of its own to Pango and cairo: matched against
 * every font on the system, measured, its glyphs loaded and embedded. So
 * the record keeps to two faces, regular and bold (Cantarell has no
 * italic: the slanted copy fontconfig made was a third), in five sizes:
 * 18 and 15 for the title and each app, 11 for headings, 9.5 for text
 * (the size most of it is in, laid out as is), 8 for the notes at the
 * edges of a page. Metrics are unhinted and positions not rounded, so a
 * scaled layout is the layout at that size. */
#define BASE_SIZE     9.5

typedef struct
{
  PangoLayout *layout;
  /* drawn at this scale: its size over BASE_SIZE */
  double       scale;
  double       indent;
  double       space_before;
  /* 0–1 grey of the text, 0 black */
  double       grey;
  char        *link;
  /* what the block belongs to ("Facebook — Personal"), repeated at the
   * top of a page that begins with it */
  char        *context;
  guint        keep_with_next : 1;
  guint        rule_below : 1;
  /* starts a page: the annex, so that page 1 is the objections */
  guint        page_break : 1;
} Block;

static void
block_free (Block *block)
{
  g_clear_object (&block->layout);
  g_free (block->link);
  g_free (block->context);
  g_free (block);
}

/* Pango lays out a run of text without a break opportunity in time that
 * grows with the square of its length: a 1 MB note without a space took
 * minutes to export. Such a run is cut every UNBROKEN_MAX characters
 * (outside tags and entities of @markup), where it would have been
 * wrapped anyway. */
#define UNBROKEN_MAX 200
#define UNBROKEN_CUT "\xE2\x80\x8B"

static char *
bound_unbroken (const char *markup)
{
  GString *out = NULL;
  gboolean in_tag = FALSE;
  gboolean in_entity = FALSE;
  guint run = 0;

  for (const char *p = markup; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      if (in_tag)
        in_tag = c != '>';
      else if (c == '<')
        in_tag = TRUE;
      else if (in_entity)
        in_entity = c != ';';
      else if (g_ascii_isspace (c))
        run = 0;
      else if ((c & 0xC0) != 0x80)
        {
          /* the start of a character, text or entity */
          if (++run > UNBROKEN_MAX)
            {
              if (out == NULL)
                out = g_string_new_len (markup, p - markup);
              g_string_append (out, UNBROKEN_CUT);
              run = 1;
            }
          in_entity = c == '&';
        }

      if (out != NULL)
        g_string_append_c (out, *p);
    }

  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

/* What the export lays text out with. A record repeats itself ("State:
 * Done" once per step, the footer on every page) and each font string
 * comes back hundreds of times: both are made once. */
typedef struct
{
  PangoContext *context;
  /* a font string → its description at BASE_SIZE (FontEntry) */
  GHashTable   *fonts;
  /* font, width, indent and text → the PangoLayout laid out for them,
   * never changed once made */
  GHashTable   *layouts;
} Typesetter;

typedef struct
{
  PangoFontDescription *desc;
  /* its size over BASE_SIZE: the scale to draw at */
  double                scale;
} FontEntry;

static void
font_entry_free (FontEntry *entry)
{
  pango_font_description_free (entry->desc);
  g_free (entry);
}

static void
typesetter_init (Typesetter   *self,
                 PangoContext *context)
{
  self->context = context;
  self->fonts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)font_entry_free);
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

static void
typesetter_clear (Typesetter *self)
{
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_pointer (&self->fonts, g_hash_table_unref);
}

/* @font (a string constant) at BASE_SIZE, whatever size it says */
static const FontEntry *
typesetter_font (Typesetter *self,
                 const char *font)
{
  FontEntry *entry = g_hash_table_lookup (self->fonts, font);

  if (entry == NULL)
    {
      entry = g_new0 (FontEntry, 1);
      entry->desc = pango_font_description_from_string (font);
      entry->scale = (double)pango_font_description_get_size (entry->desc) / (BASE_SIZE * PANGO_SCALE);
      pango_font_description_set_size (entry->desc, BASE_SIZE * PANGO_SCALE);
      g_hash_table_insert (self->fonts, (gpointer)font, entry);
    }

  return entry;
}

/* A layout of @text (markup when @markup) in @font, wrapped at @width
 * points (0: not wrapped), its lines after the first starting @indent
 * points further left; shared with every other use of the same. A new
 * reference; @scale is set to the scale to draw it at. */
static PangoLayout *
typesetter_layout (Typesetter *self,
                   const char *font,
                   const char *text,
                   gboolean    markup,
                   double      width,
                   double      indent,
                   double     *scale)
{
  const FontEntry *entry = typesetter_font (self, font);
  g_autofree char *key = g_strdup_printf ("%s\x1f%g\x1f%g\x1f%d\x1f%s", font, width, indent, markup, text);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);

  *scale = entry->scale;
  if (layout != NULL)
    return g_object_ref (layout);

  layout = pango_layout_new (self->context);
  pango_layout_set_font_description (layout, entry->desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width / entry->scale * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (indent != 0)
    pango_layout_set_indent (layout, (int)(indent / entry->scale * PANGO_SCALE));
  if (markup)
    {
      g_autofree char *bounded = bound_unbroken (text);

      pango_layout_set_markup (layout, bounded != NULL ? bounded : text, -1);
    }
  else
    {
      /* no bidi override may reorder what the record says (veto-text.c) */
      g_autofree char *clean = veto_text_clean (text, VETO_TEXT_MULTI_LINE, 0);

      pango_layout_set_text (layout, clean, -1);
    }

  /* No ligatures: "fi" stays two letters for whoever searches or copies
   * the record's text, and the ligature glyphs are not embedded as fonts
   * of their own. */
  {
    PangoAttrList *from_markup = pango_layout_get_attributes (layout);
    g_autoptr(PangoAttrList) attrs = from_markup != NULL ? pango_attr_list_copy (from_markup)
                                                         : pango_attr_list_new ();

    pango_attr_list_insert_before (attrs, pango_attr_font_features_new ("liga 0"));
    pango_layout_set_attributes (layout, attrs);
  }

  g_hash_table_insert (self->layouts, g_steal_pointer (&key), g_object_ref (layout));
  return layout;
}

/* Draws @layout's top left corner at (@x, @y), at @scale. */
static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             double       scale)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* A block of @markup, @indent points from the left margin, its lines
 * after the first @hang points further (a negative @hang: the first line
 * hangs out). */
static Block *
add_block (GPtrArray  *blocks,
           Typesetter *typesetter,
           const char *markup,
           const char *font,
           double      indent,
           double      hang,
           double      space_before)
{
  Block *block = g_new0 (Block, 1);

  block->layout = typesetter_layout (typesetter, font, markup, TRUE, CONTENT_WIDTH - indent, hang,
                                     &block->scale);
  block->indent = indent;
  block->space_before = space_before;
  g_ptr_array_add (blocks, block);

  return block;
}

static char *
field_markup (RecordField *field)
{
  if (field->link != NULL)
    return g_markup_printf_escaped ("<b>%s</b> <span foreground='#1c4f9c'>%s</span>%s",
                                    field->label, field->value, field->suffix);

  return g_markup_printf_escaped ("<b>%s</b> %s%s", field->label, field->value, field->suffix);
}

/* A step's title and its lines, @indent points in; @where is repeated at
 * the top of a page it runs onto. */
static void
add_step_blocks (GPtrArray  *blocks,
                 Typesetter *typesetter,
                 RecordStep *step,
                 double      indent,
                 const char *where,
                 gboolean    keep_together)
{
  g_autofree char *step_title = g_markup_escape_text (step->title, -1);
  Block *block;

  block = add_block (blocks, typesetter, step_title, FONT " Bold 11", indent, 0, 10);
  block->keep_with_next = TRUE;
  block->context = g_strdup (where);

  for (guint f = 0; f < step->fields->len; f++)
    {
      RecordField *field = g_ptr_array_index (step->fields, f);
      g_autofree char *markup = field_markup (field);

      /* a long note or address hangs under its label */
      block = add_block (blocks, typesetter, markup, FONT " 9.5", indent + 14, -10, 2);
      block->link = g_strdup (field->link);
      block->context = g_strdup (where);
      /* keep the state with the title: at least two lines; an objection
       * whole, so that a reader never turns a page in the middle of one */
      block->keep_with_next = (f == 0 || keep_together) && f + 1 < step->fields->len;
    }

  if (step->due != NULL)
    {
      g_autofree char *due = g_markup_escape_text (step->due, -1);

      block = add_block (blocks, typesetter, due, FONT " 9.5", indent + 14, 0, 2);
      /* what is to come, set apart from what was done */
      block->grey = 0.4;
      block->context = g_strdup (where);
    }
}

static GPtrArray *
layout_record (Record     *record,
               Typesetter *typesetter)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)block_free);
  g_autofree char *title = g_markup_escape_text (record->title, -1);
  Block *block;

  block = add_block (blocks, typesetter, title, FONT " Bold 18", 0, 0, 0);
  block->rule_below = TRUE;

  for (guint i = 0; i < record->header->len; i++)
    {
      g_autofree char *line = g_markup_escape_text (g_ptr_array_index (record->header, i), -1);

      block = add_block (blocks, typesetter, line, FONT " 9.5", 0, 0, i == 0 ? 14 : 2);
      block->grey = 0.25;
    }

  if (record->empty != NULL)
    {
      g_autofree char *empty = g_markup_escape_text (record->empty, -1);

      add_block (blocks, typesetter, empty, FONT " 9.5", 0, 0, 18);
      return blocks;
    }

  {
    g_autofree char *intro = g_markup_escape_text (record->intro, -1);
    g_autofree char *summary = g_markup_escape_text (record->summary, -1);

    add_block (blocks, typesetter, intro, FONT " 9.5", 0, 0, 14);
    add_block (blocks, typesetter, summary, FONT " Bold 11", 0, 0, 10);
  }

  /* page 1: the objections */
  {
    g_autofree char *heading = g_markup_escape_text (record->objections_title, -1);

    block = add_block (blocks, typesetter, heading, FONT " Bold 15", 0, 0, 22);
    block->keep_with_next = TRUE;
    block->rule_below = TRUE;
    if (record->no_objections != NULL)
      {
        g_autofree char *none = g_markup_escape_text (record->no_objections, -1);

        add_block (blocks, typesetter, none, FONT " 9.5", 0, 0, 10);
      }
    for (guint o = 0; o < record->objections->len; o++)
      add_step_blocks (blocks, typesetter, g_ptr_array_index (record->objections, o), 0,
                       record->objections_title, TRUE);
  }

  for (guint a = 0; a < record->apps->len; a++)
    {
      RecordApp *app = g_ptr_array_index (record->apps, a);
      g_autofree char *name = g_markup_escape_text (app->name, -1);

      if (app->in_annex && (a == 0 || !((RecordApp *)g_ptr_array_index (record->apps, a - 1))->in_annex))
        {
          g_autofree char *heading = g_markup_escape_text (record->annex_title, -1);
          g_autofree char *intro = g_markup_escape_text (record->annex_intro, -1);

          block = add_block (blocks, typesetter, heading, FONT " Bold 18", 0, 0, 0);
          block->page_break = TRUE;
          block->keep_with_next = TRUE;
          block->rule_below = TRUE;
          add_block (blocks, typesetter, intro, FONT " 9.5", 0, 0, 10);
        }

      block = add_block (blocks, typesetter, name, FONT " Bold 15", 0, 0, 22);
      block->keep_with_next = TRUE;
      block->rule_below = TRUE;

      for (guint g = 0; g < app->groups->len; g++)
        {
          RecordGroup *group = g_ptr_array_index (app->groups, g);
          g_autofree char *where = NULL;
          double indent = 0;

          if (group->name != NULL)
            {
              g_autofree char *group_name = g_markup_escape_text (group->name, -1);

              block = add_block (blocks, typesetter, group_name, FONT " Bold 11", 0, 0, 12);
              block->keep_with_next = TRUE;
              block->grey = 0.3;
              block->context = g_strdup (app->name);
              indent = 12;
              /* Translators: an app and an account: "Facebook — Personal" */
              where = g_strdup_printf (_("%s — %s"), app->name, group->name);
            }
          else
            where = g_strdup (app->name);

          for (guint s = 0; s < group->steps->len; s++)
            add_step_blocks (blocks, typesetter, g_ptr_array_index (group->steps, s), indent, where, FALSE);
        }
    }

  if (record->sources->len > 0)
    {
      g_autofree char *heading = g_markup_escape_text (record->sources_title, -1);

      block = add_block (blocks, typesetter, heading, FONT " Bold 15", 0, 0, 22);
      block->keep_with_next = TRUE;
      block->rule_below = TRUE;
      for (guint i = 0; i < record->sources->len; i++)
        {
          const char *url = g_ptr_array_index (record->sources, i);
          const char *text = g_ptr_array_index (record->source_texts, i);
          g_autofree char *markup = g_markup_printf_escaped ("<span foreground='#1c4f9c'>%s</span>", url);

          /* who published it and what was read when, then its address */
          if (text != NULL)
            {
              g_autofree char *escaped = g_markup_escape_text (text, -1);

              block = add_block (blocks, typesetter, escaped, FONT " 9.5", 14, 0, i == 0 ? 6 : 8);
              block->keep_with_next = TRUE;
              block->context = g_strdup (record->sources_title);
            }
          block = add_block (blocks, typesetter, markup, FONT " 9.5", text != NULL ? 24 : 14, 0,
                             text != NULL ? 1 : i == 0 ? 6 : 2);
          block->link = g_strdup (url);
          block->context = g_strdup (record->sources_title);
        }
    }

  return blocks;
}

typedef struct
{
  cairo_t    *cr;       /* NULL while counting pages */
  Record     *record;
  Typesetter *typesetter;
  double      y;
  int         page;
  int         n_pages;
  gboolean    page_empty;
} Cursor;

static double
first_line_height (Block *block)
{
  PangoRectangle logical;
  g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (block->layout);

  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  return block->scale * logical.height / PANGO_SCALE;
}

static double
block_height (Block *block)
{
  int height;

  pango_layout_get_size (block->layout, NULL, &height);
  return block->scale * height / PANGO_SCALE;
}

static void
draw_footer (Cursor *cursor)
{
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  g_autofree char *page = NULL;
  double scale;
  int width;

  if (cursor->cr == NULL)
    return;

  /* Translators: at the foot of each page of the record */
  page = g_strdup_printf (_("Page %d of %d"), cursor->page, cursor->n_pages);

  left = typesetter_layout (cursor->typesetter, FONT " 8", cursor->record->footer, FALSE, 0, 0, &scale);
  right = typesetter_layout (cursor->typesetter, FONT " 8", page, FALSE, 0, 0, &scale);
  pango_layout_get_size (right, &width, NULL);

  cairo_save (cursor->cr);
  cairo_set_source_rgb (cursor->cr, 0.4, 0.4, 0.4);
  cairo_set_line_width (cursor->cr, 0.5);
  cairo_move_to (cursor->cr, MARGIN_SIDE, FOOTER_Y - 6);
  cairo_line_to (cursor->cr, PAGE_WIDTH - MARGIN_SIDE, FOOTER_Y - 6);
  cairo_stroke (cursor->cr);
  show_layout (cursor->cr, left, MARGIN_SIDE, FOOTER_Y, scale);
  show_layout (cursor->cr, right, PAGE_WIDTH - MARGIN_SIDE - scale * width / PANGO_SCALE, FOOTER_Y, scale);
  cairo_restore (cursor->cr);
}

static void
next_page (Cursor *cursor)
{
  draw_footer (cursor);
  if (cursor->cr != NULL)
    cairo_show_page (cursor->cr);

  cursor->page++;
  cursor->y = MARGIN_TOP;
  cursor->page_empty = TRUE;
}

/* Escapes a URL for a cairo tag attribute, a single-quoted string. */
static char *
link_attributes (const char *url)
{
  GString *out = g_string_new ("uri='");

  for (const char *p = url; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');

  return g_string_free (out, FALSE);
}

/* A page that begins inside an app says which: "Facebook — Personal
 * (continued)". */
static void
place_continuation (Cursor     *cursor,
                    const char *where)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  double scale;
  int height;

  /* Translators: at the top of a page of the record; %s is an app, or an
   * app and an account */
  text = g_strdup_printf (_("%s (continued)"), where);
  layout = typesetter_layout (cursor->typesetter, FONT " 8", text, FALSE, CONTENT_WIDTH, 0, &scale);

  if (cursor->cr != NULL)
    {
      cairo_set_source_rgb (cursor->cr, 0.4, 0.4, 0.4);
      show_layout (cursor->cr, layout, MARGIN_SIDE, cursor->y, scale);
    }

  pango_layout_get_size (layout, NULL, &height);
  cursor->y += scale * height / PANGO_SCALE + 6;
}

static void
place_block (Cursor    *cursor,
             GPtrArray *blocks,
             guint      index)
{
  Block *block = g_ptr_array_index (blocks, index);
  const double bottom = PAGE_HEIGHT - MARGIN_BOTTOM;
  g_autoptr(PangoLayoutIter) iter = NULL;
  g_autofree char *link = block->link ? link_attributes (block->link) : NULL;

  if (block->page_break && !cursor->page_empty)
    next_page (cursor);

  /* A heading moves to the next page rather than end one: with it go the
   * blocks it is kept with and the first line after them. */
  if (block->keep_with_next && !cursor->page_empty)
    {
      double needed = block->space_before + block_height (block);
      guint j = index;

      while (j + 1 < blocks->len && ((Block *)g_ptr_array_index (blocks, j))->keep_with_next)
        {
          Block *next = g_ptr_array_index (blocks, ++j);

          needed += next->space_before +
                    (next->keep_with_next ? block_height (next) : first_line_height (next));
        }

      if (cursor->y + needed > bottom)
        next_page (cursor);
    }

  if (!cursor->page_empty)
    cursor->y += block->space_before;

  iter = pango_layout_get_iter (block->layout);
  do
    {
      PangoRectangle logical;
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      double baseline;
      double height;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = block->scale * (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      height = block->scale * logical.height / PANGO_SCALE;

      if (cursor->y + height > bottom && !cursor->page_empty)
        next_page (cursor);

      if (cursor->page_empty && cursor->page > 1 && block->context != NULL)
        place_continuation (cursor, block->context);

      if (cursor->cr != NULL)
        {
          cairo_set_source_rgb (cursor->cr, block->grey, block->grey, block->grey);
          /* the whole line is the link: a URL can wrap onto the next */
          if (link != NULL)
            cairo_tag_begin (cursor->cr, CAIRO_TAG_LINK, link);
          cairo_save (cursor->cr);
          cairo_translate (cursor->cr,
                           MARGIN_SIDE + block->indent + block->scale * logical.x / PANGO_SCALE,
                           cursor->y + baseline);
          cairo_scale (cursor->cr, block->scale, block->scale);
          cairo_move_to (cursor->cr, 0, 0);
          pango_cairo_show_layout_line (cursor->cr, line);
          cairo_restore (cursor->cr);
          if (link != NULL)
            cairo_tag_end (cursor->cr, CAIRO_TAG_LINK);
        }

      cursor->y += height;
      cursor->page_empty = FALSE;
    }
  while (pango_layout_iter_next_line (iter));

  if (block->rule_below)
    {
      cursor->y += 4;
      if (cursor->cr != NULL)
        {
          cairo_save (cursor->cr);
          cairo_set_source_rgb (cursor->cr, 0.6, 0.6, 0.6);
          cairo_set_line_width (cursor->cr, 0.75);
          cairo_move_to (cursor->cr, MARGIN_SIDE + block->indent, cursor->y);
          cairo_line_to (cursor->cr, PAGE_WIDTH - MARGIN_SIDE, cursor->y);
          cairo_stroke (cursor->cr);
          cairo_restore (cursor->cr);
        }
      cursor->y += 2;
    }
}

/* Returns the number of pages */
static int
place_blocks (Cursor    *cursor,
              GPtrArray *blocks)
{
  cursor->page = 1;
  cursor->y = MARGIN_TOP;
  cursor->page_empty = TRUE;

  for (guint i = 0; i < blocks->len; i++)
    place_block (cursor, blocks, i);

  draw_footer (cursor);
  if (cursor->cr != NULL)
    cairo_show_page (cursor->cr);

  return cursor->page;
}

static cairo_status_t
append_to_byte_array (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
_veto_record_to_pdf (Record  *record,
                     GError **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(PangoFontMap) font_map = NULL;
  PangoContext *context;
  Typesetter typesetter;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *created = g_date_time_format (record->now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *creator = g_strdup_printf ("Veto %s", PACKAGE_VERSION);
  cairo_font_options_t *options;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Cursor cursor = { 0 };

  surface = cairo_pdf_surface_create_for_stream (append_to_byte_array, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, record->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  cr = cairo_create (surface);

  /* A font map of our own: this may run in a worker thread. Sizes are in
   * points, and metrics unhinted, as on paper. */
  font_map = pango_cairo_font_map_new ();
  context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string (record->language));
  pango_cairo_update_context (cr, context);

  typesetter_init (&typesetter, context);
  blocks = layout_record (record, &typesetter);
  cursor.record = record;
  cursor.typesetter = &typesetter;

  /* count, then draw */
  cursor.n_pages = place_blocks (&cursor, blocks);
  cursor.cr = cr;
  place_blocks (&cursor, blocks);

  g_clear_pointer (&blocks, g_ptr_array_unref);
  typesetter_clear (&typesetter);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The record could not be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
#else /* VETO_CORE_LITE */
GBytes *
_veto_record_to_pdf (Record  *record,
                     GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       "This build of Veto writes Markdown only");
  return NULL;
}
#endif /* VETO_CORE_LITE */
