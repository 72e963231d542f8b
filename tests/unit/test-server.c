/* test-server.c: a real SoupServer on 127.0.0.1 for network tests
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-server.h"

/* The server runs in the test's own main context, on port 0, and records
 * every request it receives so that a test can assert what Veto sent: no
 * cookie, a plain user agent and nothing else that could identify anyone. */

#define ENDLESS_CHUNK (64 * 1024)
/* the "endless" body stops here, so a bug cannot fill the disk or hang */
#define ENDLESS_CAP (64 * 1024 * 1024)

typedef struct
{
  char               *method;
  char               *path;
  SoupMessageHeaders *headers;
} Request;

typedef struct
{
  TestServer        *ts;
  SoupServerMessage *msg;
  guint              status;
  guint              id;
} Delay;

struct _TestServer
{
  SoupServer  *server;
  char        *base;
  TestHandler  handler;
  gpointer     user_data;
  GPtrArray   *requests;
  /* (element-type SoupServerMessage) held until they end */
  GPtrArray   *held;
  /* (element-type Delay) delays still to fire */
  GList       *delays;
  gsize        bytes_sent;
  guint        active;
  guint        max_active;
};

static void
request_free (Request *r)
{
  g_free (r->method);
  g_free (r->path);
  soup_message_headers_unref (r->headers);
  g_free (r);
}

static void
copy_header (const char *name,
             const char *value,
             gpointer    user_data)
{
  soup_message_headers_append (user_data, name, value);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  TestServer *ts = user_data;
  Request *r = g_new0 (Request, 1);
  const char *q = g_uri_get_query (soup_server_message_get_uri (msg));

  r->method = g_strdup (soup_server_message_get_method (msg));
  r->path = q ? g_strconcat (path, "?", q, NULL) : g_strdup (path);
  r->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_message_headers_foreach (soup_server_message_get_request_headers (msg), copy_header, r->headers);
  g_ptr_array_add (ts->requests, r);

  ts->handler (ts, msg, r->method, path, ts->user_data);
}

TestServer *
test_server_new (TestHandler handler,
                 gpointer    user_data)
{
  TestServer *ts = g_new0 (TestServer, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;
  g_autofree char *base = NULL;

  ts->handler = handler;
  ts->user_data = user_data;
  ts->requests = g_ptr_array_new_with_free_func ((GDestroyNotify)request_free);
  ts->held = g_ptr_array_new_with_free_func (g_object_unref);
  ts->server = soup_server_new ("server-header", "test-server ", NULL);
  soup_server_add_handler (ts->server, NULL, handle, ts, NULL);
  soup_server_listen_local (ts->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (ts->server);
  g_assert_nonnull (uris);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  /* "http://127.0.0.1:PORT", without the final slash */
  if (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';
  ts->base = g_steal_pointer (&base);

  return ts;
}

void
test_server_free (TestServer *ts)
{
  while (ts->delays != NULL)
    {
      Delay *d = ts->delays->data;

      ts->delays = g_list_delete_link (ts->delays, ts->delays);
      g_source_remove (d->id);
    }
  soup_server_disconnect (ts->server);
  /* let the server's sources see the disconnection */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_pointer (&ts->held, g_ptr_array_unref);
  g_clear_object (&ts->server);
  g_clear_pointer (&ts->requests, g_ptr_array_unref);
  g_free (ts->base);
  g_free (ts);
}

const char *
test_server_get_base (TestServer *ts)
{
  return ts->base;
}

char *
test_server_url (TestServer *ts,
                 const char *path)
{
  return g_strconcat (ts->base, path, NULL);
}

guint
test_server_get_n_requests (TestServer *ts)
{
  return ts->requests->len;
}

guint
test_server_count_path (TestServer *ts,
                        const char *path)
{
  guint n = 0;

  for (guint i = 0; i < ts->requests->len; i++)
    {
      Request *r = g_ptr_array_index (ts->requests, i);

      if (g_str_equal (r->path, path))
        n++;
    }

  return n;
}

const char *
test_server_get_header (TestServer *ts,
                        guint       index,
                        const char *name)
{
  Request *r;

  g_assert_cmpuint (index, <, ts->requests->len);
  r = g_ptr_array_index (ts->requests, index);
  return soup_message_headers_get_one (r->headers, name);
}

const char *
test_server_get_path (TestServer *ts,
                      guint       index)
{
  Request *r;

  g_assert_cmpuint (index, <, ts->requests->len);
  r = g_ptr_array_index (ts->requests, index);
  return r->path;
}

static void
check_header (const char *name,
              const char *value,
              gpointer    user_data)
{
  /* What an HTTP/1.1 request needs, and the user agent; the validators
   * only on a conditional catalog download. Anything else, a cookie or an
   * Accept-Language first of all, could say something about the person. */
  const char *allowed[] = {
    "Host", "User-Agent", "Connection", "If-None-Match", "If-Modified-Since", NULL,
  };
  gboolean ok = FALSE;

  for (guint i = 0; allowed[i] != NULL; i++)
    if (g_ascii_strcasecmp (name, allowed[i]) == 0)
      ok = TRUE;

  if (!ok)
    g_error ("request %s carries header %s: %s", (const char *)user_data, name, value);
}

void
test_server_assert_private (TestServer *ts)
{
  for (guint i = 0; i < ts->requests->len; i++)
    {
      Request *r = g_ptr_array_index (ts->requests, i);

      g_assert_null (soup_message_headers_get_one (r->headers, "Cookie"));
      g_assert_null (soup_message_headers_get_one (r->headers, "Accept-Language"));
      g_assert_null (soup_message_headers_get_one (r->headers, "Referer"));
      g_assert_null (soup_message_headers_get_one (r->headers, "Authorization"));
      g_assert_cmpstr (soup_message_headers_get_one (r->headers, "User-Agent"), ==, "Veto/" PACKAGE_VERSION);
      soup_message_headers_foreach (r->headers, check_header, r->path);
    }
}

void
test_server_reply (SoupServerMessage *msg,
                   guint              status,
                   const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_COPY, body, strlen (body));
}

void
test_server_redirect (SoupServerMessage *msg,
                      guint              status,
                      const char        *location)
{
  soup_server_message_set_status (msg, status, NULL);
  if (location != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", location);
}

static void
on_held_finished (SoupServerMessage *msg,
                  TestServer        *ts)
{
  g_object_set_data (G_OBJECT (msg), "test-finished", GINT_TO_POINTER (1));
}

static void
hold (TestServer        *ts,
      SoupServerMessage *msg)
{
  g_ptr_array_add (ts->held, g_object_ref (msg));
  g_signal_connect (msg, "finished", G_CALLBACK (on_held_finished), ts);
  g_signal_connect (msg, "disconnected", G_CALLBACK (on_held_finished), ts);
  soup_server_message_pause (msg);
}

/* Never answers: the request is held until the client gives up. */
void
test_server_hang (TestServer        *ts,
                  SoupServerMessage *msg)
{
  hold (ts, msg);
}

static gboolean
on_delay_over (gpointer user_data)
{
  Delay *d = user_data;

  d->ts->delays = g_list_remove (d->ts->delays, d);
  d->ts->active--;
  if (g_object_get_data (G_OBJECT (d->msg), "test-finished") == NULL)
    {
      test_server_reply (d->msg, d->status, "");
      soup_server_message_unpause (d->msg);
    }

  return G_SOURCE_REMOVE;
}

/* Answers @status after @ms milliseconds, counting how many requests wait
 * at the same time. */
void
test_server_delay (TestServer        *ts,
                   SoupServerMessage *msg,
                   guint              ms,
                   guint              status)
{
  Delay *d = g_new0 (Delay, 1);

  d->ts = ts;
  d->msg = msg;
  d->status = status;
  hold (ts, msg);
  ts->active++;
  ts->max_active = MAX (ts->max_active, ts->active);
  d->id = g_timeout_add_full (G_PRIORITY_DEFAULT, ms, on_delay_over, d, g_free);
  ts->delays = g_list_prepend (ts->delays, d);
}

static void
append_chunk (TestServer        *ts,
              SoupServerMessage *msg)
{
  static char chunk[ENDLESS_CHUNK];

  memset (chunk, 'x', sizeof chunk);
  soup_message_body_append (soup_server_message_get_response_body (msg),
                            SOUP_MEMORY_STATIC, chunk, sizeof chunk);
}

static void
on_wrote_chunk (SoupServerMessage *msg,
                TestServer        *ts)
{
  ts->bytes_sent += ENDLESS_CHUNK;
  if (ts->bytes_sent < ENDLESS_CAP)
    append_chunk (ts, msg);
  else
    soup_message_body_complete (soup_server_message_get_response_body (msg));
}

/* A 200 whose body goes on (up to 64 MiB), with no Content-Length. */
void
test_server_endless (TestServer        *ts,
                     SoupServerMessage *msg)
{
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                     SOUP_ENCODING_CHUNKED);
  soup_message_body_set_accumulate (soup_server_message_get_response_body (msg), FALSE);
  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (on_wrote_chunk), ts);
  append_chunk (ts, msg);
}

gsize
test_server_get_bytes_sent (TestServer *ts)
{
  return ts->bytes_sent;
}

guint
test_server_get_max_active (TestServer *ts)
{
  return ts->max_active;
}

/* A port on 127.0.0.1 where nothing listens, for "connection refused". */
int
test_server_free_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  int port;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  /* closed without listening: connecting there is refused */
  g_socket_close (socket, NULL);

  return port;
}
