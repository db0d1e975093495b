/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <glib-unix.h>

/* auftakt-cli as scripts use it: exit statuses, machine lines, messages
 * about files, and nothing half-done (CONTRACTS.md). */

typedef struct {
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static const char *
bench_dir (void)
{
  const char *dir = g_getenv ("AUFTAKT_BENCH_DIR");

  g_assert_nonnull (dir);
  return dir;
}

static char *
instance (const char *name)
{
  return g_build_filename (bench_dir (), "instances", name, NULL);
}

/* argv without the program; NULL-terminated */
static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("AUFTAKT_CLI"));
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static int
run_python (const char *script,
            const char *a,
            const char *b,
            char      **out)
{
  g_autofree char *path = g_build_filename (bench_dir (), script, NULL);
  const char *argv[] = { "python3", path, a, b, NULL };
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  return WEXITSTATUS (wait_status);
}

static char *
last_line (const char *text)
{
  g_autofree char *copy = g_strchomp (g_strdup (text));
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);
  guint n = g_strv_length (lines);

  return g_strdup (n ? lines[n - 1] : "");
}

static char *work_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (work_dir, name, NULL);
}

static void
remove_work_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (work_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (work_dir);
  g_clear_pointer (&work_dir, g_free);
}

static void
test_help (void)
{
  const char *commands[] = { "import", "export", "check" };

  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "--help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      g_assert_nonnull (strstr (run.out, commands[i]));
  }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };
      run_cli (&run, commands[i], "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, commands[i]));
    }

  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "frobnicate", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "frobnicate"));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "frobnicate", "--help", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "import", "--no-such-flag", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
}

static void
test_import_export_round_trip (void)
{
  g_autofree char *event = instance ("potsdam-s1.xml");
  g_autofree char *plan = tmp_path ("potsdam.auftakt");
  g_autofree char *out = tmp_path ("potsdam-out.xml");
  g_autofree char *diff = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "import", event, "-o", plan, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  g_assert_true (g_file_get_contents (plan, &before, &before_len, NULL));

  /* an existing plan is refused without --force, and stays as it was */
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "import", event, "-o", plan, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, plan));
  }
  g_assert_true (g_file_get_contents (plan, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "import", event, "-o", plan, "--force", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "export", plan, "--format", "event", "-o", out, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  g_assert_cmpint (run_python ("same_event.py", event, out, &diff), ==, 0);

  /* an output that is the plan itself is refused, and the plan survives */
  {
    const char *commands[][7] = {
      { "solve", plan, "-o", plan, NULL },
      { "print", plan, "--kind", "agenda", "-o", plan, NULL },
      { "export", plan, "--format", "ics", "-o", plan, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        g_auto(Run) run = { 0 };
        g_autofree char *kept = NULL;
        gsize kept_len;

        run_cli (&run, commands[i][0], commands[i][1], commands[i][2], commands[i][3],
                 commands[i][4], commands[i][5], commands[i][6], NULL);
        g_assert_cmpint (run.status, ==, 2);
        g_assert_true (g_file_get_contents (plan, &kept, &kept_len, NULL));
        g_assert_true (g_str_has_prefix (kept, "SQLite format 3"));
      }
  }

  /* no schedule yet */
  {
    g_autofree char *schedule = tmp_path ("potsdam-schedule.xml");
    g_auto(Run) run = { 0 };
    run_cli (&run, "export", plan, "--format", "schedule", "-o", schedule, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_false (g_file_test (schedule, G_FILE_TEST_EXISTS));
  }

  /* -o naming the plan itself would lose it */
  g_clear_pointer (&before, g_free);
  g_assert_true (g_file_get_contents (plan, &before, &before_len, NULL));
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "export", plan, "--format", "event", "-o", plan, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (plan, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_bad_input_leaves_nothing (void)
{
  g_autofree char *bad = tmp_path ("bad.xml");
  g_autofree char *plan = tmp_path ("bad.auftakt");

  g_assert_true (g_file_set_contents (bad, "<?xml version=\"1.0\"?>\n<event version=\"1\">\n"
                                           "  <round id=\"R1\">\n</event>\n", -1, NULL));
  {
    g_auto(Run) run = { 0 };
    g_autofree char *prefix = g_strdup_printf ("%s:", bad);
    run_cli (&run, "import", bad, "-o", plan, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_true (g_str_has_prefix (run.err, prefix));
    g_assert_true (g_ascii_isdigit (run.err[strlen (prefix)]));
  }
  g_assert_false (g_file_test (plan, G_FILE_TEST_EXISTS));

  {
    g_auto(Run) run = { 0 };
    g_autofree char *line = NULL;
    run_cli (&run, "check", bad, bad, NULL);
    g_assert_cmpint (run.status, ==, 2);
    line = last_line (run.out);
    g_assert_cmpstr (line, ==, "valid=0 cost=NA top_k_share=NA unranked_share=NA "
                               "participants=NA sessions=NA");
  }

  /* a plan that is not one */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *out = tmp_path ("never.xml");
    run_cli (&run, "export", bad, "--format", "event", "-o", out, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
}

/* The schedule check.py judges valid, and the same with one attendee
 * removed: auftakt-cli agrees on verdict and cost. */
static void
test_check_agrees_with_check_py (void)
{
  g_autofree char *event = instance ("medium-s1.xml");
  g_autofree char *greedy = g_build_filename (bench_dir (), "greedy.py", NULL);
  g_autofree char *schedule = tmp_path ("greedy.xml");
  g_autofree char *broken = tmp_path ("broken.xml");
  g_autofree char *text = NULL;
  const char *argv[] = { "python3", greedy, event, "-o", schedule, NULL };
  const char *files[] = { schedule, broken };
  g_autoptr(GError) error = NULL;
  char *attendee;
  int wait_status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (schedule, &text, NULL, NULL));

  /* someone now misses a workshop */
  attendee = strstr (text, "<attendee ");
  g_assert_nonnull (attendee);
  memmove (attendee, strchr (attendee, '>') + 1, strlen (strchr (attendee, '>') + 1) + 1);
  g_assert_true (g_file_set_contents (broken, text, -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *want_out = NULL;
      g_autofree char *want = NULL;
      g_autofree char *got = NULL;
      int want_status = run_python ("check.py", event, files[i], &want_out);

      run_cli (&run, "check", event, files[i], NULL);
      want = last_line (want_out);
      got = last_line (run.out);
      g_assert_cmpint (run.status, ==, want_status);
      if (want_status == 0)
        g_assert_cmpstr (got, ==, want);
      else
        g_assert_true (g_str_has_prefix (got, "valid=0 "));
    }
}

static void
test_several_events_need_event (void)
{
  g_autofree char *potsdam = instance ("potsdam-s1.xml");
  g_autofree char *medium = instance ("medium-s1.xml");
  g_autofree char *plan = tmp_path ("two.auftakt");
  g_autofree char *out = tmp_path ("two.xml");
  g_autofree char *first_id = NULL;

  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "import", potsdam, "-o", plan, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "import", medium, "--into", plan, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "export", plan, "--format", "event", "-o", out, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    /* the message lists the ids: the potsdam one is its title's slug */
    g_assert_nonnull (strstr (run.err, "digitale-kommune-potsdam"));
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *diff = NULL;
    run_cli (&run, "export", plan, "--event", "digitale-kommune-potsdam",
             "--format", "event", "-o", out, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpint (run_python ("same_event.py", potsdam, out, &diff), ==, 0);
  }
}

/* A schedule imported with its event is checked from the plan alone. */
static void
test_check_plan_schedule (void)
{
  g_autofree char *event = instance ("potsdam-s1.xml");
  g_autofree char *greedy = g_build_filename (bench_dir (), "greedy.py", NULL);
  g_autofree char *schedule = tmp_path ("p-greedy.xml");
  g_autofree char *plan = tmp_path ("p.auftakt");
  g_autofree char *want_out = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  const char *argv[] = { "python3", greedy, event, "-o", schedule, NULL };
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) check = { 0 };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  run_cli (&run, "import", event, schedule, "-o", plan, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&check, "check", plan, NULL);
  g_assert_cmpint (run_python ("check.py", event, schedule, &want_out), ==, check.status);
  want = last_line (want_out);
  got = last_line (check.out);
  g_assert_cmpstr (got, ==, want);
}

/* `auftakt-cli check <(…) SCHEDULE.xml`: the event comes through a pipe,
 * which must not lose its first bytes to the test for a plan. */
static void
test_check_event_from_pipe (void)
{
  g_autofree char *event = instance ("potsdam-s1.xml");
  g_autofree char *text = NULL;
  g_autofree char *fd_path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *got = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("AUFTAKT_CLI"), "check", NULL, NULL, NULL };
  gsize len;
  int fds[2];
  int wait_status;

  g_assert_true (g_file_get_contents (event, &text, &len, NULL));
  g_assert_cmpuint (len, <, 65536);  /* fits in the pipe before the reader starts */
  g_assert_true (g_unix_open_pipe (fds, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (write (fds[1], text, len), ==, (gssize) len);
  close (fds[1]);

  /* an empty schedule: its verdict needs the whole event */
  fd_path = g_strdup_printf ("/dev/fd/%d", fds[0]);
  argv[2] = fd_path;
  argv[3] = g_build_filename (work_dir, "pipe-schedule.xml", NULL);
  g_assert_true (g_file_set_contents (argv[3], "<schedule version=\"1\"/>\n", -1, NULL));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_LEAVE_DESCRIPTORS_OPEN |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  close (fds[0]);
  g_free ((char *) argv[3]);

  got = last_line (out);
  g_assert_true (g_str_has_prefix (got, "valid=0 cost=0 "));
  g_assert_nonnull (strstr (got, " participants=125 "));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 1);
}

/* "--" ends the options, so that a file may start with "-". */
static void
test_double_dash (void)
{
  g_autofree char *event = instance ("potsdam-s1.xml");
  g_autofree char *text = NULL;
  g_autofree char *dash = tmp_path ("-event.xml");
  g_autofree char *plan = tmp_path ("dash.auftakt");
  gsize len;

  g_assert_true (g_file_get_contents (event, &text, &len, NULL));
  g_assert_true (g_file_set_contents (dash, text, len, NULL));

  {
    g_auto(Run) run = { 0 };
    g_autofree char *cwd = g_get_current_dir ();

    /* relative, so that the name starts with "-" */
    g_assert_cmpint (g_chdir (work_dir), ==, 0);
    run_cli (&run, "import", "-o", plan, "--", "-event.xml", NULL);
    g_assert_cmpint (g_chdir (cwd), ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "check", "--", plan, NULL);
    g_assert_cmpint (run.status, ==, 2);
    /* the plan was read: it holds no schedule */
    g_assert_null (strstr (run.out, "--"));
    g_assert_nonnull (strstr (run.out, "no schedule"));
  }
}

static gboolean
has_hidden_file (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] == '.')
      return TRUE;
  return FALSE;
}

/* Stopped while it writes the plan, import leaves no temporary file. */
static void
test_import_interrupted (void)
{
  g_autofree char *event = tmp_path ("big.xml");
  g_autofree char *plan = tmp_path ("big.auftakt");
  g_autoptr(GString) text = g_string_new ("<event version=\"1\">\n"
                                          "  <round id=\"R1\"/><round id=\"R2\"/>\n"
                                          "  <workshop id=\"W1\"/><workshop id=\"W2\"/>\n");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("AUFTAKT_CLI"), "import", event, "-o", plan, NULL };
  gboolean seen = FALSE;
  GPid pid;
  int wait_status;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "  <participant id=\"P%u\" name=\"Person %u\">"
                                  "<choice workshop=\"W1\" rank=\"1\"/>"
                                  "<choice workshop=\"W2\" rank=\"2\"/></participant>\n", i, i);
  g_string_append (text, "</event>\n");
  g_assert_true (g_file_set_contents (event, text->str, text->len, NULL));

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD |
                 G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  /* wait for the temporary plan, then stop the import */
  for (guint i = 0; i < 60000 && !seen; i++)
    {
      seen = has_hidden_file (work_dir);
      if (!seen && waitpid (pid, &wait_status, WNOHANG) == pid)
        break;
      if (!seen)
        g_usleep (500);
    }
  if (!seen)
    {
      g_test_skip ("the import ended before it could be stopped");
      g_unlink (plan);
      return;
    }
  kill (pid, SIGTERM);
  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  g_spawn_close_pid (pid);

  g_assert_false (has_hidden_file (work_dir));
  g_unlink (plan);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/import-export-round-trip", test_import_export_round_trip);
  g_test_add_func ("/cli/bad-input-leaves-nothing", test_bad_input_leaves_nothing);
  g_test_add_func ("/cli/check-agrees-with-check-py", test_check_agrees_with_check_py);
  g_test_add_func ("/cli/several-events-need-event", test_several_events_need_event);
  g_test_add_func ("/cli/check-plan-schedule", test_check_plan_schedule);
  g_test_add_func ("/cli/check-event-from-pipe", test_check_event_from_pipe);
  g_test_add_func ("/cli/double-dash", test_double_dash);
  g_test_add_func ("/cli/import-interrupted", test_import_interrupted);

  work_dir = g_dir_make_tmp ("auftakt-cli-XXXXXX", NULL);
  g_assert_nonnull (work_dir);
  status = g_test_run ();
  remove_work_dir ();

  return status;
}
