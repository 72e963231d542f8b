/* fuzz-email.c: hostile files given as Meta's email
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever a person drops on a step or pipes into `veto --attach-email`,
 * reading it must not crash: it is either an email, with a sender, a
 * domain, a date and a hash that can be shown as text, or refused with a
 * message.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "veto-evidence.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A warning or a critical is a bug found: abort, so that libFuzzer keeps
 * the input that caused it. */
static GLogWriterOutput
fatal_writer (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  GLogWriterOutput ret = g_log_writer_default (level, fields, n_fields, user_data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return ret;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialized;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoEmail) email = NULL;

  if (!initialized)
    {
      g_log_set_writer_func (fatal_writer, NULL, NULL);
      initialized = TRUE;
    }

  email = veto_email_new_from_bytes (bytes, &error);
  if (email == NULL)
    {
      g_assert (error != NULL && error->domain == VETO_EVIDENCE_ERROR);
      return 0;
    }

  g_assert (error == NULL);
  /* shown as text in the window, the record and the progress file */
  g_assert (g_utf8_validate (veto_email_get_from (email), -1, NULL));
  g_assert (*veto_email_get_from_domain (email) != '\0');
  g_assert (veto_email_get_subject (email) == NULL ||
            g_utf8_validate (veto_email_get_subject (email), -1, NULL));
  g_assert (veto_email_get_date (email) != NULL);
  g_assert (strlen (veto_email_get_sha256 (email)) == 64);

  return 0;
}
