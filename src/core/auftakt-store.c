/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-store"

#include "config.h"

#include "auftakt-store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "auftakt-store-private.h"

/* How long a writer waits for another process holding the plan. */
#define BUSY_TIMEOUT_MS 5000

/* The first 16 bytes of every SQLite database. */
#define SQLITE_MAGIC "SQLite format 3"

/* Offsets in the 100-byte database header (big-endian). */
#define HEADER_SIZE 100
#define HEADER_USER_VERSION 60
#define HEADER_APPLICATION_ID 68

/* The longest slug made from a title, before "-2", "-3", ... */
#define SLUG_MAX_LENGTH 48

/* A plan file held open: one SQLite connection and its prepared
 * statements, in the manner of Epiphany's EphySQLiteConnection. */
struct _AuftaktStore
{
  GObject parent_instance;

  char *path;
  char *display_name;     /* for messages: the plan's name, also while it is built */
  sqlite3 *db;
  GHashTable *statements; /* static SQL text → sqlite3_stmt */
};

G_DEFINE_FINAL_TYPE (AuftaktStore, auftakt_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (auftakt-store-error-quark, auftakt_store_error)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AuftaktStore *
store_new (const char *path,
           const char *display_name)
{
  AuftaktStore *self = g_object_new (AUFTAKT_TYPE_STORE, NULL);

  self->path = g_strdup (path);
  self->display_name = display_name != NULL ? g_strdup (display_name)
                                            : g_filename_display_name (path);
  return self;
}

static gboolean
exec (AuftaktStore  *self,
      const char    *sql,
      GError       **error)
{
  return _auftakt_store_exec (self->db, self->display_name, sql, error);
}

/* Reads the header itself, so that a file of another kind is refused before
 * SQLite parses any of it. */
static gboolean
check_header (const char  *path,
              const char  *display_name,
              GError     **error)
{
  guint8 header[HEADER_SIZE];
  gsize n_read = 0;
  guint32 application_id, user_version;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_IO,
                   _("Could not open “%s”: %s"), display_name, g_strerror (saved_errno));
      return FALSE;
    }

  while (n_read < sizeof header)
    {
      gssize n = read (fd, header + n_read, sizeof header - n_read);

      if (n < 0 && errno == EINTR)
        continue;

      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_IO,
                       _("Could not read “%s”: %s"), display_name, g_strerror (saved_errno));
          return FALSE;
        }

      if (n == 0)
        break;

      n_read += n;
    }
  close (fd);

  if (n_read < sizeof SQLITE_MAGIC || memcmp (header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    {
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NOT_A_PLAN,
                   _("“%s” is not an Auftakt plan"), display_name);
      return FALSE;
    }

  if (n_read < sizeof header)
    {
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged: the file is incomplete"), display_name);
      return FALSE;
    }

  memcpy (&application_id, header + HEADER_APPLICATION_ID, sizeof application_id);
  memcpy (&user_version, header + HEADER_USER_VERSION, sizeof user_version);

  if (GUINT32_FROM_BE (application_id) != AUFTAKT_STORE_APPLICATION_ID)
    {
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NOT_A_PLAN,
                   _("“%s” is not an Auftakt plan"), display_name);
      return FALSE;
    }

  if ((gint32) GUINT32_FROM_BE (user_version) > AUFTAKT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Auftakt"), display_name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
open_connection (AuftaktStore  *self,
                 GError       **error)
{
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_IO,
                   _("Could not open “%s”: %s"), self->display_name,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* A plan is a document from anywhere: its schema must not be able to
   * call functions with side effects or write SQLite's own tables. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);

  /* The plan stays one file: a rollback journal, never WAL.  None of
   * these pragmas writes to the file. */
  return exec (self, "PRAGMA foreign_keys = ON;", error);
}

static gboolean
set_db_error_unless_ok (AuftaktStore  *self,
                        int            rc,
                        GError       **error)
{
  if (rc == SQLITE_OK)
    return TRUE;

  _auftakt_store_error (self, rc, error);
  return FALSE;
}

static gboolean
quick_check (AuftaktStore  *self,
             GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  const char *problem = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check;", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      /* "ok", or one row per problem, after a "*** in database main ***" */
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          problem = (const char *) sqlite3_column_text (stmt, 0);
          if (problem != NULL && !g_str_has_prefix (problem, "*** "))
            break;
        }
    }

  if (rc == SQLITE_ROW && g_strcmp0 (problem, "ok") == 0)
    {
      sqlite3_finalize (stmt);
      return TRUE;
    }

  if (rc == SQLITE_ROW)
    g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_DAMAGED,
                 _("“%s” is damaged: %s"), self->display_name, problem);
  else if (rc == SQLITE_DONE)
    g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_DAMAGED,
                 _("“%s” is damaged"), self->display_name);
  else
    _auftakt_store_error (self, rc, error);

  sqlite3_finalize (stmt);
  return FALSE;
}

/* The same questions as check_header(), asked again through SQLite under its
 * lock, and then whether the content is sound; reads only. */
static gboolean
check_plan (AuftaktStore  *self,
            int           *version,
            GError       **error)
{
  int rc, application_id, n_tables;

  application_id = _auftakt_store_query_int (self->db, "PRAGMA application_id;", &rc);
  if (!set_db_error_unless_ok (self, rc, error))
    return FALSE;

  *version = _auftakt_store_query_int (self->db, "PRAGMA user_version;", &rc);
  if (!set_db_error_unless_ok (self, rc, error))
    return FALSE;

  n_tables = _auftakt_store_query_int (self->db,
                                       "SELECT count(*) FROM sqlite_schema"
                                       " WHERE type = 'table' AND name = 'events';",
                                       &rc);
  if (!set_db_error_unless_ok (self, rc, error))
    return FALSE;

  if ((guint32) application_id != AUFTAKT_STORE_APPLICATION_ID || *version < 1 || n_tables != 1)
    {
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NOT_A_PLAN,
                   _("“%s” is not an Auftakt plan"), self->display_name);
      return FALSE;
    }

  if (*version > AUFTAKT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Auftakt"), self->display_name);
      return FALSE;
    }

  return quick_check (self, error);
}

static gboolean
begin_write (AuftaktStore  *self,
             GError       **error)
{
  /* IMMEDIATE takes the write lock now (waiting for another writer), so
   * that the transaction cannot fail half-way for want of it. */
  return exec (self, "BEGIN IMMEDIATE;", error);
}

/* Commits if @ok, rolls back otherwise; returns whether the changes are in
 * the file. */
static gboolean
end_write (AuftaktStore  *self,
           gboolean       ok,
           GError       **error)
{
  if (ok && exec (self, "COMMIT;", error))
    return TRUE;

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);

  return FALSE;
}

static char *
make_slug (const char *title)
{
  g_autofree char *ascii = NULL;
  GString *slug = g_string_new (NULL);
  gboolean separate = FALSE;

  /* German transliteration ("ä" → "ae") whatever the user's locale, so that
   * the same title gives the same id everywhere. */
  if (title != NULL)
    ascii = g_str_to_ascii (title, "de");

  for (const char *p = ascii; p != NULL && *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p))
        {
          separate = slug->len > 0;
          continue;
        }

      if (slug->len >= SLUG_MAX_LENGTH)
        break;

      if (separate)
        g_string_append_c (slug, '-');
      g_string_append_c (slug, g_ascii_tolower (*p));
      separate = FALSE;
    }

  if (slug->len == 0)
    g_string_append (slug, "event");

  return g_string_free (slug, FALSE);
}

/* @id if it is a usable id not yet taken, else a new one from @title. */
static char *
choose_event_id (AuftaktStore  *self,
                 const char    *id,
                 const char    *title,
                 GError       **error)
{
  g_autofree char *slug = NULL;
  g_autofree char *candidate = NULL;
  g_autoptr(GError) local_error = NULL;

  if (id != NULL && *id != '\0')
    {
      if (!_auftakt_store_event_exists (self, id, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          return g_strdup (id);
        }
    }

  slug = make_slug (title);
  candidate = g_strdup (slug);
  for (guint n = 2; ; n++)
    {
      if (!_auftakt_store_event_exists (self, candidate, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          return g_steal_pointer (&candidate);
        }

      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", slug, n);
    }
}

static gint64
query_event_position (AuftaktStore  *self,
                      const char    *event_id,
                      GError       **error)
{
  g_autoptr(AuftaktStoreStmt) stmt = NULL;
  int rc;

  stmt = _auftakt_store_prepare (self, "SELECT position FROM events WHERE id = ?1;", error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, event_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  if (rc == SQLITE_DONE)
    g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NO_SUCH_EVENT,
                 _("“%s” has no event “%s”"), self->display_name, event_id);
  else
    _auftakt_store_error (self, rc, error);

  return -1;
}

static gboolean
require_event (AuftaktStore  *self,
               const char    *event_id,
               GError       **error)
{
  return query_event_position (self, event_id, error) >= 0;
}

/* Moves the finished temporary plan to @path.  Without @replace, the last
 * step itself refuses to clobber a file that appeared in the meantime. */
static gboolean
move_into_place (const char  *tmp_path,
                 const char  *path,
                 const char  *display_name,
                 gboolean     replace,
                 GError     **error)
{
  int saved_errno;

  if (replace)
    {
      if (g_rename (tmp_path, path) == 0)
        return TRUE;
      saved_errno = errno;
    }
  else
    {
      if (link (tmp_path, path) == 0)
        {
          g_unlink (tmp_path);
          return TRUE;
        }
      saved_errno = errno;

      if (saved_errno == EPERM || saved_errno == ENOTSUP || saved_errno == ENOSYS ||
          saved_errno == EMLINK)
        {
          /* A file system without hard links: GIO's move checks first. */
          g_autoptr(GFile) source = g_file_new_for_path (tmp_path);
          g_autoptr(GFile) destination = g_file_new_for_path (path);
          g_autoptr(GError) local_error = NULL;

          if (g_file_move (source, destination, G_FILE_COPY_NONE, NULL, NULL, NULL,
                           &local_error))
            return TRUE;

          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
            saved_errno = EEXIST;
          else
            {
              g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_IO,
                           _("Could not write “%s”: %s"), display_name, local_error->message);
              return FALSE;
            }
        }
    }

  if (saved_errno == EEXIST)
    g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_EXISTS,
                 _("“%s” already exists"), display_name);
  else
    g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_IO,
                 _("Could not write “%s”: %s"), display_name, g_strerror (saved_errno));
  return FALSE;
}

static void
sync_directory (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_CLOEXEC, 0);

  /* The rename is durable once the directory is; a failure here loses
   * nothing that a crash would not. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Writes the new plan into @tmp_path (an empty file). */
static gboolean
build_plan (const char    *tmp_path,
            const char    *display_name,
            AuftaktEvent  *event,
            GError       **error)
{
  g_autoptr(AuftaktStore) store = store_new (tmp_path, display_name);
  gboolean ok;

  if (!open_connection (store, error) || !begin_write (store, error))
    return FALSE;

  ok = _auftakt_store_create_schema (store->db, display_name, error);
  if (!end_write (store, ok, error))
    return FALSE;

  return event == NULL || auftakt_store_add_event (store, event, error);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
auftakt_store_finalize (GObject *object)
{
  AuftaktStore *self = AUFTAKT_STORE (object);

  /* The statements first: sqlite3_close() refuses while any is alive. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL && sqlite3_close (self->db) != SQLITE_OK)
    g_warning ("Could not close %s: %s", self->display_name, sqlite3_errmsg (self->db));
  self->db = NULL;
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (auftakt_store_parent_class)->finalize (object);
}

static void
auftakt_store_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AuftaktStore *self = AUFTAKT_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_store_class_init (AuftaktStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = auftakt_store_finalize;
  object_class->get_property = auftakt_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
auftakt_store_init (AuftaktStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
}

/* Internal API, shared with auftakt-store-read.c and auftakt-store-write.c */

/* Borrowed from the cache; @sql must be a string literal (its address is the
 * key), which also keeps user text out of SQL. */
sqlite3_stmt *
_auftakt_store_prepare (AuftaktStore  *self,
                        const char    *sql,
                        GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _auftakt_store_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

void
_auftakt_store_release (sqlite3_stmt *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

void
_auftakt_store_error (AuftaktStore  *self,
                      int            rc,
                      GError       **error)
{
  _auftakt_store_set_db_error (error, self->db, self->display_name, rc);
}

const char *
_auftakt_store_get_display_name (AuftaktStore *self)
{
  return self->display_name;
}

/* FALSE with @error unset if the plan has no such event. */
gboolean
_auftakt_store_event_exists (AuftaktStore  *self,
                             const char    *event_id,
                             GError       **error)
{
  g_autoptr(AuftaktStoreStmt) stmt = NULL;
  int rc;

  stmt = _auftakt_store_prepare (self, "SELECT 1 FROM events WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, event_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc != SQLITE_DONE)
    _auftakt_store_error (self, rc, error);
  return FALSE;
}

/* Public API */

AuftaktStore *
auftakt_store_open (const char  *path,
                    GError     **error)
{
  g_autoptr(AuftaktStore) self = NULL;
  int version;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = store_new (path, NULL);

  if (!check_header (path, self->display_name, error) ||
      !open_connection (self, error) ||
      !check_plan (self, &version, error))
    return NULL;

  if (version < AUFTAKT_STORE_SCHEMA_VERSION &&
      !_auftakt_store_migrate (self->db, self->display_name,
                               _auftakt_store_migrations, _auftakt_store_n_migrations,
                               AUFTAKT_STORE_SCHEMA_VERSION, error))
    return NULL;

  return g_steal_pointer (&self);
}

AuftaktStore *
auftakt_store_create (const char    *path,
                      gboolean       replace,
                      AuftaktEvent  *event,
                      GError       **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_name = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *tmp_journal = NULL;
  g_autofree char *target = NULL;
  GStatBuf buf;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (event == NULL || AUFTAKT_IS_EVENT (event), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_name (path);

  if (!replace && g_lstat (path, &buf) == 0)
    {
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_EXISTS,
                   _("“%s” already exists"), display_name);
      return NULL;
    }

  /* Renaming over a device, a pipe or a folder would replace it (/dev/null
   * for root); through a symbolic link, the plan it names is replaced. */
  if (replace && g_stat (path, &buf) == 0 && !S_ISREG (buf.st_mode))
    {
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_IO,
                   _("Could not write “%s”: it is not a file"), display_name);
      return NULL;
    }
  if (replace && g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      char *resolved = realpath (path, NULL);

      target = g_strdup (resolved);
      free (resolved);
    }

  dir = g_path_get_dirname (target != NULL ? target : path);
  base = g_path_get_basename (target != NULL ? target : path);
  tmp_name = g_strdup_printf (".%s.XXXXXX", base);
  tmp_path = g_build_filename (dir, tmp_name, NULL);

  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_IO,
                   _("Could not write “%s”: %s"), display_name, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  if (!build_plan (tmp_path, display_name, event, error) ||
      !move_into_place (tmp_path, target != NULL ? target : path, display_name, replace, error))
    {
      tmp_journal = g_strconcat (tmp_path, "-journal", NULL);
      g_unlink (tmp_path);
      g_unlink (tmp_journal);
      return NULL;
    }

  sync_directory (target != NULL ? target : path);
  return auftakt_store_open (path, error);
}

const char *
auftakt_store_get_path (AuftaktStore *self)
{
  g_return_val_if_fail (AUFTAKT_IS_STORE (self), NULL);

  return self->path;
}

char **
auftakt_store_list_events (AuftaktStore  *self,
                           GError       **error)
{
  g_autoptr(AuftaktStoreStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) ids = NULL;
  int rc;

  g_return_val_if_fail (AUFTAKT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _auftakt_store_prepare (self, "SELECT id FROM events ORDER BY position, id;", error);
  if (stmt == NULL)
    return NULL;

  ids = g_strv_builder_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (ids, (const char *) sqlite3_column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      _auftakt_store_error (self, rc, error);
      return NULL;
    }

  return g_strv_builder_end (ids);
}

char *
auftakt_store_resolve_event (AuftaktStore  *self,
                             const char    *event_id,
                             GError       **error)
{
  g_auto(GStrv) ids = NULL;
  g_autoptr(GError) local_error = NULL;
  guint n;

  g_return_val_if_fail (AUFTAKT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (event_id != NULL)
    {
      if (_auftakt_store_event_exists (self, event_id, &local_error))
        return g_strdup (event_id);

      if (local_error == NULL)
        g_set_error (&local_error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NO_SUCH_EVENT,
                     _("“%s” has no event “%s”"), self->display_name, event_id);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  ids = auftakt_store_list_events (self, error);
  if (ids == NULL)
    return NULL;

  n = g_strv_length (ids);
  if (n == 1)
    return g_strdup (ids[0]);

  if (n == 0)
    {
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NO_SUCH_EVENT,
                   _("“%s” holds no event"), self->display_name);
    }
  else
    {
      g_autofree char *list = g_strjoinv (", ", ids);

      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_AMBIGUOUS,
                   _("“%s” holds several events; name one of them: %s"),
                   self->display_name, list);
    }

  return NULL;
}

/* With @event_id NULL, the plan's only event (see auftakt_store_resolve_event()). */
AuftaktEvent *
auftakt_store_load_event (AuftaktStore  *self,
                          const char    *event_id,
                          GError       **error)
{
  g_autofree char *id = NULL;
  AuftaktEvent *event;

  g_return_val_if_fail (AUFTAKT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  id = auftakt_store_resolve_event (self, event_id, error);
  if (id == NULL)
    return NULL;

  /* One read transaction, so that a writer in another process cannot slip
   * in between the tables. */
  if (!exec (self, "BEGIN;", error))
    return NULL;

  event = _auftakt_store_read_event (self, id, error);
  sqlite3_exec (self->db, "COMMIT;", NULL, NULL, NULL);

  return event;
}

gboolean
auftakt_store_add_event (AuftaktStore  *self,
                         AuftaktEvent  *event,
                         GError       **error)
{
  g_autofree char *id = NULL;
  g_autoptr(AuftaktStoreStmt) stmt = NULL;
  gint64 position = 0;
  gboolean ok;
  int rc;

  g_return_val_if_fail (AUFTAKT_IS_STORE (self), FALSE);
  g_return_val_if_fail (AUFTAKT_IS_EVENT (event), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;

  id = choose_event_id (self, auftakt_event_get_id (event), auftakt_event_get_title (event),
                        error);
  ok = id != NULL;

  if (ok)
    {
      stmt = _auftakt_store_prepare (self,
                                     "SELECT COALESCE (MAX (position) + 1, 0) FROM events;",
                                     error);
      ok = stmt != NULL;
    }

  if (ok)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        position = sqlite3_column_int64 (stmt, 0);
      else
        {
          _auftakt_store_error (self, rc, error);
          ok = FALSE;
        }
      g_clear_pointer (&stmt, _auftakt_store_release);
    }

  ok = ok && _auftakt_store_write_event (self, event, id, position, error);

  if (!end_write (self, ok, error))
    return FALSE;

  auftakt_event_set_id (event, id);
  return TRUE;
}

gboolean
auftakt_store_replace_event (AuftaktStore  *self,
                             AuftaktEvent  *event,
                             GError       **error)
{
  g_autoptr(AuftaktStoreStmt) stmt = NULL;
  const char *id;
  gint64 position;
  gboolean ok;

  g_return_val_if_fail (AUFTAKT_IS_STORE (self), FALSE);
  g_return_val_if_fail (AUFTAKT_IS_EVENT (event), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = auftakt_event_get_id (event);
  if (id == NULL)
    {
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NO_SUCH_EVENT,
                   _("The event to replace in “%s” has no id"), self->display_name);
      return FALSE;
    }

  if (!begin_write (self, error))
    return FALSE;

  position = query_event_position (self, id, error);
  ok = position >= 0;

  if (ok)
    {
      stmt = _auftakt_store_prepare (self, "DELETE FROM events WHERE id = ?1;", error);
      ok = stmt != NULL;
    }

  if (ok)
    {
      int rc;

      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          _auftakt_store_error (self, rc, error);
          ok = FALSE;
        }
      g_clear_pointer (&stmt, _auftakt_store_release);
    }

  ok = ok && _auftakt_store_write_event (self, event, id, position, error);

  return end_write (self, ok, error);
}

gboolean
auftakt_store_remove_event (AuftaktStore  *self,
                            const char    *event_id,
                            GError       **error)
{
  g_autoptr(AuftaktStoreStmt) stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (AUFTAKT_IS_STORE (self), FALSE);
  g_return_val_if_fail (event_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;

  stmt = _auftakt_store_prepare (self, "DELETE FROM events WHERE id = ?1;", error);
  if (stmt == NULL)
    return end_write (self, FALSE, error);

  sqlite3_bind_text (stmt, 1, event_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _auftakt_store_error (self, rc, error);
      ok = FALSE;
    }
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NO_SUCH_EVENT,
                   _("“%s” has no event “%s”"), self->display_name, event_id);
      ok = FALSE;
    }
  g_clear_pointer (&stmt, _auftakt_store_release);

  return end_write (self, ok, error);
}

gboolean
auftakt_store_save_schedule (AuftaktStore     *self,
                             const char       *event_id,
                             AuftaktSchedule  *schedule,
                             GError          **error)
{
  gboolean ok;

  g_return_val_if_fail (AUFTAKT_IS_STORE (self), FALSE);
  g_return_val_if_fail (event_id != NULL, FALSE);
  g_return_val_if_fail (schedule == NULL || AUFTAKT_IS_SCHEDULE (schedule), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;

  ok = require_event (self, event_id, error) &&
       _auftakt_store_write_schedule (self, event_id, schedule, error);

  return end_write (self, ok, error);
}

gboolean
auftakt_store_save_event_properties (AuftaktStore  *self,
                                     AuftaktEvent  *event,
                                     GError       **error)
{
  const char *id;
  gboolean ok;

  g_return_val_if_fail (AUFTAKT_IS_STORE (self), FALSE);
  g_return_val_if_fail (AUFTAKT_IS_EVENT (event), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = auftakt_event_get_id (event);
  if (id == NULL)
    {
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NO_SUCH_EVENT,
                   _("The event to save in “%s” has no id"), self->display_name);
      return FALSE;
    }

  if (!begin_write (self, error))
    return FALSE;

  ok = require_event (self, id, error) &&
       _auftakt_store_write_properties (self, event, id, error);

  return end_write (self, ok, error);
}

gboolean
auftakt_store_save_item (AuftaktStore  *self,
                         const char    *event_id,
                         GObject       *item,
                         GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (AUFTAKT_IS_STORE (self), FALSE);
  g_return_val_if_fail (event_id != NULL, FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;

  ok = require_event (self, event_id, error) &&
       _auftakt_store_write_item (self, event_id, item, error);

  return end_write (self, ok, error);
}

gboolean
auftakt_store_delete_item (AuftaktStore  *self,
                           const char    *event_id,
                           GType          item_type,
                           const char    *item_id,
                           GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (AUFTAKT_IS_STORE (self), FALSE);
  g_return_val_if_fail (event_id != NULL, FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;

  ok = require_event (self, event_id, error) &&
       _auftakt_store_remove_item (self, event_id, item_type, item_id, error);

  return end_write (self, ok, error);
}
