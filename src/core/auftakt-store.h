/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "auftakt-event.h"

G_BEGIN_DECLS

#define AUFTAKT_STORE_ERROR (auftakt_store_error_quark ())

typedef enum {
  AUFTAKT_STORE_ERROR_IO,            /* cannot open, read or write the file */
  AUFTAKT_STORE_ERROR_NOT_A_PLAN,    /* not SQLite, or SQLite but not Auftakt's */
  AUFTAKT_STORE_ERROR_DAMAGED,       /* an Auftakt plan that fails its integrity check */
  AUFTAKT_STORE_ERROR_TOO_NEW,       /* written by a newer Auftakt */
  AUFTAKT_STORE_ERROR_EXISTS,        /* refusing to replace an existing file */
  AUFTAKT_STORE_ERROR_BUSY,          /* another process holds the plan */
  AUFTAKT_STORE_ERROR_NO_SUCH_EVENT,
  AUFTAKT_STORE_ERROR_AMBIGUOUS,     /* several events and none was named */
  AUFTAKT_STORE_ERROR_INVALID,       /* the data breaks a rule of the plan */
} AuftaktStoreError;

#define AUFTAKT_STORE_SCHEMA_VERSION 1

#define AUFTAKT_TYPE_STORE (auftakt_store_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktStore, auftakt_store, AUFTAKT, STORE, GObject)

GQuark         auftakt_store_error_quark      (void);

AuftaktStore  *auftakt_store_open             (const char       *path,
                                               GError          **error);
AuftaktStore  *auftakt_store_create           (const char       *path,
                                               gboolean          replace,
                                               AuftaktEvent     *event,
                                               GError          **error);
const char    *auftakt_store_get_path         (AuftaktStore     *self);
char         **auftakt_store_list_events      (AuftaktStore     *self,
                                               GError          **error);
char          *auftakt_store_resolve_event    (AuftaktStore     *self,
                                               const char       *event_id,
                                               GError          **error);
AuftaktEvent  *auftakt_store_load_event       (AuftaktStore     *self,
                                               const char       *event_id,
                                               GError          **error);
gboolean       auftakt_store_add_event        (AuftaktStore     *self,
                                               AuftaktEvent     *event,
                                               GError          **error);
gboolean       auftakt_store_replace_event    (AuftaktStore     *self,
                                               AuftaktEvent     *event,
                                               GError          **error);
gboolean       auftakt_store_remove_event     (AuftaktStore     *self,
                                               const char       *event_id,
                                               GError          **error);
gboolean       auftakt_store_save_schedule    (AuftaktStore     *self,
                                               const char       *event_id,
                                               AuftaktSchedule  *schedule,
                                               GError          **error);

G_END_DECLS
