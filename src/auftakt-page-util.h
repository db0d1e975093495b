/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "auftakt-window.h"

G_BEGIN_DECLS

/* What the window's section pages share.  @page is one of them: a widget
 * with a "document" property (an AuftaktDocument or NULL). */

/* The window @page is shown in, or NULL while it is in none. */
AuftaktWindow *auftakt_page_get_window        (GtkWidget    *page);
/* Shows @error in @page's window, or logs it while the page is in none. */
void           auftakt_page_show_error        (GtkWidget    *page,
                                               const GError *error);
/* Shows @message in a toast that offers to undo what it tells of. */
void           auftakt_page_show_undo_toast   (GtkWidget    *page,
                                               const char   *message);
/* Opens the form for @item, or with NULL for a new item of @item_type,
 * over @page's window; does nothing while the page has no document. */
void           auftakt_page_open_editor       (GtkWidget    *page,
                                               GType         item_type,
                                               GObject      *item);
/* Flat icon buttons for a row or group that shows @item: one opens its
 * form, the other deletes it and offers to undo that in a toast. */
GtkWidget     *auftakt_page_edit_button_new   (GtkWidget    *page,
                                               GObject      *item,
                                               const char   *tooltip);
GtkWidget     *auftakt_page_delete_button_new (GtkWidget    *page,
                                               GObject      *item,
                                               const char   *tooltip);
/* Adds both buttons to @row; activating the row edits @item. */
void           auftakt_page_add_item_buttons  (GtkWidget    *page,
                                               AdwActionRow *row,
                                               GObject      *item,
                                               const char   *edit_tooltip,
                                               const char   *delete_tooltip);

G_END_DECLS
