/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "auftakt-csv.h"
#include "auftakt-export-csv.h"
#include "auftakt-export-frab.h"
#include "auftakt-export-ics.h"
#include "io-fixture.h"

/* An independent reader of iCalendar: python3-icalendar.  It prints one
 * line per VEVENT: UID|SUMMARY|DTSTART (ISO)|TZID|DTEND (ISO)|LOCATION */
static const char ics_reader[] =
  "import sys, icalendar\n"
  "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
  "print('NAME|' + str(cal.get('X-WR-CALNAME')))\n"
  "for e in cal.walk('VEVENT'):\n"
  "    s = e.decoded('DTSTART'); t = e.decoded('DTEND')\n"
  "    print('|'.join([str(e['UID']), str(e['SUMMARY']), s.isoformat(),\n"
  "                    str(e['DTSTART'].params.get('TZID')), t.isoformat(),\n"
  "                    str(e.get('LOCATION'))]))\n";

static const char *
python (void)
{
  /* Debian's python3 has python3-icalendar; a python of one's own may not */
  return g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ? "/usr/bin/python3"
                                                                      : "python3";
}

static char *
temp_path (const char *name)
{
  return fixture_temp_path (name);
}

/* Parses @path with the independent reader; returns its lines. */
static char **
parse_ics (const char *path)
{
  const char *argv[] = { python (), "-c", ics_reader, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("icalendar could not read %s: %s", path, err);

  return g_strsplit (g_strchomp (out), "\n", -1);
}

static void
assert_rfc5545_lines (const char *text)
{
  const char *line = text;

  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  while (*line != '\0')
    {
      const char *end = strstr (line, "\r\n");

      g_assert_nonnull (end);
      g_assert_null (memchr (line, '\n', end - line));
      g_assert_cmpint (end - line, <=, 75);
      g_assert_true (g_utf8_validate (line, end - line, NULL));
      line = end + 2;
    }
}

static char *
find_line (char       **lines,
           const char  *part)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], part) != NULL)
      return lines[i];

  return NULL;
}

static void
move_attendee (AuftaktEvent *event,
               const char   *participant,
               const char   *from_workshop,
               const char   *to_workshop,
               const char   *round)
{
  AuftaktSchedule *schedule = auftakt_event_get_schedule (event);

  g_assert_true (auftakt_session_remove_attendee (
    auftakt_schedule_find_session (schedule, from_workshop, round), participant));
  auftakt_session_add_attendee (auftakt_schedule_find_session (schedule, to_workshop, round),
                                participant, FALSE);
}

static void
test_ics_participant (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (120);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("p1.ics");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) again = NULL;
  g_autofree char *round_uid = NULL;
  const char *line;

  g_assert_true (auftakt_export_ics (event, "P1", path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  assert_rfc5545_lines (text);
  g_assert_nonnull (strstr (text, "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"));
  /* escaping: the venue's comma */
  g_assert_nonnull (strstr (text, "LOCATION:Sitzungssaal 1\\, Stadthaus Potsdam\\, "));

  lines = parse_ics (path);
  g_assert_cmpstr (lines[0], ==,
                   "NAME|Digitale Kommune Potsdam – Prof. Dr. Maximiliane "
                   "Müller-Lüdenscheidt-Wöhrmann von und zu Hohenzollern-Sigmaringen");
  /* six plenary items and two workshops */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 8);

  line = find_line (lines, "|Workshop: Verwaltung|");
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, "|2018-03-15T11:00:00+01:00|Europe/Berlin|"
                                  "2018-03-15T12:15:00+01:00|Sitzungssaal 1, Stadthaus Potsdam, "
                                  "Friedrich-Ebert-Straße 79/81"));
  round_uid = g_strndup (line, strchr (line, '|') - line);
  g_assert_nonnull (find_line (lines, "|Workshop: Mobilität|2018-03-15T13:00:00+01:00|"));
  g_assert_nonnull (find_line (lines, "|Einleitung und Begrüßung|2018-03-15T09:00:00+01:00|"));
  g_assert_null (find_line (lines, "Workshops – Runde"));

  /* the same export again: the same UIDs */
  g_assert_true (auftakt_export_ics (event, "P1", path, &error));
  again = parse_ics (path);
  g_assert_cmpuint (g_strv_length (again), ==, g_strv_length (lines));
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_autofree char *uid = g_strndup (lines[i], 36);

      g_assert_nonnull (find_line (again, uid));
    }
  g_strfreev (again);

  /* moved to another workshop: the round's entry keeps its UID */
  move_attendee (event, "P1", "WS1", "WS2", "R1");
  g_assert_true (auftakt_export_ics (event, "P1", path, &error));
  again = parse_ics (path);
  line = find_line (again, round_uid);
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, "|Workshop: Städtische Infrastruktur|"));

  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_ics_everyone (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (120);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("all.ics");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_true (auftakt_export_ics (event, NULL, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  assert_rfc5545_lines (text);

  lines = parse_ics (path);
  g_assert_cmpstr (lines[0], ==, "NAME|Digitale Kommune Potsdam");
  /* six plenary items, six sessions, each once */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 12);
  for (guint i = 1; lines[i] != NULL; i++)
    g_assert_true (g_hash_table_add (uids, g_strndup (lines[i], 36)));
  g_assert_nonnull (find_line (lines, "|Workshop: Verwaltung|2018-03-15T11:00:00+01:00|"));
  g_assert_nonnull (find_line (lines, "|Workshop: Verwaltung|2018-03-15T13:00:00+01:00|"));

  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_ics_folding (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (3);
  AuftaktAgendaItem *item = auftakt_event_find_agenda_item (event, "A1");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = temp_path ("fold.ics");
  g_auto(GStrv) lines = NULL;
  /* 3-octet characters that cannot all fit in one line */
  const char *title = "Begrüßung – „Digitale Verwaltung“ – Begrüßung – „Digitale Verwaltung“ "
                      "– ☕ Kaffee; Kuchen, Wasser\\Saft";

  auftakt_agenda_item_set_title (item, title);
  auftakt_agenda_item_set_description (item, "Zeile eins\nZeile zwei");
  text = auftakt_export_ics_to_string (event, NULL, &error);
  g_assert_no_error (error);
  assert_rfc5545_lines (text);
  g_assert_nonnull (strstr (text, "DESCRIPTION:Dr. Thomas Reinhardt\\n\\nZeile eins\\nZeile zwei"));

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  lines = parse_ics (path);
  g_assert_nonnull (find_line (lines, title));
  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_ics_errors (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (3);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("missing.ics");
  g_autofree char *text = NULL;

  g_assert_false (auftakt_export_ics (event, "P99", path, &error));
  g_assert_error (error, AUFTAKT_EXPORT_ERROR, AUFTAKT_EXPORT_ERROR_NO_PARTICIPANT);
  g_assert_cmpstr (error->message, ==, "the event potsdam-2018 has no participant P99");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  auftakt_round_set_start (auftakt_event_find_round (event, "R2"), -1);
  g_assert_false (auftakt_export_ics (event, "P1", path, &error));
  g_assert_error (error, AUFTAKT_EXPORT_ERROR, AUFTAKT_EXPORT_ERROR_NO_TIME);
  g_assert_cmpstr (error->message, ==, "the round R2 has no start or end time");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  auftakt_event_set_date (event, "15.03.2018");
  text = auftakt_export_ics_to_string (event, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, AUFTAKT_EXPORT_ERROR, AUFTAKT_EXPORT_ERROR_NO_DATE);
  g_assert_cmpstr (error->message, ==,
                   "the date “15.03.2018” of the event potsdam-2018 is not a date (YYYY-MM-DD)");
  g_clear_error (&error);

  auftakt_event_set_date (event, "2018-03-15");
  auftakt_round_set_start (auftakt_event_find_round (event, "R2"), 13 * 60);
  g_assert_false (auftakt_export_ics (event, NULL, "/nonexistent/dir/x.ics", &error));
  g_assert_error (error, AUFTAKT_EXPORT_ERROR, AUFTAKT_EXPORT_ERROR_WRITE);
}

static void
test_ics_summer_time (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (3);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("summer.ics");
  g_auto(GStrv) lines = NULL;

  auftakt_event_set_date (event, "2018-06-21");
  g_assert_true (auftakt_export_ics (event, "P2", path, &error));
  g_assert_no_error (error);
  lines = parse_ics (path);
  g_assert_nonnull (find_line (lines, "|Einleitung und Begrüßung|2018-06-21T09:00:00+02:00|"));
  g_assert_cmpint (g_remove (path), ==, 0);
}

static gboolean
validate_frab (const char *path)
{
  g_autofree char *xsd = g_build_filename (g_getenv ("AUFTAKT_BENCH_DIR") != NULL ?
                                           g_getenv ("AUFTAKT_BENCH_DIR") : "../../shared/bench",
                                           "..", "formats", "schedule.xml.xsd", NULL);
  const char *argv[] = { "xmllint", "--noout", "--schema", xsd, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_file_test (xsd, G_FILE_TEST_EXISTS));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("xmllint: %s", err);

  return g_spawn_check_wait_status (status, NULL);
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static void
test_frab (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (120);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("schedule.xml");
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint verwaltung = 0;

  g_assert_true (auftakt_export_frab (event, path, &error));
  g_assert_no_error (error);
  g_assert_true (validate_frab (path));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));

  g_assert_cmpuint (count (text, "<event id="), ==, 12);
  g_assert_nonnull (strstr (text, "<acronym>potsdam-2018</acronym>"));
  g_assert_nonnull (strstr (text, "<track name=\"Smart City\" color=\"#2ec27e\"/>"));
  g_assert_nonnull (strstr (text, "<date>2018-03-15T11:00:00+01:00</date>"));
  g_assert_nonnull (strstr (text, "<person id=\"4\" guid="));
  g_assert_nonnull (strstr (text, "\">Markus Thielemann</person>"));

  /* ids and guids unique; the repeated workshop twice, with its own of each */
  for (const char *p = strstr (text, "<event id=\""); p != NULL;
       p = strstr (p + 1, "<event id=\""))
    {
      const char *id = p + strlen ("<event id=\"");
      const char *guid = strstr (id, "\" guid=\"") + strlen ("\" guid=\"");
      const char *title = strstr (guid, "<title>") + strlen ("<title>");

      g_autofree char *uuid = g_strndup (guid, 36);

      g_assert_true (g_uuid_string_is_valid (uuid));
      g_assert_true (g_hash_table_add (ids, g_strndup (id, strchr (id, '"') - id)));
      g_assert_true (g_hash_table_add (ids, g_steal_pointer (&uuid)));
      if (g_str_has_prefix (title, "Verwaltung</title>"))
        verwaltung++;
    }
  g_assert_cmpuint (g_hash_table_size (ids), ==, 24);
  g_assert_cmpuint (verwaltung, ==, 2);

  /* stable from one export to the next */
  again = auftakt_export_frab_to_string (event, &error);
  g_assert_cmpstr (again, ==, text);

  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_frab_awkward (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (5);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("awkward.xml");
  g_autofree char *text = NULL;

  /* an id the acronym pattern refuses, markup characters, a colour that
   * is no hex colour, a workshop without cluster, no agenda */
  auftakt_event_set_id (event, "KÖ");
  auftakt_event_set_title (event, "Q&A <Tag> \"1\"");
  auftakt_cluster_set_colour (auftakt_event_find_cluster (event, "C1"), "blue");
  auftakt_workshop_set_cluster (auftakt_event_find_workshop (event, "WS2"), NULL);
  auftakt_workshop_set_description (auftakt_event_find_workshop (event, "WS3"),
                                    "Bits & <Bytes>\n\x01zweite Zeile");
  g_list_store_remove_all (auftakt_event_get_agenda (event));

  g_assert_true (auftakt_export_frab (event, path, &error));
  g_assert_no_error (error);
  g_assert_true (validate_frab (path));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<acronym>k--_</acronym>"));
  g_assert_nonnull (strstr (text, "<title>Q&amp;A &lt;Tag&gt; &quot;1&quot;</title>"));
  g_assert_nonnull (strstr (text, "<track name=\"Digitale Verwaltung\"/>"));
  g_assert_cmpuint (count (text, "<event id="), ==, 6);
  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_csv_plain (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (120);
  g_autoptr(GError) error = NULL;
  g_autoptr(AuftaktCsv) csv = NULL;
  g_autofree char *text = NULL;
  gsize length;

  text = auftakt_export_csv_to_string (event, AUFTAKT_CSV_FLAVOUR_PLAIN, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, strlen (text));
  g_assert_true (g_str_has_prefix (text, "ID,Name,Organisation,E-mail,"
                                         "Workshoprunde 1: Workshop,Workshoprunde 1: Room,"
                                         "Workshoprunde 1: Time,Workshoprunde 1: Referees,"));
  g_assert_null (strstr (text, "\r"));

  /* read back with the importer's reader */
  csv = auftakt_csv_new_from_data (text, length, "export.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpint (auftakt_csv_get_encoding (csv), ==, AUFTAKT_CSV_ENCODING_UTF8);
  g_assert_cmpint (auftakt_csv_get_separator (csv), ==, ',');
  g_assert_cmpuint (auftakt_csv_get_n_records (csv), ==, 121);
  g_assert_cmpuint (auftakt_csv_get_n_fields (csv, 0), ==, 4 + 2 * 4);
  g_assert_cmpstr (auftakt_csv_get_field (csv, 1, 0), ==, "P1");
  g_assert_cmpstr (auftakt_csv_get_field (csv, 1, 2), ==,
                   "Landeshauptstadt Potsdam, Geschäftsbereich Zentrale Steuerung und Finanzen, "
                   "Fachbereich Steuerung und Innovation, Arbeitsgruppe Digitalisierungsstrategie");
  g_assert_cmpstr (auftakt_csv_get_field (csv, 1, 4), ==, "Verwaltung");
  g_assert_cmpstr (auftakt_csv_get_field (csv, 1, 5), ==, "Sitzungssaal 1");
  g_assert_cmpstr (auftakt_csv_get_field (csv, 1, 6), ==, "11:00–12:15");
  g_assert_cmpstr (auftakt_csv_get_field (csv, 1, 7), ==, "Markus Thielemann, Aylin Demirci");
  g_assert_cmpstr (auftakt_csv_get_field (csv, 1, 8), ==, "Mobilität");
  g_assert_cmpstr (auftakt_csv_get_field (csv, 1, 11), ==, "Dr. Frederike Ahlers");
}

static void
test_csv_excel (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (3);
  g_autoptr(GError) error = NULL;
  g_autoptr(AuftaktCsv) csv = NULL;
  g_autofree char *path = temp_path ("excel.csv");
  g_autofree char *text = NULL;
  gsize length;
  AuftaktParticipant *p2 = auftakt_event_find_participant (event, "P2");
  AuftaktParticipant *p3 = auftakt_event_find_participant (event, "P3");

  auftakt_participant_set_name (p2, "=HYPERLINK(\"http://example.org\";\"x\")");
  auftakt_participant_set_organisation (p3, "+49 331 289-0");
  g_assert_true (auftakt_export_csv (event, AUFTAKT_CSV_FLAVOUR_EXCEL, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBFID;Name;Organisation;E-mail;"));
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  g_assert_cmpuint (count (text, "\r\n"), ==, 4);
  g_assert_cmpuint (count (text, "\n"), ==, 4);

  csv = auftakt_csv_new_from_data (text, length, "excel.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpint (auftakt_csv_get_encoding (csv), ==, AUFTAKT_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpint (auftakt_csv_get_separator (csv), ==, ';');
  g_assert_cmpstr (auftakt_csv_get_field (csv, 0, 0), ==, "ID");
  g_assert_cmpstr (auftakt_csv_get_field (csv, 2, 1), ==,
                   "'=HYPERLINK(\"http://example.org\";\"x\")");
  /* a telephone number is no formula */
  g_assert_cmpstr (auftakt_csv_get_field (csv, 3, 2), ==, "+49 331 289-0");
  g_assert_cmpstr (auftakt_csv_get_field (csv, 1, 2), ==,
                   "Landeshauptstadt Potsdam, Geschäftsbereich Zentrale Steuerung und Finanzen, "
                   "Fachbereich Steuerung und Innovation, Arbeitsgruppe Digitalisierungsstrategie");
  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_csv_no_schedule (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("none.csv");

  g_assert_false (auftakt_export_csv (event, AUFTAKT_CSV_FLAVOUR_PLAIN, path, &error));
  g_assert_error (error, AUFTAKT_EXPORT_ERROR, AUFTAKT_EXPORT_ERROR_NO_SCHEDULE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_uuid (void)
{
  g_autofree char *a = auftakt_export_uuid ("e", "session", "WS1", "R1", NULL);
  g_autofree char *b = auftakt_export_uuid ("e", "session", "WS1", "R1", NULL);
  g_autofree char *c = auftakt_export_uuid ("e", "session", "WS1", "R2", NULL);
  g_autofree char *d = auftakt_export_uuid ("e", "session", "WS1R", "2", NULL);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_cmpstr (c, !=, d);
  g_assert_true (g_uuid_string_is_valid (a));
  g_assert_cmpint (a[14], ==, '5');
  g_assert_nonnull (strchr ("89ab", a[19]));
}

/* The demo event as it is: descriptions over several lines, eleven agenda
 * items, five workshops twice. */
static void
test_demo (void)
{
  g_autoptr(AuftaktEvent) event = fixture_demo_event_new ();
  AuftaktSchedule *schedule = auftakt_event_get_schedule (event);
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = temp_path ("demo-frab.xml");
  g_autofree char *ics = temp_path ("demo.ics");
  g_autofree char *frab = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_sessions = auftakt_schedule_get_n_sessions (schedule);

  g_assert_true (auftakt_export_frab (event, xml, &error));
  g_assert_no_error (error);
  g_assert_true (validate_frab (xml));
  g_assert_true (g_file_get_contents (xml, &frab, NULL, NULL));
  /* nine plenary items (not the two workshop rounds) and every session */
  g_assert_cmpuint (count (frab, "<event id="), ==, 9 + n_sessions);
  g_assert_nonnull (strstr (frab, "<description>Bürgerportal\nOpen Data\nMobile Angebote"
                                  "</description>"));

  g_assert_true (auftakt_export_ics (event, NULL, ics, &error));
  g_assert_no_error (error);
  lines = parse_ics (ics);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 9 + n_sessions);
  g_strfreev (g_steal_pointer (&lines));

  g_assert_true (auftakt_export_ics (event, "P1", ics, &error));
  lines = parse_ics (ics);
  g_assert_cmpstr (lines[0], ==, "NAME|Digitale Kommune Potsdam – Dr. Volker Möller");
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 9 + 2);

  csv = auftakt_export_csv_to_string (event, AUFTAKT_CSV_FLAVOUR_EXCEL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv, "P1;Dr. Volker Möller;"));

  g_assert_cmpint (g_remove (xml), ==, 0);
  g_assert_cmpint (g_remove (ics), ==, 0);
}

static void
test_cli (void)
{
  g_autoptr(AuftaktEvent) event = fixture_event_new_with_schedule (120);
  g_autofree char *plan = temp_path ("export.auftakt");
  g_autofree char *ics = temp_path ("cli.ics");
  g_autofree char *xml = temp_path ("cli.xml");
  g_autofree char *csv = temp_path ("cli.csv");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(FixtureRun) run = { 0, };

  fixture_create_plan (plan, event);

  fixture_run_cli (&run, "export", plan, "--format", "ics", "--participant", "P1", "-o", ics,
                   NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = parse_ics (ics);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 8);

  fixture_run_cli (&run, "export", plan, "--format", "frab", "-o", xml, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (validate_frab (xml));

  fixture_run_cli (&run, "export", plan, "--format", "csv", "-o", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "ID,Name,"));
  g_clear_pointer (&text, g_free);

  fixture_run_cli (&run, "export", plan, "--format", "csv-excel", "-o", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBFID;Name;"));

  g_assert_cmpint (g_remove (ics), ==, 0);
  g_assert_cmpint (g_remove (xml), ==, 0);
  g_assert_cmpint (g_remove (csv), ==, 0);

  /* failures leave no file behind */
  fixture_run_cli (&run, "export", plan, "--format", "ics", "--participant", "P999", "-o", ics,
                   NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "the event potsdam-2018 has no participant P999"));
  g_assert_false (g_file_test (ics, G_FILE_TEST_EXISTS));
  fixture_run_cli (&run, "export", plan, "--format", "frab", "--participant", "P1", "-o", xml,
                   NULL);
  g_assert_cmpint (run.status, ==, 2);
  fixture_run_cli (&run, "export", plan, "--format", "vcard", "-o", xml, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_false (g_file_test (xml, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_remove (plan), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/uuid", test_uuid);
  g_test_add_func ("/export/ics/participant", test_ics_participant);
  g_test_add_func ("/export/ics/everyone", test_ics_everyone);
  g_test_add_func ("/export/ics/folding", test_ics_folding);
  g_test_add_func ("/export/ics/summer-time", test_ics_summer_time);
  g_test_add_func ("/export/ics/errors", test_ics_errors);
  g_test_add_func ("/export/frab", test_frab);
  g_test_add_func ("/export/frab/awkward", test_frab_awkward);
  g_test_add_func ("/export/csv/plain", test_csv_plain);
  g_test_add_func ("/export/csv/excel", test_csv_excel);
  g_test_add_func ("/export/csv/no-schedule", test_csv_no_schedule);
  g_test_add_func ("/export/demo", test_demo);
  g_test_add_func ("/export/cli", test_cli);

  return g_test_run ();
}
