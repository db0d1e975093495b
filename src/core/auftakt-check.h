/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "auftakt-event.h"

G_BEGIN_DECLS

/* The hard rules of the exchange format (FORMAT.md), numbered as there. */
typedef enum {
  AUFTAKT_CHECK_RULE_FORMAT = 0,   /* the schedule file itself */
  AUFTAKT_CHECK_RULE_SESSION = 1,  /* names, room available */
  AUFTAKT_CHECK_RULE_CLASH = 2,    /* one session per room/workshop and round; max-runs */
  AUFTAKT_CHECK_RULE_SEATS = 3,    /* capacity, workshop min/max, not empty */
  AUFTAKT_CHECK_RULE_ATTENDANCE = 4,  /* K sessions, K rounds, K workshops */
  AUFTAKT_CHECK_RULE_REFEREE = 5,  /* no double booking, available */
} AuftaktCheckRule;

/* One broken rule, with what it is about so that the window can show it
 * where it happens. The ids may be NULL. */
typedef struct {
  AuftaktCheckRule  rule;
  char             *message;
  char             *workshop;
  char             *round;
  char             *room;
  char             *participant;
} AuftaktViolation;

typedef struct {
  gboolean   valid;
  gint64     cost;
  guint      n_participants;
  guint      n_sessions;
  guint      n_top_k;        /* every attendance ranked at most K */
  guint      n_first_choice; /* got their first choice */
  guint      n_unranked;     /* got at least one workshop they did not rank */
  GPtrArray *violations;     /* of AuftaktViolation */
} AuftaktCheckReport;

AuftaktCheckReport *auftakt_check_schedule              (AuftaktEvent       *event,
                                                         AuftaktSchedule    *schedule,
                                                         GPtrArray          *format_problems);
void                auftakt_check_report_free           (AuftaktCheckReport *report);
char               *auftakt_check_report_to_machine_line (AuftaktCheckReport *report);
char               *auftakt_check_unreadable_machine_line (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AuftaktCheckReport, auftakt_check_report_free)

G_END_DECLS
