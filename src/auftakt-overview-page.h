/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "auftakt-page.h"

G_BEGIN_DECLS

#define AUFTAKT_TYPE_OVERVIEW_PAGE (auftakt_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktOverviewPage, auftakt_overview_page, AUFTAKT, OVERVIEW_PAGE, AuftaktPage)

G_END_DECLS
