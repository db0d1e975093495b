/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "auftakt-page.h"

G_BEGIN_DECLS

#define AUFTAKT_TYPE_AGENDA_PAGE (auftakt_agenda_page_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktAgendaPage, auftakt_agenda_page, AUFTAKT, AGENDA_PAGE, AuftaktPage)

G_END_DECLS
