/* bench-floor-pdf.c: the least a PDF with text costs, with the libraries
 * `veto --export=x.pdf` uses: one line, in the record's fonts, on one A4
 * page. Fontconfig reads its configuration and the fonts are loaded
 * whatever the document says; the record's own cost is what it adds.
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

int
main (int   argc,
      char *argv[])
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard, NULL, 595.276, 841.890);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string ("Cantarell, DejaVu Sans, sans-serif 10");

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, "Record of objections to Meta’s AI training", -1);
  cairo_move_to (cr, 62, 62);
  pango_cairo_show_layout (cr, layout);
  cairo_show_page (cr);

  pango_font_description_free (desc);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return 0;
}
