/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "auftakt-event.h"

G_BEGIN_DECLS

#define AUFTAKT_PRINT_ERROR (auftakt_print_error_quark ())

typedef enum {
  AUFTAKT_PRINT_ERROR_WRITE,           /* cannot write the PDF */
  AUFTAKT_PRINT_ERROR_NO_SCHEDULE,     /* the printout needs a schedule */
  AUFTAKT_PRINT_ERROR_NO_PARTICIPANT,  /* no participant with the given id */
  AUFTAKT_PRINT_ERROR_EMPTY,           /* nothing to print (no participants, ...) */
  AUFTAKT_PRINT_ERROR_CANCELLED,
} AuftaktPrintError;

/* What to print; the names are those of `auftakt-cli print --kind`. */
typedef enum {
  AUFTAKT_PRINT_KIND_PARTICIPANTS,  /* a personal schedule per participant, one page each */
  AUFTAKT_PRINT_KIND_ROOMS,         /* a door sign per room with its sessions of the day */
  AUFTAKT_PRINT_KIND_REFEREES,      /* a schedule per referee and speaker */
  AUFTAKT_PRINT_KIND_AGENDA,        /* the agenda overview with the workshop rounds */
  AUFTAKT_PRINT_KIND_ATTENDANCE,    /* an attendance list with signatures per session */
} AuftaktPrintKind;

#define AUFTAKT_PRINT_KIND_LAST AUFTAKT_PRINT_KIND_ATTENDANCE

/* A4 in points */
#define AUFTAKT_PRINT_A4_WIDTH  595.2756
#define AUFTAKT_PRINT_A4_HEIGHT 841.8898

#define AUFTAKT_TYPE_PRINT_DOCUMENT (auftakt_print_document_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktPrintDocument, auftakt_print_document,
                      AUFTAKT, PRINT_DOCUMENT, GObject)

/* A printout of an event, laid out with Pango and drawn with cairo: into a
 * PDF (write_pdf) or, page by page, into any cairo context of the given
 * size (paginate, then draw_page — what GtkPrintOperation's begin-print
 * and draw-page need).  Dates and times are formatted in the user's
 * language (German: "Donnerstag, 15. März 2018", "11:00–12:15 Uhr").
 * It measures with a Pango font map of its own, so any thread may lay it
 * out or draw it while others use Pango — one thread at a time per
 * document. */

GQuark                auftakt_print_error_quark         (void);

const char           *auftakt_print_kind_to_string      (AuftaktPrintKind  kind);
gboolean              auftakt_print_kind_from_string    (const char       *text,
                                                         AuftaktPrintKind *kind);

AuftaktPrintDocument *auftakt_print_document_new        (AuftaktEvent         *event,
                                                         AuftaktPrintKind      kind);
AuftaktPrintKind      auftakt_print_document_get_kind   (AuftaktPrintDocument *self);
/* Print only this participant's schedule (kind participants). */
void                  auftakt_print_document_set_participant (AuftaktPrintDocument *self,
                                                              const char           *participant_id);

/* Lays the printout out on pages of @width × @height points. */
gboolean              auftakt_print_document_paginate   (AuftaktPrintDocument *self,
                                                         double                width,
                                                         double                height,
                                                         GCancellable         *cancellable,
                                                         GError              **error);
guint                 auftakt_print_document_get_n_pages (AuftaktPrintDocument *self);
/* Draws @page (0-based) at the origin of @cr, in points. */
void                  auftakt_print_document_draw_page  (AuftaktPrintDocument *self,
                                                         cairo_t              *cr,
                                                         guint                 page);

/* Called from write_pdf() (in its thread) after each page with the share
 * done, 0 to 1: for a progress bar while thousands of pages are written. */
typedef void (*AuftaktPrintProgressFunc) (double   fraction,
                                          gpointer user_data);

void auftakt_print_document_set_progress_func (AuftaktPrintDocument     *self,
                                               AuftaktPrintProgressFunc  func,
                                               gpointer                  user_data);

/* Paginates for A4 and writes a PDF through a temporary file: a failure
 * or cancellation leaves nothing at @path.  Through a symbolic link the
 * file it points to is replaced; a device or a pipe (/dev/stdout) is
 * written to directly. */
gboolean              auftakt_print_document_write_pdf  (AuftaktPrintDocument *self,
                                                         const char           *path,
                                                         GCancellable         *cancellable,
                                                         GError              **error);

/* "Thursday, 15 March 2018" for "2018-03-15", in the user's language;
 * NULL if @date is not YYYY-MM-DD. */
char                 *auftakt_print_format_date         (const char *date);
/* "11:00–12:15" (German "11:00–12:15 Uhr"); NULL if either is unset. */
char                 *auftakt_print_format_time_range   (int         start,
                                                         int         end);

G_END_DECLS
