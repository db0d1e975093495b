/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "auftakt-document.h"

G_BEGIN_DECLS

#define AUFTAKT_TYPE_ITEM_EDITOR (auftakt_item_editor_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktItemEditor, auftakt_item_editor, AUFTAKT, ITEM_EDITOR, AdwWindow)

/* A form for a new item of @item_type (@item NULL) or for changing @item.
 * Each field says at once what is wrong with it; Save is offered only when
 * nothing is. */
GtkWidget *auftakt_item_editor_new      (AuftaktDocument   *document,
                                         GType              item_type,
                                         GObject           *item);
/* A form that sets the fields filled in on all of @items at once (one
 * undoable edit): capacity, organisation, role, unavailable rounds. */
GtkWidget *auftakt_item_editor_new_bulk (AuftaktDocument   *document,
                                         GType              item_type,
                                         GPtrArray         *items);
/* Sets a field as the user would type it; for tests. */
void       auftakt_item_editor_set_text (AuftaktItemEditor *self,
                                         const char        *property,
                                         const char        *text);
gboolean   auftakt_item_editor_is_valid (AuftaktItemEditor *self);
/* The message shown under @property's field, or NULL. */
const char *auftakt_item_editor_get_error (AuftaktItemEditor *self,
                                          const char        *property);
gboolean   auftakt_item_editor_save     (AuftaktItemEditor *self,
                                         GError           **error);

G_END_DECLS
