/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "auftakt-application.h"
#include "auftakt-document.h"

G_BEGIN_DECLS

#define AUFTAKT_TYPE_WINDOW (auftakt_window_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktWindow, auftakt_window, AUFTAKT, WINDOW, AdwApplicationWindow)

AuftaktWindow   *auftakt_window_new             (AuftaktApplication *application);
/* Errors go to @error, or with NULL to a toast. */
gboolean         auftakt_window_open_file       (AuftaktWindow      *self,
                                                 GFile              *file,
                                                 GError            **error);
gboolean         auftakt_window_open_demo       (AuftaktWindow      *self,
                                                 GError            **error);
/* Adds the event of an exchange-format file to the open plan (or makes it
 * a new plan in the user's data directory) and shows it. */
gboolean         auftakt_window_import_file     (AuftaktWindow      *self,
                                                 GFile              *file,
                                                 GError            **error);
/* Shows another event of the open plan. */
gboolean         auftakt_window_switch_event    (AuftaktWindow      *self,
                                                 const char         *event_id,
                                                 GError            **error);
AuftaktDocument *auftakt_window_get_document    (AuftaktWindow      *self);
void             auftakt_window_set_section     (AuftaktWindow      *self,
                                                 const char         *name);
const char      *auftakt_window_get_section     (AuftaktWindow      *self);
GtkWidget       *auftakt_window_get_page        (AuftaktWindow      *self,
                                                 const char         *name);
void             auftakt_window_add_toast       (AuftaktWindow      *self,
                                                 AdwToast           *toast);
/* Shows @error as a toast. */
void             auftakt_window_show_error      (AuftaktWindow      *self,
                                                 const GError       *error);
/* Gives every button, menu button and switch below @widget an accessible
 * name from its tooltip or label (GTK 4.8 names icon-only buttons after
 * their image), so that screen readers and AT-SPI tests find them. */
void             auftakt_window_name_controls   (GtkWidget          *widget);

G_END_DECLS
