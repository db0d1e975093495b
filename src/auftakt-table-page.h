/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "auftakt-page.h"

G_BEGIN_DECLS

#define AUFTAKT_TYPE_TABLE_PAGE (auftakt_table_page_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktTablePage, auftakt_table_page, AUFTAKT, TABLE_PAGE, AuftaktPage)

/* A searchable, sortable table of the rooms, referees or participants. */
GtkWidget   *auftakt_table_page_new            (GType             item_type);
GType        auftakt_table_page_get_item_type  (AuftaktTablePage *self);
GtkEditable *auftakt_table_page_get_search     (AuftaktTablePage *self);
/* Rows shown after filtering (some may still be pending while filtering
 * runs in the background); the filter's pending count. */
guint        auftakt_table_page_get_n_shown    (AuftaktTablePage *self);
guint        auftakt_table_page_get_n_pending  (AuftaktTablePage *self);
GtkColumnView *auftakt_table_page_get_column_view (AuftaktTablePage *self);

G_END_DECLS
