/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AUFTAKT_CSV_ERROR (auftakt_csv_error_quark ())

typedef enum {
  AUFTAKT_CSV_ERROR_READ,       /* cannot open or read the file */
  AUFTAKT_CSV_ERROR_EMPTY,      /* no header line */
  AUFTAKT_CSV_ERROR_ENCODING,   /* neither UTF-8, UTF-16 with BOM nor Windows-1252 */
  AUFTAKT_CSV_ERROR_MALFORMED,  /* a quoted field that never ends */
} AuftaktCsvError;

/* The encoding a file was read in. */
typedef enum {
  AUFTAKT_CSV_ENCODING_UTF8,
  AUFTAKT_CSV_ENCODING_UTF8_BOM,
  AUFTAKT_CSV_ENCODING_UTF16,         /* with a byte order mark, as Excel's "Unicode text" */
  AUFTAKT_CSV_ENCODING_WINDOWS_1252,  /* what a German Excel writes as "CSV" */
} AuftaktCsvEncoding;

#define AUFTAKT_TYPE_CSV (auftakt_csv_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktCsv, auftakt_csv, AUFTAKT, CSV, GObject)

/* A CSV file read whole: its records as UTF-8 fields, each with the line
 * (1-based, as an editor shows it) where the record starts.  Record 0 is
 * the first one in the file, usually the header.  Empty lines are skipped;
 * an Excel "sep=;" first line sets the separator and is not a record.
 *
 * The separator (';', ',', tab or '|') is the one the first record uses
 * most outside quotes.  Fields follow RFC 4180 ("" inside quotes is one ");
 * a quoted field may hold separators and line breaks, which are returned
 * as "\n". */

GQuark              auftakt_csv_error_quark     (void);

AuftaktCsv         *auftakt_csv_new_from_file   (const char  *path,
                                                 GError     **error);
/* @display_name prefixes every error message ("NAME:LINE: ..."). */
AuftaktCsv         *auftakt_csv_new_from_data   (const char  *data,
                                                 gsize        length,
                                                 const char  *display_name,
                                                 GError     **error);

const char         *auftakt_csv_get_display_name (AuftaktCsv *self);
char                auftakt_csv_get_separator   (AuftaktCsv  *self);
AuftaktCsvEncoding  auftakt_csv_get_encoding    (AuftaktCsv  *self);
const char         *auftakt_csv_encoding_get_label (AuftaktCsvEncoding encoding);

guint               auftakt_csv_get_n_records   (AuftaktCsv  *self);
/* The record's fields, NULL-terminated; never NULL for a valid index. */
const char * const *auftakt_csv_get_record      (AuftaktCsv  *self,
                                                 guint        record);
guint               auftakt_csv_get_n_fields    (AuftaktCsv  *self,
                                                 guint        record);
/* NULL past the record's last field. */
const char         *auftakt_csv_get_field       (AuftaktCsv  *self,
                                                 guint        record,
                                                 guint        field);
guint               auftakt_csv_get_line        (AuftaktCsv  *self,
                                                 guint        record);

G_END_DECLS
