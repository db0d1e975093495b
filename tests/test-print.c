/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "auftakt-print-document.h"
#include "io-fixture.h"

/* The PDFs are read back with poppler's pdftotext, an independent reader,
 * and every word's box is checked to lie inside the text area. */

static char *
temp_path (const char *name)
{
  return fixture_temp_path (name);
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);

  return out;
}

static char *
pdf_text (const char *path,
          int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);
  const char *all[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *one[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", first, path, "-", NULL };

  return run (page > 0 ? one : all);
}

static guint
n_pages (const char *path)
{
  g_autofree char *text = pdf_text (path, 0);
  guint n = 0;

  /* pdftotext ends every page with a form feed */
  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\f')
      n++;

  return n;
}

/* Every word lies within the margins: in the text area (to y 782), or in
 * the footer below it (800 to 825). */
static void
assert_inside_margins (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *html = run (argv);
  g_autoptr(GRegex) regex = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                         "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                                         G_REGEX_RAW, 0, NULL);  /* no UTF-8 check per match */
  g_autoptr(GMatchInfo) match = NULL;
  guint words = 0;

  g_regex_match (regex, html, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *x0 = g_match_info_fetch (match, 1);
      g_autofree char *y0 = g_match_info_fetch (match, 2);
      g_autofree char *x1 = g_match_info_fetch (match, 3);
      g_autofree char *y1 = g_match_info_fetch (match, 4);
      g_autofree char *word = g_match_info_fetch (match, 5);
      double top = g_ascii_strtod (y0, NULL), bottom = g_ascii_strtod (y1, NULL);

      if (g_ascii_strtod (x0, NULL) < 50 || g_ascii_strtod (x1, NULL) > 545.5 || top < 47 ||
          (bottom > 783 && top < 800) || bottom > 825)
        g_error ("“%s” at %s,%s–%s,%s is outside the text area of %s", word, x0, y0, x1, y1, path);
      words++;
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (words, >, 20);
}

static void
render_first_page (const char *path)
{
  g_autofree char *prefix = temp_path ("auftakt-render");
  g_autofree char *png = g_strdup_printf ("%s.png", prefix);
  const char *argv[] = { "pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", "-singlefile",
                         path, prefix, NULL };
  g_autofree char *out = run (argv);

  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  g_remove (png);
}

static char *
write_pdf (AuftaktEvent     *event,
           AuftaktPrintKind  kind,
           const char       *participant,
           const char       *name)
{
  g_autoptr(AuftaktPrintDocument) document = auftakt_print_document_new (event, kind);
  g_autoptr(GError) error = NULL;
  char *path = temp_path (name);

  auftakt_print_document_set_participant (document, participant);
  g_assert_true (auftakt_print_document_write_pdf (document, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (auftakt_print_document_get_n_pages (document), ==, n_pages (path));

  return path;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not in:\n%s", part, text);
}

static void
test_participants (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (120);
  g_autofree char *path = write_pdf (event, AUFTAKT_PRINT_KIND_PARTICIPANTS, NULL, "p.pdf");
  g_autofree char *first = pdf_text (path, 1);
  g_autofree char *second = pdf_text (path, 2);
  g_autofree char *last = pdf_text (path, 120);

  /* one page each */
  g_assert_cmpuint (n_pages (path), ==, 120);

  assert_contains (first, "Digitale Kommune Potsdam");
  assert_contains (first, "Thursday, 15 March 2018");
  assert_contains (first, "Stadthaus Potsdam, Friedrich-Ebert-Straße 79/81");
  /* (pdftotext joins words hyphenated at the end of a line) */
  assert_contains (first, "Prof. Dr. Maximiliane Müller-Lüdenscheidt");
  assert_contains (first, "Hohenzollern");
  assert_contains (first, "Sigmaringen");
  assert_contains (first, "Arbeitsgruppe Digitalisierungsstrategie");
  assert_contains (first, "11:00–12:15");
  assert_contains (first, "13:00–14:15");
  assert_contains (first, "Verwaltung");
  assert_contains (first, "Mobilität");
  assert_contains (first, "Sitzungssaal 1");
  assert_contains (first, "Markus Thielemann, Aylin");
  assert_contains (first, "Dr. Frederike Ahlers");
  /* the plenary agenda */
  assert_contains (first, "Einleitung und Begrüßung");
  assert_contains (first, "09:00–09:15");
  assert_contains (first, "Plenarsaal");
  assert_contains (first, "Abschlussdiskussion mit den");
  assert_contains (first, "Page 1 of 120");

  assert_contains (second, "Änne Müller");
  assert_contains (second, "Wirtschaft");
  assert_contains (second, "Sitzungssaal 2");
  assert_contains (second, "Bernd Kaltenbach");
  g_assert_null (strstr (second, "Maximiliane"));
  assert_contains (last, "Ólafur");
  assert_contains (last, "Page 120 of 120");

  assert_inside_margins (path);
  render_first_page (path);
  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, fraction);
}

static void
test_progress (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (50);
  g_autoptr(AuftaktPrintDocument) document =
    auftakt_print_document_new (event, AUFTAKT_PRINT_KIND_PARTICIPANTS);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("progress.pdf");

  auftakt_print_document_set_progress_func (document, progress_cb, seen);
  g_assert_true (auftakt_print_document_write_pdf (document, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 50);
  g_assert_cmpfloat_with_epsilon (g_array_index (seen, double, 0), 0.02, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (seen, double, 49), 1.0, 1e-9);
  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_one_participant (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (120);
  g_autofree char *path = write_pdf (event, AUFTAKT_PRINT_KIND_PARTICIPANTS, "P7", "p7.pdf");
  g_autofree char *text = pdf_text (path, 0);

  g_assert_cmpuint (n_pages (path), ==, 1);
  assert_contains (text, "Małgorzata Groß");
  assert_contains (text, "Page 1 of 1");
  g_assert_cmpint (g_remove (path), ==, 0);
}

/* A long agenda still fits one page per participant, smaller. */
static void
test_one_page_each (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (3);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *id = g_strdup_printf ("X%u", i);
      g_autofree char *title = g_strdup_printf ("Zusätzlicher Programmpunkt Nummer %u mit einem "
                                                "recht langen Titel über zwei Zeilen", i + 1);

      fixture_add_item (event, id, NULL, AUFTAKT_AGENDA_KIND_TALK, 16 * 60 + i * 10,
                        16 * 60 + i * 10 + 10, "PL", NULL, title, "F2 F3");
    }

  path = write_pdf (event, AUFTAKT_PRINT_KIND_PARTICIPANTS, NULL, "long.pdf");
  g_assert_cmpuint (n_pages (path), ==, 3);
  text = pdf_text (path, 1);
  assert_contains (text, "Nummer 24");
  assert_contains (text, "Page 1 of 3");
  assert_inside_margins (path);
  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_attendance (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (120);
  g_autofree char *path = write_pdf (event, AUFTAKT_PRINT_KIND_ATTENDANCE, NULL, "a.pdf");
  g_autofree char *first = pdf_text (path, 1);
  g_autofree char *second = pdf_text (path, 2);
  g_autofree char *all = pdf_text (path, 0);

  /* 40 attendees and three empty lines need a second page, headed again */
  assert_contains (first, "Attendance list");
  assert_contains (first, "Verwaltung");
  assert_contains (first, "Workshoprunde 1 · 11:00–12:15 · Sitzungssaal 1");
  assert_contains (first, "Led by Markus Thielemann, Aylin Demirci");
  assert_contains (first, "Signature");
  assert_contains (second, "Attendance list – Verwaltung, 11:00–12:15 (continued)");
  assert_contains (second, "Signature");
  assert_contains (second, "\n43\n");
  g_assert_null (strstr (second, "\n44\n"));
  assert_contains (all, "Prof. Dr. Maximiliane Müller");
  assert_contains (all, "Małgorzata");
  assert_contains (all, "Nguyễn");

  /* every attendee is on the list of the session */
  for (guint i = 1; i <= 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("P%u", i);
      AuftaktParticipant *p = auftakt_event_find_participant (event, id);

      if (i > 1)
        g_assert_nonnull (strstr (all, auftakt_participant_get_name (p)));
    }

  assert_inside_margins (path);
  render_first_page (path);
  g_assert_cmpint (g_remove (path), ==, 0);
}

/* Long German compounds in the organisation column are not broken inside
 * a word while a smaller size lets them fit whole; every word stays in
 * its column. */
static void
test_attendance_long_words (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (6);
  const char * const organisations[] = {
    "Stadtverwaltungsamt",
    "Straßenverkehrsbehörde Landeshauptstadt",
    "Landesamt für Digitalisierung, Breitband und Vermessung",
    "Rechtsschutzversicherungsgesellschaften",
    "Bezirksschornsteinfegermeister Innung Potsdam",
    /* too long for the column even in small print: broken, but inside */
    "Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung",
  };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", "-f", "1", "-l", "1", NULL,
                         "-", NULL };
  g_autofree char *html = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  guint inside = 0;

  for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
    {
      g_autofree char *id = g_strdup_printf ("P%u", i + 1);

      auftakt_participant_set_organisation (auftakt_event_find_participant (event, id),
                                            organisations[i]);
    }
  path = write_pdf (event, AUFTAKT_PRINT_KIND_ATTENDANCE, NULL, "long-words.pdf");
  text = pdf_text (path, 1);
  for (guint i = 0; i + 1 < G_N_ELEMENTS (organisations); i++)
    {
      g_auto(GStrv) words = g_strsplit (organisations[i], " ", -1);

      for (guint j = 0; words[j] != NULL; j++)
        assert_contains (text, words[j]);
    }

  /* The organisation column: 51 + 0.37 × 493.3 to 51 + 0.72 × 493.3 points. */
  argv[8] = path;
  html = run (argv);
  regex = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" xMax=\"([0-9.]+)\" "
                       "yMax=\"[0-9.]+\">([^<]*)</word>", G_REGEX_RAW, 0, NULL);
  g_regex_match (regex, html, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *x0 = g_match_info_fetch (match, 1);
      g_autofree char *x1 = g_match_info_fetch (match, 2);
      g_autofree char *word = g_match_info_fetch (match, 3);

      if (g_str_has_suffix (word, "-"))
        word[strlen (word) - 1] = '\0';
      for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
        if (strstr (organisations[i], word) != NULL && strlen (word) > 8)
          {
            if (g_ascii_strtod (x0, NULL) < 233.5 || g_ascii_strtod (x1, NULL) > 406.5)
              g_error ("“%s” at %s–%s is outside the organisation column", word, x0, x1);
            inside++;
            break;
          }
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (inside, >=, G_N_ELEMENTS (organisations));
  assert_inside_margins (path);
  if (g_getenv ("AUFTAKT_KEEP_PDF") == NULL)
    g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_rooms (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (120);
  g_autofree char *path = write_pdf (event, AUFTAKT_PRINT_KIND_ROOMS, NULL, "r.pdf");
  g_autofree char *plenary = pdf_text (path, 1);
  g_autofree char *m1 = pdf_text (path, 2);

  /* the plenary hall and three workshop rooms */
  g_assert_cmpuint (n_pages (path), ==, 4);
  assert_contains (plenary, "Plenarsaal");
  assert_contains (plenary, "Einleitung und Begrüßung");
  assert_contains (plenary, "12:15–13:00");
  g_assert_null (strstr (plenary, "Verwaltung"));
  assert_contains (m1, "Sitzungssaal 1");
  assert_contains (m1, "11:00–12:15");
  assert_contains (m1, "Verwaltung");
  assert_contains (m1, "13:00–14:15");
  assert_contains (m1, "Mobilität");
  assert_contains (m1, "Workshop · led by Dr. Frederike Ahlers");
  assert_inside_margins (path);
  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_referees (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (120);
  g_autofree char *path = write_pdf (event, AUFTAKT_PRINT_KIND_REFEREES, NULL, "f.pdf");
  g_autofree char *text = pdf_text (path, 0);
  g_autofree char *feldhaus = NULL;
  char *start;

  assert_contains (text, "Dr. Thomas Reinhardt");
  assert_contains (text, "Gastgeber, Landeshauptstadt Potsdam");
  /* Jonas Feldhaus speaks twice and leads a workshop */
  start = strstr (text, "Jonas Feldhaus\nChief Digital Officer");
  g_assert_nonnull (start);
  feldhaus = g_strndup (start, strchr (start, '\f') - start);
  assert_contains (feldhaus, "Lernen von Anderen – national");
  assert_contains (feldhaus, "Wirtschaft");
  assert_contains (feldhaus, "13:00–14:15");
  assert_contains (feldhaus, "Abschlussdiskussion");
  assert_contains (feldhaus, "Wirtschaft, 13:00–14:15: 47 participants");
  assert_inside_margins (path);
  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_agenda (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (120);
  g_autofree char *path = write_pdf (event, AUFTAKT_PRINT_KIND_AGENDA, NULL, "g.pdf");
  g_autofree char *text = pdf_text (path, 0);

  assert_contains (text, "Digitale Kommune Potsdam");
  assert_contains (text, "Workshops – Runde 1");
  assert_contains (text, "• Verwaltung — Sitzungssaal 1 — Markus Thielemann, Aylin");
  assert_contains (text, "Gesellschaftliche Herausforderungen und");
  assert_contains (text, "Städtische Infrastruktur");
  assert_contains (text, "40 participants");
  assert_inside_margins (path);
  render_first_page (path);
  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_errors (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new ();
  g_autoptr(AuftaktEvent) scheduled = fixture_event_new_with_schedule (3);
  g_autoptr(AuftaktPrintDocument) document = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("never.pdf");
  g_autoptr(GDir) dir = NULL;
  const char *name;

  document = auftakt_print_document_new (event, AUFTAKT_PRINT_KIND_PARTICIPANTS);
  g_assert_false (auftakt_print_document_write_pdf (document, path, NULL, &error));
  g_assert_error (error, AUFTAKT_PRINT_ERROR, AUFTAKT_PRINT_ERROR_NO_SCHEDULE);
  g_assert_cmpstr (error->message, ==, "the event potsdam-2018 has no schedule yet");
  g_clear_error (&error);
  g_clear_object (&document);

  document = auftakt_print_document_new (scheduled, AUFTAKT_PRINT_KIND_PARTICIPANTS);
  auftakt_print_document_set_participant (document, "P9");
  g_assert_false (auftakt_print_document_write_pdf (document, path, NULL, &error));
  g_assert_error (error, AUFTAKT_PRINT_ERROR, AUFTAKT_PRINT_ERROR_NO_PARTICIPANT);
  g_clear_error (&error);
  auftakt_print_document_set_participant (document, NULL);

  g_assert_false (auftakt_print_document_write_pdf (document, "/nonexistent/dir/x.pdf", NULL,
                                                    &error));
  g_assert_error (error, AUFTAKT_PRINT_ERROR, AUFTAKT_PRINT_ERROR_WRITE);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/dir/x.pdf: "));
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_false (auftakt_print_document_write_pdf (document, path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&document);

  g_list_store_remove_all (auftakt_event_get_agenda (event));
  document = auftakt_print_document_new (event, AUFTAKT_PRINT_KIND_ROOMS);
  g_assert_false (auftakt_print_document_write_pdf (document, path, NULL, &error));
  g_assert_error (error, AUFTAKT_PRINT_ERROR, AUFTAKT_PRINT_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "no room of the event potsdam-2018 is used");
  g_clear_error (&error);

  /* nothing left behind, not even a temporary file */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  dir = g_dir_open (fixture_temp_dir (), 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".never.pdf-"));
}

static void
test_formats (void)
{
  g_autofree char *date = auftakt_print_format_date ("2018-03-15");
  g_autofree char *leap = auftakt_print_format_date ("2024-02-29");
  g_autofree char *range = auftakt_print_format_time_range (9 * 60 + 5, 12 * 60 + 15);
  AuftaktPrintKind kind;

  g_assert_cmpstr (date, ==, "Thursday, 15 March 2018");
  g_assert_cmpstr (leap, ==, "Thursday, 29 February 2024");
  g_assert_null (auftakt_print_format_date ("2023-02-29"));
  g_assert_null (auftakt_print_format_date ("15.03.2018"));
  g_assert_cmpstr (range, ==, "09:05–12:15");
  g_assert_null (auftakt_print_format_time_range (-1, 60));

  g_assert_true (auftakt_print_kind_from_string ("attendance", &kind));
  g_assert_cmpint (kind, ==, AUFTAKT_PRINT_KIND_ATTENDANCE);
  g_assert_false (auftakt_print_kind_from_string ("posters", &kind));
  g_assert_cmpstr (auftakt_print_kind_to_string (AUFTAKT_PRINT_KIND_ROOMS), ==, "rooms");
}

static gpointer
read_all (gpointer data)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* Opening a FIFO for reading waits for its writer. */
  g_assert_true (g_file_get_contents (data, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* A pipe or a device is written to directly (renaming a file over it
 * would replace it); through a link the file it points to is replaced. */
static void
test_outputs (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (3);
  g_autoptr(AuftaktPrintDocument) document =
    auftakt_print_document_new (event, AUFTAKT_PRINT_KIND_AGENDA);
  g_autofree char *dir = g_dir_make_tmp ("test-print-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *target = g_build_filename (dir, "target.pdf", NULL);
  g_autofree char *link = g_build_filename (dir, "link.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDir) listing = NULL;
  GStatBuf buf;
  GThread *reader;
  gsize length;
  const char *data;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  reader = g_thread_new ("reader", read_all, fifo);
  g_assert_true (auftakt_print_document_write_pdf (document, fifo, NULL, &error));
  g_assert_no_error (error);
  bytes = g_thread_join (reader);
  data = g_bytes_get_data (bytes, &length);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  g_assert_true (g_strstr_len (data + length - 8, 8, "%%EOF") != NULL);
  g_assert_cmpint (g_lstat (fifo, &buf), ==, 0);
  g_assert_true (S_ISFIFO (buf.st_mode));

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("target.pdf", link), ==, 0);
  g_assert_true (auftakt_print_document_write_pdf (document, link, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link, &buf), ==, 0);
  g_assert_true (S_ISLNK (buf.st_mode));
  text = pdf_text (target, 0);
  assert_contains (text, "Digitale Kommune Potsdam");

  /* A device that refuses: the error names it. */
  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_assert_false (auftakt_print_document_write_pdf (document, "/dev/full", NULL, &error));
      g_assert_error (error, AUFTAKT_PRINT_ERROR, AUFTAKT_PRINT_ERROR_WRITE);
      g_assert_true (g_str_has_prefix (error->message, "/dev/full: "));
      g_clear_error (&error);
    }

  /* No temporary file left beside the target. */
  listing = g_dir_open (dir, 0, NULL);
  for (const char *name; (name = g_dir_read_name (listing)) != NULL; )
    g_assert_false (name[0] == '.');

  g_remove (fifo);
  g_remove (link);
  g_remove (target);
  g_rmdir (dir);
}

/* GtkPrintOperation's way: paginate for its page size, draw page by page. */
static void
test_paginate_letter (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (40);
  g_autoptr(AuftaktPrintDocument) document =
    auftakt_print_document_new (event, AUFTAKT_PRINT_KIND_ATTENDANCE);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_true (auftakt_print_document_paginate (document, 612, 792, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (auftakt_print_document_get_n_pages (document), >=, 3);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 612, 792);
  cr = cairo_create (surface);
  for (guint i = 0; i < auftakt_print_document_get_n_pages (document); i++)
    auftakt_print_document_draw_page (document, cr, i);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

typedef struct {
  AuftaktPrintDocument *document;
  gint                  done;
} ThreadData;

static gpointer
paginate_thread (gpointer data)
{
  ThreadData *thread_data = data;
  g_autoptr(GError) error = NULL;
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  /* Each width lays every cell out anew.  (Before the fix, 9 runs in 10
   * failed here; under the sanitizers the time limit ends it.) */
  for (guint i = 0; i < 150 && g_get_monotonic_time () < end; i++)
    {
      g_assert_true (auftakt_print_document_paginate (thread_data->document, 595 - i, 842, NULL,
                                                      &error));
      g_assert_no_error (error);
    }
  g_atomic_int_set (&thread_data->done, TRUE);
  return NULL;
}

/* The window lays a printout out in a worker thread while GTK measures
 * its labels with the main thread's default font map.  A PangoFcFontMap
 * has no lock: sharing it corrupted its fontset cache (GLib's "corrupted
 * double-linked list detected" in the print preview).  Here the main
 * thread measures text with its default font map meanwhile. */
static void
test_threads (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (40);
  g_autoptr(AuftaktPrintDocument) document =
    auftakt_print_document_new (event, AUFTAKT_PRINT_KIND_ATTENDANCE);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoLayout *layout = pango_layout_new (context);
  const char * const fonts[] = { "Sans 8.5", "Sans 9.5", "Sans Bold 12", "Serif 10" };
  ThreadData thread_data = { document, FALSE };
  GThread *thread;
  guint n = 0;

  pango_layout_set_text (layout, "Teilnehmende · Ärztekammer – Stadtverwaltungsamt", -1);
  thread = g_thread_new ("paginate", paginate_thread, &thread_data);
  while (!g_atomic_int_get (&thread_data.done))
    {
      PangoFontDescription *font = pango_font_description_from_string (fonts[n++ % 4]);
      int height;

      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_get_size (layout, NULL, &height);
      g_assert_cmpint (height, >, 0);
    }
  g_thread_join (thread);
  g_test_message ("%u layouts measured meanwhile", n);
  g_assert_cmpuint (auftakt_print_document_get_n_pages (document), >, 3);
  g_object_unref (layout);
  g_object_unref (context);
}

static void
test_demo (void)
{
  g_autoptr(AuftaktEvent) event = fixture_demo_event_new ();
  AuftaktPrintKind kinds[] = { AUFTAKT_PRINT_KIND_PARTICIPANTS, AUFTAKT_PRINT_KIND_ROOMS,
                               AUFTAKT_PRINT_KIND_REFEREES, AUFTAKT_PRINT_KIND_AGENDA,
                               AUFTAKT_PRINT_KIND_ATTENDANCE };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      /* (one participant: the fixture prints them all) */
      const char *participant = kinds[i] == AUFTAKT_PRINT_KIND_PARTICIPANTS ? "P1" : NULL;
      g_autofree char *path = write_pdf (event, kinds[i], participant, "demo.pdf");

      if (participant != NULL)
        {
          g_autofree char *text = pdf_text (path, 0);

          g_assert_cmpuint (n_pages (path), ==, 1);
          assert_contains (text, "Dr. Volker Möller");
        }
      if (kinds[i] == AUFTAKT_PRINT_KIND_AGENDA)
        {
          g_autofree char *text = pdf_text (path, 0);

          assert_contains (text, "Interne Auftaktveranstaltung");
          assert_contains (text, "Lernen von Anderen – international");
        }
      assert_inside_margins (path);
      g_assert_cmpint (g_remove (path), ==, 0);
    }
}

/* (run() is hidden in test_cli() by its FixtureRun) */
static char *
run_command (const char * const *argv)
{
  return run (argv);
}

static void
test_cli (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (45);
  g_autoptr(AuftaktEvent) unscheduled = fixture_event_new ();
  g_autofree char *plan = temp_path ("print.auftakt");
  g_autofree char *bare = temp_path ("bare.auftakt");
  g_autofree char *out = temp_path ("cli.pdf");
  g_autofree char *line = NULL;
  g_autofree char *text = NULL;
  g_auto(FixtureRun) run = { 0, };
  const char *kinds[] = { "rooms", "referees", "agenda", "attendance" };

  fixture_create_plan (plan, event);
  fixture_create_plan (bare, unscheduled);

  fixture_run_cli (&run, "print", plan, "--kind", "participants", "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  line = fixture_machine_line (&run);
  g_assert_cmpstr (line, ==, "pages=45");
  g_clear_pointer (&line, g_free);
  g_assert_cmpuint (n_pages (out), ==, 45);

  fixture_run_cli (&run, "print", plan, "--kind", "participants", "--participant", "P2",
                   "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (out, 0);
  assert_contains (text, "Änne Müller");
  g_assert_cmpuint (n_pages (out), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      fixture_run_cli (&run, "print", plan, "--kind", kinds[i], "-o", out, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_str_has_prefix (run.out, "Wrote "));
    }
  g_assert_cmpint (g_remove (out), ==, 0);

  /* failures leave no file behind */
  fixture_run_cli (&run, "print", bare, "--kind", "attendance", "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "the event potsdam-2018 has no schedule yet"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  fixture_run_cli (&run, "print", plan, "--kind", "participants", "--participant", "P999",
                   "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  fixture_run_cli (&run, "print", plan, "--kind", "posters", "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 2);
  fixture_run_cli (&run, "print", plan, "--kind", "rooms", "--participant", "P1", "-o", out,
                   NULL);
  g_assert_cmpint (run.status, ==, 2);
  fixture_run_cli (&run, "print", plan, "--kind", "rooms", NULL);
  g_assert_cmpint (run.status, ==, 2);
  fixture_run_cli (&run, "print", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* -o /dev/stdout: the PDF alone on stdout, the report on stderr. */
  fixture_run_cli (&run, "print", plan, "--kind", "agenda", "-o", "/dev/stdout", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "%PDF-"));
  g_assert_nonnull (strstr (run.err, "\npages=1\n"));
  {
    const char *script = "\"$AUFTAKT_CLI\" print \"$1\" --kind agenda -o /dev/stdout | "
                         "pdftotext - - && "
                         "\"$AUFTAKT_CLI\" print \"$1\" --kind agenda -o /dev/stdout > \"$2\"";
    const char *argv[] = { "sh", "-c", script, "sh", plan, out, NULL };
    g_autofree char *piped = run_command (argv);
    g_autofree char *redirected = pdf_text (out, 0);

    assert_contains (piped, "Digitale Kommune Potsdam");
    assert_contains (redirected, "Digitale Kommune Potsdam");
    g_assert_cmpint (g_remove (out), ==, 0);
  }

  g_assert_cmpint (g_remove (plan), ==, 0);
  g_assert_cmpint (g_remove (bare), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/print/formats", test_formats);
  g_test_add_func ("/print/participants", test_participants);
  g_test_add_func ("/print/participants/one", test_one_participant);
  g_test_add_func ("/print/participants/one-page-each", test_one_page_each);
  g_test_add_func ("/print/attendance", test_attendance);
  g_test_add_func ("/print/attendance/long-words", test_attendance_long_words);
  g_test_add_func ("/print/rooms", test_rooms);
  g_test_add_func ("/print/referees", test_referees);
  g_test_add_func ("/print/agenda", test_agenda);
  g_test_add_func ("/print/errors", test_errors);
  g_test_add_func ("/print/outputs", test_outputs);
  g_test_add_func ("/print/paginate-letter", test_paginate_letter);
  g_test_add_func ("/print/progress", test_progress);
  g_test_add_func ("/print/threads", test_threads);
  g_test_add_func ("/print/demo", test_demo);
  g_test_add_func ("/print/cli", test_cli);

  return g_test_run ();
}
