/* test-letter-laws.h: what a region's letter must and must not name
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* A letter cites the law of the person's region and no other: a person in
 * France who pasted "or the UK GDPR; in Brazil, the LGPD" wrote to Meta
 * about three countries' laws. Each region's text names its own law (in
 * English or French) and none of the words that belong to another. */
typedef struct
{
  const char *region;
  const char *own[3];        /* one of these appears */
  const char *foreign[12];   /* none of these does */
} LetterLaw;

static const LetterLaw letter_laws[] = {
  { "eu", { "GDPR", "RGPD", NULL },
    { "UK", "britannique", "Royaume-Uni", "United Kingdom", "LGPD", "nFADP", "nLPD", "Brazil", "Brésil",
      "Switzerland", "Suisse", NULL } },
  { "uk", { "UK GDPR", "RGPD britannique", NULL },
    { "LGPD", "nFADP", "nLPD", "Brazil", "Brésil", "Switzerland", "Suisse", "Swiss", NULL } },
  { "ch", { "nFADP", "nLPD", NULL },
    { "GDPR", "RGPD", "UK", "britannique", "LGPD", "Brazil", "Brésil", NULL } },
  { "br", { "LGPD", NULL },
    { "GDPR", "RGPD", "UK", "britannique", "nFADP", "nLPD", "Switzerland", "Suisse", "Swiss", NULL } },
};

/* NULL when @text is right for @region, else what is wrong (to free). */
static inline char *
letter_law_problem (const char *region,
                    const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (letter_laws); i++)
    {
      const LetterLaw *law = &letter_laws[i];
      gboolean own = FALSE;

      if (g_strcmp0 (law->region, region) != 0)
        continue;

      for (guint k = 0; law->own[k] != NULL; k++)
        own |= strstr (text, law->own[k]) != NULL;
      if (!own)
        return g_strdup_printf ("the %s letter does not name %s", region, law->own[0]);
      for (guint k = 0; law->foreign[k] != NULL; k++)
        if (strstr (text, law->foreign[k]) != NULL)
          return g_strdup_printf ("the %s letter names “%s”", region, law->foreign[k]);
      return NULL;
    }

  /* a region without a law of its own (other) gets no letter */
  return g_strdup_printf ("a letter for region %s, which has no law to cite", region);
}
