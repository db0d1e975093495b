/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "auftakt-document.h"
#include "auftakt-window.h"

G_BEGIN_DECLS

/* The window's data in and out: import registrations (CSV), print, and the
 * exports other than the exchange format (iCalendar, frab, CSV).  Installed
 * into AuftaktWindow's class so that they are win.* actions. */

typedef enum {
  AUFTAKT_EXPORT_FORMAT_ICS,
  AUFTAKT_EXPORT_FORMAT_FRAB,
  AUFTAKT_EXPORT_FORMAT_CSV,
  AUFTAKT_EXPORT_FORMAT_CSV_EXCEL,
} AuftaktExportFormat;

/* win.import-registrations, win.print, win.export-ics, win.export-frab,
 * win.export-csv, win.export-csv-excel and their shortcuts. */
void          auftakt_export_actions_install        (GtkWidgetClass *widget_class);
/* Enables them as the window's document allows. */
void          auftakt_export_actions_update         (AuftaktWindow  *window);

/* A deep copy of the document's event (items and schedule), for work in
 * another thread while the user goes on editing. */
AuftaktEvent *auftakt_export_actions_snapshot_event (AuftaktDocument *document);

/* Writes the window's event in @format to @file in a thread; on success a
 * toast, on failure a message dialog.  @callback (may be NULL) is called
 * when done. */
void          auftakt_export_actions_export_async   (AuftaktWindow        *window,
                                                     AuftaktExportFormat   format,
                                                     GFile                *file,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean      auftakt_export_actions_export_finish  (AuftaktWindow        *window,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
