#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the demo event data/demo/potsdam.xml.

    python3 data/demo/make-demo.py [-o data/demo/potsdam.xml]

"Digitale Kommune Potsdam": the internal kickoff event that the Potsdam
council paper of 2017 proposes (agenda, the two workshop clusters and their
topics, "every participant attends two workshops", the audience). Every
person, e-mail address and registration here is invented; the addresses all
use the reserved domain example.org. The output is FORMAT.md version 1 plus
Auftakt's extensions in the namespace urn:auftakt:1.

Deterministic: the same script writes the same bytes on any python3 (one
seeded random.Random, no iteration over sets or hashes).
"""
import argparse
import os
import random
import sys
import unicodedata
from xml.sax.saxutils import escape, quoteattr

SEED = 20180315
NS = "urn:auftakt:1"

EVENT = {
    "title": "Digitale Kommune Potsdam",
    "date": "2018-03-15",
    "id": "potsdam-2018",
    "venue": "Stadthaus Potsdam, Friedrich-Ebert-Straße 79/81",
    "description": (
        "Interne Auftaktveranstaltung zur Digitalisierungsstrategie der "
        "Landeshauptstadt: Impulse aus Wissenschaft und anderen Städten, fünf "
        "Workshops in zwei Themenfeldern und eine gemeinsame Abschlussrunde.\n"
        "Ziele: ein gemeinsames Begriffsverständnis von Digitalisierung, die "
        "Schwerpunktthemen für Potsdam und Fachleute für das künftige "
        "Expertengremium Digitalisierung."
    ),
}

# id, start, end, title
ROUNDS = [
    ("R1", "11:00", "12:15", "Workshoprunde 1"),
    ("R2", "13:00", "14:15", "Workshoprunde 2"),
]

# id, name, capacity, rounds closed, description
ROOMS = [
    ("PL", "Plenarsaal", 160, ["R1", "R2"],
     "Plenum für Einleitung und Abschlussdiskussion. Während der Workshoprunden "
     "wird hier das Catering aufgebaut."),
    ("M1", "Sitzungssaal 1", 40, [], "Beamer, zwei Pinnwände, Stuhlkreis möglich."),
    ("M2", "Sitzungssaal 2", 35, [], "Beamer, Flipchart."),
    ("M3", "Besprechungsraum 2.10", 30, [], "Großer Bildschirm, Flipchart."),
    ("M4", "Besprechungsraum 2.12", 30, [], "Flipchart, Moderationskoffer."),
    ("M5", "Besprechungsraum 3.05", 25, [], "Flipchart; barrierefrei über Aufzug B."),
]

# id, title, colour, description
CLUSTERS = [
    ("C1", "Digitale Verwaltung", "#3584e4",
     "Angebote der Verwaltung und die städtische digitale Infrastruktur."),
    ("C2", "Smart City", "#2ec27e",
     "Digitalisierung in Bildung, Mobilität und Wirtschaft der Stadt."),
]

# id, name, organisation, role, rounds away
REFEREES = [
    ("F1", "Dr. Thomas Reinhardt", "Landeshauptstadt Potsdam",
     "Gastgeber, Geschäftsbereich Zentrale Steuerung und Finanzen", []),
    ("F2", "Prof. Dr. Helene Brandtner", "Institut für Digitale Gesellschaft",
     "Wissenschaftliche Leiterin", []),
    ("F3", "Jonas Feldhaus", "Stadt Lindenfeld, Stabsstelle Digitalisierung",
     "Chief Digital Officer", []),
    ("F4", "Dr. Maarja Lepik", "Stadtverwaltung Tallinn, Estland",
     "Leiterin E-Government", []),
    ("F5", "Ulrike Sander-Hoffmann", "Landeshauptstadt Potsdam, Fachbereich Steuerung und Innovation",
     "Moderation", []),
    ("F6", "Markus Thielemann", "Landeshauptstadt Potsdam, Fachbereich Bürgerservice",
     "Fachbereichsleiter", []),
    ("F7", "Aylin Demirci", "Landeshauptstadt Potsdam, Fachbereich Steuerung und Innovation",
     "Referentin E-Government", []),
    ("F8", "Henrik Vogelsang", "Stadtwerke Potsdam GmbH",
     "Leiter IT-Infrastruktur", []),
    ("F9", "Claudia Rosenbaum", "Landeshauptstadt Potsdam, Fachbereich Bildung, Jugend und Sport",
     "Fachbereichsleiterin", []),
    ("F10", "Tobias Wendland", "Gesamtschule Havelblick",
     "Schulleiter und Medienbeauftragter", []),
    # Leaves after lunch for a board meeting: Mobilität runs in round 1 only.
    ("F11", "Dr. Frederike Ahlers", "ViP Verkehrsbetrieb Potsdam GmbH",
     "Leiterin Verkehrsplanung", ["R2"]),
    ("F12", "Bernd Kaltenbach", "Landeshauptstadt Potsdam, Wirtschaftsförderung",
     "Leiter Wirtschaftsförderung", []),
]

# id, title, cluster, min, max, max-runs, leads, topics, popularity
WORKSHOPS = [
    ("WS1", "Verwaltung", "C1", 8, 40, 2, ["F6", "F7"],
     ["Bürgerportal", "Open Data", "Mobile Angebote"], 1.4),
    ("WS2", "Städtische Infrastruktur", "C1", 8, 35, 2, ["F8"],
     ["City-WLAN", "Breitband", "Stadtnetz", "Stadt-Cloud"], 0.8),
    ("WS3", "Bildung", "C2", 8, 30, 2, ["F9", "F10"],
     ["Digitalisierung in den Schulen", "Vernetzte Bildungslandschaft",
      "Einsatz digitaler Medien", "Erwerb digitaler Kompetenzen",
      "Integration von Migrantinnen und Migranten"], 1.0),
    ("WS4", "Mobilität", "C2", 8, 40, 2, ["F11"],
     ["Multimodale Integration der Verkehrsträger", "Ausbau der Elektromobilität",
      "Vernetzte Fahrzeuge", "Integriertes Verkehrsmanagement",
      "Kapazitätsoptimierung", "Grüne Stadt- und Regionalplanung"], 1.6),
    ("WS5", "Wirtschaft", "C2", 8, 30, 2, ["F12", "F3"],
     ["Know-how am Standort, Technologietransfer, digitale Kompetenzen",
      "Mittelstand 4.0", "Digitale Märkte und Netzwerke"], 0.7),
]

# id, number, kind, start, end, room, round, title, speakers, description
AGENDA = [
    ("A1", "1", "opening", "09:00", "09:15", "PL", None, "Einleitung und Begrüßung",
     ["F1", "F5"], "Anlass, Ziele des Tages und Ablauf."),
    ("A2", "1.1", "talk", "09:15", "09:50", "PL", None,
     "Gesellschaftliche Herausforderungen und technologische Trends", ["F2"],
     "Gesellschaft: demografische Entwicklung, politische und soziale Legitimation, "
     "Innovationsfähigkeit.\n"
     "Technik: Breitband, soziale Netzwerke und Kollaboration, Cloud Computing, "
     "mobiles Internet, Big Data, Internet der Dinge, Industrie 4.0, digitale "
     "Plattformen, vernetzte IT-Sicherheit."),
    ("A3", "1.2", "talk", "09:50", "10:20", "PL", None, "Lernen von Anderen – national",
     ["F3"], "Trends auf kommunaler Ebene, Pilotprojekte und gelungene Beispiele."),
    ("A4", "1.3", "talk", "10:20", "10:50", "PL", None, "Lernen von Anderen – international",
     ["F4"], "Trends und gelungene Beispiele aus dem Ausland."),
    ("A5", "", "break", "10:50", "11:00", "PL", None, "Kaffeepause und Wechsel in die Workshops",
     [], None),
    ("A6", "2", "workshops", "11:00", "12:15", None, "R1", "Workshops – Runde 1", [],
     "2.1 Digitale Verwaltung: WS 1 Verwaltung, WS 2 Städtische Infrastruktur.\n"
     "2.2 Smart City: WS 3 Bildung, WS 4 Mobilität, WS 5 Wirtschaft."),
    ("A7", "", "break", "12:15", "13:00", "PL", None, "Mittagspause", [], None),
    ("A8", "2", "workshops", "13:00", "14:15", None, "R2", "Workshops – Runde 2", [],
     "Jede Teilnehmerin und jeder Teilnehmer besucht zwei Workshops, einen je Runde."),
    ("A9", "", "break", "14:15", "14:30", "PL", None, "Kaffeepause", [], None),
    ("A10", "3", "discussion", "14:30", "15:30", "PL", None,
     "Abschlussdiskussion mit den Referentinnen und Referenten", ["F2", "F3", "F4", "F5"],
     "Die Workshops berichten; gemeinsam werden die Themen verknüpft und "
     "Handlungsempfehlungen für das Expertengremium gesammelt."),
    ("A11", "", "other", "15:30", "15:45", "PL", None, "Ausblick und Verabschiedung", ["F1"],
     "Nächste Schritte auf dem Weg zum Expertengremium Digitalisierung."),
]

FIRST = [
    "Anna", "Andreas", "Birgit", "Bernhard", "Carola", "Christian", "Dagmar", "Daniel",
    "Elke", "Erik", "Franziska", "Frank", "Gabriele", "Georg", "Hanna", "Holger", "Ines",
    "Jan", "Julia", "Jürgen", "Katrin", "Kai", "Lena", "Lars", "Marion", "Matthias",
    "Nadine", "Nils", "Petra", "Peter", "Ramona", "Ralf", "Sandra", "Stefan", "Tanja",
    "Torsten", "Ute", "Uwe", "Vanessa", "Volker", "Wiebke", "Wolfgang", "Yvonne", "Zeynep",
    "Mehmet", "Olga", "Sören", "Maren", "Dirk", "Heike", "Kerstin", "René", "Silke", "Timo",
]
LAST = [
    "Albrecht", "Bartels", "Behrendt", "Brückner", "Dittmann", "Ebert", "Engel", "Fiebig",
    "Franke", "Gerlach", "Gottschalk", "Haase", "Hartmann", "Heinze", "Jahnke", "Kaiser",
    "Kessler", "Klose", "Kowalski", "Krämer", "Kuhn", "Lange", "Lehmann", "Lorenz", "Marx",
    "Menzel", "Möller", "Naumann", "Nowak", "Otto", "Pohl", "Preuß", "Quast", "Reimann",
    "Richter", "Sauer", "Schreiber", "Schulze", "Seidel", "Sommer", "Stein", "Thiele",
    "Ulrich", "Voigt", "Wagner", "Walter", "Weber", "Winkler", "Wolff", "Zimmermann",
    "Yilmaz", "Özdemir", "Petrović", "Jankowski",
]

# Who comes (the council paper's audience), how many, and which workshops
# each group leans towards (affinity multiplies the workshop's popularity).
GROUPS = [
    # count, organisations, affinity {workshop: factor}
    (40, ["Stadtverordnetenversammlung Potsdam, Stadtverordnete"], {}),
    (34, [
        "Landeshauptstadt Potsdam, Fachbereich Steuerung und Innovation, Fachbereichsleitung",
        "Landeshauptstadt Potsdam, Fachbereich Bürgerservice, Fachbereichsleitung",
        "Landeshauptstadt Potsdam, Fachbereich Personal und Organisation, Fachbereichsleitung",
        "Landeshauptstadt Potsdam, Fachbereich Kommunikation und Partizipation, "
        "Fachbereichsleitung",
        "Landeshauptstadt Potsdam, Fachbereich Finanzen, Fachbereichsleitung",
        "Landeshauptstadt Potsdam, Fachbereich Ordnung und Sicherheit, Fachbereichsleitung",
        "Landeshauptstadt Potsdam, Fachbereich Soziales und Inklusion, Fachbereichsleitung",
        "Landeshauptstadt Potsdam, Fachbereich Kultur und Museum, Fachbereichsleitung",
     ], {"WS1": 3.0, "WS2": 1.5}),
    (10, [
        "Landeshauptstadt Potsdam, Fachbereich Bildung, Jugend und Sport, Fachbereichsleitung",
        "Landeshauptstadt Potsdam, Fachbereich Schule und Sport, Bereichsleitung",
     ], {"WS3": 4.0}),
    (10, [
        "Landeshauptstadt Potsdam, Fachbereich Stadtplanung, Fachbereichsleitung",
        "Landeshauptstadt Potsdam, Fachbereich Grün- und Verkehrsflächen, Fachbereichsleitung",
        "ViP Verkehrsbetrieb Potsdam GmbH, Geschäftsführung",
     ], {"WS4": 4.0}),
    (14, [
        "Stadtwerke Potsdam GmbH, Geschäftsführung",
        "Energie und Wasser Potsdam GmbH, Geschäftsführung",
        "ProPotsdam GmbH, Geschäftsführung",
        "Stadtentsorgung Potsdam GmbH, Geschäftsführung",
        "Klinikum Ernst von Bergmann gGmbH, Geschäftsführung",
     ], {"WS2": 4.0, "WS4": 1.5}),
    (10, [
        "Landeshauptstadt Potsdam, Wirtschaftsförderung",
        "Potsdam Marketing und Service GmbH, Geschäftsführung",
        "Technologie- und Gründerzentrum Havelland, Geschäftsführung",
     ], {"WS5": 4.0}),
    (6, [
        "Universität Potsdam, Lehrstuhl für Verwaltungsinformatik",
        "Fachhochschule Potsdam, Fachbereich Informationswissenschaften",
     ], {"WS3": 2.0, "WS5": 2.0, "WS1": 1.5}),
]
LATE = 4  # late registrations: no choices yet


def ascii_local(text):
    """The local part of an invented address: 'Sören Preuß' -> 'soeren.preuss'."""
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"),
                 ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return ".".join(part for part in text.lower().replace("-", " ").split()
                    if not part.endswith("."))


def weighted_choices(rng, weights, n):
    """n distinct keys drawn without replacement, proportionally to weight."""
    pool = list(weights.items())
    picked = []
    while pool and len(picked) < n:
        total = sum(w for _, w in pool)
        x = rng.random() * total
        for i, (key, w) in enumerate(pool):
            x -= w
            if x <= 0 or i == len(pool) - 1:
                picked.append(key)
                del pool[i]
                break
    return picked


def participants(rng):
    names = [(f, l) for f in FIRST for l in LAST]
    rng.shuffle(names)
    emails = set()
    people = []
    popularity = {w[0]: w[8] for w in WORKSHOPS}
    for count, orgs, affinity in GROUPS:
        for _ in range(count):
            first, last = names.pop()
            name = f"{first} {last}"
            if rng.random() < 0.12:
                name = "Dr. " + name
            local = ascii_local(f"{first} {last}")
            email, n = f"{local}@example.org", 2
            while email in emails:
                email, n = f"{local}{n}@example.org", n + 1
            emails.add(email)
            weights = {w: p * affinity.get(w, 1.0) for w, p in popularity.items()}
            people.append((name, rng.choice(orgs), email, weighted_choices(rng, weights, 3)))
    # Registrations arrive in no particular order of group.
    rng.shuffle(people)
    for i in range(LATE):
        name, org, email, _ = people[len(people) - LATE + i]
        people[len(people) - LATE + i] = (name, org, email, [])
    return people


def attr(name, value):
    return f" {name}={quoteattr(str(value))}"


def description(text, indent):
    """A multi-line <a:description>: continuation lines are not indented, so
    the text reads back exactly as written here."""
    return f"{indent}<a:description>{escape(text)}</a:description>\n"


def referee_email(name):
    return ascii_local(name) + "@example.org"


def write(out):
    rng = random.Random(SEED)
    w = out.write
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w("<!-- Demo event for Auftakt. Generated by data/demo/make-demo.py; edit that\n"
      "     script and run it again instead of editing this file. Every person,\n"
      "     e-mail address and registration here is invented. -->\n")
    w(f'<event version="1"{attr("title", EVENT["title"])}{attr("date", EVENT["date"])}'
      f' workshops-per-participant="2" unranked-cost="100"\n'
      f'       xmlns:a="{NS}"{attr("a:id", EVENT["id"])}{attr("a:venue", EVENT["venue"])}>\n')
    w(description(EVENT["description"], "  "))
    w("\n")
    for rid, start, end, title in ROUNDS:
        w(f'  <round{attr("id", rid)}{attr("start", start)}{attr("end", end)}'
          f'{attr("a:title", title)}/>\n')
    w("\n")
    for mid, name, capacity, closed, text in ROOMS:
        w(f'  <room{attr("id", mid)}{attr("name", name)}{attr("capacity", capacity)}>\n')
        w(description(text, "    "))
        for r in closed:
            w(f'    <unavailable{attr("round", r)}/>\n')
        w("  </room>\n")
    w("\n")
    for cid, title, colour, text in CLUSTERS:
        w(f'  <cluster{attr("id", cid)}{attr("title", title)}{attr("a:colour", colour)}>\n')
        w(description(text, "    "))
        w("  </cluster>\n")
    w("\n")
    for fid, name, org, role, away in REFEREES:
        head = (f'  <referee{attr("id", fid)}{attr("name", name)}\n'
                f'           {attr("a:organisation", org)[1:]}\n'
                f'           {attr("a:role", role)[1:]}{attr("a:email", referee_email(name))}')
        if away:
            w(head + ">\n")
            for r in away:
                w(f'    <unavailable{attr("round", r)}/>\n')
            w("  </referee>\n")
        else:
            w(head + "/>\n")
    w("\n")
    w("  <a:agenda>\n")
    for aid, number, kind, start, end, room, rnd, title, speakers, text in AGENDA:
        w(f'    <a:item{attr("id", aid)}')
        if number:
            w(attr("number", number))
        w(f'{attr("kind", kind)}{attr("start", start)}{attr("end", end)}')
        if room:
            w(attr("room", room))
        if rnd:
            w(attr("round", rnd))
        w(attr("title", title))
        if not speakers and not text:
            w("/>\n")
            continue
        w(">\n")
        for s in speakers:
            w(f'      <a:speaker{attr("referee", s)}/>\n')
        if text:
            w(description(text, "      "))
        w("    </a:item>\n")
    w("  </a:agenda>\n\n")
    for wid, title, cluster, mn, mx, runs, leads, topics, _ in WORKSHOPS:
        w(f'  <workshop{attr("id", wid)}{attr("title", title)}{attr("cluster", cluster)}'
          f'{attr("min", mn)}{attr("max", mx)}{attr("max-runs", runs)}>\n')
        w(description("\n".join(topics), "    "))
        for f in leads:
            w(f'    <lead{attr("referee", f)}/>\n')
        w("  </workshop>\n")
    w("\n")
    for i, (name, org, email, choices) in enumerate(participants(rng), 1):
        head = (f'  <participant{attr("id", f"P{i}")}{attr("name", name)}'
                f'{attr("a:organisation", org)}{attr("a:email", email)}')
        if not choices:
            w(head + "/>\n")
            continue
        w(head + ">\n")
        for rank, wid in enumerate(choices, 1):
            w(f'    <choice{attr("workshop", wid)}{attr("rank", rank)}/>\n')
        w("  </participant>\n")
    w("</event>\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", default=os.path.join(here, "potsdam.xml"))
    args = ap.parse_args()
    if args.output == "-":
        write(sys.stdout)
    else:
        tmp = args.output + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            write(f)
        os.replace(tmp, args.output)


if __name__ == "__main__":
    main()
