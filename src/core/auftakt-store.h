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
  AUFTAKT_STORE_ERROR_NO_SUCH_ITEM,  /* no round, room, ... with that id in the event */
} AuftaktStoreError;

/* PRAGMA user_version of the plans this Auftakt writes.  Raising it means
 * adding one step to the list of migrations in auftakt-store-schema.c. */
#define AUFTAKT_STORE_SCHEMA_VERSION 1

/* PRAGMA application_id of every plan: "Auft" in ASCII. */
#define AUFTAKT_STORE_APPLICATION_ID 0x41756674

#define AUFTAKT_TYPE_STORE (auftakt_store_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktStore, auftakt_store, AUFTAKT, STORE, GObject)

/* A plan file (".auftakt"): one SQLite database holding one or more events.
 *
 * Every function that changes the plan does so in one transaction: it either
 * succeeds completely or leaves the file as it was.  Two AuftaktStores (in
 * one process or in two) may hold the same plan; a writer waits a few
 * seconds for the other one and then fails with AUFTAKT_STORE_ERROR_BUSY.
 * An AuftaktStore is not thread-safe: use it from one thread at a time.
 * Finalizing it closes the database. */

GQuark         auftakt_store_error_quark      (void);

/* Opens an existing plan, upgrading it to AUFTAKT_STORE_SCHEMA_VERSION if it
 * was written by an older Auftakt.  A file it refuses (NOT_A_PLAN, TOO_NEW,
 * DAMAGED) is left untouched. */
AuftaktStore  *auftakt_store_open             (const char       *path,
                                               GError          **error);
/* Builds a new plan holding @event (or no event if NULL) in a temporary file
 * beside @path and moves it into place at the end, so that a failure leaves
 * nothing behind.  An existing @path is refused with EXISTS unless @replace.
 * If @event's id is NULL it is given one (see auftakt_store_add_event()). */
AuftaktStore  *auftakt_store_create           (const char       *path,
                                               gboolean          replace,
                                               AuftaktEvent     *event,
                                               GError          **error);
const char    *auftakt_store_get_path         (AuftaktStore     *self);

/* The ids of the plan's events in their order. */
char         **auftakt_store_list_events      (AuftaktStore     *self,
                                               GError          **error);
/* @event_id if the plan has that event (NO_SUCH_EVENT otherwise); with NULL,
 * the id of the plan's only event (NO_SUCH_EVENT if it has none, AMBIGUOUS,
 * listing the ids, if it has several). */
char          *auftakt_store_resolve_event    (AuftaktStore     *self,
                                               const char       *event_id,
                                               GError          **error);
/* The whole event with its schedule (NULL schedule if none was saved); with
 * @event_id NULL, the plan's only event as in auftakt_store_resolve_event(). */
AuftaktEvent  *auftakt_store_load_event       (AuftaktStore     *self,
                                               const char       *event_id,
                                               GError          **error);
/* Adds @event after the plan's other events.  If its id is NULL, empty or
 * taken, it gets a new one made from its title ("digitale-kommune-potsdam",
 * then "-2", "-3", ...; "event" without a title), set on @event once the
 * event is saved.  INVALID if an item has no id, an id repeats or a
 * reference names nothing. */
gboolean       auftakt_store_add_event        (AuftaktStore     *self,
                                               AuftaktEvent     *event,
                                               GError          **error);
/* Replaces everything the plan holds of the event with @event's id (keeping
 * its place among the events): used when re-importing an event. */
gboolean       auftakt_store_replace_event    (AuftaktStore     *self,
                                               AuftaktEvent     *event,
                                               GError          **error);
gboolean       auftakt_store_remove_event     (AuftaktStore     *self,
                                               const char       *event_id,
                                               GError          **error);
/* Replaces the event's sessions and attendances; NULL removes the schedule. */
gboolean       auftakt_store_save_schedule    (AuftaktStore     *self,
                                               const char       *event_id,
                                               AuftaktSchedule  *schedule,
                                               GError          **error);

/* Fine-grained edits, one transaction each, for writing every change as it
 * happens. */

/* Saves the event's own fields (title, date, venue, description,
 * workshops per participant, unranked cost) under its id. */
gboolean       auftakt_store_save_event_properties (AuftaktStore  *self,
                                                    AuftaktEvent  *event,
                                                    GError       **error);
/* Inserts or updates one AuftaktRound, AuftaktRoom, AuftaktCluster,
 * AuftaktReferee, AuftaktWorkshop, AuftaktParticipant or AuftaktAgendaItem
 * with its lists (unavailable rounds, leads, choices, speakers).  An item
 * already in the plan keeps its place and whatever refers to it; a new one
 * goes after the others of its kind. */
gboolean       auftakt_store_save_item        (AuftaktStore     *self,
                                               const char       *event_id,
                                               GObject          *item,
                                               GError          **error);
/* Deletes one item of @item_type (one of the types above) and what depends
 * on it: an item's lists, choices of a workshop, sessions of a workshop,
 * round or room and attendances of a participant.  Workshops of a deleted
 * cluster and agenda items in a deleted room or round keep existing without
 * it.  NO_SUCH_ITEM if the event has no such item. */
gboolean       auftakt_store_delete_item      (AuftaktStore     *self,
                                               const char       *event_id,
                                               GType             item_type,
                                               const char       *item_id,
                                               GError          **error);

G_END_DECLS
