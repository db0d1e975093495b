/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "auftakt-page.h"

G_BEGIN_DECLS

#define AUFTAKT_TYPE_WORKSHOPS_PAGE (auftakt_workshops_page_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktWorkshopsPage, auftakt_workshops_page, AUFTAKT, WORKSHOPS_PAGE,
                      AuftaktPage)

/* Draws a small round swatch of @colour (#rrggbb), for clusters. */
GtkWidget *auftakt_colour_swatch_new (const char *colour);

G_END_DECLS
