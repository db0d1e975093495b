/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "auftakt-registration-import.h"
#include "auftakt-window.h"

G_BEGIN_DECLS

#define AUFTAKT_TYPE_REGISTRATION_DIALOG (auftakt_registration_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktRegistrationDialog, auftakt_registration_dialog,
                      AUFTAKT, REGISTRATION_DIALOG, AdwWindow)

/* Importing registrations from a CSV file into the window's event: the
 * file is read in a thread, then each column gets a field (guessed from
 * its header, which the organiser may change), the first rows and every
 * problem with its line are shown with what the import would do, and
 * Import changes the participants through the document (undoable). */

AuftaktRegistrationDialog *auftakt_registration_dialog_new (AuftaktWindow *window);
/* Asks for a CSV file, then shows the dialog for it. */
void                auftakt_registration_dialog_choose_file (AuftaktWindow *window);

/* Reads @file in a thread; "notify::loading" when done. */
void                auftakt_registration_dialog_load_file  (AuftaktRegistrationDialog *self,
                                                            GFile                     *file);
gboolean            auftakt_registration_dialog_get_loading (AuftaktRegistrationDialog *self);
/* NULL before the file is read or when it could not be. */
AuftaktRegistrationImport *
                    auftakt_registration_dialog_get_import (AuftaktRegistrationDialog *self);
/* What the dialog says the import will do, as shown. */
const char         *auftakt_registration_dialog_get_summary (AuftaktRegistrationDialog *self);
/* Changes the field of a column as the organiser would in its row. */
void                auftakt_registration_dialog_set_column_field (AuftaktRegistrationDialog *self,
                                                                  guint                      column,
                                                                  AuftaktImportField         field);
void                auftakt_registration_dialog_set_skip_bad_rows (AuftaktRegistrationDialog *self,
                                                                   gboolean                   skip);
gboolean            auftakt_registration_dialog_get_can_import (AuftaktRegistrationDialog *self);
/* What the Import button does; closes the dialog on success. */
gboolean            auftakt_registration_dialog_import (AuftaktRegistrationDialog *self,
                                                        GError                   **error);

G_END_DECLS
