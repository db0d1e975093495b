/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "auftakt-check.h"
#include "auftakt-event.h"
#include "auftakt-store.h"

G_BEGIN_DECLS

#define AUFTAKT_TYPE_DOCUMENT (auftakt_document_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktDocument, auftakt_document, AUFTAKT, DOCUMENT, GObject)

/* One event of an open plan, as the window edits it: every edit changes the
 * model, is written to the plan at once and can be undone.  Emits "changed"
 * after every edit, undo and redo. */

AuftaktDocument    *auftakt_document_open              (const char       *path,
                                                        const char       *event_id,
                                                        GError          **error);
AuftaktDocument    *auftakt_document_create            (const char       *path,
                                                        gboolean          replace,
                                                        AuftaktEvent     *event,
                                                        GError          **error);
const char         *auftakt_document_get_path          (AuftaktDocument  *self);
AuftaktStore       *auftakt_document_get_store         (AuftaktDocument  *self);
AuftaktEvent       *auftakt_document_get_event         (AuftaktDocument  *self);
const char         *auftakt_document_get_title         (AuftaktDocument  *self);

/* Borrowed, computed when first asked after a change; NULL without a
 * schedule. */
AuftaktCheckReport *auftakt_document_get_report        (AuftaktDocument  *self);
/* Titles of the workshops @participant attends, in round order ("" if
 * none); borrowed. */
const char         *auftakt_document_get_attended      (AuftaktDocument  *self,
                                                        const char       *participant);
/* The GListStore holding items of @item_type (AUFTAKT_TYPE_ROOM, ...). */
GListStore         *auftakt_document_get_list          (AuftaktDocument  *self,
                                                        GType             item_type);
GObject            *auftakt_document_copy_item         (GObject          *item);
AuftaktSchedule    *auftakt_document_copy_schedule     (AuftaktSchedule  *schedule);
char               *auftakt_document_make_id           (AuftaktDocument  *self,
                                                        GType             item_type,
                                                        const char       *prefix);

/* Edits.  @item is a new object (a copy of the old one, changed): it
 * replaces the item with the same id or is added after the others. */
gboolean            auftakt_document_save_item         (AuftaktDocument  *self,
                                                        GObject          *item,
                                                        GError          **error);
/* Replaces several items of one type as one undoable edit (a bulk edit). */
gboolean            auftakt_document_save_items        (AuftaktDocument  *self,
                                                        GPtrArray        *items,
                                                        const char       *label,
                                                        GError          **error);
/* Deletes items and updates what refers to them (choices, leads, speakers,
 * sessions, attendances), as one undoable edit. */
gboolean            auftakt_document_delete_items      (AuftaktDocument  *self,
                                                        GType             item_type,
                                                        const char * const *ids,
                                                        GError          **error);
/* Deletes the items of @item_type with @delete_ids (as delete_items) and
 * saves @items of that type (as save_items), as one undoable edit: an
 * import that removes, adds and changes at once. */
gboolean            auftakt_document_delete_and_save_items (AuftaktDocument *self,
                                                        GType             item_type,
                                                        const char * const *delete_ids,
                                                        GPtrArray        *items,
                                                        const char       *label,
                                                        GError          **error);
gboolean            auftakt_document_save_event_properties (AuftaktDocument *self,
                                                        const char       *title,
                                                        const char       *date,
                                                        const char       *venue,
                                                        GError          **error);
/* Replaces the schedule (NULL: none) with @schedule, which the document
 * takes over. */
gboolean            auftakt_document_set_schedule      (AuftaktDocument  *self,
                                                        AuftaktSchedule  *schedule,
                                                        const char       *label,
                                                        GError          **error);

gboolean            auftakt_document_can_undo          (AuftaktDocument  *self);
gboolean            auftakt_document_can_redo          (AuftaktDocument  *self);
/* A short description of the edit that undo would take back. */
const char         *auftakt_document_get_undo_label    (AuftaktDocument  *self);
gboolean            auftakt_document_undo              (AuftaktDocument  *self,
                                                        GError          **error);
gboolean            auftakt_document_redo              (AuftaktDocument  *self,
                                                        GError          **error);

G_END_DECLS
