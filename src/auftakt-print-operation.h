/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "auftakt-print-document.h"
#include "auftakt-window.h"

G_BEGIN_DECLS

#define AUFTAKT_TYPE_PRINT_OPERATION (auftakt_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktPrintOperation, auftakt_print_operation,
                      AUFTAKT, PRINT_OPERATION, GtkPrintOperation)

/* Prints a printout of the core (AuftaktPrintDocument) through GTK: on A4
 * by default, the whole page (the printout has its own margins), with the
 * print dialog's preview.  @event should be a copy the user cannot change
 * while it prints (auftakt_export_actions_snapshot_event). */
AuftaktPrintOperation *auftakt_print_operation_new      (AuftaktEvent          *event,
                                                         AuftaktPrintKind       kind,
                                                         const char            *participant_id);
AuftaktPrintDocument  *auftakt_print_operation_get_document (AuftaktPrintOperation *self);

/* Lays the printout out on A4 in a thread, so that thousands of pages do
 * not freeze the window; begin-print only lays it out again when the
 * chosen paper is not A4. */
void                   auftakt_print_operation_prepare_async  (AuftaktPrintOperation *self,
                                                               GCancellable          *cancellable,
                                                               GAsyncReadyCallback    callback,
                                                               gpointer               user_data);
gboolean               auftakt_print_operation_prepare_finish (AuftaktPrintOperation *self,
                                                               GAsyncResult          *result,
                                                               GError               **error);

/* The pages of @operation (prepared) one at a time, with Print… which
 * runs it with GTK's print dialog. */
GtkWidget             *auftakt_print_preview_new       (GtkWindow             *parent,
                                                        AuftaktPrintOperation *operation);
guint                  auftakt_print_preview_get_page  (GtkWidget             *preview);

/* The dialog before GTK's print dialog: which printout (participants,
 * rooms, referees, agenda, attendance), only the participant selected in
 * the participants section, Preview and Print. */
GtkWidget             *auftakt_print_dialog_new        (AuftaktWindow *window);
void                   auftakt_print_dialog_set_kind   (GtkWidget     *dialog,
                                                        AuftaktPrintKind kind);
/* The participant whose schedule alone would be printed, or NULL. */
const char            *auftakt_print_dialog_get_participant (GtkWidget *dialog);
/* What Preview (TRUE) or Print… do: lay out in a thread, then show. */
void                   auftakt_print_dialog_start      (GtkWidget     *dialog,
                                                        gboolean       preview);

G_END_DECLS
