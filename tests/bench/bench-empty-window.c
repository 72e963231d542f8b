/* bench-empty-window.c: the yardstick for Veto's start-up — an empty
 * libadwaita window of the same size, started the same way
 *
 * With BENCH_WORDS=welcome (or =overview), the same window shows the words
 * of Veto's welcome page (or of a returning person's first screen, as
 * tests/bench/bench-startup.c writes it) in the same widgets and style
 * classes, and nothing else of Veto (no icon, catalog, progress, menu):
 * what any window showing that text pays for fonts, shaping and drawing,
 * so that the bench can tell the cost of the text from the cost of Veto.
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

static GtkWidget *
wrapping_label (const char *text,
                int         width_chars,
                const char *class1,
                const char *class2)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), width_chars);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  if (class1 != NULL)
    gtk_widget_add_css_class (label, class1);
  if (class2 != NULL)
    gtk_widget_add_css_class (label, class2);

  return label;
}

/* veto-window.ui's wizard header and veto-welcome-page.ui, in English */
static void
add_welcome_words (GtkWindow *window,
                   GtkBox    *box)
{
  GtkWidget *progress = gtk_progress_bar_new ();
  GtkWidget *caption = gtk_label_new ("Getting started — 1 of 3");
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *outer = gtk_grid_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *top = gtk_grid_new ();
  GtkWidget *bottom = gtk_grid_new ();
  GtkWidget *small_clamp = adw_clamp_new ();
  GtkWidget *title = wrapping_label ("Say No to Meta Training Its AI on You", 12, "title", "title-1");
  GtkWidget *button = gtk_button_new_with_mnemonic ("_Start");

  gtk_window_set_title (window, "Welcome");
  gtk_widget_add_css_class (progress, "osd");
  gtk_box_append (box, progress);
  gtk_widget_set_margin_top (caption, 4);
  gtk_widget_set_margin_bottom (caption, 4);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (box, caption);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (outer), GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_valign (outer, GTK_ALIGN_CENTER);
  gtk_grid_set_row_spacing (GTK_GRID (outer), 36);
  gtk_widget_set_margin_top (outer, 36);
  gtk_widget_set_margin_bottom (outer, 36);
  gtk_widget_set_margin_start (outer, 12);
  gtk_widget_set_margin_end (outer, 12);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (top), GTK_ORIENTATION_VERTICAL);
  gtk_grid_set_row_spacing (GTK_GRID (top), 12);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_grid_attach_next_to (GTK_GRID (top), title, NULL, GTK_POS_BOTTOM, 1, 1);
  gtk_grid_attach_next_to (GTK_GRID (top),
                           wrapping_label ("Meta trains its AI on what you post on Facebook and Instagram and on "
                                           "your chats with Meta AI. Where the law allows it, you can object — "
                                           "one app and one account at a time.", 20, "body", "description"),
                           NULL, GTK_POS_BOTTOM, 1, 1);
  adw_clamp_set_child (ADW_CLAMP (clamp), top);
  gtk_grid_attach_next_to (GTK_GRID (outer), clamp, NULL, GTK_POS_BOTTOM, 1, 1);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (bottom), GTK_ORIENTATION_VERTICAL);
  gtk_grid_set_row_spacing (GTK_GRID (bottom), 18);
  gtk_widget_set_halign (bottom, GTK_ALIGN_CENTER);
  adw_clamp_set_maximum_size (ADW_CLAMP (small_clamp), 520);
  adw_clamp_set_child (ADW_CLAMP (small_clamp),
                       wrapping_label ("Veto signs in nowhere and sends nothing about you to anyone. It only "
                                       "opens Meta’s official pages, and keeps your record on this computer.",
                                       20, "dim-label", NULL));
  gtk_grid_attach_next_to (GTK_GRID (bottom), small_clamp, NULL, GTK_POS_BOTTOM, 1, 1);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_grid_attach_next_to (GTK_GRID (bottom), button, NULL, GTK_POS_BOTTOM, 1, 1);
  gtk_grid_attach_next_to (GTK_GRID (outer), bottom, NULL, GTK_POS_BOTTOM, 1, 1);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), outer);
  gtk_box_append (box, scrolled);
}

/* veto-row.ui: a title and a one-line subtitle in a grid, and a chevron */
static GtkWidget *
overview_row (const char *title,
              const char *subtitle)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *title_label = wrapping_label (title, 20, "title", NULL);
  GtkWidget *subtitle_line = gtk_inscription_new (subtitle);
  GtkWidget *suffixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (header, "header");
  gtk_widget_set_valign (header, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (grid, "title");
  gtk_widget_set_valign (grid, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (grid, TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 3);
  /* Veto's style.css: libadwaita's margins around a row's title box */
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_label_set_justify (GTK_LABEL (title_label), GTK_JUSTIFY_LEFT);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (subtitle_line), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (subtitle_line), 0);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (subtitle_line), 0);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (subtitle_line), 80);
  gtk_widget_add_css_class (subtitle_line, "subtitle");
  gtk_widget_set_tooltip_text (subtitle_line, subtitle);
  gtk_grid_attach (GTK_GRID (grid), title_label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), subtitle_line, 0, 1, 1, 1);
  gtk_box_append (GTK_BOX (header), grid);
  gtk_widget_add_css_class (suffixes, "suffixes");
  gtk_box_append (GTK_BOX (suffixes), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_box_append (GTK_BOX (header), suffixes);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), header);

  return row;
}

/* veto-dashboard.ui with the rows a returning person's first screen shows */
static void
add_overview_words (GtkWindow *window,
                    GtkBox    *box)
{
  static const char *objection =
    "Meta’s “only from then on” is its own, contested position, not the law; Meta has one month to "
    "answer, which it can extend by two; the objection text now has an optional line on your "
    "particular situation. If Meta has not answered, see the complaint step.";
  static const char *public =
    "Some things stay public whatever you choose: on Facebook your name, profile picture and cover "
    "photo, and everywhere the comments you leave on public posts and accounts.";
  static const char *complain =
    "Meta can extend its one-month deadline by two months if it tells you so within the first, you "
    "may complain at any time, and in France the CNIL handles your complaint.";
  static const struct { const char *title, *app, *accounts, *why; } due_rows[] = {
    { "Object to AI training on your Facebook account", "Facebook", "Account 1, Account 2, Account 3", NULL },
    { "Limit who can see your Facebook posts", "Facebook", "Account 1, Account 2, Account 3", NULL },
    { "Turn off activity from other businesses in Accounts Center", "Facebook", NULL,
      "This is one setting in Accounts Center for all your linked accounts; turning it off does not stop "
      "Meta receiving the data, and in the EU the older control may still be there." },
    { "Tell Meta about AI answers that reveal your data", "Facebook", NULL,
      "Version 1 said this form lets you see, correct or delete your data; its own text says it does not: "
      "it is for concerns about what Meta AI says about you. Send the objection form too." },
    { "Complain to your data protection authority", "Facebook", NULL, NULL },
    { "Object to AI training on your Instagram account", "Instagram", "Account 1, Account 2, Account 3", NULL },
    { "Make your Instagram account private", "Instagram", "Account 1, Account 2, Account 3", NULL },
    { "Complain to your data protection authority", "Instagram", NULL, NULL },
  };
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *top = adw_preferences_group_new ();
  GtkWidget *top_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *summary = gtk_label_new ("39 of 40 steps done or sent");
  GtkWidget *progress = gtk_progress_bar_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic ("C_ontinue Where You Left Off");
  GtkWidget *where = gtk_label_new ("Facebook: Object to AI training on your Facebook account");
  GtkWidget *due = adw_preferences_group_new ();
  GtkWidget *description = wrapping_label ("Meta changes its rules and its forms. Open these again and "
                                           "check that nothing has moved.", 20, "dim-label", NULL);
  GtkWidget *list = gtk_list_box_new ();

  gtk_window_set_title (window, "Overview");
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (summary), 12);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_widget_add_css_class (summary, "title-2");
  gtk_box_append (GTK_BOX (top_box), summary);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (progress), 39.0 / 40);
  gtk_box_append (GTK_BOX (top_box), progress);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 12);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_add_css_class (button, "pill");
  gtk_box_append (GTK_BOX (top_box), button);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_ellipsize (GTK_LABEL (where), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (where, "dim-label");
  gtk_box_append (GTK_BOX (top_box), where);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (top), top_box);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (top));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (due), "Due for a Recheck");
  gtk_label_set_justify (GTK_LABEL (description), GTK_JUSTIFY_LEFT);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_widget_set_margin_bottom (description, 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (due), description);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < G_N_ELEMENTS (due_rows); i++)
    {
      const char *why = due_rows[i].why;
      g_autofree char *subtitle = NULL;

      if (why == NULL)
        why = strstr (due_rows[i].title, "Object") ? objection : strstr (due_rows[i].title, "Complain") ? complain : public;
      /* a step done once names no account (veto_task_dup_place) */
      if (due_rows[i].accounts != NULL)
        subtitle = g_strdup_printf ("%s, %s — %s", due_rows[i].app, due_rows[i].accounts, why);
      else
        subtitle = g_strdup_printf ("%s — %s", due_rows[i].app, why);
      gtk_list_box_append (GTK_LIST_BOX (list), overview_row (due_rows[i].title, subtitle));
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (due), list);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (due));

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (box, page);
}

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  if (g_strcmp0 (g_getenv ("BENCH_WORDS"), "welcome") == 0)
    add_welcome_words (GTK_WINDOW (window), GTK_BOX (box));
  else if (g_strcmp0 (g_getenv ("BENCH_WORDS"), "overview") == 0)
    add_overview_words (GTK_WINDOW (window), GTK_BOX (box));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 720);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.vetoapp.Veto.Bench", G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
