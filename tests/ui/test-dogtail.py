#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real Auftakt window through AT-SPI, as a screen reader would.

Run by meson (suite 'gui') inside xvfb-run and a session bus:
    test-dogtail.py PATH/TO/auftakt
Opens the demo, adds a workshop through its form, is refused an invalid
capacity with the inline message, runs the scheduler and finds the timetable
filled, moves a participant into a full session and sees the capacity
violation reported, and undoes it. Exits 77 (skipped) without a display,
unless CI is set: then a missing display is a failure. (The print preview is
tested in test-dataio.c: an AT-SPI query into the preview window hung in CI.)
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def main():
    if len(sys.argv) != 2:
        print("usage: test-dogtail.py AUFTAKT", file=sys.stderr)
        return 2
    app_path = os.path.abspath(sys.argv[1])

    ci = os.environ.get("CI", "") not in ("", "false")
    if not os.environ.get("DISPLAY"):
        if ci:
            fail("no display: run the GUI tests under xvfb-run")
        print("no display: skipped")
        return SKIP

    # A session bus of our own, so that the accessibility bus and dconf are.
    # The dconf service started on it writes the accessibility setting into a
    # configuration directory of our own, never the user's.
    if not os.environ.get("AUFTAKT_DOGTAIL_BUS"):
        config_home = tempfile.mkdtemp(prefix="auftakt-dogtail-config-")
        env = dict(os.environ, AUFTAKT_DOGTAIL_BUS="1", XDG_CONFIG_HOME=config_home)
        python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
        try:
            return subprocess.call(["dbus-run-session", "--", python] + sys.argv, env=env)
        finally:
            shutil.rmtree(config_home, ignore_errors=True)

    data_home = tempfile.mkdtemp(prefix="auftakt-dogtail-")
    os.environ.pop("GSETTINGS_BACKEND", None)
    subprocess.run(["gsettings", "set", "org.gnome.desktop.interface",
                    "toolkit-accessibility", "true"], check=True)
    bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"])
    time.sleep(1)

    env = dict(os.environ)
    env.pop("GTK_A11Y", None)
    env.update({
        "GDK_BACKEND": "x11",
        "GSK_RENDERER": "cairo",
        "GSETTINGS_BACKEND": "memory",
        "XDG_DATA_HOME": data_home,
        "LANGUAGE": "en",
        "LC_ALL": "C.UTF-8",
    })
    app_process = subprocess.Popen([app_path], env=env)
    try:
        drive()
    finally:
        app_process.terminate()
        try:
            app_process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app_process.kill()
        bus.terminate()
        shutil.rmtree(data_home, ignore_errors=True)
    print("ok: the window was driven end to end")
    return 0


def drive():
    from dogtail import config
    config.config.searchCutoffCount = 40
    config.config.defaultDelay = 0.2
    config.config.actionDelay = 0.2
    from dogtail.tree import root
    from dogtail.predicate import GenericPredicate
    from dogtail import rawinput

    app = root.application("auftakt")

    # GTK 4.8 reports no "showing" state and names a labelled button twice
    # ("Add Add"); hidden widgets are not in the tree at all.
    def matches(node, name, contains, role):
        if role is not None and node.roleName != role:
            return False
        text = node.name or ""
        if name is not None:
            return text == name or text == name + " " + name
        return contains in text

    def find_all(name=None, role=None, contains=None, scope=None):
        return (scope or app).findChildren(lambda n: matches(n, name, contains, role),
                                           isLambda=True)

    def find(name=None, role=None, contains=None, scope=None):
        for _ in range(120):
            found = find_all(name, role, contains, scope)
            if found:
                return found[0]
            time.sleep(0.25)
        if os.environ.get("AUFTAKT_DOGTAIL_VERBOSE"):
            for n in app.findChildren(lambda n: role in (None, n.roleName), isLambda=True):
                print(repr(n.name), n.roleName)
        fail("nothing named “%s” appeared" % (name or contains))

    def gone(contains, seconds=30):
        for _ in range(int(seconds * 4)):
            if not find_all(contains=contains):
                return True
            time.sleep(0.25)
        return False

    def type_into(node, text):
        try:
            node.queryEditableText().setTextContents(text)
        except NotImplementedError:
            node.click()
            time.sleep(0.2)
            rawinput.keyCombo("<Control>a")
            rawinput.typeText(text)
        time.sleep(0.3)

    if os.environ.get("AUFTAKT_DOGTAIL_DUMP"):
        app.dump()
        return
    # The welcome page offers the demo.
    def section(name):
        sections = find("Sections", "list")
        sections.child(name=name, roleName="list item").click()
        time.sleep(0.5)

    find("Open the Potsdam Demo", "push button").doActionNamed("click")
    find(contains="Digitale Kommune Potsdam")

    # A new workshop through its form; a capacity of 0 is refused inline.
    section("Workshops")
    find("Add Workshop", "push button").doActionNamed("click")
    form = find("New Workshop", "frame")
    title = find("Title", "text", scope=form)
    type_into(title, "Open Data")
    capacity = find(contains="Capacity", role="text", scope=form)
    type_into(capacity, "0")
    find(contains="is not a positive whole number")
    add = find("Add", "push button", scope=form)
    if add.sensitive:
        fail("the form offered to add a workshop with capacity 0")
    type_into(capacity, "25")
    if not gone("is not a positive whole number"):
        fail("the capacity message stayed after a valid capacity")
    add.doActionNamed("click")
    find(contains="Open Data", role="label")

    # The scheduler fills the timetable.
    section("Timetable")
    find("Create Schedule", "push button").doActionNamed("click")
    cell = find(contains=" seats", role="push button")
    print("timetable filled, e.g. " + cell.name)

    # Move someone into a full session: the broken rule is reported.
    cells = find_all(role="push button", contains=" seats")
    full = None
    for c in cells:
        fill = c.name.rsplit(": ", 1)[1].split(" ")
        if fill[0] == fill[2]:
            full = c
            break
    if full is None:
        fail("no full session to move someone into")
    workshop = full.name.split(" in ")[0]
    round_name = full.name.split(", ")[-1].split(":")[0]
    other = [c for c in cells if c is not full and (", " + round_name + ":") in c.name][0]
    other.doActionNamed("click")
    move = [n for n in find_all(role="push button", contains="Move ") if "click" in n.actions]
    if not move:
        fail("no button to move an attendee")
    move[0].doActionNamed("click")
    target = find(contains=workshop + " (", role="menu item")
    target.doActionNamed("click") if "click" in target.actions else target.click()
    problem = find(contains="participants are assigned to")
    print("reported: " + problem.name)

    # Undo takes the move back.
    rawinput.keyCombo("<Control>z")
    if not gone("participants are assigned to"):
        fail("undo did not take the move back")
    find(contains="keeps every rule")


if __name__ == "__main__":
    sys.exit(main())
