/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AUFTAKT_TYPE_TIMETABLE_PAGE (auftakt_timetable_page_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktTimetablePage, auftakt_timetable_page, AUFTAKT, TIMETABLE_PAGE,
                      GtkWidget)

G_END_DECLS
