/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "auftakt-event.h"

G_BEGIN_DECLS

gboolean auftakt_xml_write_event    (AuftaktEvent     *event,
                                     const char       *path,
                                     GError          **error);
gboolean auftakt_xml_write_schedule (AuftaktSchedule  *schedule,
                                     const char       *path,
                                     GError          **error);

G_END_DECLS
