/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "auftakt-application.h"
#include "auftakt-window.h"

G_BEGIN_DECLS

/* What the GUI tests (tests/test-window.c, tests/test-dataio.c) and the
 * screenshot tool share: waiting with the main loop running, a widget as
 * a PNG, and a real window of one application per test. */

typedef struct {
  AuftaktWindow *window;
} UiTestFixture;

void                ui_test_wait_ms            (guint          ms);
gboolean            ui_test_save_png           (GtkWidget     *widget,
                                                const char    *path,
                                                GError       **error);

AuftaktApplication *ui_test_init               (int           *argc,
                                                char        ***argv,
                                                gboolean       user_locale);
void                ui_test_finish             (void);

void                ui_test_fixture_set_up     (UiTestFixture *fixture,
                                                gconstpointer  data);
void                ui_test_fixture_tear_down  (UiTestFixture *fixture,
                                                gconstpointer  data);

/* Adds the test @func at @path, run in a fresh window: on the demo plan
 * when @plan is "demo", with none when it is NULL. */
#define ui_test_add(path, plan, func) \
  g_test_add ((path), UiTestFixture, (plan), ui_test_fixture_set_up, (func), \
              ui_test_fixture_tear_down)

G_END_DECLS
