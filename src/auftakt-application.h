/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AUFTAKT_TYPE_APPLICATION (auftakt_application_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktApplication, auftakt_application, AUFTAKT, APPLICATION,
                      AdwApplication)

AuftaktApplication *auftakt_application_new              (GApplicationFlags   flags);
GSettings          *auftakt_application_get_settings     (AuftaktApplication *self);
/* Puts @file first in the recent plans and remembers it as the last one. */
void                auftakt_application_add_recent       (AuftaktApplication *self,
                                                          GFile              *file);
/* The bundled demo event: installed, or in the source tree when run from
 * the build directory. */
char               *auftakt_application_find_demo        (void);

G_END_DECLS
