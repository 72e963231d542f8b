/* veto-catalog-updater-download.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One update: the request, its redirects and timer, the body read in
 * chunks, and the cache written when a newer catalog came. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "veto-catalog-cache.h"
#include "veto-catalog-updater-private.h"
#include "veto-file.h"
#include "veto-http.h"
#include "veto-signature.h"

#define VALIDATORS_GROUP "Download"
#define READ_CHUNK 16384

typedef struct
{
  /* (owned) the address being asked */
  GUri         *uri;
  guint         hops;
  /* the newest valid version Veto has, bundled or cached */
  int           have_version;

  /* (nullable) (owned) */
  SoupMessage  *msg;
  GInputStream *stream;
  GByteArray   *body;
  /* (nullable) (owned) the catalog, once read, while its signature is
   * fetched: nothing of it is read before that signature is checked */
  GBytes       *catalog_data;
  /* (nullable) (owned) its response, whose validators are kept with it */
  SoupMessage  *catalog_msg;

  /* (owned) cancelled by the caller's cancellable or by the timer */
  GCancellable *cancellable;
  GCancellable *user_cancellable;
  gulong        cancelled_id;
  GSource      *timer;
  gboolean      timed_out;
} Update;

typedef struct
{
  VetoCatalogUpdate outcome;
  int               version;
} UpdateResult;

static void
update_free (Update *update)
{
  if (update->cancelled_id != 0)
    g_cancellable_disconnect (update->user_cancellable, update->cancelled_id);
  if (update->timer != NULL)
    {
      g_source_destroy (update->timer);
      g_source_unref (update->timer);
    }
  g_clear_object (&update->user_cancellable);
  g_clear_object (&update->cancellable);
  g_clear_pointer (&update->uri, g_uri_unref);
  g_clear_object (&update->msg);
  if (update->stream != NULL)
    g_input_stream_close_async (update->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  g_clear_object (&update->stream);
  g_clear_pointer (&update->body, g_byte_array_unref);
  g_clear_pointer (&update->catalog_data, g_bytes_unref);
  g_clear_object (&update->catalog_msg);
  g_free (update);
}


static gboolean
check_download_url (VetoCatalogUpdater  *self,
                    const char          *url,
                    GUri               **out_uri,
                    GError             **error)
{
  g_autoptr(GUri) uri = veto_http_parse (url);

  if (uri != NULL && g_uri_get_userinfo (uri) == NULL &&
      (g_str_equal (g_uri_get_scheme (uri), "https") ||
       (self->allow_loopback_http && veto_http_is_loopback (uri))))
    {
      *out_uri = g_steal_pointer (&uri);
      return TRUE;
    }

  g_set_error (error, VETO_CATALOG_UPDATER_ERROR, VETO_CATALOG_UPDATER_ERROR_INSECURE_URL,
               /* Translators: %s is a web address */
               _("Steps are only downloaded over https, and “%s” is not an https address."),
               url);
  return FALSE;
}

/* Every started update ends through one of these two. The flag drops
 * before the callback runs, so that it may start another update. */
static void
set_idle (GTask *task)
{
  VetoCatalogUpdater *self = g_task_get_source_object (task);

  self->busy = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), _veto_catalog_updater_properties[PROP_BUSY]);
}

static void
return_error (GTask  *task,
              GError *error)
{
  Update *update = g_task_get_task_data (task);

  set_idle (task);

  /* the stream is closed by update_free, when the task goes */
  if (update->stream != NULL)
    {
      g_input_stream_close_async (update->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_clear_object (&update->stream);
    }

  g_task_return_error (task, error);
}

static void
return_outcome (GTask             *task,
                VetoCatalogUpdate  outcome,
                int                version)
{
  UpdateResult *result = g_new0 (UpdateResult, 1);

  set_idle (task);
  result->outcome = outcome;
  result->version = version;
  g_task_return_pointer (task, result, g_free);
}

/* Says which server failed and why, for a person reading it in a terminal
 * or a toast. */
static GError *
network_error (GTask  *task,
               GError *error)
{
  VetoCatalogUpdater *self = g_task_get_source_object (task);
  Update *update = g_task_get_task_data (task);
  const char *host = g_uri_get_host (update->uri);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !update->timed_out)
    return g_error_copy (error);

  if (update->timed_out || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                        /* Translators: %s is a host name, %u a number of seconds */
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%s did not answer within %u second.",
                                     "%s did not answer within %u seconds.",
                                     self->timeout),
                        host, self->timeout);

  /* Translators: the first %s is a host name, the second what went wrong */
  return g_error_new (error->domain, error->code, _("Could not reach %s: %s"),
                      host, error->message);
}

static gboolean
write_cache (VetoCatalogUpdater  *self,
             GBytes              *data,
             GBytes              *signature,
             SoupMessage         *msg,
             GError             **error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);
  const char *etag = soup_message_headers_get_one (headers, "ETag");
  const char *last_modified = soup_message_headers_get_one (headers, "Last-Modified");
  g_autoptr(GFile) file = _veto_catalog_updater_cache_file (self);
  g_autoptr(GFile) validators = _veto_catalog_updater_validators_file (self);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sig_path = NULL;

  if (g_mkdir_with_parents (g_file_peek_path (self->cache_dir), 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: the first %s is a folder, the second why it failed */
                   _("Could not create %s: %s"),
                   g_file_peek_path (self->cache_dir), g_strerror (saved_errno));
      return FALSE;
    }

  /* A public catalog: 0644 is fine. The signature is kept beside it, as
   * every load verifies it again; a crash between the two writes leaves a
   * pair that does not match, which is ignored (the bundled steps are
   * used) until the next update writes both again. */
  sig_path = g_strconcat (g_file_peek_path (file), VETO_SIGNATURE_SUFFIX, NULL);
  if (!g_file_set_contents_full (sig_path,
                                 g_bytes_get_data (signature, NULL), g_bytes_get_size (signature),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error) ||
      !g_file_set_contents_full (g_file_peek_path (file),
                                 g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not save the new steps: %s"), local_error->message);
      return FALSE;
    }

  if (etag != NULL || last_modified != NULL)
    {
      g_autoptr(GKeyFile) keyfile = g_key_file_new ();
      g_autofree char *text = NULL;
      gsize len;

      g_key_file_set_string (keyfile, VALIDATORS_GROUP, "Url", self->url);
      if (etag != NULL)
        g_key_file_set_string (keyfile, VALIDATORS_GROUP, "ETag", etag);
      if (last_modified != NULL)
        g_key_file_set_string (keyfile, VALIDATORS_GROUP, "LastModified", last_modified);
      text = g_key_file_to_data (keyfile, &len, NULL);

      if (!g_file_set_contents_full (g_file_peek_path (validators), text, len,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
        {
          /* Stale validators would make the server answer 304 for a
           * catalog we no longer hold: drop them. */
          g_message ("Could not save %s: %s", g_file_peek_path (validators), local_error->message);
          g_unlink (g_file_peek_path (validators));
        }
    }
  else
    g_unlink (g_file_peek_path (validators));

  return TRUE;
}

/* The catalog and its signature are both read: the signature is checked
 * first, then the catalog's rules, then its version. */
static void
process_body (GTask *task)
{
  VetoCatalogUpdater *self = g_task_get_source_object (task);
  Update *update = g_task_get_task_data (task);
  g_autoptr(GBytes) signature = g_byte_array_free_to_bytes (g_steal_pointer (&update->body));
  g_autoptr(GBytes) data = g_steal_pointer (&update->catalog_data);
  g_autoptr(VetoCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  int version;

  /* the rules of the bundled catalog, whatever the address it came from */
  catalog = veto_catalog_new_from_signed_bytes (data, signature, NULL, &error);
  if (catalog == NULL)
    {
      gboolean signature_error = error->domain == VETO_SIGNATURE_ERROR;

      return_error (task, g_error_new (VETO_CATALOG_UPDATER_ERROR,
                                       signature_error ? VETO_CATALOG_UPDATER_ERROR_SIGNATURE
                                                       : VETO_CATALOG_UPDATER_ERROR_INVALID,
                                       /* Translators: %s says which rule the file breaks */
                                       _("The published steps were refused: %s"), error->message));
      return;
    }

  /* An older catalog, however well signed, is never taken for a new one:
   * a replayed feed changes nothing. */
  version = veto_catalog_get_version (catalog);
  if (version < update->have_version)
    {
      return_outcome (task, VETO_CATALOG_UPDATE_NOT_NEWER, version);
      return;
    }
  if (version == update->have_version)
    {
      return_outcome (task, VETO_CATALOG_UPDATE_UP_TO_DATE, version);
      return;
    }

  if (!write_cache (self, data, signature, update->catalog_msg, &error))
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  return_outcome (task, VETO_CATALOG_UPDATE_UPDATED, version);
}

/* What is wrong with the published signature, said as the refusal it is. */
static GError *
signature_error (GTask      *task,
                 const char *why)
{
  Update *update = g_task_get_task_data (task);
  g_autofree char *url = g_uri_to_string (update->uri);

  return g_error_new (VETO_CATALOG_UPDATER_ERROR, VETO_CATALOG_UPDATER_ERROR_SIGNATURE,
                      /* Translators: %s is a web address, then why (in lower case) */
                      _("The published steps were refused: their signature at %s can’t be used: %s."),
                      url, why);
}

static GError *
too_large_error (void)
{
  return g_error_new (VETO_CATALOG_UPDATER_ERROR, VETO_CATALOG_UPDATER_ERROR_TOO_LARGE,
                      /* Translators: %d is a size in kibibytes */
                      _("The published steps are larger than %d KiB and were refused."),
                      VETO_CATALOG_UPDATER_MAX_SIZE / 1024);
}

static void send_request (GTask *task);

/* The catalog is read: its signature is fetched next, from the address
 * of the catalog with ".minisig" added (the published one, not where a
 * redirect led: the feed's owner names both). */
static void
fetch_signature (GTask *owned_task)
{
  g_autoptr(GTask) task = owned_task;
  VetoCatalogUpdater *self = g_task_get_source_object (task);
  Update *update = g_task_get_task_data (task);
  g_autofree char *url = g_strconcat (self->url, VETO_SIGNATURE_SUFFIX, NULL);
  g_autoptr(GError) error = NULL;

  update->catalog_data = g_byte_array_free_to_bytes (g_steal_pointer (&update->body));
  update->catalog_msg = g_object_ref (update->msg);
  g_clear_pointer (&update->uri, g_uri_unref);
  update->hops = 0;
  if (!check_download_url (self, url, &update->uri, &error))
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }
  send_request (g_steal_pointer (&task));
}

static gsize
max_size (Update *update)
{
  return update->catalog_data != NULL ? VETO_SIGNATURE_MAX_SIZE : VETO_CATALOG_UPDATER_MAX_SIZE;
}

static void
on_read (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Update *update = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GError) error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), res, &error);
  if (chunk == NULL)
    {
      return_error (task, network_error (task, error));
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      g_input_stream_close_async (update->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_clear_object (&update->stream);
      if (update->catalog_data == NULL)
        fetch_signature (g_steal_pointer (&task));
      else
        process_body (task);
      return;
    }

  g_byte_array_append (update->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  if (update->body->len > max_size (update))
    {
      return_error (task, update->catalog_data != NULL ? signature_error (task, _("it is too large to be a signature"))
                                                       : too_large_error ());
      return;
    }

  /* one byte past the limit is enough to know it is too large */
  g_input_stream_read_bytes_async (update->stream,
                                   MIN (READ_CHUNK, max_size (update) + 1 - update->body->len),
                                   G_PRIORITY_DEFAULT, update->cancellable,
                                   on_read, g_steal_pointer (&task));
}

static void
on_sent (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VetoCatalogUpdater *self = g_task_get_source_object (task);
  Update *update = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  guint status;

  update->stream = soup_session_send_finish (SOUP_SESSION (source), res, &error);
  if (update->stream == NULL)
    {
      return_error (task, network_error (task, error));
      return;
    }

  status = soup_message_get_status (update->msg);
  headers = soup_message_get_response_headers (update->msg);

  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED)
    {
      g_autofree char *target = veto_http_redirect (update->msg);
      g_autoptr(GUri) uri = NULL;

      if (target == NULL)
        {
          return_error (task, g_error_new (VETO_CATALOG_UPDATER_ERROR, VETO_CATALOG_UPDATER_ERROR_HTTP,
                                           /* Translators: %s is a host name, %u an HTTP status */
                                           _("%s answered HTTP %u."),
                                           g_uri_get_host (update->uri), status));
          return;
        }

      if (++update->hops > VETO_CATALOG_UPDATER_MAX_REDIRECTS)
        {
          return_error (task, g_error_new (VETO_CATALOG_UPDATER_ERROR, VETO_CATALOG_UPDATER_ERROR_REDIRECTS,
                                           /* Translators: %s is a host name */
                                           _("%s redirected too many times."),
                                           g_uri_get_host (update->uri)));
          return;
        }

      if (!check_download_url (self, target, &uri, &error))
        {
          return_error (task, g_steal_pointer (&error));
          return;
        }

      g_input_stream_close_async (update->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_clear_object (&update->stream);
      g_clear_pointer (&update->uri, g_uri_unref);
      update->uri = g_steal_pointer (&uri);
      send_request (g_steal_pointer (&task));
      return;
    }

  if (status == SOUP_STATUS_NOT_MODIFIED && update->catalog_data == NULL)
    {
      g_input_stream_close_async (update->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_clear_object (&update->stream);
      /* the cached steps, checked when the request was made, are still
       * the published ones */
      return_outcome (task, VETO_CATALOG_UPDATE_UP_TO_DATE, update->have_version);
      return;
    }

  if (status == SOUP_STATUS_NOT_FOUND && update->catalog_data != NULL)
    {
      g_autofree char *url = g_uri_to_string (update->uri);

      return_error (task, g_error_new (VETO_CATALOG_UPDATER_ERROR, VETO_CATALOG_UPDATER_ERROR_SIGNATURE,
                                       /* Translators: %s is a web address */
                                       _("The published steps were refused: they are not signed (there is no signature at %s)."),
                                       url));
      return;
    }

  if (status != SOUP_STATUS_OK)
    {
      return_error (task, g_error_new (VETO_CATALOG_UPDATER_ERROR, VETO_CATALOG_UPDATER_ERROR_HTTP,
                                       _("%s answered HTTP %u."),
                                       g_uri_get_host (update->uri), status));
      return;
    }

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset)max_size (update))
    {
      return_error (task, update->catalog_data != NULL ? signature_error (task, _("it is too large to be a signature"))
                                                       : too_large_error ());
      return;
    }

  update->body = g_byte_array_new ();
  g_input_stream_read_bytes_async (update->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   update->cancellable, on_read, g_steal_pointer (&task));
}

/* Sends back what the server said about the catalog we hold, so that it
 * can answer 304. Only for a cached catalog that is still valid: after a
 * 304 we must have something to use. */
static void
add_validators (VetoCatalogUpdater *self,
                SoupMessage        *msg)
{
  g_autoptr(GFile) file = _veto_catalog_updater_validators_file (self);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *url = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *last_modified = NULL;
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  g_autoptr(GBytes) bytes = veto_file_read_bounded (g_file_peek_path (file), 64 * 1024, NULL, NULL);

  if (bytes == NULL || !g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_NONE, NULL))
    return;

  /* validators from another address mean nothing here */
  url = g_key_file_get_string (keyfile, VALIDATORS_GROUP, "Url", NULL);
  if (g_strcmp0 (url, self->url) != 0)
    return;

  etag = g_key_file_get_string (keyfile, VALIDATORS_GROUP, "ETag", NULL);
  last_modified = g_key_file_get_string (keyfile, VALIDATORS_GROUP, "LastModified", NULL);

  /* header values come from a file: refuse anything that could split a
   * header line */
  if (etag != NULL && strpbrk (etag, "\r\n") == NULL)
    soup_message_headers_replace (headers, "If-None-Match", etag);
  if (last_modified != NULL && strpbrk (last_modified, "\r\n") == NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", last_modified);
}

static void
send_request (GTask *task)
{
  VetoCatalogUpdater *self = g_task_get_source_object (task);
  Update *update = g_task_get_task_data (task);
  g_autoptr(VetoCatalog) cached = NULL;

  g_clear_object (&update->msg);
  update->msg = soup_message_new_from_uri (SOUP_METHOD_GET, update->uri);
  soup_message_add_flags (update->msg, SOUP_MESSAGE_NO_REDIRECT);

  /* the signature is always fetched: it is checked with the catalog it
   * came with */
  if (update->catalog_data == NULL)
    {
      cached = _veto_catalog_updater_load_cached (self);
      if (cached != NULL && veto_catalog_get_version (cached) == update->have_version)
        add_validators (self, update->msg);
    }

  soup_session_send_async (self->session, update->msg, G_PRIORITY_DEFAULT,
                           update->cancellable, on_sent, task);
}

static gboolean
on_timeout (gpointer user_data)
{
  Update *update = user_data;

  update->timed_out = TRUE;
  g_clear_pointer (&update->timer, g_source_unref);
  g_cancellable_cancel (update->cancellable);

  return G_SOURCE_REMOVE;
}

static void
on_cancelled (GCancellable *cancellable,
              gpointer      user_data)
{
  Update *update = user_data;

  g_cancellable_cancel (update->cancellable);
}

/**
 * veto_catalog_updater_update_async:
 * @self: a #VetoCatalogUpdater
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the update is over
 * @user_data: for @callback
 *
 * Downloads the published catalog and keeps it if it is valid and newer
 * than what Veto has. After %VETO_CATALOG_UPDATE_UPDATED, load the catalog
 * again with veto_catalog_updater_load_newest(). One update at a time: a
 * second call fails with %G_IO_ERROR_PENDING.
 */
void
veto_catalog_updater_update_async (VetoCatalogUpdater  *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(VetoCatalog) cached = NULL;
  g_autoptr(GError) error = NULL;
  Update *update;

  g_return_if_fail (VETO_IS_CATALOG_UPDATER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, veto_catalog_updater_update_async);
  g_task_set_name (task, "[veto] update catalog");

  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               "%s", _("The steps are already being updated."));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  update = g_new0 (Update, 1);
  g_task_set_task_data (task, update, (GDestroyNotify)update_free);

  if (!check_download_url (self, self->url, &update->uri, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Offline, the request would end in a resolver's error: say what is
   * wrong instead, before anything is tried. A feed on this computer (the
   * tests') needs no network. */
  if (veto_http_network_missing () && !veto_http_is_loopback (update->uri))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE, "%s",
                               _("Your computer is offline, so Veto could not look for newer steps. Nothing changed. Connect to the internet, then try again."));
      return;
    }

  cached = _veto_catalog_updater_load_cached (self);
  update->have_version = veto_catalog_get_version (self->bundled);
  if (cached != NULL)
    update->have_version = MAX (update->have_version, veto_catalog_get_version (cached));

  update->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      update->user_cancellable = g_object_ref (cancellable);
      update->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled),
                                                    update, NULL);
    }

  update->timer = g_timeout_source_new_seconds (self->timeout);
  g_source_set_callback (update->timer, on_timeout, update, NULL);
  g_source_set_static_name (update->timer, "[veto] catalog update timeout");
  g_source_attach (update->timer, g_task_get_context (task));

  if (self->session == NULL)
    self->session = veto_http_session_new (2, self->timeout);
  else
    soup_session_set_timeout (self->session, self->timeout);

  self->busy = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), _veto_catalog_updater_properties[PROP_BUSY]);

  send_request (g_steal_pointer (&task));
}

/* Called on dispose: the session lives here, with libsoup, so that the
 * updater itself can be used without loading it (veto-net-loader.c). */
void
_veto_catalog_updater_drop_session (VetoCatalogUpdater *self)
{
  soup_session_abort (self->session);
  g_clear_object (&self->session);
}

/**
 * veto_catalog_updater_update_finish:
 * @self: a #VetoCatalogUpdater
 * @result: the result given to the callback
 * @out_version: (out) (optional): the version of the catalog that was
 *   published: the new one after %VETO_CATALOG_UPDATE_UPDATED, the one Veto
 *   has after %VETO_CATALOG_UPDATE_UP_TO_DATE, the older one that was
 *   refused after %VETO_CATALOG_UPDATE_NOT_NEWER
 * @error: why the update failed
 *
 * Returns: what happened, or %VETO_CATALOG_UPDATE_FAILED with @error set
 */
VetoCatalogUpdate
veto_catalog_updater_update_finish (VetoCatalogUpdater  *self,
                                    GAsyncResult        *result,
                                    int                 *out_version,
                                    GError             **error)
{
  g_autofree UpdateResult *update_result = NULL;

  g_return_val_if_fail (VETO_IS_CATALOG_UPDATER (self), VETO_CATALOG_UPDATE_FAILED);
  g_return_val_if_fail (g_task_is_valid (result, self), VETO_CATALOG_UPDATE_FAILED);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == veto_catalog_updater_update_async,
                        VETO_CATALOG_UPDATE_FAILED);

  if (out_version != NULL)
    *out_version = 0;

  update_result = g_task_propagate_pointer (G_TASK (result), error);
  if (update_result == NULL)
    return VETO_CATALOG_UPDATE_FAILED;

  if (out_version != NULL)
    *out_version = update_result->version;
  return update_result->outcome;
}
