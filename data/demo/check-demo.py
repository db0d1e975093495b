#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tests of the demo event (meson suite 'data').

    check-demo.py generated  DEMO.xml   the committed file is what make-demo.py writes
    check-demo.py extensions DEMO.xml   Auftakt's extensions (urn:auftakt:1) hold together
    check-demo.py feasible   DEMO.xml BENCH_DIR
                                        check.py accepts the event, and greedy.py's
                                        schedule for it is valid

check.py skips namespaced elements, so 'extensions' checks what it cannot:
references of the agenda, kinds, times, and that no plenary item overlaps a
workshop round (an overlap would take its speakers and room out of that round).
Exit 0 pass, 1 fail, 77 skipped (no benchmark tools found).
"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = "{urn:auftakt:1}"
KINDS = {"opening", "talk", "panel", "break", "workshops", "results", "discussion", "other"}
TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
COLOUR = re.compile(r"^#[0-9a-f]{6}$")
HERE = os.path.dirname(os.path.abspath(__file__))


def minutes(text):
    return int(text[:2]) * 60 + int(text[3:])


def generated(demo):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "potsdam.xml")
        subprocess.run([sys.executable, os.path.join(HERE, "make-demo.py"), "-o", out],
                       check=True, env=dict(os.environ, PYTHONHASHSEED="random"))
        with open(out, "rb") as a, open(demo, "rb") as b:
            if a.read() != b.read():
                return [f"{demo}: differs from what make-demo.py writes; run it and commit"]
    return []


def extensions(demo):
    errors = []
    root = ET.parse(demo).getroot()
    ids = {tag: {el.get("id") for el in root.findall(tag)}
           for tag in ("round", "room", "referee", "workshop", "participant", "cluster")}
    rounds = {el.get("id"): (minutes(el.get("start")), minutes(el.get("end")))
              for el in root.findall("round")}

    def need(cond, msg):
        if not cond:
            errors.append(f"{demo}: {msg}")

    need(root.get(NS + "id"), "<event> has no a:id")
    need(root.get(NS + "venue"), "<event> has no a:venue")
    need(root.find(NS + "description") is not None, "<event> has no a:description")
    for el in root.findall("round"):
        need(el.get(NS + "title"), f"round {el.get('id')} has no a:title")
    for el in root.findall("cluster"):
        need(COLOUR.match(el.get(NS + "colour") or ""),
             f"cluster {el.get('id')}: a:colour is not #rrggbb")
    for tag in ("room", "cluster", "workshop"):
        for el in root.findall(tag):
            need(el.find(NS + "description") is not None,
                 f"{tag} {el.get('id')} has no a:description")
    for tag in ("referee", "participant"):
        for el in root.findall(tag):
            need(el.get(NS + "organisation"), f"{tag} {el.get('id')} has no a:organisation")
            need((el.get(NS + "email") or "").endswith("@example.org"),
                 f"{tag} {el.get('id')}: a:email is not an invented @example.org address")
            for off in el.findall(NS + "unavailable"):
                need(off.get("round") in ids["round"],
                     f"{tag} {el.get('id')}: a:unavailable names unknown round")

    agendas = root.findall(NS + "agenda")
    need(len(agendas) == 1, f"{len(agendas)} <a:agenda> elements, expected 1")
    seen, last_end, workshop_rounds = set(), -1, set()
    for item in (agendas[0] if agendas else []):
        iid = item.get("id")
        where = f"agenda item {iid}"
        need(item.tag == NS + "item", f"{where}: unexpected element {item.tag}")
        need(iid and iid not in seen, f"{where}: missing or duplicate id")
        seen.add(iid)
        kind = item.get("kind")
        need(kind in KINDS, f"{where}: unknown kind {kind!r}")
        need(item.get("title"), f"{where}: no title")
        start, end = item.get("start", ""), item.get("end", "")
        if not (TIME.match(start) and TIME.match(end)):
            need(False, f"{where}: start/end not HH:MM")
            continue
        s, e = minutes(start), minutes(end)
        need(s < e, f"{where}: ends before it starts")
        need(s >= last_end, f"{where}: starts before the previous item ends")
        last_end = e
        room, rnd = item.get("room"), item.get("round")
        need(room is None or room in ids["room"], f"{where}: unknown room {room!r}")
        for sp in item.findall(NS + "speaker"):
            need(sp.get("referee") in ids["referee"],
                 f"{where}: unknown speaker {sp.get('referee')!r}")
        if kind == "workshops":
            need(rnd in rounds, f"{where}: workshops item names no known round")
            if rnd in rounds:
                need(rounds[rnd] == (s, e), f"{where}: times differ from round {rnd}")
                workshop_rounds.add(rnd)
        else:
            need(rnd is None, f"{where}: only a workshops item names a round")
            for rid, (rs, re_) in rounds.items():
                need(e <= rs or s >= re_, f"{where}: overlaps workshop round {rid}")
    need(workshop_rounds == set(rounds), "not every round has its workshops agenda item")
    return errors


def feasible(demo, bench):
    check, greedy = os.path.join(bench, "check.py"), os.path.join(bench, "greedy.py")
    if not (os.path.isfile(check) and os.path.isfile(greedy)):
        print(f"no check.py and greedy.py in {bench}: skipped")
        sys.exit(77)
    with tempfile.TemporaryDirectory() as tmp:
        schedule = os.path.join(tmp, "greedy.xml")
        subprocess.run([sys.executable, greedy, demo, "-o", schedule], check=True)
        res = subprocess.run([sys.executable, check, demo, schedule],
                             capture_output=True, text=True)
        print(res.stdout, end="")
        last = res.stdout.strip().splitlines()[-1] if res.stdout.strip() else ""
        if res.returncode != 0 or not last.startswith("valid=1 "):
            return [f"{demo}: greedy.py's schedule is not valid (check.py exit {res.returncode})"]
    return []


def main():
    mode, demo = sys.argv[1], sys.argv[2]
    if mode == "generated":
        errors = generated(demo)
    elif mode == "extensions":
        errors = extensions(demo)
    elif mode == "feasible":
        bench = os.environ.get("AUFTAKT_BENCH_DIR") or sys.argv[3]
        errors = feasible(demo, bench)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
