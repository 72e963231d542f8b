/* veto-link-result.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * VetoLinkVerdict:
 * @VETO_LINK_VERDICT_OK: the page answered 2xx at the URL the catalog gives
 * @VETO_LINK_VERDICT_MOVED: the URL redirects, and the page it ends on
 *   answered 2xx; see veto_link_result_get_location()
 * @VETO_LINK_VERDICT_BROKEN: the server answered with an error status
 *   (4xx, 5xx, or a redirect without a target); see
 *   veto_link_result_get_status()
 * @VETO_LINK_VERDICT_UNREACHABLE: no usable answer: no connection, a
 *   timeout, a redirect loop or too many redirects; see
 *   veto_link_result_get_reason()
 * @VETO_LINK_VERDICT_NOT_CHECKED: the check ended (its time was up, or it
 *   was cancelled) before this link was checked: nothing is known about
 *   it; see veto_link_result_get_reason()
 */
typedef enum
{
  VETO_LINK_VERDICT_OK,
  VETO_LINK_VERDICT_MOVED,
  VETO_LINK_VERDICT_BROKEN,
  VETO_LINK_VERDICT_UNREACHABLE,
  VETO_LINK_VERDICT_NOT_CHECKED,
} VetoLinkVerdict;

#define VETO_TYPE_LINK_VERDICT (veto_link_verdict_get_type ())
GType veto_link_verdict_get_type (void);

const char *veto_link_verdict_get_label (VetoLinkVerdict verdict);

#define VETO_TYPE_LINK_RESULT (veto_link_result_get_type ())

G_DECLARE_FINAL_TYPE (VetoLinkResult, veto_link_result, VETO, LINK_RESULT, GObject)

VetoLinkResult     *veto_link_result_new            (const char         *url,
                                                     const char * const *step_ids,
                                                     VetoLinkVerdict     verdict,
                                                     guint               status,
                                                     const char         *location,
                                                     const char         *reason,
                                                     const char * const *redirects);
const char         *veto_link_result_get_url        (VetoLinkResult     *self);
VetoLinkVerdict     veto_link_result_get_verdict    (VetoLinkResult     *self);
guint               veto_link_result_get_status     (VetoLinkResult     *self);
const char         *veto_link_result_get_location   (VetoLinkResult     *self);
const char         *veto_link_result_get_reason     (VetoLinkResult     *self);
const char * const *veto_link_result_get_step_ids   (VetoLinkResult     *self);
gboolean            veto_link_result_has_step       (VetoLinkResult     *self,
                                                     const char         *step_id);
const char * const *veto_link_result_get_redirects  (VetoLinkResult     *self);
char               *veto_link_result_dup_details    (VetoLinkResult     *self);

G_END_DECLS
