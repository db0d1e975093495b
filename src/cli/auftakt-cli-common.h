/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "auftakt-event.h"
#include "auftakt-store.h"

G_BEGIN_DECLS

/* Exit statuses of every command (CONTRACTS.md). */
enum {
  AUFTAKT_EXIT_OK = 0,
  AUFTAKT_EXIT_NO = 1,     /* the command ran and the answer is "no" */
  AUFTAKT_EXIT_USAGE = 2,  /* bad usage, or an input that cannot be read */
};

typedef struct {
  const char *name;
  const char *parameters;   /* e.g. "EVENT.xml [SCHEDULE.xml]" */
  const char *summary;      /* translatable, N_() */
  const char *description;  /* translatable, N_(), may be NULL */
  int (*run) (int argc, char **argv);
} AuftaktCliCommand;

int           auftakt_cli_import     (int argc, char **argv);
int           auftakt_cli_export     (int argc, char **argv);
int           auftakt_cli_check      (int argc, char **argv);
int           auftakt_cli_import_csv (int argc, char **argv);
int           auftakt_cli_print      (int argc, char **argv);
int           auftakt_cli_solve      (int argc, char **argv);

const AuftaktCliCommand *auftakt_cli_find_command (const char *name);

GOptionContext *auftakt_cli_option_context (const AuftaktCliCommand *command,
                                            const GOptionEntry      *entries);
gboolean      auftakt_cli_parse      (const AuftaktCliCommand *command,
                                      const GOptionEntry      *entries,
                                      int                     *argc,
                                      char                  ***argv,
                                      int                     *status);
int           auftakt_cli_usage_error (const char *command,
                                       const char *format,
                                       ...) G_GNUC_PRINTF (2, 3);
int           auftakt_cli_fail       (const char   *path,
                                      const GError *error);
gboolean      auftakt_cli_is_plan    (const char *path);
gboolean      auftakt_cli_is_same_file (const char *a,
                                        const char *b);
AuftaktEvent *auftakt_cli_load_plan_event (const char    *path,
                                           const char    *event_id,
                                           AuftaktStore **store_out,
                                           GError       **error);

G_END_DECLS
