/* test-server.h: a real SoupServer on 127.0.0.1 for network tests
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _TestServer TestServer;

typedef void (*TestHandler) (TestServer        *ts,
                             SoupServerMessage *msg,
                             const char        *method,
                             const char        *path,
                             gpointer           user_data);

TestServer *test_server_new              (TestHandler        handler,
                                          gpointer           user_data);
void        test_server_free             (TestServer        *ts);
const char *test_server_get_base         (TestServer        *ts);
char       *test_server_url              (TestServer        *ts,
                                          const char        *path);
guint       test_server_get_n_requests   (TestServer        *ts);
guint       test_server_count_path       (TestServer        *ts,
                                          const char        *path);
const char *test_server_get_header       (TestServer        *ts,
                                          guint              index,
                                          const char        *name);
const char *test_server_get_path         (TestServer        *ts,
                                          guint              index);
void        test_server_assert_private   (TestServer        *ts);
void        test_server_reply            (SoupServerMessage *msg,
                                          guint              status,
                                          const char        *body);
void        test_server_redirect         (SoupServerMessage *msg,
                                          guint              status,
                                          const char        *location);
void        test_server_hang             (TestServer        *ts,
                                          SoupServerMessage *msg);
void        test_server_delay            (TestServer        *ts,
                                          SoupServerMessage *msg,
                                          guint              ms,
                                          guint              status);
void        test_server_endless          (TestServer        *ts,
                                          SoupServerMessage *msg);
gsize       test_server_get_bytes_sent   (TestServer        *ts);
guint       test_server_get_max_active   (TestServer        *ts);
int         test_server_free_port        (void);

G_END_DECLS
