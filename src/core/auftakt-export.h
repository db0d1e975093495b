/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "auftakt-event.h"

G_BEGIN_DECLS

/* What the calendar, frab, CSV exports and the printouts share. */

#define AUFTAKT_EXPORT_ERROR (auftakt_export_error_quark ())

typedef enum {
  AUFTAKT_EXPORT_ERROR_WRITE,           /* cannot write the output file */
  AUFTAKT_EXPORT_ERROR_NO_DATE,         /* the event has no (valid) date */
  AUFTAKT_EXPORT_ERROR_NO_TIME,         /* a round or agenda item has no start or end */
  AUFTAKT_EXPORT_ERROR_NO_SCHEDULE,     /* the event has no schedule yet */
  AUFTAKT_EXPORT_ERROR_NO_PARTICIPANT,  /* no participant with the given id */
} AuftaktExportError;

/* The time zone of every event: Auftakt plans events in Germany. */
#define AUFTAKT_EXPORT_TIME_ZONE "Europe/Berlin"

/* One thing on the day's timetable: a plenary agenda item or a session. */
typedef struct {
  int                start;    /* minutes after midnight */
  int                end;
  AuftaktAgendaItem *item;     /* or NULL */
  AuftaktSession    *session;  /* or NULL */
} AuftaktTimetableEntry;

GQuark      auftakt_export_error_quark    (void);

/* A UUID (version 5, RFC 4122) of the NULL-terminated @first, ...: the same
 * parts always give the same UUID, so that re-exports update calendar
 * entries and schedule apps' favourites instead of duplicating them. */
char       *auftakt_export_uuid           (const char *first,
                                           ...) G_GNUC_NULL_TERMINATED;

/* The event's date at @minutes after midnight in AUFTAKT_EXPORT_TIME_ZONE. */
GDateTime  *auftakt_export_date_time      (AuftaktEvent  *event,
                                           int            minutes,
                                           GError       **error);
gboolean    auftakt_export_parse_date     (const char    *date,
                                           int           *year,
                                           int           *month,
                                           int           *day);

/* participant id → GPtrArray of the AuftaktSessions they attend, by round. */
GHashTable *auftakt_export_sessions_by_participant (AuftaktEvent *event);

/* The day in time order: plenary items (but not the workshop rounds
 * themselves, whose sessions stand for them) and sessions — those of the
 * event's schedule, or @sessions when it is not NULL.  Entries without a
 * time (start -1) come first.  Returns a GArray of AuftaktTimetableEntry
 * whose pointers are borrowed from the event. */
GArray     *auftakt_export_timetable      (AuftaktEvent  *event,
                                           GPtrArray     *sessions);

/* "Name, Name" of the referees @ids names (the id where one has no name). */
char       *auftakt_export_referee_names  (AuftaktEvent       *event,
                                           const char * const *ids);

/* A UTC time for DTSTAMP and the like: $SOURCE_DATE_EPOCH if set, else now. */
GDateTime  *auftakt_export_now_utc        (void);

/* Writes @contents to @path through a temporary file, so that a failure
 * leaves no half-written file behind. */
gboolean    auftakt_export_write_file     (const char    *path,
                                           const char    *contents,
                                           gsize          length,
                                           GError       **error);

G_END_DECLS
