/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "auftakt-event.h"

G_BEGIN_DECLS

/* Who and what can take part in which round: the unavailabilities the
 * organiser entered, and the plenary agenda items that overlap a round
 * (their speakers and their room are busy then). The check and the solver
 * both ask here, so they agree. */
typedef struct _AuftaktAvailability AuftaktAvailability;

AuftaktAvailability *auftakt_availability_new          (AuftaktEvent        *event);
void                 auftakt_availability_free         (AuftaktAvailability *self);

gboolean             auftakt_availability_room         (AuftaktAvailability *self,
                                                        const char          *room,
                                                        const char          *round,
                                                        AuftaktAgendaItem  **busy_with);
gboolean             auftakt_availability_referee      (AuftaktAvailability *self,
                                                        const char          *referee,
                                                        const char          *round,
                                                        AuftaktAgendaItem  **busy_with);
gboolean             auftakt_availability_workshop     (AuftaktAvailability *self,
                                                        const char          *workshop,
                                                        const char          *round);
gboolean             auftakt_availability_participant  (AuftaktAvailability *self,
                                                        const char          *participant,
                                                        const char          *round);

gboolean             auftakt_agenda_item_overlaps_round (AuftaktAgendaItem *item,
                                                         AuftaktRound      *round);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AuftaktAvailability, auftakt_availability_free)

G_END_DECLS
