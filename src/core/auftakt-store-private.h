/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "auftakt-store.h"

G_BEGIN_DECLS

/* One forward step of the schema: run on a plan whose user_version is
 * @from_version, it leaves the plan at @from_version + 1.  The steps run in
 * one transaction with foreign keys off (so that a step may rebuild a table)
 * and PRAGMA foreign_key_check must pass before the transaction commits. */
typedef struct {
  int         from_version;
  const char *sql;
} AuftaktStoreMigration;

/* auftakt-store-schema.c */
extern const AuftaktStoreMigration _auftakt_store_migrations[];
extern const gsize                 _auftakt_store_n_migrations;

gboolean   _auftakt_store_create_schema   (sqlite3                     *db,
                                           const char                  *display_name,
                                           GError                     **error);
gboolean   _auftakt_store_migrate         (sqlite3                     *db,
                                           const char                  *display_name,
                                           const AuftaktStoreMigration *steps,
                                           gsize                        n_steps,
                                           int                          target_version,
                                           GError                     **error);
gboolean   _auftakt_store_exec            (sqlite3                     *db,
                                           const char                  *display_name,
                                           const char                  *sql,
                                           GError                     **error);
int        _auftakt_store_query_int       (sqlite3                     *db,
                                           const char                  *sql,
                                           int                         *rc);
void       _auftakt_store_set_db_error    (GError                     **error,
                                           sqlite3                     *db,
                                           const char                  *display_name,
                                           int                          rc);

/* auftakt-store.c */
sqlite3_stmt *_auftakt_store_prepare      (AuftaktStore                *self,
                                           const char                  *sql,
                                           GError                     **error);
void          _auftakt_store_release      (sqlite3_stmt                *stmt);
void          _auftakt_store_error        (AuftaktStore                *self,
                                           int                          rc,
                                           GError                     **error);
const char   *_auftakt_store_get_display_name (AuftaktStore            *self);
gboolean      _auftakt_store_event_exists (AuftaktStore                *self,
                                           const char                  *event_id,
                                           GError                     **error);

/* A prepared statement borrowed from the store's cache: reset and unbound
 * when the variable goes out of scope, so that no statement keeps a read
 * lock on the plan between calls. */
typedef sqlite3_stmt AuftaktStoreStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AuftaktStoreStmt, _auftakt_store_release)

/* auftakt-store-write.c: these run inside a transaction the caller holds. */
gboolean   _auftakt_store_write_event     (AuftaktStore                *self,
                                           AuftaktEvent                *event,
                                           const char                  *event_id,
                                           gint64                       position,
                                           GError                     **error);
gboolean   _auftakt_store_write_schedule  (AuftaktStore                *self,
                                           const char                  *event_id,
                                           AuftaktSchedule             *schedule,
                                           GError                     **error);
gboolean   _auftakt_store_write_properties (AuftaktStore               *self,
                                            AuftaktEvent               *event,
                                            const char                 *event_id,
                                            GError                    **error);
gboolean   _auftakt_store_write_item      (AuftaktStore                *self,
                                           const char                  *event_id,
                                           GObject                     *item,
                                           GError                     **error);
gboolean   _auftakt_store_remove_item     (AuftaktStore                *self,
                                           const char                  *event_id,
                                           GType                        item_type,
                                           const char                  *item_id,
                                           GError                     **error);

/* auftakt-store-read.c */
AuftaktEvent *_auftakt_store_read_event   (AuftaktStore                *self,
                                           const char                  *event_id,
                                           GError                     **error);

G_END_DECLS
