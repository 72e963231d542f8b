/* veto-row.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-row.h"

/* A list row with a title, a subtitle, and widgets before and after: what
 * AdwActionRow shows, with the same style classes, so that it looks the
 * same beside one.
 *
 * Why not AdwActionRow: in GTK 4.8 a horizontal GtkBox allocates each
 * child by asking its width for the row's height, and AdwActionRow's title
 * and subtitle sit in a vertical box inside one; every wrapping label then
 * searches for the narrowest width that fits that height, shaping its text
 * at a dozen widths, each time the row is allocated. The overview's rows
 * (long subtitles saying why a step is due) cost 66 text layouts each,
 * most of a returning person's start-up (tests/bench). A grid measures its
 * labels' widths without a height: 5 layouts. The text is always plain
 * text, never markup: it comes from the catalog and from the person. */
struct _VetoRow
{
  GtkListBoxRow  parent_instance;

  GtkWidget     *prefixes;
  GtkWidget     *suffixes;
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  /* the subtitle on one line, cut with "…", the whole in its tooltip:
   * an inscription, which GTK sizes by characters and lays out once,
   * where a label is laid out at three widths each time it is measured */
  GtkInscription *one_line;

  /* what activating the row activates (a check button, a switch), and the
   * list whose "row-activated" says when */
  GtkWidget     *activatable_widget;
  GtkWidget     *list;
  gulong         row_activated_id;
};

G_DEFINE_FINAL_TYPE (VetoRow, veto_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
veto_row_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  VetoRow *self = VETO_ROW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, veto_row_get_title (self));
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, veto_row_get_subtitle (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
veto_row_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  VetoRow *self = VETO_ROW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      veto_row_set_title (self, g_value_get_string (value));
      break;

    case PROP_SUBTITLE:
      veto_row_set_subtitle (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_row_activated (VetoRow       *self,
                  GtkListBoxRow *row)
{
  if (row == GTK_LIST_BOX_ROW (self) && self->activatable_widget != NULL)
    gtk_widget_mnemonic_activate (self->activatable_widget, FALSE);
}

/* A click or Enter on a row is the list's "row-activated", not the row's. */
static void
on_parent_changed (VetoRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (self->list != NULL)
    {
      g_clear_signal_handler (&self->row_activated_id, self->list);
      g_clear_weak_pointer (&self->list);
    }
  if (GTK_IS_LIST_BOX (parent))
    {
      g_set_weak_pointer (&self->list, parent);
      self->row_activated_id = g_signal_connect_object (parent, "row-activated",
                                                        G_CALLBACK (on_row_activated),
                                                        self, G_CONNECT_SWAPPED);
    }
}

static void
veto_row_dispose (GObject *object)
{
  VetoRow *self = VETO_ROW (object);

  if (self->list != NULL)
    g_clear_signal_handler (&self->row_activated_id, self->list);
  g_clear_weak_pointer (&self->list);
  g_clear_weak_pointer (&self->activatable_widget);
  gtk_widget_dispose_template (GTK_WIDGET (object), VETO_TYPE_ROW);

  G_OBJECT_CLASS (veto_row_parent_class)->dispose (object);
}

static void
veto_row_class_init (VetoRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = veto_row_get_property;
  object_class->set_property = veto_row_set_property;
  object_class->dispose = veto_row_dispose;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "veto-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VetoRow, prefixes);
  gtk_widget_class_bind_template_child (widget_class, VetoRow, suffixes);
  gtk_widget_class_bind_template_child (widget_class, VetoRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, VetoRow, subtitle_label);
}

static void
veto_row_init (VetoRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::parent", G_CALLBACK (on_parent_changed), NULL);
}

/**
 * veto_row_new:
 * @title: the row's title, as text
 * @subtitle: (nullable): the line under it, as text
 *
 * Returns: a new #VetoRow
 */
GtkWidget *
veto_row_new (const char *title,
              const char *subtitle)
{
  return g_object_new (VETO_TYPE_ROW, "title", title, "subtitle", subtitle, NULL);
}

/**
 * veto_row_new_link:
 * @title: the row's title, as text
 * @subtitle: (nullable): the line under it, as text
 *
 * A row that leads somewhere when activated, read as a button: a screen
 * reader says a list item of a #GtkListBox "not selected" (the list offers
 * selection to it whatever its selection mode), which the row never is.
 * The role can only be given when the row is made.
 *
 * Returns: a new #VetoRow, activatable
 */
GtkWidget *
veto_row_new_link (const char *title,
                   const char *subtitle)
{
  GtkWidget *row = g_object_new (VETO_TYPE_ROW,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_BUTTON,
                                 "title", title, "subtitle", subtitle,
                                 NULL);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

/**
 * veto_row_new_static:
 * @title: the row's title, as text
 * @subtitle: (nullable): the line under it, as text
 *
 * A row that only shows something (a state, a date) and leads nowhere,
 * read as a group of its title and subtitle: as a list item a screen
 * reader would say it "not selected" (see veto_row_new_link()). It keeps
 * its Tab stop, for what it says.
 *
 * Returns: a new #VetoRow
 */
GtkWidget *
veto_row_new_static (const char *title,
                     const char *subtitle)
{
  return g_object_new (VETO_TYPE_ROW,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                       "title", title, "subtitle", subtitle,
                       NULL);
}

const char *
veto_row_get_title (VetoRow *self)
{
  g_return_val_if_fail (VETO_IS_ROW (self), NULL);

  return gtk_label_get_text (self->title_label);
}

void
veto_row_set_title (VetoRow    *self,
                    const char *title)
{
  g_return_if_fail (VETO_IS_ROW (self));

  if (g_strcmp0 (title ? title : "", gtk_label_get_text (self->title_label)) == 0)
    return;

  gtk_label_set_text (self->title_label, title ? title : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
veto_row_get_subtitle (VetoRow *self)
{
  g_return_val_if_fail (VETO_IS_ROW (self), NULL);

  return gtk_label_get_text (self->subtitle_label);
}

/* What a one-line subtitle lays out: the row shows one line of at most
 * about 100 characters (the page's clamp keeps it under 600 px), yet
 * Pango shapes the whole of a text before it cuts it with "…", and a
 * reason due for a recheck runs to 300 characters. The row's
 * description and tooltip keep the whole text. */
#define ONE_LINE_MAX_CHARS 160

static char *
dup_one_line (const char *text)
{
  const char *end;

  if (text == NULL || *text == '\0')
    return NULL;
  if (g_utf8_strlen (text, ONE_LINE_MAX_CHARS * 4) <= ONE_LINE_MAX_CHARS)
    return g_strdup (text);

  end = g_utf8_offset_to_pointer (text, ONE_LINE_MAX_CHARS);
  return g_strdup_printf ("%.*s…", (int)(end - text), text);
}

/* The one-line subtitle: cut for the eye, whole for the ear and the
 * pointer */
static void
set_one_line (VetoRow    *self,
              const char *subtitle)
{
  g_autofree char *cut = dup_one_line (subtitle);
  gboolean shown = subtitle != NULL && *subtitle != '\0';

  gtk_inscription_set_text (self->one_line, cut);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->one_line), shown ? subtitle : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->one_line), shown);
  if (shown)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

void
veto_row_set_subtitle (VetoRow    *self,
                       const char *subtitle)
{
  g_return_if_fail (VETO_IS_ROW (self));

  if (g_strcmp0 (subtitle ? subtitle : "", gtk_label_get_text (self->subtitle_label)) == 0)
    return;

  gtk_label_set_text (self->subtitle_label, subtitle ? subtitle : "");
  if (self->one_line != NULL)
    set_one_line (self, subtitle);
  else
    gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && *subtitle != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

/**
 * veto_row_set_subtitle_one_line:
 * @self: a #VetoRow
 *
 * From now on, keeps a long subtitle to one line, cut with an ellipsis,
 * the whole of it in a tooltip and in the row's accessible description
 * (what is laid out is cut near 160 characters, more than one line holds):
 * for lists where the row leads to a page that says it all. One line is
 * also laid out once, where a wrapping paragraph is laid out at several
 * widths to measure it.
 */
void
veto_row_set_subtitle_one_line (VetoRow *self)
{
  const char *text;
  GtkWidget *inscription;

  g_return_if_fail (VETO_IS_ROW (self));

  if (self->one_line != NULL)
    return;

  /* the label keeps the text (veto_row_get_subtitle()), hidden */
  text = gtk_label_get_text (self->subtitle_label);
  inscription = gtk_inscription_new (NULL);
  self->one_line = GTK_INSCRIPTION (inscription);
  gtk_inscription_set_text_overflow (self->one_line, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_xalign (self->one_line, 0);
  /* as narrow as the row must be; as wide as the clamp lets it */
  gtk_inscription_set_min_chars (self->one_line, 0);
  gtk_inscription_set_nat_chars (self->one_line, 80);
  gtk_widget_add_css_class (inscription, "subtitle");
  set_one_line (self, text);
  gtk_grid_attach_next_to (GTK_GRID (gtk_widget_get_parent (GTK_WIDGET (self->subtitle_label))),
                           inscription, GTK_WIDGET (self->subtitle_label), GTK_POS_BOTTOM, 1, 1);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
}

void
veto_row_add_prefix (VetoRow   *self,
                     GtkWidget *widget)
{
  g_return_if_fail (VETO_IS_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_prepend (GTK_BOX (self->prefixes), widget);
  gtk_widget_set_visible (self->prefixes, TRUE);
}

void
veto_row_add_suffix (VetoRow   *self,
                     GtkWidget *widget)
{
  g_return_if_fail (VETO_IS_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (GTK_BOX (self->suffixes), widget);
  gtk_widget_set_visible (self->suffixes, TRUE);
}

/**
 * veto_row_set_activatable_widget:
 * @self: a #VetoRow
 * @widget: (nullable): a widget of the row, a check button or a switch
 *
 * Makes a click anywhere on the row (or Enter on it) activate @widget, as
 * AdwActionRow's property of that name does.
 */
void
veto_row_set_activatable_widget (VetoRow   *self,
                                 GtkWidget *widget)
{
  g_return_if_fail (VETO_IS_ROW (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  g_set_weak_pointer (&self->activatable_widget, widget);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), widget != NULL);
}
