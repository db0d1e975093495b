/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "auftakt-document.h"

G_BEGIN_DECLS

#define AUFTAKT_TYPE_PAGE (auftakt_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (AuftaktPage, auftakt_page, AUFTAKT, PAGE, GtkWidget)

/* A section of the window: shows the document of its "document" property
 * (an AuftaktDocument or NULL) and follows its "changed" signal. */
struct _AuftaktPageClass
{
  GtkWidgetClass parent_class;

  /* The page got another document (or NULL): forget what was kept of the
   * old one.  Called before document_changed. */
  void (*document_set)     (AuftaktPage *self);
  /* The page got another document, or its document changed: show it. */
  void (*document_changed) (AuftaktPage *self);
};

AuftaktDocument *auftakt_page_get_document     (AuftaktPage     *self);
void             auftakt_page_set_document     (AuftaktPage     *self,
                                                AuftaktDocument *document);
/* Drops the document without calling the class's functions.  A page whose
 * template widgets might still reach the document while they are torn down
 * calls it in its dispose before disposing the template: AuftaktPage's own
 * dispose runs only after the subclass's. */
void             auftakt_page_release_document (AuftaktPage     *self);

G_END_DECLS
