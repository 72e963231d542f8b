/* veto-record.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
/* veto-cli's build (VETO_CORE_LITE) writes Markdown only, without Pango
 * and cairo; it hands a PDF export to veto-cli-full (veto-cli.c). */
#ifndef VETO_CORE_LITE
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#endif

#include "veto-i18n.h"
#include "veto-record.h"
#include "veto-status.h"

/* The person's record: what they did, step by step, app by app and account
 * by account, with the dates they recorded and the form they used — a
 * document they can attach to a complaint to a regulator. It is written in
 * the interface language, as a PDF (cairo and Pango, no GTK, so that
 * `veto --export` works without a display) or as Markdown.
 *
 * The checklist is first copied into a Record of plain strings. The PDF is
 * then drawn from that copy, which may happen in a worker thread
 * (veto_record_write_async()) while the window goes on changing the
 * progress. */

typedef struct
{
  char *label;    /* "State:", with the language's own punctuation */
  char *value;
  char *suffix;   /* what the translation puts after the value, usually "" */
  char *link;     /* the value is this URL */
} RecordField;

typedef struct
{
  char      *title;
  GPtrArray *fields;
  char      *due;   /* a sentence, or NULL */
} RecordStep;

typedef struct
{
  char      *name;  /* NULL: no heading */
  GPtrArray *steps;
} RecordGroup;

typedef struct
{
  char      *name;
  GPtrArray *groups;
} RecordApp;

typedef struct
{
  GDateTime *now;
  char      *language;
  char      *title;
  char      *footer;
  GPtrArray *header;   /* lines under the title */
  char      *intro;
  char      *summary;
  char      *empty;    /* set when there is nothing to record */
  GPtrArray *apps;
} Record;

static void
record_field_free (RecordField *field)
{
  g_free (field->label);
  g_free (field->value);
  g_free (field->suffix);
  g_free (field->link);
  g_free (field);
}

static void
record_step_free (RecordStep *step)
{
  g_free (step->title);
  g_ptr_array_unref (step->fields);
  g_free (step->due);
  g_free (step);
}

static void
record_group_free (RecordGroup *group)
{
  g_free (group->name);
  g_ptr_array_unref (group->steps);
  g_free (group);
}

static void
record_app_free (RecordApp *app)
{
  g_free (app->name);
  g_ptr_array_unref (app->groups);
  g_free (app);
}

static void
record_free (Record *record)
{
  g_clear_pointer (&record->now, g_date_time_unref);
  g_free (record->language);
  g_free (record->title);
  g_free (record->footer);
  g_ptr_array_unref (record->header);
  g_free (record->intro);
  g_free (record->summary);
  g_free (record->empty);
  g_ptr_array_unref (record->apps);
  g_free (record);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Record, record_free)

/* @format is a translated "Label: %s": the part before %s becomes the
 * label, so that each language keeps its own punctuation ("État : %s"). */
static void
add_field (RecordStep *step,
           const char *format,
           const char *value,
           gboolean    is_link)
{
  const char *spec = strstr (format, "%s");
  RecordField *field;

  if (value == NULL)
    return;

  g_return_if_fail (spec != NULL);

  field = g_new0 (RecordField, 1);
  field->label = g_strchomp (g_strndup (format, spec - format));
  field->value = g_strdup (value);
  field->suffix = g_strdup (spec + 2);
  field->link = is_link ? g_strdup (value) : NULL;
  g_ptr_array_add (step->fields, field);
}

/* A date as stated, and when it was entered where that was another day:
 * a reader sees both the day the person says and when they said it. */
static char *
dup_stated_date (VetoProgressStore *store,
                 const char        *step_id,
                 const char        *account_id,
                 VetoDateKind       kind)
{
  g_autoptr(GDateTime) stated = veto_progress_store_dup_date (store, step_id, account_id, kind);
  g_autoptr(GDateTime) entered = veto_progress_store_dup_entered (store, step_id, account_id, kind);
  g_autofree char *stated_text = NULL;
  g_autofree char *stated_day = NULL;
  g_autofree char *entered_day = NULL;

  if (stated == NULL)
    return NULL;

  stated_text = veto_format_date (stated);
  stated_day = veto_progress_format_day (stated);
  entered_day = entered ? veto_progress_format_day (entered) : NULL;

  if (entered_day == NULL || g_str_equal (stated_day, entered_day))
    return g_steal_pointer (&stated_text);

  {
    g_autofree char *entered_text = veto_format_date (entered);

    /* Translators: the day something happened, then the day the person
     * recorded it in Veto: "2 November 2026 (entered on 5 November 2026)" */
    return g_strdup_printf (_("%s (entered on %s)"), stated_text, entered_text);
  }
}

static RecordStep *
record_step_new (VetoProgressStore *store,
                 VetoTask          *task)
{
  VetoStep *step = veto_task_get_step (task);
  const char *step_id = veto_step_get_id (step);
  const char *account_id = veto_task_get_account_id (task);
  RecordStep *record_step = g_new0 (RecordStep, 1);
  g_autofree char *submitted_text = dup_stated_date (store, step_id, account_id, VETO_DATE_SUBMITTED);
  g_autofree char *confirmed_text = dup_stated_date (store, step_id, account_id, VETO_DATE_CONFIRMED);
  g_autofree char *refused_text = dup_stated_date (store, step_id, account_id, VETO_DATE_REFUSED);
  g_autofree char *checked_text = dup_stated_date (store, step_id, account_id, VETO_DATE_CHECKED);
  g_autofree char *form_url = veto_progress_store_dup_form_url (store, step_id, account_id);
  g_autofree char *note = veto_progress_store_dup_note (store, step_id, account_id);
  g_autofree char *overdue = veto_task_dup_overdue_sentence (task);
  g_autoptr(VetoEvidenceInfo) evidence = veto_progress_store_dup_evidence (store, step_id, account_id);
  const char *state_label = veto_task_get_active (task)
    ? veto_step_state_get_label (veto_task_get_state (task))
    : C_("state", "Only if needed");

  record_step->title = g_strdup (veto_step_get_title (step));
  record_step->fields = g_ptr_array_new_with_free_func ((GDestroyNotify)record_field_free);

  /* Translators: a line of the record; the part before %s is shown in bold */
  add_field (record_step, _("State: %s"), state_label, FALSE);
  /* A step that is the same thing as another (Threads' objection) shows
   * that step's state; say which, so the dates below aren't expected here. */
  if (veto_task_get_followed (task) != NULL)
    {
      g_autofree char *name = veto_task_dup_followed_name (task);

      /* Translators: a line of the record; %s is the title of the step
       * whose state this one takes */
      add_field (record_step, _("Same as: %s"), name, FALSE);
    }
  /* Translators: a line of the record, %s is a date */
  add_field (record_step, _("Submitted: %s"), submitted_text, FALSE);
  /* Translators: a line of the record, %s is a date */
  add_field (record_step, _("Confirmed by Meta: %s"), confirmed_text, FALSE);
  /* Translators: a line of the record, %s is a date */
  add_field (record_step, _("Refused by Meta: %s"), refused_text, FALSE);
  /* Translators: a line of the record, %s says since when Meta is late */
  add_field (record_step, _("Meta’s answer: %s"), overdue && veto_task_get_overdue (task) ? overdue : NULL, FALSE);
  /* Translators: a line of the record, %s is a date */
  add_field (record_step, _("Last checked: %s"), checked_text, FALSE);

  if (evidence != NULL)
    {
      g_autofree char *date = evidence->date ? veto_format_date (evidence->date) : g_strdup ("—");

      /* Translators: a line of the record: the email kept as proof */
      add_field (record_step, _("Meta’s email, from: %s"), evidence->from, FALSE);
      /* Translators: a line of the record */
      add_field (record_step, _("Subject: %s"), evidence->subject, FALSE);
      /* Translators: a line of the record, %s is a date */
      add_field (record_step, _("Sent on: %s"), date, FALSE);
      /* Translators: a line of the record: the file's fingerprint */
      add_field (record_step, _("SHA-256: %s"), evidence->sha256, FALSE);
    }

  /* The address the person opened is the evidence; without one, the
   * official address of a form tells a reader where it is. */
  if (form_url != NULL)
    {
      /* Translators: a line of the record, %s is an address */
      add_field (record_step, _("Form used: %s"), form_url, TRUE);
    }
  else if (veto_step_get_kind (step) == VETO_STEP_KIND_FORM && veto_step_get_url (step) != NULL)
    {
      /* Translators: a line of the record, %s is an address */
      add_field (record_step, _("Official form: %s"), veto_step_get_url (step), TRUE);
    }

  /* Translators: a line of the record, %s is the person's own note */
  add_field (record_step, _("Note: %s"), note, FALSE);

  if (veto_task_get_activated_by (task) != NULL && !VETO_STEP_STATE_IS_FINISHED (veto_task_get_state (task)))
    {
      /* Translators: a line of the record, %s says what to attach */
      add_field (record_step, _("To do now: %s"), veto_task_get_attach_hint (task), FALSE);
    }

  if (veto_task_get_due (task))
    {
      const char *reason = veto_task_get_due_reason (task);

      if (reason != NULL)
        record_step->due = g_strdup_printf (_("Due for a recheck: %s"), reason);
      else
        {
          g_autofree char *date = veto_format_date (veto_task_get_due_date (task));

          record_step->due = g_strdup_printf (_("Due for a recheck since %s"), date);
        }
    }
  else if (veto_task_get_state (task) == VETO_STEP_STATE_REFUSED && overdue != NULL)
    record_step->due = g_steal_pointer (&overdue);

  return record_step;
}

static RecordGroup *
record_group_new (const char *name)
{
  RecordGroup *group = g_new0 (RecordGroup, 1);

  group->name = g_strdup (name);
  group->steps = g_ptr_array_new_with_free_func ((GDestroyNotify)record_step_free);
  return group;
}

/* The tasks of one app, tasks[start, end): each account's, in the order
 * the accounts were added, then the steps done once for the app. */
static RecordApp *
record_app_new (VetoProgressStore *store,
                GListModel        *tasks,
                guint              start,
                guint              end)
{
  RecordApp *app = g_new0 (RecordApp, 1);
  g_autoptr(GPtrArray) accounts = g_ptr_array_new ();
  RecordGroup *app_wide = NULL;

  app->groups = g_ptr_array_new_with_free_func ((GDestroyNotify)record_group_free);

  for (guint i = start; i < end; i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);
      const char *account = veto_task_get_account_id (task);

      if (app->name == NULL)
        app->name = g_strdup (veto_app_get_name (veto_task_get_app (task)));

      if (account == NULL)
        {
          if (app_wide == NULL)
            app_wide = record_group_new (NULL);
          g_ptr_array_add (app_wide->steps, record_step_new (store, task));
        }
      else if (!g_ptr_array_find_with_equal_func (accounts, account, g_str_equal, NULL))
        g_ptr_array_add (accounts, (gpointer)account);
    }

  for (guint k = 0; k < accounts->len; k++)
    {
      RecordGroup *group = NULL;

      for (guint i = start; i < end; i++)
        {
          g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);

          if (g_strcmp0 (veto_task_get_account_id (task), g_ptr_array_index (accounts, k)) != 0)
            continue;

          if (group == NULL)
            {
              g_autofree char *name = veto_account_get_display_name (veto_task_get_account_label (task),
                                                                     veto_task_get_account_id (task));

              group = record_group_new (name);
              g_ptr_array_add (app->groups, group);
            }
          g_ptr_array_add (group->steps, record_step_new (store, task));
        }
    }

  /* Steps done once for the app come after the accounts': the catalog
   * puts the objections, which are per account, first, and so does the
   * record. They need a heading only beside accounts. */
  if (app_wide != NULL)
    {
      if (accounts->len > 0)
        app_wide->name = veto_account_get_display_name (NULL, NULL);
      g_ptr_array_add (app->groups, app_wide);
    }

  return app;
}

/* Recorded earlier, no longer applying: never left out of the record. */
static void
add_earlier (Record        *record,
             VetoChecklist *checklist)
{
  VetoProgressStore *store = veto_checklist_get_store (checklist);
  GListModel *earlier = veto_checklist_get_earlier_tasks (checklist);
  RecordApp *app;

  if (g_list_model_get_n_items (earlier) == 0)
    return;

  app = g_new0 (RecordApp, 1);
  app->name = g_strdup (_("Recorded earlier, no longer applying where you live or to your apps"));
  app->groups = g_ptr_array_new_with_free_func ((GDestroyNotify)record_group_free);

  for (guint i = 0; i < g_list_model_get_n_items (earlier); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (earlier, i);
      const char *app_name = veto_app_get_name (veto_task_get_app (task));
      g_autofree char *name = NULL;
      RecordGroup *group;

      if (veto_task_get_account_id (task) != NULL)
        {
          g_autofree char *account = veto_account_get_display_name (veto_task_get_account_label (task),
                                                                    veto_task_get_account_id (task));

          name = g_strdup_printf (_("%s — %s"), app_name, account);
        }
      else
        name = g_strdup (app_name);

      group = app->groups->len > 0 ? g_ptr_array_index (app->groups, app->groups->len - 1) : NULL;
      if (group == NULL || g_strcmp0 (group->name, name) != 0)
        {
          group = record_group_new (name);
          g_ptr_array_add (app->groups, group);
        }
      g_ptr_array_add (group->steps, record_step_new (store, task));
    }

  g_ptr_array_add (record->apps, app);
}

static void
add_evidence_of (GPtrArray         *steps,
                 VetoProgressStore *store,
                 GListModel        *tasks)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);
      const char *step_id = veto_step_get_id (veto_task_get_step (task));
      g_autoptr(VetoEvidenceInfo) evidence =
        veto_progress_store_dup_evidence (store, step_id, veto_task_get_account_id (task));
      RecordStep *step;

      if (evidence == NULL)
        continue;

      step = g_new0 (RecordStep, 1);
      step->title = g_strdup (evidence->file);
      step->fields = g_ptr_array_new_with_free_func ((GDestroyNotify)record_field_free);
      /* Translators: a line of the record: which step an email is proof for */
      add_field (step, _("Proof for: %s"), veto_step_get_title (veto_task_get_step (task)), FALSE);
      add_field (step, _("SHA-256: %s"), evidence->sha256, FALSE);
      g_ptr_array_add (steps, step);
    }
}

/* At the end: the steps' version, and each evidence file with its SHA-256,
 * so that a reader can check the copies they are given. Not where the files
 * are: a path names the person's home folder, which a regulator does not
 * need. */
static void
add_evidence (Record        *record,
              VetoChecklist *checklist)
{
  VetoCatalog *catalog = veto_checklist_get_catalog (checklist);
  VetoProgressStore *store = veto_checklist_get_store (checklist);
  RecordApp *app = g_new0 (RecordApp, 1);
  RecordGroup *group = record_group_new (NULL);
  RecordStep *version = g_new0 (RecordStep, 1);
  g_autofree char *number = g_strdup_printf ("%d", veto_catalog_get_version (catalog));

  app->name = g_strdup (_("Steps version and evidence files"));
  app->groups = g_ptr_array_new_with_free_func ((GDestroyNotify)record_group_free);
  g_ptr_array_add (app->groups, group);

  version->title = g_strdup (veto_catalog_get_name (catalog));
  version->fields = g_ptr_array_new_with_free_func ((GDestroyNotify)record_field_free);
  /* Translators: a line of the record, %s is a number */
  add_field (version, _("Steps version: %s"), number, FALSE);
  g_ptr_array_add (group->steps, version);

  add_evidence_of (group->steps, store, veto_checklist_get_tasks (checklist));
  add_evidence_of (group->steps, store, veto_checklist_get_earlier_tasks (checklist));

  g_ptr_array_add (record->apps, app);
}

static Record *
record_new (VetoChecklist *checklist)
{
  VetoCatalog *catalog = veto_checklist_get_catalog (checklist);
  VetoProgressStore *store = veto_checklist_get_store (checklist);
  GListModel *tasks = veto_checklist_get_tasks (checklist);
  VetoRegion *region = veto_catalog_lookup_region (catalog, veto_progress_store_get_region (store));
  guint n_tasks = veto_checklist_get_n_tasks (checklist);
  g_autoptr(Record) record = g_new0 (Record, 1);
  g_autofree char *today = NULL;
  g_autofree char *published = NULL;
  g_autoptr(GString) summary = NULL;

  record->now = veto_clock_get_now (veto_progress_store_get_clock (store));
  record->language = g_strdup (veto_i18n_get_language ());
  record->header = g_ptr_array_new_with_free_func (g_free);
  record->apps = g_ptr_array_new_with_free_func ((GDestroyNotify)record_app_free);

  today = veto_format_date (record->now);
  published = veto_format_date (veto_catalog_get_published (catalog));

  record->title = g_strdup (_("Record of objections to Meta’s AI training"));
  /* Translators: the foot of each page of the record; %s is a date */
  record->footer = g_strdup_printf (_("Veto — record exported on %s"), today);

  /* Translators: %s is a date, the second %s Veto's version */
  g_ptr_array_add (record->header, g_strdup_printf (_("Exported on %s with Veto %s."), today, PACKAGE_VERSION));
  if (region != NULL)
    g_ptr_array_add (record->header, g_strdup_printf (_("Where you live: %s"), veto_region_get_name (region)));
  /* Translators: %s is the catalog's name ("Meta AI training"), %d its
   * version, the last %s the day it was published */
  g_ptr_array_add (record->header, g_strdup_printf (_("Steps used: %s, version %d, published %s."),
                                                    veto_catalog_get_name (catalog),
                                                    veto_catalog_get_version (catalog), published));

  if ((region == NULL || n_tasks == 0) &&
      g_list_model_get_n_items (veto_checklist_get_earlier_tasks (checklist)) == 0)
    {
      record->empty = g_strdup (_("Nothing to report yet: open Veto to choose where you live and which apps you use."));
      return g_steal_pointer (&record);
    }

  record->intro = g_strdup (_("This record lists, app by app and account by account, the steps taken with Veto "
                              "to object to Meta using personal data to train its artificial intelligence. "
                              "Each date is the day the person states; where they entered it on another day, "
                              "that day is given too. Meta’s emails kept as proof are listed with their SHA-256 "
                              "at the end, so that the copies can be checked."));

  summary = g_string_new (NULL);
  g_string_append_printf (summary, _("Steps finished: %u of %u."),
                          veto_checklist_get_n_finished (checklist), veto_checklist_get_n_counted (checklist));
  if (veto_checklist_get_n_due (checklist) > 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary, _("Due for a recheck: %u."), veto_checklist_get_n_due (checklist));
    }
  if (g_list_model_get_n_items (veto_checklist_get_overdue_tasks (checklist)) > 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary, _("Refused or unanswered by Meta: %u."),
                              g_list_model_get_n_items (veto_checklist_get_overdue_tasks (checklist)));
    }
  record->summary = g_string_free (g_steal_pointer (&summary), FALSE);

  for (guint i = 0; i < n_tasks;)
    {
      g_autoptr(VetoTask) first = g_list_model_get_item (tasks, i);
      guint end = i + 1;

      while (end < n_tasks)
        {
          g_autoptr(VetoTask) task = g_list_model_get_item (tasks, end);

          if (veto_task_get_app (task) != veto_task_get_app (first))
            break;
          end++;
        }

      g_ptr_array_add (record->apps, record_app_new (store, tasks, i, end));
      i = end;
    }

  add_earlier (record, checklist);
  add_evidence (record, checklist);

  return g_steal_pointer (&record);
}

/* Markdown */

/* Text from the catalog or the person must not turn into markup. */
static void
append_md_text (GString    *out,
                const char *text)
{
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

static char *
record_to_markdown (Record *record)
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

  for (guint a = 0; a < record->apps->len; a++)
    {
      RecordApp *app = g_ptr_array_index (record->apps, a);

      g_string_append (out, "\n## ");
      append_md_text (out, app->name);
      g_string_append (out, "\n");

      for (guint g = 0; g < app->groups->len; g++)
        {
          RecordGroup *group = g_ptr_array_index (app->groups, g);

          if (group->name != NULL)
            {
              g_string_append (out, "\n### ");
              append_md_text (out, group->name);
              g_string_append (out, "\n");
            }

          for (guint s = 0; s < group->steps->len; s++)
            {
              RecordStep *step = g_ptr_array_index (group->steps, s);

              g_string_append (out, group->name != NULL ? "\n#### " : "\n### ");
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
        }
    }

  return g_string_free (out, FALSE);
}

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

typedef struct
{
  PangoLayout *layout;
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

static Block *
add_block (GPtrArray    *blocks,
           PangoContext *context,
           const char   *markup,
           const char   *font,
           double        indent,
           double        space_before)
{
  Block *block = g_new0 (Block, 1);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  g_autofree char *bounded = bound_unbroken (markup);

  block->layout = pango_layout_new (context);
  pango_layout_set_font_description (block->layout, desc);
  pango_layout_set_width (block->layout, (int)((CONTENT_WIDTH - indent) * PANGO_SCALE));
  pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (block->layout, bounded != NULL ? bounded : markup, -1);
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

static GPtrArray *
layout_record (Record       *record,
               PangoContext *context)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)block_free);
  g_autofree char *title = g_markup_escape_text (record->title, -1);
  Block *block;

  block = add_block (blocks, context, title, FONT " Bold 18", 0, 0);
  block->rule_below = TRUE;

  for (guint i = 0; i < record->header->len; i++)
    {
      g_autofree char *line = g_markup_escape_text (g_ptr_array_index (record->header, i), -1);

      block = add_block (blocks, context, line, FONT " 10", 0, i == 0 ? 14 : 2);
      block->grey = 0.25;
    }

  if (record->empty != NULL)
    {
      g_autofree char *empty = g_markup_escape_text (record->empty, -1);

      add_block (blocks, context, empty, FONT " 10.5", 0, 18);
      return blocks;
    }

  {
    g_autofree char *intro = g_markup_escape_text (record->intro, -1);
    g_autofree char *summary = g_markup_printf_escaped ("<b>%s</b>", record->summary);

    add_block (blocks, context, intro, FONT " 10", 0, 14);
    add_block (blocks, context, summary, FONT " 10.5", 0, 10);
  }

  for (guint a = 0; a < record->apps->len; a++)
    {
      RecordApp *app = g_ptr_array_index (record->apps, a);
      g_autofree char *name = g_markup_escape_text (app->name, -1);

      block = add_block (blocks, context, name, FONT " Bold 15", 0, 22);
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

              block = add_block (blocks, context, group_name, FONT " Bold 12", 0, 12);
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
            {
              RecordStep *step = g_ptr_array_index (group->steps, s);
              g_autofree char *step_title = g_markup_escape_text (step->title, -1);

              block = add_block (blocks, context, step_title, FONT " Bold 11", indent, 10);
              block->keep_with_next = TRUE;
              block->context = g_strdup (where);

              for (guint f = 0; f < step->fields->len; f++)
                {
                  RecordField *field = g_ptr_array_index (step->fields, f);
                  g_autofree char *markup = field_markup (field);

                  block = add_block (blocks, context, markup, FONT " 9.5", indent + 14, 2);
                  /* a long note or address hangs under its label */
                  pango_layout_set_indent (block->layout, -10 * PANGO_SCALE);
                  block->link = g_strdup (field->link);
                  block->context = g_strdup (where);
                  /* keep the state with the title: at least two lines */
                  block->keep_with_next = f == 0 && step->fields->len > 1;
                }

              if (step->due != NULL)
                {
                  g_autofree char *due = g_markup_printf_escaped ("<i>%s</i>", step->due);

                  block = add_block (blocks, context, due, FONT " 9.5", indent + 14, 2);
                  block->grey = 0.15;
                  block->context = g_strdup (where);
                }
            }
        }
    }

  return blocks;
}

typedef struct
{
  cairo_t    *cr;       /* NULL while counting pages */
  Record     *record;
  PangoContext *context;
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
  return (double)logical.height / PANGO_SCALE;
}

static double
block_height (Block *block)
{
  int height;

  pango_layout_get_size (block->layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

static void
draw_footer (Cursor *cursor)
{
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  g_autoptr(PangoFontDescription) desc = NULL;
  g_autofree char *page = NULL;
  int width;

  if (cursor->cr == NULL)
    return;

  desc = pango_font_description_from_string (FONT " 8");
  /* Translators: at the foot of each page of the record */
  page = g_strdup_printf (_("Page %d of %d"), cursor->page, cursor->n_pages);

  left = pango_layout_new (cursor->context);
  pango_layout_set_font_description (left, desc);
  pango_layout_set_text (left, cursor->record->footer, -1);
  right = pango_layout_new (cursor->context);
  pango_layout_set_font_description (right, desc);
  pango_layout_set_text (right, page, -1);
  pango_layout_get_size (right, &width, NULL);

  cairo_save (cursor->cr);
  cairo_set_source_rgb (cursor->cr, 0.4, 0.4, 0.4);
  cairo_set_line_width (cursor->cr, 0.5);
  cairo_move_to (cursor->cr, MARGIN_SIDE, FOOTER_Y - 6);
  cairo_line_to (cursor->cr, PAGE_WIDTH - MARGIN_SIDE, FOOTER_Y - 6);
  cairo_stroke (cursor->cr);
  cairo_move_to (cursor->cr, MARGIN_SIDE, FOOTER_Y);
  pango_cairo_show_layout (cursor->cr, left);
  cairo_move_to (cursor->cr, PAGE_WIDTH - MARGIN_SIDE - (double)width / PANGO_SCALE, FOOTER_Y);
  pango_cairo_show_layout (cursor->cr, right);
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
  g_autoptr(PangoLayout) layout = pango_layout_new (cursor->context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (FONT " Italic 8.5");
  g_autofree char *text = NULL;
  int height;

  /* Translators: at the top of a page of the record; %s is an app, or an
   * app and an account */
  text = g_strdup_printf (_("%s (continued)"), where);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int)(CONTENT_WIDTH * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);

  if (cursor->cr != NULL)
    {
      cairo_set_source_rgb (cursor->cr, 0.4, 0.4, 0.4);
      cairo_move_to (cursor->cr, MARGIN_SIDE, cursor->y);
      pango_cairo_show_layout (cursor->cr, layout);
    }

  pango_layout_get_size (layout, NULL, &height);
  cursor->y += (double)height / PANGO_SCALE + 6;
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
      baseline = (double)(pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      height = (double)logical.height / PANGO_SCALE;

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
          cairo_move_to (cursor->cr,
                         MARGIN_SIDE + block->indent + (double)logical.x / PANGO_SCALE,
                         cursor->y + baseline);
          pango_cairo_show_layout_line (cursor->cr, line);
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

static GBytes *
record_to_pdf (Record  *record,
               GError **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(PangoFontMap) font_map = NULL;
  PangoContext *context;
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
  pango_context_set_language (context, pango_language_from_string (record->language));
  pango_cairo_update_context (cr, context);

  blocks = layout_record (record, context);
  cursor.record = record;
  cursor.context = context;

  /* count, then draw */
  cursor.n_pages = place_blocks (&cursor, blocks);
  cursor.cr = cr;
  place_blocks (&cursor, blocks);

  g_clear_pointer (&blocks, g_ptr_array_unref);
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
static GBytes *
record_to_pdf (Record  *record,
               GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       "This build of Veto writes Markdown only");
  return NULL;
}
#endif /* VETO_CORE_LITE */

/* Public API */

/**
 * veto_record_format_for_file:
 * @file: where the record goes
 *
 * Returns: Markdown when the file's name ends in `.md` (in any case), else PDF
 */
VetoRecordFormat
veto_record_format_for_file (GFile *file)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), VETO_RECORD_FORMAT_PDF);

  name = g_file_get_basename (file);
  if (name != NULL && strlen (name) >= 3 && g_ascii_strcasecmp (name + strlen (name) - 3, ".md") == 0)
    return VETO_RECORD_FORMAT_MARKDOWN;

  return VETO_RECORD_FORMAT_PDF;
}

/**
 * veto_record_suggest_filename:
 * @checklist: the person's checklist
 * @format: the record's format
 *
 * A name for a file chooser: translated, dated by the checklist's clock,
 * with the format's extension ("Veto record 2026-11-29.pdf").
 *
 * Returns: (transfer full): a file name, without a folder
 */
char *
veto_record_suggest_filename (VetoChecklist    *checklist,
                              VetoRecordFormat  format)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (VETO_IS_CHECKLIST (checklist), NULL);

  now = veto_clock_get_now (veto_progress_store_get_clock (veto_checklist_get_store (checklist)));
  day = g_date_time_format (now, "%Y-%m-%d");

  /* Translators: a file name; %s is a date as 2026-11-29 */
  return g_strdup_printf (_("Veto record %s.%s"), day,
                          format == VETO_RECORD_FORMAT_MARKDOWN ? "md" : "pdf");
}

/**
 * veto_record_to_markdown:
 * @checklist: the person's checklist
 *
 * Returns: (transfer full): the record as Markdown, in the interface language
 */
char *
veto_record_to_markdown (VetoChecklist *checklist)
{
  g_autoptr(Record) record = NULL;

  g_return_val_if_fail (VETO_IS_CHECKLIST (checklist), NULL);

  record = record_new (checklist);
  return record_to_markdown (record);
}

/**
 * veto_record_to_pdf:
 * @checklist: the person's checklist
 * @error: where to put a failure
 *
 * Returns: (transfer full) (nullable): the record as an A4 PDF, in the
 *   interface language
 */
GBytes *
veto_record_to_pdf (VetoChecklist  *checklist,
                    GError        **error)
{
  g_autoptr(Record) record = NULL;

  g_return_val_if_fail (VETO_IS_CHECKLIST (checklist), NULL);

  record = record_new (checklist);
  return record_to_pdf (record, error);
}

static GBytes *
render (Record            *record,
        VetoRecordFormat   format,
        GError           **error)
{
  if (format == VETO_RECORD_FORMAT_MARKDOWN)
    {
      char *text = record_to_markdown (record);

      return g_bytes_new_take (text, strlen (text));
    }

  return record_to_pdf (record, error);
}

/* All or nothing: a temporary file in the same folder, renamed over the
 * target, so that a record being replaced is never left half written. */
static gboolean
save (GBytes        *bytes,
      GFile         *file,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *path = g_file_get_path (file);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  gboolean ok;

  if (parent != NULL && g_file_query_file_type (parent, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *folder = g_file_get_parse_name (parent);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is a file, the second %s a folder */
                   _("The record could not be saved as %s: there is no folder %s. Choose an existing folder."),
                   name, folder);
      return FALSE;
    }

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   /* Translators: %s is a file */
                   _("The record could not be saved as %s: a folder has that name. Choose another name."),
                   name);
      return FALSE;
    }

  if (path != NULL)
    ok = g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error);
  else
    ok = g_file_replace_contents (file, data, len, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, cancellable, &local_error);

  if (!ok)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s is a file, the second %s says why */
                   _("The record could not be saved as %s: %s. Choose a folder you can write to."),
                   name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * veto_record_write:
 * @checklist: the person's checklist
 * @file: where to write the record; replaced if it exists
 * @format: PDF or Markdown (see veto_record_format_for_file())
 * @cancellable: (nullable): a #GCancellable
 * @error: where to put a failure, with a message that names the file
 *
 * Writes the record at once, atomically. See veto_record_write_async() to
 * keep a window responsive.
 *
 * Returns: %TRUE on success
 */
gboolean
veto_record_write (VetoChecklist     *checklist,
                   GFile             *file,
                   VetoRecordFormat   format,
                   GCancellable      *cancellable,
                   GError           **error)
{
  g_autoptr(Record) record = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (VETO_IS_CHECKLIST (checklist), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  record = record_new (checklist);
  bytes = render (record, format, error);

  return bytes != NULL && save (bytes, file, cancellable, error);
}

typedef struct
{
  Record           *record;
  GFile            *file;
  VetoRecordFormat  format;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_pointer (&data->record, record_free);
  g_clear_object (&data->file);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = render (data->record, data->format, &error);
  if (bytes == NULL || !save (bytes, data->file, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * veto_record_write_async:
 * @checklist: the person's checklist
 * @file: where to write the record; replaced if it exists
 * @format: PDF or Markdown (see veto_record_format_for_file())
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written, or failed to be
 * @user_data: data for @callback
 *
 * Like veto_record_write(), but draws and writes in a worker thread. The
 * record is taken from @checklist now: changes made meanwhile are not in it.
 */
void
veto_record_write_async (VetoChecklist       *checklist,
                         GFile               *file,
                         VetoRecordFormat     format,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (VETO_IS_CHECKLIST (checklist));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (WriteData, 1);
  data->record = record_new (checklist);
  data->file = g_object_ref (file);
  data->format = format;

  task = g_task_new (checklist, cancellable, callback, user_data);
  g_task_set_source_tag (task, veto_record_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify)write_data_free);
  g_task_run_in_thread (task, write_thread);
}

/**
 * veto_record_write_finish:
 * @checklist: the #VetoChecklist given to veto_record_write_async()
 * @result: the #GAsyncResult given to the callback
 * @error: where to put a failure, with a message that names the file
 *
 * Returns: %TRUE when the record was written
 */
gboolean
veto_record_write_finish (VetoChecklist  *checklist,
                          GAsyncResult   *result,
                          GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, checklist), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == veto_record_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
