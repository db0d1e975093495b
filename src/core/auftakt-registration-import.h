/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "auftakt-csv.h"
#include "auftakt-event.h"

G_BEGIN_DECLS

#define AUFTAKT_REGISTRATION_IMPORT_ERROR (auftakt_registration_import_error_quark ())

typedef enum {
  AUFTAKT_REGISTRATION_IMPORT_ERROR_MAP,       /* a --map names no column or no field */
  AUFTAKT_REGISTRATION_IMPORT_ERROR_COLUMNS,   /* no column for the name or the e-mail */
  AUFTAKT_REGISTRATION_IMPORT_ERROR_BAD_ROWS,  /* rows with problems, not to be skipped */
  AUFTAKT_REGISTRATION_IMPORT_ERROR_NO_ROWS,   /* a header and nothing below it */
} AuftaktRegistrationImportError;

/* What a column of the registrations holds.  The names (to_string) are
 * those of `auftakt-cli import-csv --map COLUMN=FIELD`. */
typedef enum {
  AUFTAKT_IMPORT_FIELD_IGNORE,
  AUFTAKT_IMPORT_FIELD_NAME,
  AUFTAKT_IMPORT_FIELD_FIRST_NAME,
  AUFTAKT_IMPORT_FIELD_LAST_NAME,
  AUFTAKT_IMPORT_FIELD_ORGANISATION,
  AUFTAKT_IMPORT_FIELD_EMAIL,
  AUFTAKT_IMPORT_FIELD_CHOICE_1,
  /* ... up to choice 9 */
  AUFTAKT_IMPORT_FIELD_LAST = AUFTAKT_IMPORT_FIELD_CHOICE_1 + 8,
} AuftaktImportField;

#define AUFTAKT_IMPORT_MAX_CHOICES 9
#define AUFTAKT_IMPORT_FIELD_CHOICE(rank) \
  ((AuftaktImportField) (AUFTAKT_IMPORT_FIELD_CHOICE_1 + (rank) - 1))

typedef enum {
  AUFTAKT_IMPORT_ROW_NEW,        /* a participant the event does not have yet */
  AUFTAKT_IMPORT_ROW_CHANGED,    /* a participant (same e-mail) whose data changed */
  AUFTAKT_IMPORT_ROW_UNCHANGED,
  AUFTAKT_IMPORT_ROW_BAD,        /* has problems: fails the import, or is skipped */
} AuftaktImportRowStatus;

/* One registration as it will be imported. */
typedef struct {
  guint                   line;         /* where the record starts */
  AuftaktImportRowStatus  status;
  char                   *participant;  /* the matched participant's id; NULL if new or bad */
  char                   *name;
  char                   *organisation;
  char                   *email;
  char                  **choices;      /* workshop ids, first choice first; never NULL */
} AuftaktImportRow;

/* A problem with a row, for "FILE:LINE: message". */
typedef struct {
  guint  line;
  char  *message;  /* translated, without the "FILE:LINE: " prefix */
} AuftaktImportProblem;

typedef struct {
  guint added;
  guint changed;
  guint removed;
  guint unchanged;
  guint skipped;
} AuftaktImportSummary;

#define AUFTAKT_TYPE_REGISTRATION_IMPORT (auftakt_registration_import_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktRegistrationImport, auftakt_registration_import,
                      AUFTAKT, REGISTRATION_IMPORT, GObject)

/* Reading registrations into an event, in three steps: the columns are
 * mapped to fields automatically from their headers (Nachname, Vorname,
 * E-Mail, Behörde, Wunsch 1, 1. Wahl, Erstwunsch, First choice, ...), the
 * organiser may correct the mapping, prepare() reads every row against
 * the event (rows and problems for a preview), and apply() changes the
 * event's participants all at once or not at all.
 *
 * Participants are matched by e-mail address (ignoring case): a matched
 * one is updated and keeps its id, one not in the file is removed (with
 * its attendances), new ones get the next free id "P<n>".  Participants
 * without an e-mail address are never matched nor removed. */

GQuark              auftakt_registration_import_error_quark (void);

const char         *auftakt_import_field_to_string    (AuftaktImportField  field);
gboolean            auftakt_import_field_from_string  (const char         *text,
                                                       AuftaktImportField *field);
const char         *auftakt_import_field_get_label    (AuftaktImportField  field);

AuftaktRegistrationImport *
                    auftakt_registration_import_new   (AuftaktCsv         *csv,
                                                       AuftaktEvent       *event);
AuftaktCsv         *auftakt_registration_import_get_csv   (AuftaktRegistrationImport *self);
AuftaktEvent       *auftakt_registration_import_get_event (AuftaktRegistrationImport *self);

/* The header's columns (record 0 of the CSV). */
guint               auftakt_registration_import_get_n_columns    (AuftaktRegistrationImport *self);
const char         *auftakt_registration_import_get_column_title (AuftaktRegistrationImport *self,
                                                                  guint column);
AuftaktImportField  auftakt_registration_import_get_column_field (AuftaktRegistrationImport *self,
                                                                  guint column);
/* Maps @column to @field; a column that held @field before is ignored from now on. */
void                auftakt_registration_import_set_column_field (AuftaktRegistrationImport *self,
                                                                  guint                      column,
                                                                  AuftaktImportField         field);
/* Applies "COLUMN=FIELD": COLUMN is the header text or the 1-based column
 * number.  Mapping one field twice this way is an error. */
gboolean            auftakt_registration_import_map   (AuftaktRegistrationImport *self,
                                                       const char                *spec,
                                                       GError                   **error);

/* Reads every row with the current mapping.  FALSE (COLUMNS) when no
 * column holds the name or the e-mail address, FALSE (NO_ROWS) when the
 * file has no registration at all (which would remove everyone); problems
 * with single rows are not errors here but listed by get_problems(). */
gboolean            auftakt_registration_import_prepare (AuftaktRegistrationImport *self,
                                                         GError                   **error);
guint               auftakt_registration_import_get_n_rows   (AuftaktRegistrationImport *self);
const AuftaktImportRow *
                    auftakt_registration_import_get_row      (AuftaktRegistrationImport *self,
                                                              guint                      row);
guint               auftakt_registration_import_get_n_problems (AuftaktRegistrationImport *self);
const AuftaktImportProblem *
                    auftakt_registration_import_get_problem  (AuftaktRegistrationImport *self,
                                                              guint                      problem);
/* What apply() would do, bad rows counted as skipped. */
void                auftakt_registration_import_get_summary  (AuftaktRegistrationImport *self,
                                                              AuftaktImportSummary      *summary);

/* Changes the event's participants (and drops removed ones from its
 * schedule).  With problems and not @skip_bad_rows: FALSE (BAD_ROWS) and
 * the event is left as it was. */
gboolean            auftakt_registration_import_apply  (AuftaktRegistrationImport *self,
                                                        gboolean                   skip_bad_rows,
                                                        GError                   **error);

G_END_DECLS
