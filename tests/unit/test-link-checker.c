/* test-link-checker.c: checking links against a real SoupServer on 127.0.0.1
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-link-checker.h"
#include "test-fixtures.h"
#include "test-server.h"

typedef struct
{
  TestServer *ts;
  VetoLinkChecker *checker;
} Fixture;

static void
handler (TestServer        *ts,
         SoupServerMessage *msg,
         const char        *method,
         const char        *path,
         gpointer           user_data)
{
  gboolean head = g_str_equal (method, "HEAD");

  if (g_str_equal (path, "/ok") || g_str_equal (path, "/ok-final") ||
      g_str_equal (path, "/login") || g_str_equal (path, "/slash/") ||
      g_str_equal (path, "/echo") || g_str_has_prefix (path, "/page/"))
    test_server_reply (msg, SOUP_STATUS_OK, "fine");
  else if (g_str_equal (path, "/missing"))
    test_server_reply (msg, SOUP_STATUS_NOT_FOUND, "no");
  else if (g_str_equal (path, "/error"))
    test_server_reply (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "oops");
  else if (g_str_equal (path, "/moved-301"))
    test_server_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/ok-final");
  else if (g_str_equal (path, "/chain"))
    test_server_redirect (msg, SOUP_STATUS_FOUND, "/chain2");
  else if (g_str_equal (path, "/chain2"))
    /* an absolute Location, the way most servers write it */
    {
      g_autofree char *url = test_server_url (ts, "/chain3");
      test_server_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, url);
    }
  else if (g_str_equal (path, "/chain3"))
    test_server_redirect (msg, SOUP_STATUS_TEMPORARY_REDIRECT, "ok-final");
  else if (g_str_equal (path, "/form"))
    test_server_redirect (msg, SOUP_STATUS_FOUND, "/login?next=%2Fform");
  else if (g_str_equal (path, "/slash"))
    test_server_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/slash/");
  else if (g_str_equal (path, "/loop-a"))
    test_server_redirect (msg, SOUP_STATUS_FOUND, "/loop-b");
  else if (g_str_equal (path, "/loop-b"))
    test_server_redirect (msg, SOUP_STATUS_FOUND, "/loop-a");
  else if (g_str_has_prefix (path, "/hop/"))
    {
      g_autofree char *next = g_strdup_printf ("/hop/%d", atoi (path + 5) + 1);
      test_server_redirect (msg, SOUP_STATUS_FOUND, next);
    }
  else if (g_str_equal (path, "/no-location"))
    test_server_redirect (msg, SOUP_STATUS_FOUND, NULL);
  else if (g_str_equal (path, "/to-app"))
    test_server_redirect (msg, SOUP_STATUS_FOUND, "fb://profile/4");
  else if (g_str_equal (path, "/redirect-404"))
    test_server_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/missing");
  else if (g_str_equal (path, "/cookie"))
    {
      soup_message_headers_append (soup_server_message_get_response_headers (msg),
                                   "Set-Cookie", "session=tracking; Path=/");
      test_server_redirect (msg, SOUP_STATUS_FOUND, "/echo");
    }
  else if (g_str_equal (path, "/no-head"))
    test_server_reply (msg, head ? SOUP_STATUS_METHOD_NOT_ALLOWED : SOUP_STATUS_OK, "get only");
  else if (g_str_equal (path, "/no-head-501"))
    test_server_reply (msg, head ? SOUP_STATUS_NOT_IMPLEMENTED : SOUP_STATUS_OK, "get only");
  else if (g_str_equal (path, "/huge"))
    {
      if (head)
        test_server_reply (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      else
        test_server_endless (ts, msg);
    }
  else if (g_str_equal (path, "/slow") || g_str_equal (path, "/slow2"))
    test_server_hang (ts, msg);
  else if (g_str_has_prefix (path, "/delay/"))
    test_server_delay (ts, msg, 150, SOUP_STATUS_OK);
  else if (g_str_has_prefix (path, "/wait600/"))
    test_server_delay (ts, msg, 600, SOUP_STATUS_OK);
  else
    test_server_reply (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->ts = test_server_new (handler, f);
  f->checker = veto_link_checker_new ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* every request of every test: no cookie, nothing about anyone */
  test_server_assert_private (f->ts);

  g_assert_finalize_object (f->checker);
  test_server_free (f->ts);
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GListModel *
finish (Fixture       *f,
        GAsyncResult **result,
        GError       **error)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return veto_link_checker_check_finish (f->checker, *result, error);
}

/* Checks paths on the test server; returns the results in order. */
static GListModel *
check_paths (Fixture            *f,
             const char * const *paths,
             double             *out_seconds)
{
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *results;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (urls, strstr (paths[i], "://") ? g_strdup (paths[i]) : test_server_url (f->ts, paths[i]));
  g_ptr_array_add (urls, NULL);

  veto_link_checker_check_urls_async (f->checker, (const char * const *)urls->pdata, NULL,
                                      on_checked, &result);
  results = finish (f, &result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, urls->len - 1);
  g_assert_false (veto_link_checker_get_running (f->checker));

  if (out_seconds != NULL)
    *out_seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;

  return results;
}

static VetoLinkResult *
check_one (Fixture    *f,
           const char *path)
{
  const char *paths[] = { path, NULL };
  g_autoptr(GListModel) results = check_paths (f, paths, NULL);
  VetoLinkResult *result = g_list_model_get_item (results, 0);

  g_test_message ("%s: %s %u %s %s", path,
                  veto_link_verdict_get_label (veto_link_result_get_verdict (result)),
                  veto_link_result_get_status (result),
                  veto_link_result_get_location (result),
                  veto_link_result_get_reason (result));
  return result;
}

static void
assert_verdict (VetoLinkResult  *result,
                VetoLinkVerdict  verdict,
                guint            status)
{
  g_assert_cmpint (veto_link_result_get_verdict (result), ==, verdict);
  g_assert_cmpuint (veto_link_result_get_status (result), ==, status);
}

static void
test_ok (Fixture       *f,
         gconstpointer  data)
{
  g_autoptr(VetoLinkResult) result = check_one (f, "/ok");
  g_autofree char *url = test_server_url (f->ts, "/ok");

  assert_verdict (result, VETO_LINK_VERDICT_OK, 200);
  g_assert_cmpstr (veto_link_result_get_url (result), ==, url);
  g_assert_null (veto_link_result_get_location (result));
  g_assert_null (veto_link_result_get_reason (result));
  g_assert_cmpuint (g_strv_length ((GStrv)veto_link_result_get_redirects (result)), ==, 0);
  g_assert_null (veto_link_result_dup_details (result));

  /* a HEAD, and nothing else */
  g_assert_cmpuint (test_server_get_n_requests (f->ts), ==, 1);
}

static void
test_broken (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(VetoLinkResult) missing = check_one (f, "/missing");
  g_autoptr(VetoLinkResult) error = check_one (f, "/error");
  g_autoptr(VetoLinkResult) after = check_one (f, "/redirect-404");
  g_autoptr(VetoLinkResult) no_location = check_one (f, "/no-location");
  g_autofree char *missing_url = test_server_url (f->ts, "/missing");
  g_autofree char *details = veto_link_result_dup_details (missing);
  g_autofree char *after_details = veto_link_result_dup_details (after);
  g_autofree char *after_expected = g_strdup_printf ("HTTP 404 at %s", missing_url);

  assert_verdict (missing, VETO_LINK_VERDICT_BROKEN, 404);
  g_assert_null (veto_link_result_get_location (missing));
  g_assert_cmpstr (details, ==, "HTTP 404");
  assert_verdict (error, VETO_LINK_VERDICT_BROKEN, 500);

  /* broken after a redirect: says where the error came from */
  assert_verdict (after, VETO_LINK_VERDICT_BROKEN, 404);
  g_assert_cmpstr (veto_link_result_get_location (after), ==, missing_url);
  g_assert_cmpstr (after_details, ==, after_expected);

  /* a redirect to nowhere is the server's fault */
  assert_verdict (no_location, VETO_LINK_VERDICT_BROKEN, 302);
}

static void
test_moved (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(VetoLinkResult) moved = check_one (f, "/moved-301");
  g_autoptr(VetoLinkResult) chain = check_one (f, "/chain");
  g_autoptr(VetoLinkResult) form = check_one (f, "/form");
  g_autoptr(VetoLinkResult) slash = check_one (f, "/slash");
  g_autofree char *final = test_server_url (f->ts, "/ok-final");
  g_autofree char *login = test_server_url (f->ts, "/login?next=%2Fform");
  g_autofree char *slash_url = test_server_url (f->ts, "/slash/");
  g_autofree char *details = veto_link_result_dup_details (form);
  g_autofree char *expected = g_strdup_printf ("now leads to %s", login);
  const char * const *hops;

  assert_verdict (moved, VETO_LINK_VERDICT_MOVED, 200);
  g_assert_cmpstr (veto_link_result_get_location (moved), ==, final);

  /* 302 → 301 (absolute) → 307 (relative): the chain is reported */
  assert_verdict (chain, VETO_LINK_VERDICT_MOVED, 200);
  g_assert_cmpstr (veto_link_result_get_location (chain), ==, final);
  hops = veto_link_result_get_redirects (chain);
  g_assert_cmpuint (g_strv_length ((GStrv)hops), ==, 3);
  g_assert_true (g_str_has_suffix (hops[0], "/chain2"));
  g_assert_true (g_str_has_suffix (hops[1], "/chain3"));
  g_assert_cmpstr (hops[2], ==, final);

  /* a form that now sends people to a login page is not "ok" */
  assert_verdict (form, VETO_LINK_VERDICT_MOVED, 200);
  g_assert_cmpstr (veto_link_result_get_location (form), ==, login);
  g_assert_cmpstr (details, ==, expected);

  /* even a trailing slash counts: the catalog should hold the final URL */
  assert_verdict (slash, VETO_LINK_VERDICT_MOVED, 200);
  g_assert_cmpstr (veto_link_result_get_location (slash), ==, slash_url);
}

static void
test_unreachable_redirects (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(VetoLinkResult) loop = check_one (f, "/loop-a");
  g_autoptr(VetoLinkResult) hops = check_one (f, "/hop/0");
  g_autoptr(VetoLinkResult) app = check_one (f, "/to-app");
  g_autofree char *loop_a = test_server_url (f->ts, "/loop-a");
  g_autofree char *loop_reason = g_strdup_printf ("redirect loop back to %s", loop_a);

  assert_verdict (loop, VETO_LINK_VERDICT_UNREACHABLE, 0);
  g_assert_cmpstr (veto_link_result_get_reason (loop), ==, loop_reason);
  /* a → b, then b → a is caught without asking a again */
  g_assert_cmpuint (test_server_count_path (f->ts, "/loop-a"), ==, 1);
  g_assert_cmpuint (test_server_count_path (f->ts, "/loop-b"), ==, 1);

  assert_verdict (hops, VETO_LINK_VERDICT_UNREACHABLE, 0);
  g_assert_cmpstr (veto_link_result_get_reason (hops), ==, "more than 10 redirects");
  g_assert_cmpuint (test_server_count_path (f->ts, "/hop/10"), ==, 1);
  g_assert_cmpuint (test_server_count_path (f->ts, "/hop/11"), ==, 0);

  assert_verdict (app, VETO_LINK_VERDICT_UNREACHABLE, 0);
  g_assert_cmpstr (veto_link_result_get_reason (app), ==,
                   "redirected to fb://profile/4, which is not a web address");
}

static void
test_head_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(VetoLinkResult) result = check_one (f, "/no-head");
  g_autoptr(VetoLinkResult) result_501 = check_one (f, "/no-head-501");

  assert_verdict (result, VETO_LINK_VERDICT_OK, 200);
  assert_verdict (result_501, VETO_LINK_VERDICT_OK, 200);
  g_assert_cmpuint (test_server_count_path (f->ts, "/no-head"), ==, 2);
  g_assert_cmpstr (test_server_get_path (f->ts, 0), ==, "/no-head");
}

/* A GET fallback on an endless body: the verdict comes from the headers and
 * the body is not read. */
static void
test_huge_body (Fixture       *f,
                gconstpointer  data)
{
  const char *paths[] = { "/huge", NULL };
  g_autoptr(GListModel) results = NULL;
  g_autoptr(VetoLinkResult) result = NULL;
  double seconds;

  results = check_paths (f, paths, &seconds);
  result = g_list_model_get_item (results, 0);
  assert_verdict (result, VETO_LINK_VERDICT_OK, 200);
  g_assert_cmpfloat (seconds, <, 2.0);

  /* let the server notice the closed connection */
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_test_message ("server sent %" G_GSIZE_FORMAT " bytes", test_server_get_bytes_sent (f->ts));
  g_assert_cmpuint (test_server_get_bytes_sent (f->ts), <, 16 * 1024 * 1024);
}

static void
test_timeout (Fixture       *f,
              gconstpointer  data)
{
  const char *paths[] = { "/slow", "/ok", NULL };
  g_autoptr(GListModel) results = NULL;
  g_autoptr(VetoLinkResult) slow = NULL;
  g_autoptr(VetoLinkResult) ok = NULL;
  double seconds;

  veto_link_checker_set_timeout (f->checker, 1);
  results = check_paths (f, paths, &seconds);
  slow = g_list_model_get_item (results, 0);
  ok = g_list_model_get_item (results, 1);

  assert_verdict (slow, VETO_LINK_VERDICT_UNREACHABLE, 0);
  g_assert_cmpstr (veto_link_result_get_reason (slow), ==, "no answer within 1 second");
  assert_verdict (ok, VETO_LINK_VERDICT_OK, 200);
  g_assert_cmpfloat (seconds, >=, 0.9);
  g_assert_cmpfloat (seconds, <, 3.0);
}

static void
test_run_timeout (Fixture       *f,
                  gconstpointer  data)
{
  const char *paths[] = { "/slow", "/ok", "/slow2", NULL };
  g_autoptr(GListModel) results = NULL;
  g_autoptr(VetoLinkResult) slow = NULL;
  g_autoptr(VetoLinkResult) ok = NULL;
  g_autoptr(VetoLinkResult) slow2 = NULL;
  double seconds;

  veto_link_checker_set_timeout (f->checker, 30);
  veto_link_checker_set_run_timeout (f->checker, 1);
  results = check_paths (f, paths, &seconds);
  slow = g_list_model_get_item (results, 0);
  ok = g_list_model_get_item (results, 1);
  slow2 = g_list_model_get_item (results, 2);

  /* the run ends on time, with what it has; what it did not finish is
   * not known to be unreachable */
  assert_verdict (ok, VETO_LINK_VERDICT_OK, 200);
  assert_verdict (slow, VETO_LINK_VERDICT_NOT_CHECKED, 0);
  assert_verdict (slow2, VETO_LINK_VERDICT_NOT_CHECKED, 0);
  g_assert_cmpstr (veto_link_result_get_reason (slow), ==,
                   "a whole check may take at most 1 second; open the link to check it");
  g_assert_cmpfloat (seconds, <, 3.0);
}

static void
test_unreachable (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *refused = g_strdup_printf ("http://127.0.0.1:%d/x", test_server_free_port ());
  const char *paths[] = { refused, "not a url", "ftp://127.0.0.1/file", NULL };
  g_autoptr(GListModel) results = check_paths (f, paths, NULL);
  g_autoptr(VetoLinkResult) no_server = g_list_model_get_item (results, 0);
  g_autoptr(VetoLinkResult) not_url = g_list_model_get_item (results, 1);
  g_autoptr(VetoLinkResult) ftp = g_list_model_get_item (results, 2);

  assert_verdict (no_server, VETO_LINK_VERDICT_UNREACHABLE, 0);
  g_test_message ("refused: %s", veto_link_result_get_reason (no_server));
  g_assert_nonnull (veto_link_result_get_reason (no_server));
  assert_verdict (not_url, VETO_LINK_VERDICT_UNREACHABLE, 0);
  g_assert_cmpstr (veto_link_result_get_reason (not_url), ==, "not a web address");
  assert_verdict (ftp, VETO_LINK_VERDICT_UNREACHABLE, 0);
}

/* A Set-Cookie on a redirect must not come back on the next hop, nor in a
 * later run. */
static void
test_no_cookies (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VetoLinkResult) first = check_one (f, "/cookie");
  g_autoptr(VetoLinkResult) second = check_one (f, "/echo");

  assert_verdict (first, VETO_LINK_VERDICT_MOVED, 200);
  assert_verdict (second, VETO_LINK_VERDICT_OK, 200);
  g_assert_cmpuint (test_server_get_n_requests (f->ts), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_null (test_server_get_header (f->ts, i, "Cookie"));
      g_assert_cmpstr (test_server_get_header (f->ts, i, "User-Agent"), ==, "Veto/" PACKAGE_VERSION);
    }
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
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autofree char *slow = test_server_url (f->ts, "/slow");
  g_autofree char *ok = test_server_url (f->ts, "/ok");
  const char *urls[] = { slow, ok, NULL };
  gint64 start = g_get_monotonic_time ();

  veto_link_checker_check_urls_async (f->checker, urls, cancellable, on_checked, &result);
  g_assert_true (veto_link_checker_get_running (f->checker));
  g_timeout_add_once (300, on_cancel_timeout, cancellable);

  results = finish (f, &result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (results);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_assert_false (veto_link_checker_get_running (f->checker));

  /* the checker can run again */
  {
    const char *paths[] = { "/ok", NULL };
    g_autoptr(GListModel) again = check_paths (f, paths, NULL);
    g_autoptr(VetoLinkResult) r = g_list_model_get_item (again, 0);

    assert_verdict (r, VETO_LINK_VERDICT_OK, 200);
  }
}

static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autofree char *ok = test_server_url (f->ts, "/ok");
  const char *urls[] = { ok, NULL };

  veto_link_checker_check_urls_async (f->checker, urls, NULL, on_checked, &first);
  veto_link_checker_check_urls_async (f->checker, urls, NULL, on_checked, &second);

  none = finish (f, &second, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_assert_null (none);
  g_clear_error (&error);

  results = finish (f, &first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
}

static void
on_link_checked (VetoLinkChecker *checker,
                 VetoLinkResult  *result,
                 GPtrArray       *seen)
{
  g_ptr_array_add (seen, g_object_ref (result));
}

static void
on_n_done (VetoLinkChecker *checker,
           GParamSpec      *pspec,
           GArray          *values)
{
  guint n = veto_link_checker_get_n_done (checker);

  g_array_append_val (values, n);
}

/* A catalog's URLs, each checked once, with the steps that name it; and
 * the progress a window would show. */
static void
test_catalog (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (TEST_CATALOG);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VetoCatalog) catalog = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) progress = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *ok = test_server_url (f->ts, "/ok");
  g_autofree char *missing = test_server_url (f->ts, "/missing");
  g_autofree char *moved = test_server_url (f->ts, "/moved-301");
  g_autofree char *echo = test_server_url (f->ts, "/echo");
  VetoLinkResult *r;

  g_string_replace (text, "https://www.facebook.com/help/contact/6359191084165019", ok, 1);
  g_string_replace (text, "https://www.facebook.com/help/contact/712876720715583", missing, 1);
  g_string_replace (text, "https://about.fb.com/news/2024/09/building-ai-technology-for-the-uk-in-a-responsible-and-transparent-way/", moved, 1);
  g_string_replace (text, "https://www.facebook.com/privacy/center", ok, 1);
  g_string_replace (text, "https://privacycenter.instagram.com/privacy/genai", echo, 1);
  bytes = g_bytes_new (text->str, text->len);
  catalog = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_ALLOW_LOOPBACK, &error);
  g_assert_no_error (error);

  g_signal_connect (f->checker, "link-checked", G_CALLBACK (on_link_checked), seen);
  g_signal_connect (f->checker, "notify::n-done", G_CALLBACK (on_n_done), progress);

  veto_link_checker_check_catalog_async (f->checker, catalog, NULL, on_checked, &result);
  g_assert_cmpuint (veto_link_checker_get_n_total (f->checker), ==, 4);
  results = finish (f, &result, &error);
  g_assert_no_error (error);

  /* ok (Url of one step, Sources of another), missing, moved, echo */
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 4);
  g_assert_cmpuint (test_server_count_path (f->ts, "/ok"), ==, 1);

  r = g_list_model_get_item (results, 0);
  g_assert_cmpstr (veto_link_result_get_url (r), ==, ok);
  assert_verdict (r, VETO_LINK_VERDICT_OK, 200);
  g_assert_cmpuint (g_strv_length ((GStrv)veto_link_result_get_step_ids (r)), ==, 2);
  g_assert_true (veto_link_result_has_step (r, "facebook-object"));
  g_assert_true (veto_link_result_has_step (r, "facebook-audience"));
  g_assert_false (veto_link_result_has_step (r, "instagram-info"));
  g_object_unref (r);

  r = g_list_model_get_item (results, 1);
  g_assert_cmpstr (veto_link_result_get_url (r), ==, missing);
  assert_verdict (r, VETO_LINK_VERDICT_BROKEN, 404);
  g_assert_cmpstrv (veto_link_result_get_step_ids (r), ((const char *[]) { "facebook-object", NULL }));
  g_object_unref (r);

  r = g_list_model_get_item (results, 2);
  assert_verdict (r, VETO_LINK_VERDICT_MOVED, 200);
  g_object_unref (r);

  r = g_list_model_get_item (results, 3);
  g_assert_cmpstrv (veto_link_result_get_step_ids (r), ((const char *[]) { "instagram-info", NULL }));
  g_object_unref (r);

  /* one signal per URL, and a progress that only goes up to the total */
  g_assert_cmpuint (seen->len, ==, 4);
  g_assert_cmpuint (progress->len, ==, 4);
  for (guint i = 0; i < progress->len; i++)
    g_assert_cmpuint (g_array_index (progress, guint, i), ==, i + 1);
  g_assert_cmpuint (veto_link_checker_get_n_done (f->checker), ==, 4);
}

/* Format 4: a step's sources are the [Source] groups its claims cite,
 * and their addresses are checked like its form's. */
static void
test_catalog_format_4 (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "format4.steps", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VetoCatalog) catalog = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autofree char *ok = test_server_url (f->ts, "/ok");
  g_autofree char *missing = test_server_url (f->ts, "/missing");
  g_autofree char *echo = test_server_url (f->ts, "/echo");
  gboolean saw_missing = FALSE;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_string_replace (text, "https://www.facebook.com/help/contact/6359191084165019", ok, 0);
  g_string_replace (text, "https://www.facebook.com/help/1688543644912979", ok, 0);
  g_string_replace (text, "https://ico.org.uk/for-the-public/", ok, 0);
  g_string_replace (text, "https://www.frc.ch/se-proteger-de-meta/", echo, 0);
  g_string_replace (text, "https://techpp.example.com/meta-ai-opt-out/", missing, 0);
  bytes = g_bytes_new (text->str, text->len);
  catalog = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_ALLOW_LOOPBACK, &error);
  g_assert_no_error (error);

  veto_link_checker_check_catalog_async (f->checker, catalog, NULL, on_checked, &result);
  results = finish (f, &result, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);
  g_assert_cmpuint (test_server_count_path (f->ts, "/echo"), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(VetoLinkResult) r = g_list_model_get_item (results, i);

      g_assert_true (veto_link_result_has_step (r, "facebook-object"));
      if (g_str_equal (veto_link_result_get_url (r), missing))
        {
          assert_verdict (r, VETO_LINK_VERDICT_BROKEN, 404);
          saw_missing = TRUE;
        }
    }
  g_assert_true (saw_missing);
}

static void
test_duplicates (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ok = test_server_url (f->ts, "/ok");
  g_autofree char *missing = test_server_url (f->ts, "/missing");
  const char *urls[] = { ok, missing, ok, NULL };

  veto_link_checker_check_urls_async (f->checker, urls, NULL, on_checked, &result);
  results = finish (f, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  g_assert_cmpuint (test_server_count_path (f->ts, "/ok"), ==, 1);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  const char *paths[] = { NULL };
  g_autoptr(GListModel) results = check_paths (f, paths, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_assert_cmpuint (veto_link_checker_get_n_total (f->checker), ==, 0);
}

/* Bounded: never more than max-per-host requests at once on one host,
 * and still concurrent. */
static void
test_bounded (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) results = NULL;
  double seconds;

  for (guint i = 0; i < 12; i++)
    g_ptr_array_add (paths, g_strdup_printf ("/delay/%u", i));
  g_ptr_array_add (paths, NULL);

  results = check_paths (f, (const char * const *)paths->pdata, &seconds);
  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(VetoLinkResult) r = g_list_model_get_item (results, i);
      assert_verdict (r, VETO_LINK_VERDICT_OK, 200);
    }

  g_test_message ("12 × 150 ms in %.2f s, at most %u at once", seconds,
                  test_server_get_max_active (f->ts));
  g_assert_cmpuint (test_server_get_max_active (f->ts), <=, veto_link_checker_get_max_per_host (f->checker));
  g_assert_cmpuint (test_server_get_max_active (f->ts), >=, 2);
  /* serially this would take 1.8 s */
  g_assert_cmpfloat (seconds, <, 1.5);
}

/* 1,000 links on one host answering in 600 ms each take 150 s four at a
 * time, more than a check may take: the links not reached are "not
 * checked", never broken or unreachable, and are never requested. (The
 * cap is 3 s here instead of 120 s, for the same effect.) */
static void
test_cap_not_checked (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) results = NULL;
  guint counts[VETO_LINK_VERDICT_NOT_CHECKED + 1] = { 0 };
  double seconds;

  for (guint i = 0; i < 1000; i++)
    g_ptr_array_add (paths, g_strdup_printf ("/wait600/%u", i));
  g_ptr_array_add (paths, NULL);

  veto_link_checker_set_run_timeout (f->checker, 3);
  results = check_paths (f, (const char * const *)paths->pdata, &seconds);

  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1000);
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(VetoLinkResult) r = g_list_model_get_item (results, i);

      counts[veto_link_result_get_verdict (r)]++;
    }

  g_test_message ("in %.2f s: %u OK, %u not checked, %u requests", seconds,
                  counts[VETO_LINK_VERDICT_OK], counts[VETO_LINK_VERDICT_NOT_CHECKED],
                  test_server_get_n_requests (f->ts));
  g_assert_cmpuint (counts[VETO_LINK_VERDICT_BROKEN], ==, 0);
  g_assert_cmpuint (counts[VETO_LINK_VERDICT_UNREACHABLE], ==, 0);
  g_assert_cmpuint (counts[VETO_LINK_VERDICT_OK], >=, 4);
  g_assert_cmpuint (counts[VETO_LINK_VERDICT_NOT_CHECKED], >=, 900);
  g_assert_cmpuint (counts[VETO_LINK_VERDICT_OK] + counts[VETO_LINK_VERDICT_NOT_CHECKED], ==, 1000);
  /* the links not reached were not requested */
  g_assert_cmpuint (test_server_get_n_requests (f->ts), <, 100);
  g_assert_cmpfloat (seconds, <, 6.0);
}

static void
test_verdict_labels (void)
{
  g_assert_cmpstr (veto_link_verdict_get_label (VETO_LINK_VERDICT_OK), ==, "OK");
  g_assert_cmpstr (veto_link_verdict_get_label (VETO_LINK_VERDICT_MOVED), ==, "Moved");
  g_assert_cmpstr (veto_link_verdict_get_label (VETO_LINK_VERDICT_BROKEN), ==, "Broken");
  g_assert_cmpstr (veto_link_verdict_get_label (VETO_LINK_VERDICT_UNREACHABLE), ==, "Unreachable");
  g_assert_cmpstr (veto_link_verdict_get_label (VETO_LINK_VERDICT_NOT_CHECKED), ==, "Not checked");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/link-checker/ok", test_ok);
  ADD ("/link-checker/broken", test_broken);
  ADD ("/link-checker/moved", test_moved);
  ADD ("/link-checker/unreachable-redirects", test_unreachable_redirects);
  ADD ("/link-checker/head-refused", test_head_refused);
  ADD ("/link-checker/huge-body", test_huge_body);
  ADD ("/link-checker/timeout", test_timeout);
  ADD ("/link-checker/run-timeout", test_run_timeout);
  ADD ("/link-checker/unreachable", test_unreachable);
  ADD ("/link-checker/no-cookies", test_no_cookies);
  ADD ("/link-checker/cancel", test_cancel);
  ADD ("/link-checker/cap-not-checked", test_cap_not_checked);
  ADD ("/link-checker/busy", test_busy);
  ADD ("/link-checker/catalog", test_catalog);
  ADD ("/link-checker/catalog-format-4", test_catalog_format_4);
  ADD ("/link-checker/duplicates", test_duplicates);
  ADD ("/link-checker/empty", test_empty);
  ADD ("/link-checker/bounded", test_bounded);
  g_test_add_func ("/link-checker/verdict-labels", test_verdict_labels);

  return g_test_run ();
}
