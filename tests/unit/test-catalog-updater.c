/* test-catalog-updater.c: updating the catalog from a real SoupServer on 127.0.0.1
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "veto-catalog-cache.h"
#include "veto-catalog-updater.h"
#include "veto-signature.h"
#include "test-fixtures.h"
#include "test-server.h"
#include "test-signing.h"

#define ETAG "\"v-4\""
#define LAST_MODIFIED "Sun, 29 Nov 2026 10:00:00 GMT"

typedef struct
{
  TestServer *ts;
  VetoCatalog *bundled;   /* TEST_CATALOG, version 3 */
  char *cache_dir;
  /* what /catalog serves */
  char *body;
  guint n_not_modified;
  /* the key pairs of this test: "feed", the one Veto trusts, and
   * "other" */
  char *keys;
  /* what <any path>.minisig serves: when NULL, body signed by "feed" for
   * its own version; "" for no signature at all (404) */
  char *sig;
} Fixture;

/* TEST_CATALOG with one edit: the smallest change that makes each case. */
static char *
catalog_text (int         version,
              const char *from,
              const char *to)
{
  g_autoptr(GString) s = g_string_new (TEST_CATALOG);
  g_autofree char *v = g_strdup_printf ("Version=%d\n", version);

  g_string_replace (s, "Version=3\n", v, 1);
  if (from != NULL)
    {
      g_assert_nonnull (strstr (s->str, from));
      g_string_replace (s, from, to, 1);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
handler (TestServer        *ts,
         SoupServerMessage *msg,
         const char        *method,
         const char        *path,
         gpointer           user_data)
{
  Fixture *f = user_data;
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);

  if (g_str_equal (path, "/catalog"))
    {
      const char *inm = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                      "If-None-Match");

      soup_message_headers_replace (response, "ETag", ETAG);
      soup_message_headers_replace (response, "Last-Modified", LAST_MODIFIED);
      if (g_strcmp0 (inm, ETAG) == 0)
        {
          f->n_not_modified++;
          test_server_reply (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
        }
      else
        test_server_reply (msg, SOUP_STATUS_OK, f->body);
    }
  else if (g_str_has_suffix (path, VETO_SIGNATURE_SUFFIX))
    {
      g_autofree char *comment = test_signing_comment (MAX (test_signing_version_of (f->body), 1),
                                                       TEST_VALID_UNTIL);
      g_autofree char *sig = f->sig != NULL ? g_strdup (f->sig)
                                            : test_signing_sign (f->keys, "feed", f->body, comment, FALSE);

      if (*sig == '\0')
        test_server_reply (msg, SOUP_STATUS_NOT_FOUND, "no");
      else
        test_server_reply (msg, SOUP_STATUS_OK, sig);
    }
  else if (g_str_equal (path, "/plain"))
    /* the same, without validators, so that no 304 can hide what is sent */
    test_server_reply (msg, SOUP_STATUS_OK, f->body);
  else if (g_str_equal (path, "/redirect"))
    test_server_redirect (msg, SOUP_STATUS_FOUND, "/catalog");
  else if (g_str_equal (path, "/redirect-http"))
    test_server_redirect (msg, SOUP_STATUS_FOUND, "http://catalog.example/meta.steps");
  else if (g_str_equal (path, "/huge-length"))
    {
      /* says so up front: refused before reading */
      gsize len = 4 * VETO_CATALOG_UPDATER_MAX_SIZE;
      char *big = g_malloc (len);

      memset (big, '#', len);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_TAKE, big, len);
    }
  else if (g_str_equal (path, "/huge-chunked"))
    test_server_endless (ts, msg);
  else if (g_str_equal (path, "/slow"))
    test_server_hang (ts, msg);
  else
    test_server_reply (msg, SOUP_STATUS_NOT_FOUND, "no");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (TEST_CATALOG, strlen (TEST_CATALOG));
  g_autoptr(GError) error = NULL;

  f->ts = test_server_new (handler, f);
  f->bundled = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (veto_catalog_get_version (f->bundled), ==, 3);
  /* G_TEST_OPTION_ISOLATE_DIRS: a fresh $XDG_CACHE_HOME per test */
  f->cache_dir = g_build_filename (g_get_user_cache_dir (), "veto", NULL);
  f->body = catalog_text (4, NULL, NULL);

  f->keys = g_build_filename (g_get_user_data_dir (), "keys", NULL);
  {
    g_autofree char *key = test_signing_new_key (f->keys, "feed");

    /* honoured by a Veto in its build folder only (veto-signature.c) */
    g_setenv ("VETO_TEST_CATALOG_KEY", key, TRUE);
    g_assert_cmpstr (veto_signature_get_trusted_key (), ==, key);
  }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_server_assert_private (f->ts);
  test_server_free (f->ts);
  g_assert_finalize_object (f->bundled);
  g_free (f->cache_dir);
  g_free (f->body);
  g_free (f->keys);
  g_free (f->sig);
  g_unsetenv ("VETO_TEST_CATALOG_KEY");
}

static VetoCatalogUpdater *
updater_new (Fixture    *f,
             const char *path)
{
  g_autofree char *url = test_server_url (f->ts, path);

  return g_object_new (VETO_TYPE_CATALOG_UPDATER,
                       "bundled", f->bundled,
                       "url", url,
                       "allow-loopback-http", TRUE,
                       NULL);
}

static void
on_updated (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static VetoCatalogUpdate
update (VetoCatalogUpdater  *updater,
        int                 *out_version,
        GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  veto_catalog_updater_update_async (updater, NULL, on_updated, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (veto_catalog_updater_get_busy (updater));

  return veto_catalog_updater_update_finish (updater, result, out_version, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Every file of the cache folder with its bytes and mode, or "absent": two
 * equal snapshots mean nothing changed on disk. */
static char *
snapshot (Fixture *f)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GDir) dir = g_dir_open (f->cache_dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return g_strdup ("absent");

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (f->cache_dir, names->pdata[i], NULL);
      g_autofree char *contents = NULL;
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_string_append_printf (s, "%s %o\n%s\n", (char *)names->pdata[i], st.st_mode & 0777, contents);
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* A first good update, so that the refusals below are checked against a
 * cache that holds something. */
static void
seed_cache (Fixture *f,
            int      seed_version)
{
  g_autoptr(VetoCatalogUpdater) updater = updater_new (f, "/catalog");
  g_autoptr(GError) error = NULL;
  int version;

  g_free (f->body);
  f->body = catalog_text (seed_version, NULL, NULL);

  g_assert_cmpint (update (updater, &version, &error), ==, VETO_CATALOG_UPDATE_UPDATED);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, seed_version);
}

static void
test_newer (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(VetoCatalogUpdater) updater = updater_new (f, "/catalog");
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoCatalog) before = NULL;
  g_autoptr(VetoCatalog) after = NULL;
  g_autofree char *path = g_build_filename (f->cache_dir, "meta.steps", NULL);
  g_autofree char *validators = g_build_filename (f->cache_dir, "meta.steps.etag", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *snap = NULL;
  gboolean is_update;
  GStatBuf st;
  int version;

  /* nothing downloaded yet: the bundled catalog */
  before = veto_catalog_updater_load_newest (updater, &is_update);
  g_assert_true (before == f->bundled);
  g_assert_false (is_update);

  g_assert_cmpint (update (updater, &version, &error), ==, VETO_CATALOG_UPDATE_UPDATED);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 4);

  /* kept byte for byte, readable, beside its validators, no temporary
   * file left over */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, f->body);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);
  g_assert_true (g_file_test (validators, G_FILE_TEST_IS_REGULAR));
  snap = snapshot (f);
  g_assert_nonnull (strstr (snap, "meta.steps 644\n"));
  g_assert_nonnull (strstr (snap, "ETag=" ETAG));
  g_assert_nonnull (strstr (snap, "LastModified=" LAST_MODIFIED));
  g_assert_true (g_str_has_prefix (snap, "meta.steps 644\n"));
  g_assert_nonnull (strstr (snap, "\nmeta.steps.etag 644\n"));

  /* and used from now on */
  after = veto_catalog_updater_load_newest (updater, &is_update);
  g_assert_cmpint (veto_catalog_get_version (after), ==, 4);
  g_assert_true (is_update);
}

static void
test_not_modified (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(VetoCatalogUpdater) updater = updater_new (f, "/catalog");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint last;
  int version;

  seed_cache (f, 4);
  before = snapshot (f);

  g_assert_cmpint (update (updater, &version, &error), ==, VETO_CATALOG_UPDATE_UP_TO_DATE);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 4);
  g_assert_cmpuint (f->n_not_modified, ==, 1);

  /* the validators went back as they came */
  last = test_server_get_n_requests (f->ts) - 1;
  g_assert_cmpstr (test_server_get_header (f->ts, last, "If-None-Match"), ==, ETAG);
  g_assert_cmpstr (test_server_get_header (f->ts, last, "If-Modified-Since"), ==, LAST_MODIFIED);
  /* the first request had none */
  g_assert_null (test_server_get_header (f->ts, 0, "If-None-Match"));

  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

/* A named pipe as what the updater remembers of the server (the .etag
 * file) hung the update; it is not read, and the update goes on as if
 * there were none. */
static void
test_fifo_validators (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(VetoCatalogUpdater) updater = updater_new (f, "/catalog");
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = g_build_filename (f->cache_dir, "meta.steps.etag", NULL);
  int version;

  seed_cache (f, 4);
  g_assert_cmpint (g_unlink (etag), ==, 0);
  g_assert_cmpint (mkfifo (etag, 0600), ==, 0);
  g_free (f->body);
  f->body = catalog_text (5, NULL, NULL);

  g_assert_cmpint (update (updater, &version, &error), ==, VETO_CATALOG_UPDATE_UPDATED);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 5);
  g_assert_null (test_server_get_header (f->ts, test_server_get_n_requests (f->ts) - 1, "If-None-Match"));
}

/* Validators are only sent for a cache that can be used after a 304. */
static void
test_no_validators_without_cache (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(VetoCatalogUpdater) updater = updater_new (f, "/catalog");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->cache_dir, "meta.steps", NULL);
  int version;

  seed_cache (f, 4);
  g_assert_cmpint (g_unlink (path), ==, 0);

  g_assert_cmpint (update (updater, &version, &error), ==, VETO_CATALOG_UPDATE_UPDATED);
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_not_modified, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_same_version (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(VetoCatalogUpdater) updater = updater_new (f, "/catalog");
  g_autoptr(GError) error = NULL;
  int version;

  g_free (f->body);
  f->body = catalog_text (3, NULL, NULL);

  g_assert_cmpint (update (updater, &version, &error), ==, VETO_CATALOG_UPDATE_UP_TO_DATE);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 3);
  g_assert_false (g_file_test (f->cache_dir, G_FILE_TEST_EXISTS));
}

static void
test_older (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(VetoCatalogUpdater) updater = updater_new (f, "/catalog");
  g_autoptr(VetoCatalogUpdater) other = updater_new (f, "/plain");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int version;

  /* older than the bundled catalog: nothing written */
  g_free (f->body);
  f->body = catalog_text (2, NULL, NULL);
  g_assert_cmpint (update (updater, &version, &error), ==, VETO_CATALOG_UPDATE_NOT_NEWER);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 2);
  g_assert_false (g_file_test (f->cache_dir, G_FILE_TEST_EXISTS));

  /* newer than the bundled one, older than the cached one: nothing
   * changes either */
  seed_cache (f, 5);
  before = snapshot (f);
  g_free (f->body);
  f->body = catalog_text (4, NULL, NULL);
  g_assert_cmpint (update (other, &version, &error), ==, VETO_CATALOG_UPDATE_NOT_NEWER);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 4);
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

typedef struct
{
  const char *from;
  const char *to;
  const char *message;
} BadCase;

/* Each refused catalog leaves the cache byte for byte as it was, whether
 * it held something or not. */
static void
assert_refused (Fixture    *f,
                const char *body,
                const char *message)
{
  g_autoptr(VetoCatalogUpdater) updater = updater_new (f, "/plain");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;
  int version = -1;

  g_free (f->body);
  f->body = g_strdup (body);

  g_assert_cmpint (update (updater, &version, &error), ==, VETO_CATALOG_UPDATE_FAILED);
  g_assert_error (error, VETO_CATALOG_UPDATER_ERROR, VETO_CATALOG_UPDATER_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "The published steps were refused: "));
  g_assert_nonnull (strstr (error->message, message));
  g_assert_cmpint (version, ==, 0);

  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *loopback = test_server_url (f->ts, "/form");
  BadCase cases[] = {
    { "https://www.facebook.com/help/contact/6359191084165019", "https://evil.example/form",
      "is not on one of Meta’s sites" },
    { "https://www.facebook.com/help/contact/6359191084165019", "http://www.facebook.com/help/contact/6359191084165019",
      "must use https" },
    /* the download may come from loopback in tests; its links never */
    { "https://www.facebook.com/help/contact/6359191084165019", loopback,
      "must not name a port" },
    { "https://www.facebook.com/help/contact/6359191084165019", "http://127.0.0.1/form",
      "must use https" },
    /* a browser reads host evil.example here */
    { "https://www.facebook.com/help/contact/6359191084165019", "https://evil.example\\.facebook.com/",
      "must not contain a backslash" },
    /* markup downloaded into a row would become a link to anything */
    { "Name=Facebook\n", "Name=<a href=\"file:///etc/passwd\">Facebook</a>\n",
      "without markup such as “<a href=" },
    { "https://www.facebook.com/privacy/center", "https://127.0.0.1/privacy",
      "is not on one of Meta’s sites" },
    { "App=facebook\n", "App=myspace\n", "there is no app “myspace”" },
  };

  for (guint round = 0; round < 2; round++)
    {
      /* first with an empty cache, then with a good one in place */
      if (round == 1)
        seed_cache (f, 4);

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autofree char *text = catalog_text (9, cases[i].from, cases[i].to);
          assert_refused (f, text, cases[i].message);
        }

      assert_refused (f, "this is not a catalog\n", "could not be read");
      assert_refused (f, "", "empty");
      assert_refused (f, "[Catalog]\nFormat=1\nVersion=9\n", "Published");
    }
}

static void
assert_failure (Fixture    *f,
                const char *path,
                GQuark      domain,
                int         code,
                const char *message)
{
  g_autoptr(VetoCatalogUpdater) updater = updater_new (f, path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;

  veto_catalog_updater_set_timeout (updater, 1);
  g_assert_cmpint (update (updater, NULL, &error), ==, VETO_CATALOG_UPDATE_FAILED);
  g_test_message ("%s: %s", path, error->message);
  g_assert_error (error, domain, code);
  if (message != NULL)
    g_assert_nonnull (strstr (error->message, message));

  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_huge (Fixture       *f,
           gconstpointer  data)
{
  seed_cache (f, 4);

  assert_failure (f, "/huge-length", VETO_CATALOG_UPDATER_ERROR, VETO_CATALOG_UPDATER_ERROR_TOO_LARGE,
                  "larger than 1024 KiB");
  assert_failure (f, "/huge-chunked", VETO_CATALOG_UPDATER_ERROR, VETO_CATALOG_UPDATER_ERROR_TOO_LARGE,
                  "larger than 1024 KiB");

  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_test_message ("server sent %" G_GSIZE_FORMAT " bytes", test_server_get_bytes_sent (f->ts));
  g_assert_cmpuint (test_server_get_bytes_sent (f->ts), <, 16 * 1024 * 1024);
}

static gboolean
on_liar_run (GThreadedSocketService *service,
             GSocketConnection      *connection,
             GObject                *source,
             gpointer                user_data)
{
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  const char *head = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n";
  g_autofree char *body = g_malloc (1024 * 1024);
  char request[4096];

  /* read the request, then say 1000 bytes and send a mebibyte */
  g_input_stream_read (in, request, sizeof request, NULL, NULL);
  memset (body, '#', 1024 * 1024);
  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (out, body, 1024 * 1024, NULL, NULL, NULL);

  return TRUE;
}

/* A server that lies about the length: libsoup reads what was announced,
 * no more, and those bytes are validated like any others. */
static void
test_lying_length (Fixture       *f,
                   gconstpointer  data)
{
  /* two threads: the catalog's request and its signature's each get one.
   * With one, the signature's connection waited for the thread still
   * writing the catalog's mebibyte, and the test crashed in GIO's main
   * loop dispatch in one run of three (MALLOC_PERTURB_ set); with two, 0
   * of 16. */
  g_autoptr(GSocketService) liar = g_threaded_socket_service_new (2);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(VetoCatalogUpdater) updater = NULL;

  seed_cache (f, 4);
  before = snapshot (f);

  g_socket_listener_add_address (G_SOCKET_LISTENER (liar), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  g_signal_connect (liar, "run", G_CALLBACK (on_liar_run), NULL);
  g_socket_service_start (liar);

  url = g_strdup_printf ("http://127.0.0.1:%d/catalog",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  updater = g_object_new (VETO_TYPE_CATALOG_UPDATER,
                          "bundled", f->bundled, "url", url, "allow-loopback-http", TRUE, NULL);

  /* the liar's signature is its 1000 bytes too: refused before they are
   * read as a catalog */
  g_assert_cmpint (update (updater, NULL, &error), ==, VETO_CATALOG_UPDATE_FAILED);
  g_test_message ("%s", error->message);
  g_assert_error (error, VETO_CATALOG_UPDATER_ERROR, VETO_CATALOG_UPDATER_ERROR_SIGNATURE);

  g_socket_service_stop (liar);
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_http_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *refused = g_strdup_printf ("http://127.0.0.1:%d/catalog", test_server_free_port ());
  g_autoptr(VetoCatalogUpdater) nowhere = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  seed_cache (f, 4);

  assert_failure (f, "/gone", VETO_CATALOG_UPDATER_ERROR, VETO_CATALOG_UPDATER_ERROR_HTTP,
                  "127.0.0.1 answered HTTP 404.");

  /* a server that never answers is bounded by the timeout */
  start = g_get_monotonic_time ();
  assert_failure (f, "/slow", G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                  "127.0.0.1 did not answer within 1 second.");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);

  nowhere = g_object_new (VETO_TYPE_CATALOG_UPDATER,
                          "bundled", f->bundled, "url", refused, "allow-loopback-http", TRUE, NULL);
  g_assert_cmpint (update (nowhere, NULL, &error), ==, VETO_CATALOG_UPDATE_FAILED);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  g_assert_true (g_str_has_prefix (error->message, "Could not reach 127.0.0.1: "));
}

static void
test_redirect (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(VetoCatalogUpdater) updater = updater_new (f, "/redirect");
  g_autoptr(GError) error = NULL;
  int version;

  g_assert_cmpint (update (updater, &version, &error), ==, VETO_CATALOG_UPDATE_UPDATED);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 4);
  g_assert_cmpuint (test_server_count_path (f->ts, "/catalog"), ==, 1);

  /* a redirect to plain http elsewhere is refused before it is followed */
  assert_failure (f, "/redirect-http", VETO_CATALOG_UPDATER_ERROR, VETO_CATALOG_UPDATER_ERROR_INSECURE_URL,
                  "“http://catalog.example/meta.steps” is not an https address");
}

/* https only: without the test-only property, a plain http address is
 * refused before anything is sent, loopback or not. */
static void
test_https_only (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *url = test_server_url (f->ts, "/catalog");
  const char *urls[] = { url, "http://vetoapp.github.io/catalog/meta.steps", "ftp://example.org/x", "not a url", NULL };

  for (guint i = 0; urls[i] != NULL; i++)
    {
      g_autoptr(VetoCatalogUpdater) updater = g_object_new (VETO_TYPE_CATALOG_UPDATER,
                                                            "bundled", f->bundled, "url", urls[i], NULL);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (update (updater, NULL, &error), ==, VETO_CATALOG_UPDATE_FAILED);
      g_assert_error (error, VETO_CATALOG_UPDATER_ERROR, VETO_CATALOG_UPDATER_ERROR_INSECURE_URL);
    }

  g_assert_cmpuint (test_server_get_n_requests (f->ts), ==, 0);
  g_assert_false (g_file_test (f->cache_dir, G_FILE_TEST_EXISTS));
}

static void
test_default_url (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VetoCatalogUpdater) updater = veto_catalog_updater_new (f->bundled);
  g_autoptr(GFile) file = veto_catalog_updater_get_cache_file (updater);
  g_autofree char *expected = g_build_filename (f->cache_dir, "meta.steps", NULL);

  g_assert_cmpstr (veto_catalog_updater_get_url (updater), ==, CATALOG_URL);
  g_assert_true (g_str_has_prefix (CATALOG_URL, "https://"));
  g_assert_cmpstr (g_file_peek_path (file), ==, expected);
}

static void
on_cancel_timeout (gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(VetoCatalogUpdater) updater = updater_new (f, "/slow");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;

  veto_catalog_updater_update_async (updater, cancellable, on_updated, &result);
  g_assert_true (veto_catalog_updater_get_busy (updater));
  /* one at a time */
  veto_catalog_updater_update_async (updater, NULL, on_updated, &second);
  g_timeout_add_once (200, on_cancel_timeout, cancellable);

  while (result == NULL || second == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (veto_catalog_updater_update_finish (updater, second, NULL, &error), ==,
                   VETO_CATALOG_UPDATE_FAILED);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&error);

  g_assert_cmpint (veto_catalog_updater_update_finish (updater, result, NULL, &error), ==,
                   VETO_CATALOG_UPDATE_FAILED);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (veto_catalog_updater_get_busy (updater));
  g_assert_false (g_file_test (f->cache_dir, G_FILE_TEST_EXISTS));
}

/* Plants @text in the cache, with @sig as its signature: signed by
 * "feed" for its own version when NULL, none at all when "". */
static void
write_cache_signed (Fixture    *f,
                    const char *text,
                    const char *sig)
{
  g_autofree char *path = g_build_filename (f->cache_dir, "meta.steps", NULL);
  g_autofree char *sig_path = g_build_filename (f->cache_dir, "meta.steps.minisig", NULL);
  g_autofree char *comment = test_signing_comment (MAX (test_signing_version_of (text), 1), TEST_VALID_UNTIL);
  g_autofree char *made = sig == NULL ? test_signing_sign (f->keys, "feed", text, comment, FALSE) : NULL;

  g_assert_cmpint (g_mkdir_with_parents (f->cache_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_unlink (sig_path);
  if (sig == NULL || *sig != '\0')
    g_assert_true (g_file_set_contents (sig_path, made != NULL ? made : sig, -1, NULL));
}

static void
write_cache (Fixture    *f,
             const char *text)
{
  write_cache_signed (f, text, NULL);
}

/* The newest valid catalog wins; anything else in the cache is ignored,
 * and kept. */
static void
test_load_newest (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VetoCatalogUpdater) updater = veto_catalog_updater_new (f->bundled);
  g_autofree char *newer = catalog_text (7, NULL, NULL);
  g_autofree char *older = catalog_text (2, NULL, NULL);
  g_autofree char *foreign = catalog_text (8, "https://www.facebook.com/privacy/center",
                                           "https://evil.example/privacy");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean is_update;

  {
    g_autoptr(VetoCatalog) c = NULL;

    write_cache (f, newer);
    c = veto_catalog_updater_load_newest (updater, &is_update);
    g_assert_cmpint (veto_catalog_get_version (c), ==, 7);
    g_assert_true (is_update);
  }

  {
    g_autoptr(VetoCatalog) c = NULL;

    /* Veto itself was updated since: its catalog is the newer */
    write_cache (f, older);
    c = veto_catalog_updater_load_newest (updater, &is_update);
    g_assert_true (c == f->bundled);
    g_assert_false (is_update);
  }

  {
    g_autoptr(VetoCatalog) c = NULL;

    /* a cache that breaks the rules is never used, never deleted silently,
     * however well signed */
    write_cache (f, foreign);
    before = snapshot (f);
    g_test_expect_message ("Veto", G_LOG_LEVEL_MESSAGE, "The downloaded steps in *were ignored*evil.example*");
    c = veto_catalog_updater_load_newest (updater, &is_update);
    g_test_assert_expected_messages ();
    g_assert_true (c == f->bundled);
    g_assert_false (is_update);
    after = snapshot (f);
    g_assert_cmpstr (before, ==, after);
  }

  {
    g_autoptr(VetoCatalog) c = NULL;

    write_cache (f, "\xff\xfe garbage");
    g_test_expect_message ("Veto", G_LOG_LEVEL_MESSAGE, "The downloaded steps in *were ignored*");
    c = veto_catalog_updater_load_newest (updater, NULL);
    g_test_assert_expected_messages ();
    g_assert_true (c == f->bundled);
  }
}

/* What a person's cache folder may hold that is not what the project
 * published: each is ignored at load, said, and left where it is. */
static void
test_load_unsigned (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *newer = catalog_text (7, NULL, NULL);
  g_autofree char *comment = test_signing_comment (7, TEST_VALID_UNTIL);
  g_autofree char *by_other = NULL;
  g_autofree char *good = NULL;
  g_autoptr(GString) bad = NULL;
  g_autoptr(GString) tampered = g_string_new (newer);
  g_autofree char *other_key = test_signing_new_key (f->keys, "other");
  struct {
    const char *name;
    const char *body;
    const char *sig;
    int code;
    const char *message;
  } cases[] = {
    { "planted, unsigned", newer, "", VETO_SIGNATURE_ERROR_MISSING, "they are not signed" },
    { "signed by another key", newer, NULL, VETO_SIGNATURE_ERROR_WRONG_KEY, "another key" },
    { "bad signature", newer, NULL, VETO_SIGNATURE_ERROR_BAD, "does not match" },
    { "changed after signing", NULL, NULL, VETO_SIGNATURE_ERROR_BAD, "changed after they were signed" },
    { "not a signature", newer, "untrusted comment: x\nhello\n", VETO_SIGNATURE_ERROR_MALFORMED, "not a minisign signature" },
  };

  g_assert_cmpstr (other_key, !=, veto_signature_get_trusted_key ());
  by_other = test_signing_sign (f->keys, "other", newer, comment, FALSE);
  good = test_signing_sign (f->keys, "feed", newer, comment, FALSE);
  /* one base64 character of the signature line changed */
  bad = g_string_new (good);
  {
    char *line = strchr (bad->str, '\n') + 1;

    line[20] = line[20] == 'A' ? 'B' : 'A';
  }
  g_string_replace (tampered, "Send the form.", "Send the form to evil.example.", 1);
  cases[1].sig = by_other;
  cases[2].sig = bad->str;
  cases[3].body = tampered->str;
  cases[3].sig = good;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (f->cache_dir);
      g_autoptr(VetoCatalog) c = NULL;
      g_autoptr(GDateTime) valid_until = NULL;
      g_autoptr(GError) ignored = NULL;
      g_autofree char *snap_before = NULL;
      g_autofree char *snap_after = NULL;
      gboolean is_update = TRUE;

      g_test_message ("%s", cases[i].name);
      write_cache_signed (f, cases[i].body, cases[i].sig);
      snap_before = snapshot (f);
      c = veto_catalog_cache_load_newest_full (f->bundled, dir, &is_update, &valid_until, &ignored);
      g_assert_true (c == f->bundled);
      g_assert_false (is_update);
      g_assert_null (valid_until);
      g_assert_error (ignored, VETO_SIGNATURE_ERROR, cases[i].code);
      g_test_message ("%s", ignored->message);
      g_assert_true (g_str_has_prefix (ignored->message, "The downloaded steps in "));
      g_assert_nonnull (strstr (ignored->message, cases[i].message));
      snap_after = snapshot (f);
      g_assert_cmpstr (snap_before, ==, snap_after);
    }

  /* the same catalog with its own signature: used, with its day */
  {
    g_autoptr(GFile) dir = g_file_new_for_path (f->cache_dir);
    g_autoptr(VetoCatalog) c = NULL;
    g_autoptr(GDateTime) valid_until = NULL;
    g_autoptr(GError) ignored = NULL;
    g_autofree char *day = NULL;
    gboolean is_update = FALSE;

    write_cache_signed (f, newer, good);
    c = veto_catalog_cache_load_newest_full (f->bundled, dir, &is_update, &valid_until, &ignored);
    g_assert_no_error (ignored);
    g_assert_true (is_update);
    g_assert_cmpint (veto_catalog_get_version (c), ==, 7);
    day = g_date_time_format (valid_until, "%F");
    g_assert_cmpstr (day, ==, TEST_VALID_UNTIL);
  }
}

/* Served by the feed: each of these changes nothing, and says why. */
static void
test_signature_refusals (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *v5 = catalog_text (5, NULL, NULL);
  g_autofree char *comment5 = test_signing_comment (5, TEST_VALID_UNTIL);
  g_autofree char *other_key = test_signing_new_key (f->keys, "other");
  g_autofree char *good = NULL;
  g_autofree char *by_other = NULL;
  g_autofree char *no_day = NULL;
  g_autofree char *wrong_version = NULL;
  g_autofree char *comment_edited = NULL;
  g_autoptr(GString) bad = NULL;
  g_autoptr(GString) tampered = g_string_new (v5);
  struct {
    const char *name;
    const char *body;
    const char *sig;
    const char *message;
  } cases[] = {
    { "unsigned", v5, "", "they are not signed (there is no signature at http://127.0.0.1:" },
    { "signed by another key", v5, NULL, "signed with another key than the one this Veto trusts" },
    { "bad signature", v5, NULL, "does not match them" },
    { "body changed after signing", NULL, NULL, "changed after they were signed" },
    { "trusted comment changed", v5, NULL, "the signed comment of their signature was changed" },
    { "no valid-until", v5, NULL, "does not say which version they are and until when" },
    { "another version signed", v5, NULL, "their signature is for version 9, and they say they are version 5" },
    { "not a signature", v5, "<html>Not found</html>\n", "not a minisign signature" },
  };

  seed_cache (f, 4);
  good = test_signing_sign (f->keys, "feed", v5, comment5, FALSE);
  by_other = test_signing_sign (f->keys, "other", v5, comment5, FALSE);
  no_day = test_signing_sign (f->keys, "feed", v5, "version:5", FALSE);
  wrong_version = test_signing_sign (f->keys, "feed", v5, "version:9 valid-until:" TEST_VALID_UNTIL, FALSE);
  bad = g_string_new (good);
  {
    char *line = strchr (bad->str, '\n') + 1;

    line[30] = line[30] == 'A' ? 'B' : 'A';
  }
  {
    g_autoptr(GString) edited = g_string_new (good);

    /* a later day, without signing it */
    g_string_replace (edited, "valid-until:" TEST_VALID_UNTIL, "valid-until:2099-12-31", 1);
    comment_edited = g_string_free (g_steal_pointer (&edited), FALSE);
  }
  g_string_replace (tampered, "Send the form.", "Send the form to evil.example.", 1);
  cases[1].sig = by_other;
  cases[2].sig = bad->str;
  cases[3].body = tampered->str;
  cases[3].sig = good;
  cases[4].sig = comment_edited;
  cases[5].sig = no_day;
  cases[6].sig = wrong_version;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VetoCatalogUpdater) updater = updater_new (f, "/plain");
      g_autoptr(GError) error = NULL;
      g_autoptr(VetoCatalog) newest = NULL;
      g_autofree char *before = snapshot (f);
      g_autofree char *after = NULL;
      int version = -1;

      g_test_message ("%s", cases[i].name);
      g_free (f->body);
      f->body = g_strdup (cases[i].body);
      g_free (f->sig);
      f->sig = g_strdup (cases[i].sig);

      g_assert_cmpint (update (updater, &version, &error), ==, VETO_CATALOG_UPDATE_FAILED);
      g_assert_error (error, VETO_CATALOG_UPDATER_ERROR, VETO_CATALOG_UPDATER_ERROR_SIGNATURE);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, "The published steps were refused: "));
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_assert_cmpint (version, ==, 0);
      /* the signature was asked for, and nothing else was changed */
      g_assert_cmpuint (test_server_count_path (f->ts, "/plain.minisig"), ==, i + 1);
      after = snapshot (f);
      g_assert_cmpstr (before, ==, after);
      newest = veto_catalog_updater_load_newest (updater, NULL);
      g_assert_cmpint (veto_catalog_get_version (newest), ==, 4);
    }

  /* the same catalog, properly signed (and with minisign's older
   * algorithm, "Ed", too): kept */
  {
    g_autoptr(VetoCatalogUpdater) updater = updater_new (f, "/plain");
    g_autoptr(GError) error = NULL;
    g_autoptr(VetoCatalog) newest = NULL;
    g_autofree char *kept = NULL;
    g_autofree char *sig_path = g_build_filename (f->cache_dir, "meta.steps.minisig", NULL);
    int version;

    g_free (f->body);
    f->body = g_strdup (v5);
    g_free (f->sig);
    f->sig = test_signing_sign (f->keys, "feed", v5, comment5, TRUE);
    g_assert_cmpint (update (updater, &version, &error), ==, VETO_CATALOG_UPDATE_UPDATED);
    g_assert_no_error (error);
    g_assert_cmpint (version, ==, 5);
    g_assert_true (g_file_get_contents (sig_path, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, f->sig);
    newest = veto_catalog_updater_load_newest (updater, NULL);
    g_assert_cmpint (veto_catalog_get_version (newest), ==, 5);
  }
}

/* An old catalog, validly signed, served again (a replayed feed, or a
 * mirror that froze): never taken for a new one. */
static void
test_replay (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(VetoCatalogUpdater) updater = updater_new (f, "/plain");
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoCatalog) newest = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int version;

  seed_cache (f, 6);
  before = snapshot (f);

  /* version 5, validly signed as version 5 */
  g_free (f->body);
  f->body = catalog_text (5, NULL, NULL);
  g_assert_cmpint (update (updater, &version, &error), ==, VETO_CATALOG_UPDATE_NOT_NEWER);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 5);

  /* version 6 again, with another body signed as version 6 */
  g_free (f->body);
  f->body = catalog_text (6, "Send the form.", "Send the form, again.");
  g_assert_cmpint (update (updater, &version, &error), ==, VETO_CATALOG_UPDATE_UP_TO_DATE);
  g_assert_no_error (error);

  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
  newest = veto_catalog_updater_load_newest (updater, NULL);
  g_assert_cmpint (veto_catalog_get_version (newest), ==, 6);
}

/* The key Veto was built with is the project's, never a test key, and a
 * minisign public key. */
static void
test_built_in_key (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GBytes) body = g_bytes_new_static ("x", 1);
  g_autoptr(GError) error = NULL;

  g_unsetenv ("VETO_TEST_CATALOG_KEY");
  g_assert_cmpstr (veto_signature_get_trusted_key (), ==, CATALOG_KEY);
  /* unsigned, and said so: the key itself is a good one */
  g_assert_false (veto_signature_verify (body, NULL, CATALOG_KEY, NULL, &error));
  g_assert_error (error, VETO_SIGNATURE_ERROR, VETO_SIGNATURE_ERROR_MISSING);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/catalog-updater/newer", test_newer);
  ADD ("/catalog-updater/not-modified", test_not_modified);
  ADD ("/catalog-updater/fifo-validators", test_fifo_validators);
  ADD ("/catalog-updater/no-validators-without-cache", test_no_validators_without_cache);
  ADD ("/catalog-updater/same-version", test_same_version);
  ADD ("/catalog-updater/older", test_older);
  ADD ("/catalog-updater/invalid", test_invalid);
  ADD ("/catalog-updater/huge", test_huge);
  ADD ("/catalog-updater/lying-length", test_lying_length);
  ADD ("/catalog-updater/http-errors", test_http_errors);
  ADD ("/catalog-updater/redirect", test_redirect);
  ADD ("/catalog-updater/https-only", test_https_only);
  ADD ("/catalog-updater/default-url", test_default_url);
  ADD ("/catalog-updater/cancel", test_cancel);
  ADD ("/catalog-updater/load-newest", test_load_newest);
  ADD ("/catalog-updater/load-unsigned", test_load_unsigned);
  ADD ("/catalog-updater/signature-refusals", test_signature_refusals);
  ADD ("/catalog-updater/replay", test_replay);
  ADD ("/catalog-updater/built-in-key", test_built_in_key);

  return g_test_run ();
}
