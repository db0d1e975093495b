/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "auftakt-csv.h"
#include "auftakt-registration-import.h"
#include "io-fixture.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
}

static AuftaktCsv *
read_csv (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  AuftaktCsv *csv = auftakt_csv_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  return csv;
}

static AuftaktParticipant *
participant_by_email (AuftaktEvent *event,
                      const char   *email)
{
  GListModel *list = G_LIST_MODEL (auftakt_event_get_participants (event));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AuftaktParticipant) p = g_list_model_get_item (list, i);

      if (g_ascii_strcasecmp (auftakt_participant_get_email (p), email) == 0)
        return p;
    }

  return NULL;
}

static void
assert_choices (AuftaktParticipant *p,
                const char         *expected)
{
  g_autofree char *joined = g_strjoinv (" ", (char **) auftakt_participant_get_choices (p));

  g_assert_cmpstr (joined, ==, expected);
}

static guint
n_participants (AuftaktEvent *event)
{
  return g_list_model_get_n_items (G_LIST_MODEL (auftakt_event_get_participants (event)));
}

/* Imports @name into @event (no bad rows expected) and checks the summary. */
static void
import_file (AuftaktEvent *event,
             const char   *name,
             guint         added,
             guint         changed,
             guint         removed,
             guint         unchanged)
{
  g_autoptr(AuftaktCsv) csv = read_csv (name);
  g_autoptr(AuftaktRegistrationImport) import = auftakt_registration_import_new (csv, event);
  g_autoptr(GError) error = NULL;
  AuftaktImportSummary summary;

  g_assert_true (auftakt_registration_import_prepare (import, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < auftakt_registration_import_get_n_problems (import); i++)
    g_test_message ("%u: %s", auftakt_registration_import_get_problem (import, i)->line,
                    auftakt_registration_import_get_problem (import, i)->message);
  g_assert_cmpuint (auftakt_registration_import_get_n_problems (import), ==, 0);

  auftakt_registration_import_get_summary (import, &summary);
  g_assert_cmpuint (summary.added, ==, added);
  g_assert_cmpuint (summary.changed, ==, changed);
  g_assert_cmpuint (summary.removed, ==, removed);
  g_assert_cmpuint (summary.unchanged, ==, unchanged);
  g_assert_cmpuint (summary.skipped, ==, 0);

  g_assert_true (auftakt_registration_import_apply (import, FALSE, &error));
  g_assert_no_error (error);
}

static void
test_excel_windows_1252 (void)
{
  g_autoptr(AuftaktCsv) csv = read_csv ("excel-de-cp1252.csv");
  g_autoptr(AuftaktEvent) event = fixture_event_new ();
  g_autoptr(AuftaktRegistrationImport) import = NULL;
  AuftaktParticipant *p;

  g_assert_cmpint (auftakt_csv_get_encoding (csv), ==, AUFTAKT_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpint (auftakt_csv_get_separator (csv), ==, ';');
  /* header, four people (one over two lines), two rows of separators only */
  g_assert_cmpuint (auftakt_csv_get_n_records (csv), ==, 7);
  g_assert_cmpstr (auftakt_csv_get_field (csv, 0, 2), ==, "Behörde");
  g_assert_cmpstr (auftakt_csv_get_field (csv, 1, 2), ==,
                   "Landeshauptstadt Potsdam; Fachbereich Bildung");
  g_assert_cmpstr (auftakt_csv_get_field (csv, 1, 7), ==, "12,50");
  g_assert_cmpstr (auftakt_csv_get_field (csv, 2, 2), ==,
                   "Stadtentsorgung Potsdam GmbH\nGeschäftsführung");
  g_assert_cmpuint (auftakt_csv_get_line (csv, 2), ==, 3);
  g_assert_cmpuint (auftakt_csv_get_line (csv, 3), ==, 5);
  g_assert_cmpuint (auftakt_csv_get_line (csv, 4), ==, 6);
  g_assert_cmpstr (auftakt_csv_get_field (csv, 4, 2), ==, "„Bürgerservice“ – Stadt Potsdam");

  import = auftakt_registration_import_new (csv, event);
  g_assert_cmpint (auftakt_registration_import_get_column_field (import, 0), ==,
                   AUFTAKT_IMPORT_FIELD_LAST_NAME);
  g_assert_cmpint (auftakt_registration_import_get_column_field (import, 1), ==,
                   AUFTAKT_IMPORT_FIELD_FIRST_NAME);
  g_assert_cmpint (auftakt_registration_import_get_column_field (import, 2), ==,
                   AUFTAKT_IMPORT_FIELD_ORGANISATION);
  g_assert_cmpint (auftakt_registration_import_get_column_field (import, 3), ==,
                   AUFTAKT_IMPORT_FIELD_EMAIL);
  g_assert_cmpint (auftakt_registration_import_get_column_field (import, 4), ==,
                   AUFTAKT_IMPORT_FIELD_CHOICE (1));
  g_assert_cmpint (auftakt_registration_import_get_column_field (import, 6), ==,
                   AUFTAKT_IMPORT_FIELD_CHOICE (3));
  g_assert_cmpint (auftakt_registration_import_get_column_field (import, 7), ==,
                   AUFTAKT_IMPORT_FIELD_IGNORE);

  import_file (event, "excel-de-cp1252.csv", 4, 0, 0, 0);
  g_assert_cmpuint (n_participants (event), ==, 4);

  p = participant_by_email (event, "volker.moeller@example.org");
  g_assert_cmpstr (auftakt_participant_get_id (p), ==, "P1");
  g_assert_cmpstr (auftakt_participant_get_name (p), ==, "Volker Möller");
  g_assert_cmpstr (auftakt_participant_get_organisation (p), ==,
                   "Landeshauptstadt Potsdam; Fachbereich Bildung");
  assert_choices (p, "WS4 WS3 WS5");

  /* organisation over two lines; a title with spaces around; an id */
  p = participant_by_email (event, "juergen.gross@example.org");
  g_assert_cmpstr (auftakt_participant_get_name (p), ==, "Jürgen Groß");
  g_assert_cmpstr (auftakt_participant_get_organisation (p), ==,
                   "Stadtentsorgung Potsdam GmbH, Geschäftsführung");
  assert_choices (p, "WS1 WS5");

  /* spacing and case differences in titles */
  p = participant_by_email (event, "ayse.oezdemir@example.org");
  assert_choices (p, "WS2 WS4 WS3");
  p = participant_by_email (event, "renee.weiss@example.org");
  g_assert_cmpstr (auftakt_participant_get_name (p), ==, "Renée Weiß-Ähnlich");
  assert_choices (p, "WS5 WS1 WS4");
}

static void
test_excel_utf8_bom (void)
{
  g_autoptr(AuftaktCsv) csv = read_csv ("excel-utf8-bom.csv");
  g_autoptr(AuftaktEvent) event = fixture_event_new ();
  AuftaktParticipant *p;

  g_assert_cmpint (auftakt_csv_get_encoding (csv), ==, AUFTAKT_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpint (auftakt_csv_get_separator (csv), ==, ';');
  /* the byte order mark is not part of the first header */
  g_assert_cmpstr (auftakt_csv_get_field (csv, 0, 0), ==, "Name");

  import_file (event, "excel-utf8-bom.csv", 3, 0, 0, 0);
  p = participant_by_email (event, "zoe.k@example.org");
  g_assert_cmpstr (auftakt_participant_get_name (p), ==, "Dr. Zoë Kowalczyk-Ångström");
  assert_choices (p, "WS3 WS1");
  p = participant_by_email (event, "sukru.yilmaz@example.org");
  g_assert_cmpstr (auftakt_participant_get_name (p), ==, "Şükrü Yılmaz");
  assert_choices (p, "WS2 WS4 WS1");
  p = participant_by_email (event, "tanja.richter@example.org");
  g_assert_cmpstr (auftakt_participant_get_email (p), ==, "Tanja.Richter@Example.org");
  g_assert_cmpstr (auftakt_participant_get_organisation (p), ==,
                   "Landeshauptstadt Potsdam, Fachbereich \"Kommunikation\"");
  assert_choices (p, "WS5 WS4 WS3");
}

static void
test_webform (void)
{
  g_autoptr(AuftaktCsv) csv = read_csv ("webform.csv");
  g_autoptr(AuftaktEvent) event = fixture_event_new ();
  AuftaktParticipant *p;

  g_assert_cmpint (auftakt_csv_get_encoding (csv), ==, AUFTAKT_CSV_ENCODING_UTF8);
  g_assert_cmpint (auftakt_csv_get_separator (csv), ==, ',');
  g_assert_cmpstr (auftakt_csv_get_field (csv, 2, 7), ==, "Ich komme \"etwas\" später, ca. 9:30");

  import_file (event, "webform.csv", 3, 0, 0, 0);
  p = participant_by_email (event, "christian.seidel@example.org");
  g_assert_cmpstr (auftakt_participant_get_organisation (p), ==,
                   "Energie und Wasser Potsdam GmbH, Geschäftsführung");
  /* "WS 1 – Verwaltung": id and title together */
  assert_choices (p, "WS1 WS5 WS4");
  p = participant_by_email (event, "frank.naumann@example.org");
  assert_choices (p, "WS5 WS2");
}

static void
test_quoted_newlines (void)
{
  g_autoptr(AuftaktCsv) csv = read_csv ("quoted-newlines.csv");
  g_autoptr(AuftaktEvent) event = fixture_event_new ();
  AuftaktParticipant *p;

  g_assert_cmpuint (auftakt_csv_get_n_records (csv), ==, 4);
  g_assert_cmpuint (auftakt_csv_get_line (csv, 0), ==, 1);
  g_assert_cmpuint (auftakt_csv_get_line (csv, 1), ==, 2);
  g_assert_cmpuint (auftakt_csv_get_line (csv, 2), ==, 6);
  g_assert_cmpuint (auftakt_csv_get_line (csv, 3), ==, 7);
  g_assert_cmpstr (auftakt_csv_get_field (csv, 1, 6), ==, "Rollstuhl;\nbitte Rampe");
  g_assert_cmpstr (auftakt_csv_get_field (csv, 3, 6), ==, "");
  g_assert_cmpuint (auftakt_csv_get_n_fields (csv, 3), ==, 7);

  import_file (event, "quoted-newlines.csv", 3, 0, 0, 0);
  p = participant_by_email (event, "anna.baecker@example.org");
  g_assert_cmpstr (auftakt_participant_get_name (p), ==, "Anna Bäcker");
  g_assert_cmpstr (auftakt_participant_get_organisation (p), ==,
                   "Amt für Statistik, Wahlen und Bürgerservice, Landeshauptstadt Potsdam");
  assert_choices (p, "WS3 WS1");
  p = participant_by_email (event, "clara.dahl@example.org");
  g_assert_cmpstr (auftakt_participant_get_name (p), ==, "Clara Dahl, von");
}

/* Prepares @name and returns its problems as "LINE: message" lines. */
static char *
problems_of (AuftaktEvent *event,
             const char   *name)
{
  g_autoptr(AuftaktCsv) csv = read_csv (name);
  g_autoptr(AuftaktRegistrationImport) import = auftakt_registration_import_new (csv, event);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint before = n_participants (event);

  g_assert_true (auftakt_registration_import_prepare (import, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < auftakt_registration_import_get_n_problems (import); i++)
    {
      const AuftaktImportProblem *problem = auftakt_registration_import_get_problem (import, i);

      g_string_append_printf (text, "%u: %s\n", problem->line, problem->message);
    }

  /* all or nothing */
  g_assert_false (auftakt_registration_import_apply (import, FALSE, &error));
  g_assert_error (error, AUFTAKT_REGISTRATION_IMPORT_ERROR,
                  AUFTAKT_REGISTRATION_IMPORT_ERROR_BAD_ROWS);
  g_assert_cmpuint (n_participants (event), ==, before);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_unknown_workshop (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new ();
  g_autofree char *problems = problems_of (event, "bad-unknown-workshop.csv");

  g_assert_cmpstr (problems, ==,
                   "3: unknown workshop “Verwaltng” in column “1. Wahl”; "
                   "did you mean “Verwaltung”?\n"
                   "5: unknown workshop “Kochkurs für Anfänger” in column “2. Wahl”\n");
}

static void
test_skip_bad_rows (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new ();
  g_autoptr(AuftaktCsv) csv = read_csv ("bad-unknown-workshop.csv");
  g_autoptr(AuftaktRegistrationImport) import = auftakt_registration_import_new (csv, event);
  g_autoptr(GError) error = NULL;
  AuftaktImportSummary summary;

  g_assert_true (auftakt_registration_import_prepare (import, &error));
  auftakt_registration_import_get_summary (import, &summary);
  g_assert_cmpuint (summary.added, ==, 2);
  g_assert_cmpuint (summary.skipped, ==, 2);
  g_assert_cmpint (auftakt_registration_import_get_row (import, 1)->status, ==,
                   AUFTAKT_IMPORT_ROW_BAD);
  g_assert_cmpuint (auftakt_registration_import_get_row (import, 1)->line, ==, 3);

  g_assert_true (auftakt_registration_import_apply (import, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_participants (event), ==, 2);
  g_assert_nonnull (participant_by_email (event, "max@example.org"));
  g_assert_nonnull (participant_by_email (event, "hans@example.org"));
  g_assert_null (participant_by_email (event, "erika@example.org"));
}

static void
test_duplicate_email (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new ();
  g_autofree char *problems = problems_of (event, "bad-duplicate-email.csv");

  g_assert_cmpstr (problems, ==,
                   "4: the e-mail address is empty\n"
                   "5: the e-mail address MAX@example.org appears a second time "
                   "(first in line 2)\n");
}

static void
test_missing_column (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new ();
  g_autoptr(AuftaktCsv) csv = read_csv ("bad-missing-column.csv");
  g_autoptr(AuftaktRegistrationImport) import = auftakt_registration_import_new (csv, event);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = data_path ("bad-missing-column.csv");
  g_autofree char *expected = NULL;

  g_assert_cmpint (auftakt_csv_get_encoding (csv), ==, AUFTAKT_CSV_ENCODING_WINDOWS_1252);
  g_assert_false (auftakt_registration_import_prepare (import, &error));
  g_assert_error (error, AUFTAKT_REGISTRATION_IMPORT_ERROR,
                  AUFTAKT_REGISTRATION_IMPORT_ERROR_COLUMNS);
  expected = g_strdup_printf ("%s:1: no column holds the e-mail addresses (the columns are "
                              "“Nachname”, “Vorname”, “Dienststelle”, “Erstwunsch”, "
                              "“Zweitwunsch”)", path);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_assert_false (auftakt_registration_import_apply (import, TRUE, &error));
  g_assert_error (error, AUFTAKT_REGISTRATION_IMPORT_ERROR,
                  AUFTAKT_REGISTRATION_IMPORT_ERROR_COLUMNS);
  g_assert_cmpuint (n_participants (event), ==, 0);
}

static void
test_invalid_encoding (void)
{
  g_autofree char *path = data_path ("bad-encoding.csv");
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AuftaktCsv) csv = auftakt_csv_new_from_file (path, &error);

  g_assert_null (csv);
  g_assert_error (error, AUFTAKT_CSV_ERROR, AUFTAKT_CSV_ERROR_ENCODING);
  expected = g_strdup_printf ("%s:4: this line is not valid UTF-8, although the rest of the "
                              "file is; save the file again as “CSV UTF-8”", path);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_unterminated_quote (void)
{
  g_autofree char *path = data_path ("bad-unterminated-quote.csv");
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AuftaktCsv) csv = auftakt_csv_new_from_file (path, &error);

  g_assert_null (csv);
  g_assert_error (error, AUFTAKT_CSV_ERROR, AUFTAKT_CSV_ERROR_MALFORMED);
  expected = g_strdup_printf ("%s:3: a quoted field begins in this line and never ends", path);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_undefined_windows_1252 (void)
{
  /* 0x81 is in no Windows-1252 character; no UTF-8 either */
  const char data[] = "Name;E-Mail\nA;a@example.org\nB\x81;b@example.org\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(AuftaktCsv) csv = auftakt_csv_new_from_data (data, sizeof data - 1, "x.csv", &error);

  g_assert_null (csv);
  g_assert_error (error, AUFTAKT_CSV_ERROR, AUFTAKT_CSV_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==,
                   "x.csv:3: the file is neither UTF-8 nor Windows-1252 (byte 0x81); "
                   "save it again as “CSV UTF-8”");
}

static void
test_nul_and_empty (void)
{
  const char nul[] = "Name\nA\0B\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(AuftaktCsv) csv = auftakt_csv_new_from_data (nul, sizeof nul - 1, "x.csv", &error);

  g_assert_null (csv);
  g_assert_error (error, AUFTAKT_CSV_ERROR, AUFTAKT_CSV_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "x.csv:2: "));
  g_clear_error (&error);

  csv = auftakt_csv_new_from_data ("\r\n\n", 3, "empty.csv", &error);
  g_assert_null (csv);
  g_assert_error (error, AUFTAKT_CSV_ERROR, AUFTAKT_CSV_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "empty.csv: the file is empty");
  g_clear_error (&error);

  csv = auftakt_csv_new_from_file ("/nonexistent/registrations.csv", &error);
  g_assert_null (csv);
  g_assert_error (error, AUFTAKT_CSV_ERROR, AUFTAKT_CSV_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/registrations.csv: "));
}

static void
test_no_rows (void)
{
  const char data[] = "Name;E-Mail;1. Wahl\r\n;;\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(AuftaktCsv) csv = auftakt_csv_new_from_data (data, sizeof data - 1, "e.csv", &error);
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (3);
  g_autoptr(AuftaktRegistrationImport) import = auftakt_registration_import_new (csv, event);

  /* an empty export would otherwise remove every participant */
  g_assert_false (auftakt_registration_import_prepare (import, &error));
  g_assert_error (error, AUFTAKT_REGISTRATION_IMPORT_ERROR,
                  AUFTAKT_REGISTRATION_IMPORT_ERROR_NO_ROWS);
  g_assert_cmpstr (error->message, ==, "e.csv: the file has no registrations below its header");
  g_clear_error (&error);
  g_assert_false (auftakt_registration_import_apply (import, TRUE, &error));
  g_assert_cmpuint (n_participants (event), ==, 3);
}

static void
test_separators_and_utf16 (void)
{
  const char tab[] = "Name\tE-Mail\tWunsch 1\nA, B\ta@example.org\tBildung\n";
  const char hint[] = "sep=,\r\nName;Vorname,E-Mail\r\n\"x;y\",z,a@example.org\r\n";
  const char utf16[] = "\xFF\xFEN\0a\0m\0e\0;\0\xFC\0\n\0";
  g_autoptr(GError) error = NULL;
  g_autoptr(AuftaktCsv) csv = NULL;

  csv = auftakt_csv_new_from_data (tab, sizeof tab - 1, "tab.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpint (auftakt_csv_get_separator (csv), ==, '\t');
  g_assert_cmpstr (auftakt_csv_get_field (csv, 1, 0), ==, "A, B");
  g_clear_object (&csv);

  /* Excel's "sep=" line wins over counting and is no record; lines count it */
  csv = auftakt_csv_new_from_data (hint, sizeof hint - 1, "hint.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpint (auftakt_csv_get_separator (csv), ==, ',');
  g_assert_cmpuint (auftakt_csv_get_n_records (csv), ==, 2);
  g_assert_cmpstr (auftakt_csv_get_field (csv, 0, 0), ==, "Name;Vorname");
  g_assert_cmpuint (auftakt_csv_get_line (csv, 0), ==, 2);
  g_assert_cmpuint (auftakt_csv_get_line (csv, 1), ==, 3);
  g_assert_null (auftakt_csv_get_field (csv, 1, 3));
  g_clear_object (&csv);

  csv = auftakt_csv_new_from_data (utf16, sizeof utf16 - 1, "utf16.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpint (auftakt_csv_get_encoding (csv), ==, AUFTAKT_CSV_ENCODING_UTF16);
  g_assert_cmpint (auftakt_csv_get_separator (csv), ==, ';');
  g_assert_cmpstr (auftakt_csv_get_field (csv, 0, 1), ==, "ü");
}

static AuftaktImportField
guess (const char *header)
{
  g_autofree char *data = g_strdup_printf ("%s,Nothing\n", header);
  g_autoptr(GError) error = NULL;
  g_autoptr(AuftaktCsv) csv = auftakt_csv_new_from_data (data, strlen (data), "h.csv", &error);
  g_autoptr(AuftaktEvent) event = auftakt_event_new ("e");
  g_autoptr(AuftaktRegistrationImport) import = NULL;

  g_assert_no_error (error);
  import = auftakt_registration_import_new (csv, event);
  g_assert_cmpint (auftakt_registration_import_get_column_field (import, 1), ==,
                   AUFTAKT_IMPORT_FIELD_IGNORE);
  return auftakt_registration_import_get_column_field (import, 0);
}

static void
test_header_synonyms (void)
{
  struct {
    const char *header;
    AuftaktImportField field;
  } cases[] = {
    { "Name", AUFTAKT_IMPORT_FIELD_NAME },
    { "Vollständiger Name", AUFTAKT_IMPORT_FIELD_NAME },
    { "Full name", AUFTAKT_IMPORT_FIELD_NAME },
    { "Nachname", AUFTAKT_IMPORT_FIELD_LAST_NAME },
    { "Last name", AUFTAKT_IMPORT_FIELD_LAST_NAME },
    { "Vorname", AUFTAKT_IMPORT_FIELD_FIRST_NAME },
    { "First Name", AUFTAKT_IMPORT_FIELD_FIRST_NAME },
    { "E-Mail", AUFTAKT_IMPORT_FIELD_EMAIL },
    { "Email", AUFTAKT_IMPORT_FIELD_EMAIL },
    { "Mail", AUFTAKT_IMPORT_FIELD_EMAIL },
    { "E-Mail-Adresse", AUFTAKT_IMPORT_FIELD_EMAIL },
    { "Behörde", AUFTAKT_IMPORT_FIELD_ORGANISATION },
    { "Behoerde", AUFTAKT_IMPORT_FIELD_ORGANISATION },
    { "Behörde/Organisation", AUFTAKT_IMPORT_FIELD_ORGANISATION },
    { "Institution", AUFTAKT_IMPORT_FIELD_ORGANISATION },
    { "Dienststelle", AUFTAKT_IMPORT_FIELD_ORGANISATION },
    { "Organization", AUFTAKT_IMPORT_FIELD_ORGANISATION },
    { "Wunsch 1", AUFTAKT_IMPORT_FIELD_CHOICE (1) },
    { "1. Wahl", AUFTAKT_IMPORT_FIELD_CHOICE (1) },
    { "Erstwunsch", AUFTAKT_IMPORT_FIELD_CHOICE (1) },
    { "First choice", AUFTAKT_IMPORT_FIELD_CHOICE (1) },
    { "Choice 2", AUFTAKT_IMPORT_FIELD_CHOICE (2) },
    { "Zweitwunsch", AUFTAKT_IMPORT_FIELD_CHOICE (2) },
    { "3. Priorität", AUFTAKT_IMPORT_FIELD_CHOICE (3) },
    { "Workshop 4", AUFTAKT_IMPORT_FIELD_CHOICE (4) },
    { "Third choice", AUFTAKT_IMPORT_FIELD_CHOICE (3) },
    { "Zeitstempel", AUFTAKT_IMPORT_FIELD_IGNORE },
    { "Bemerkung", AUFTAKT_IMPORT_FIELD_IGNORE },
    { "Teilnahmegebühr", AUFTAKT_IMPORT_FIELD_IGNORE },
    { "Workshop", AUFTAKT_IMPORT_FIELD_IGNORE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("header “%s”", cases[i].header);
      g_assert_cmpint (guess (cases[i].header), ==, cases[i].field);
    }
}

static void
test_map (void)
{
  const char data[] = "Person,Kontakt,Workshop A,Workshop B,Anmerkung\n"
                      "Max Mustermann,max@example.org,Bildung,Verwaltng,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(AuftaktCsv) csv = auftakt_csv_new_from_data (data, sizeof data - 1, "m.csv", &error);
  g_autoptr(AuftaktEvent) event = fixture_event_new ();
  g_autoptr(AuftaktRegistrationImport) import = auftakt_registration_import_new (csv, event);
  AuftaktImportField field;

  g_assert_true (auftakt_import_field_from_string ("choice-9", &field));
  g_assert_cmpint (field, ==, AUFTAKT_IMPORT_FIELD_CHOICE (9));
  g_assert_cmpstr (auftakt_import_field_to_string (AUFTAKT_IMPORT_FIELD_FIRST_NAME), ==,
                   "first-name");

  g_assert_false (auftakt_registration_import_prepare (import, &error));
  g_assert_error (error, AUFTAKT_REGISTRATION_IMPORT_ERROR,
                  AUFTAKT_REGISTRATION_IMPORT_ERROR_COLUMNS);
  g_clear_error (&error);

  g_assert_true (auftakt_registration_import_map (import, "kontakt=email", &error));
  g_assert_true (auftakt_registration_import_map (import, "3=choice-1", &error));
  g_assert_true (auftakt_registration_import_map (import, "Workshop B=choice-2", &error));
  g_assert_no_error (error);
  g_assert_cmpint (auftakt_registration_import_get_column_field (import, 0), ==,
                   AUFTAKT_IMPORT_FIELD_NAME);

  g_assert_false (auftakt_registration_import_map (import, "Telefon=email", &error));
  g_assert_error (error, AUFTAKT_REGISTRATION_IMPORT_ERROR, AUFTAKT_REGISTRATION_IMPORT_ERROR_MAP);
  g_assert_cmpstr (error->message, ==,
                   "--map “Telefon=email”: m.csv has no column “Telefon”; its columns are "
                   "“Person”, “Kontakt”, “Workshop A”, “Workshop B”, “Anmerkung”");
  g_clear_error (&error);
  g_assert_false (auftakt_registration_import_map (import, "9=email", &error));
  g_assert_cmpstr (error->message, ==, "--map “9=email”: m.csv has only 5 columns");
  g_clear_error (&error);
  g_assert_false (auftakt_registration_import_map (import, "5=frist-name", &error));
  g_assert_true (strstr (error->message, "unknown field “frist-name”") != NULL);
  g_clear_error (&error);
  g_assert_false (auftakt_registration_import_map (import, "5=choice-1", &error));
  g_assert_cmpstr (error->message, ==,
                   "--map “5=choice-1”: the field choice-1 is already mapped to column "
                   "“Workshop A”");
  g_clear_error (&error);

  g_assert_true (auftakt_registration_import_prepare (import, &error));
  g_assert_cmpuint (auftakt_registration_import_get_n_problems (import), ==, 1);
  g_assert_cmpstr (auftakt_registration_import_get_problem (import, 0)->message, ==,
                   "unknown workshop “Verwaltng” in column “Workshop B”; "
                   "did you mean “Verwaltung”?");
}

static void
test_reimport (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new ();
  g_autoptr(AuftaktSchedule) schedule = auftakt_schedule_new ();
  g_autoptr(AuftaktSession) session = auftakt_session_new ("WS3", "R1", "M1");
  AuftaktParticipant *p;

  import_file (event, "webform.csv", 3, 0, 0, 0);
  g_assert_cmpstr (auftakt_participant_get_id (participant_by_email (event,
                   "lars.kuhn@example.org")), ==, "P2");
  auftakt_session_add_attendee (session, "P2", FALSE);
  auftakt_session_add_attendee (session, "P3", FALSE);
  auftakt_schedule_add_session (schedule, session);
  auftakt_event_set_schedule (event, schedule);

  /* the same file again changes nothing */
  import_file (event, "webform.csv", 0, 0, 0, 3);

  /* a week later: one the same, one changed (address in other case), one
   * gone, one new */
  import_file (event, "webform-update.csv", 1, 1, 1, 1);
  g_assert_cmpuint (n_participants (event), ==, 3);
  g_assert_null (participant_by_email (event, "lars.kuhn@example.org"));
  p = participant_by_email (event, "frank.naumann@example.org");
  g_assert_cmpstr (auftakt_participant_get_id (p), ==, "P3");
  g_assert_cmpstr (auftakt_participant_get_email (p), ==, "Frank.Naumann@example.org");
  assert_choices (p, "WS5 WS4");
  /* a new id, not the one of the removed participant */
  p = participant_by_email (event, "soeren.jahnke@example.org");
  g_assert_cmpstr (auftakt_participant_get_id (p), ==, "P4");
  g_assert_cmpstr (auftakt_participant_get_id (participant_by_email (event,
                   "christian.seidel@example.org")), ==, "P1");
  /* the removed participant's attendance is gone, the others' stay */
  g_assert_cmpuint (auftakt_session_get_n_attendees (session), ==, 1);
  g_assert_cmpstr (auftakt_session_get_attendance (session, 0)->participant, ==, "P3");
}

static void
test_line_numbers_past_65535 (void)
{
  g_autoptr(GString) data = g_string_new ("Name;E-Mail;1. Wahl\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(AuftaktCsv) csv = NULL;
  g_autoptr(AuftaktEvent) event = fixture_event_new ();
  g_autoptr(AuftaktRegistrationImport) import = NULL;
  const AuftaktImportProblem *problem;

  for (guint i = 2; i <= 33000; i++)
    g_string_append_printf (data, "\"Person\n%u\";p%u@example.org;Bildung\n", i, i);
  g_string_append (data, "Letzte Person;last@example.org;Yoga\n");

  csv = auftakt_csv_new_from_data (data->str, data->len, "big.csv", &error);
  g_assert_no_error (error);
  import = auftakt_registration_import_new (csv, event);
  g_assert_true (auftakt_registration_import_prepare (import, &error));
  g_assert_cmpuint (auftakt_registration_import_get_n_problems (import), ==, 1);
  problem = auftakt_registration_import_get_problem (import, 0);
  /* every record but the header and the last takes two lines */
  g_assert_cmpuint (problem->line, ==, 2 + 2 * 32999);
  g_assert_cmpuint (problem->line, >, 65535);
  g_assert_cmpstr (problem->message, ==, "unknown workshop “Yoga” in column “1. Wahl”");
}

static void
test_shifted_columns (void)
{
  /* an unquoted comma in a web form's field pushes the row apart */
  const char data[] = "Name,Email,Organisation,Choice 1\n"
                      "Max Mustermann,max@example.org,Stadt Potsdam, FB 1,Bildung\n"
                      "Erika Musterfrau,erika@example.org,Stadt Potsdam,Bildung,,,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(AuftaktCsv) csv = auftakt_csv_new_from_data (data, sizeof data - 1, "s.csv", &error);
  g_autoptr(AuftaktEvent) event = fixture_event_new ();
  g_autoptr(AuftaktRegistrationImport) import = auftakt_registration_import_new (csv, event);

  g_assert_true (auftakt_registration_import_prepare (import, &error));
  g_assert_cmpuint (auftakt_registration_import_get_n_problems (import), ==, 2);
  g_assert_cmpuint (auftakt_registration_import_get_problem (import, 0)->line, ==, 2);
  g_assert_cmpstr (auftakt_registration_import_get_problem (import, 0)->message, ==,
                   "the row has 5 fields, the header only 4: "
                   "is a field with “,” in it missing its quotes?");
  g_assert_cmpstr (auftakt_registration_import_get_problem (import, 1)->message, ==,
                   "unknown workshop “FB 1” in column “Choice 1”");
  /* empty trailing fields are fine */
  g_assert_cmpint (auftakt_registration_import_get_row (import, 1)->status, ==,
                   AUFTAKT_IMPORT_ROW_NEW);
}

static char *
plan_path (const char *name)
{
  return fixture_temp_path (name);
}

static void
test_cli_import (void)
{
  g_autoptr(AuftaktEvent) fixture = fixture_event_new ();
  g_autofree char *plan = plan_path ("csv.auftakt");
  g_autofree char *webform = data_path ("webform.csv");
  g_autofree char *update = data_path ("webform-update.csv");
  g_autofree char *bad = data_path ("bad-unknown-workshop.csv");
  g_autofree char *encoding = data_path ("bad-encoding.csv");
  g_autofree char *expected = NULL;
  g_autofree char *line = NULL;
  g_autoptr(AuftaktEvent) event = NULL;
  g_auto(FixtureRun) run = { 0, };

  fixture_create_plan (plan, fixture);

  /* a dry run reports and changes nothing */
  fixture_run_cli (&run, "import-csv", plan, webform, "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 0);
  line = fixture_machine_line (&run);
  g_assert_cmpstr (line, ==, "added=3 changed=0 removed=0 unchanged=0 skipped=0");
  event = fixture_load_plan (plan);
  g_assert_cmpuint (n_participants (event), ==, 0);
  g_clear_object (&event);
  g_clear_pointer (&line, g_free);

  fixture_run_cli (&run, "import-csv", plan, webform, NULL);
  g_assert_cmpint (run.status, ==, 0);
  line = fixture_machine_line (&run);
  g_assert_cmpstr (line, ==, "added=3 changed=0 removed=0 unchanged=0 skipped=0");
  g_clear_pointer (&line, g_free);
  g_assert_nonnull (strstr (run.out, "  3 “Email” → email\n"));

  /* bad rows: exit 2, every problem with its line, the plan as it was */
  fixture_run_cli (&run, "import-csv", plan, bad, NULL);
  g_assert_cmpint (run.status, ==, 2);
  expected = g_strdup_printf ("%s:3: unknown workshop “Verwaltng” in column “1. Wahl”; "
                              "did you mean “Verwaltung”?\n"
                              "%s:5: unknown workshop “Kochkurs für Anfänger” in column "
                              "“2. Wahl”\n", bad, bad);
  g_assert_true (g_str_has_prefix (run.err, expected));
  line = fixture_machine_line (&run);
  g_assert_cmpstr (line, ==, "added=NA changed=NA removed=NA unchanged=NA skipped=NA");
  g_clear_pointer (&line, g_free);
  event = fixture_load_plan (plan);
  g_assert_cmpuint (n_participants (event), ==, 3);
  g_assert_nonnull (participant_by_email (event, "lars.kuhn@example.org"));
  g_clear_object (&event);

  /* the updated export, matched by e-mail */
  fixture_run_cli (&run, "import-csv", plan, update, NULL);
  g_assert_cmpint (run.status, ==, 0);
  line = fixture_machine_line (&run);
  g_assert_cmpstr (line, ==, "added=1 changed=1 removed=1 unchanged=1 skipped=0");
  g_clear_pointer (&line, g_free);
  event = fixture_load_plan (plan);
  g_assert_cmpuint (n_participants (event), ==, 3);
  g_assert_cmpstr (auftakt_participant_get_id (participant_by_email (event,
                   "soeren.jahnke@example.org")), ==, "P4");
  assert_choices (participant_by_email (event, "frank.naumann@example.org"), "WS5 WS4");
  g_clear_object (&event);

  /* skipping the bad rows imports the others */
  fixture_run_cli (&run, "import-csv", plan, bad, "--skip-bad-rows", NULL);
  g_assert_cmpint (run.status, ==, 0);
  line = fixture_machine_line (&run);
  g_assert_cmpstr (line, ==, "added=2 changed=0 removed=3 unchanged=0 skipped=2");
  g_clear_pointer (&line, g_free);
  g_assert_true (g_str_has_prefix (run.err, expected));

  /* --map: a column by number, and an error */
  fixture_run_cli (&run, "import-csv", plan, webform, "--map", "2=ignore", "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "no column holds the participants’ names"));
  fixture_run_cli (&run, "import-csv", plan, webform, "--map", "Telefon=email", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--map “Telefon=email”: "));

  /* unreadable input */
  fixture_run_cli (&run, "import-csv", plan, encoding, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_free (expected);
  expected = g_strdup_printf ("%s:4: this line is not valid UTF-8", encoding);
  g_assert_true (g_str_has_prefix (run.err, expected));
  fixture_run_cli (&run, "import-csv", plan, NULL);
  g_assert_cmpint (run.status, ==, 2);

  g_assert_cmpint (g_remove (plan), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/csv/excel-windows-1252", test_excel_windows_1252);
  g_test_add_func ("/csv/excel-utf8-bom", test_excel_utf8_bom);
  g_test_add_func ("/csv/webform", test_webform);
  g_test_add_func ("/csv/quoted-newlines", test_quoted_newlines);
  g_test_add_func ("/csv/separators-and-utf16", test_separators_and_utf16);
  g_test_add_func ("/csv/bad/unknown-workshop", test_unknown_workshop);
  g_test_add_func ("/csv/bad/duplicate-email", test_duplicate_email);
  g_test_add_func ("/csv/bad/missing-column", test_missing_column);
  g_test_add_func ("/csv/bad/invalid-encoding", test_invalid_encoding);
  g_test_add_func ("/csv/bad/undefined-windows-1252", test_undefined_windows_1252);
  g_test_add_func ("/csv/bad/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/csv/bad/nul-and-empty", test_nul_and_empty);
  g_test_add_func ("/csv/bad/shifted-columns", test_shifted_columns);
  g_test_add_func ("/csv/bad/no-rows", test_no_rows);
  g_test_add_func ("/csv/skip-bad-rows", test_skip_bad_rows);
  g_test_add_func ("/csv/header-synonyms", test_header_synonyms);
  g_test_add_func ("/csv/map", test_map);
  g_test_add_func ("/csv/reimport", test_reimport);
  g_test_add_func ("/csv/line-numbers-past-65535", test_line_numbers_past_65535);
  g_test_add_func ("/csv/cli/import-csv", test_cli_import);

  return g_test_run ();
}
