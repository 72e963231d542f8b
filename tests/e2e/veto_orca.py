# veto_orca.py: run Orca, the screen reader, beside a real `veto`, and read
# what it says.
#
# Copyright 2026 The Veto developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Orca writes one "SPEECH OUTPUT: '…'" line per utterance to its
# --debug-file, whether or not a synthesiser is there to say it: the test
# reads those lines, which are what a person who cannot see the screen
# hears. Orca is run as a person runs it, with its default settings (a
# private preferences folder), on a session bus and an accessibility bus of
# the test's own, so that no other test's application is on the bus and
# nothing of the developer's desktop is read. The keyboard is the X
# server's (XTest, through xdotool), as a person's keys are: Orca sees them
# through the accessibility registry, as it does on a desktop.

import os
import re
import shutil
import subprocess
import sys
import time

SPEECH = re.compile(r"SPEECH OUTPUT: '(.*)'\s*(?:\{.*\})?\s*$")
# the same, over the lines of an utterance that has line breaks
SPEECH_LINES = re.compile(SPEECH.pattern, re.S)
# A GTK or libadwaita type name: what GTK 4.8 says for an accessible that
# has no name of its own ("GtkStackPage", "AdwGizmo").
HERE = os.path.dirname(os.path.abspath(__file__))
TYPE_NAME = re.compile(r"\b(?:Gtk|Adw|Gdk|Gsk)[A-Z][A-Za-z]+")


def private_session(argv):
    """Starts this script again on a session bus of its own (and so an
    accessibility bus of its own, which the session bus starts), unless it
    already runs on one. Returns only in the private session."""
    if os.environ.get("VETO_ORCA_PRIVATE") == "1":
        _use_private_a11y_bus()
        return
    runtime = os.path.join("/tmp", f"veto-orca-{os.getpid()}")
    os.makedirs(runtime, mode=0o700, exist_ok=True)
    env = dict(os.environ)
    env["VETO_ORCA_PRIVATE"] = "1"
    # the accessibility bus puts its socket here: one of the test's own
    env["XDG_RUNTIME_DIR"] = runtime
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("AT_SPI_BUS_ADDRESS", None)
    try:
        rc = subprocess.call(["dbus-run-session", "--", sys.executable, *argv], env=env)
    finally:
        shutil.rmtree(runtime, ignore_errors=True)
    sys.exit(rc)


def _use_private_a11y_bus():
    """Points everyone at the accessibility bus of this session. The
    accessibility bus of the session outside (the other end-to-end tests')
    writes its address on the X server's root window, which the AT-SPI
    client library reads before the session bus: Orca and the test then
    listened on that bus while Veto spoke on this one, and Veto never
    appeared. AT_SPI_BUS_ADDRESS comes first for all of them."""
    from gi.repository import Gio, GLib

    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    reply = bus.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                          None, GLib.VariantType.new("(s)"), Gio.DBusCallFlags.NONE, 20000, None)
    os.environ["AT_SPI_BUS_ADDRESS"] = reply.unpack()[0]


def missing_tools():
    return [t for t in ("orca", "xdotool", "dbus-run-session") if shutil.which(t) is None]


class Orca:
    """One running Orca and its debug log."""

    def __init__(self, home, language):
        self.dir = os.path.join(home.root, "orca")
        os.makedirs(os.path.join(self.dir, "prefs"), exist_ok=True)
        self.log_path = os.path.join(self.dir, "debug.log")
        self.out = open(os.path.join(self.dir, "stdout.txt"), "w")
        env = home.env(language)
        self.proc = subprocess.Popen([sys.executable, os.path.join(HERE, "orca-line-buffered.py"),
                                      "-u", os.path.join(self.dir, "prefs"),
                                      "--debug-file", self.log_path],
                                     env=env, stdout=self.out, stderr=subprocess.STDOUT)

    # No --replace: it kills every Orca of the user, the developer's own
    # included. Orca refuses to start beside another one instead; the test
    # then says so (other_orca()).

    def other_orca(self):
        """Whether Orca exited because another Orca of this user runs."""
        return self.proc.poll() is not None

    def lines(self):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                return f.read().splitlines()
        except FileNotFoundError:
            return []

    def speech(self, since=0):
        """The utterances spoken since the mark @since, in order. An
        utterance of several lines (a label's text that has line breaks)
        runs over as many lines of the log, its closing quote on the last:
        it is joined again."""
        out = []
        pending = None
        for line in self.lines()[since:]:
            if pending is not None:
                pending += "\n" + line
                m = SPEECH_LINES.search(pending)
                if m:
                    out.append(m.group(1))
                    pending = None
                elif len(pending) > 100000:
                    pending = None
                continue
            m = SPEECH.search(line)
            if m:
                out.append(m.group(1))
            elif "SPEECH OUTPUT: '" in line:
                pending = line
        return out

    def lost_focus(self, since):
        """Whether Orca had lost track of the previous focus when the focus
        moved after @since: it then reads the new control without the
        containers around it (the page). GTK 4.8 sometimes tells of the
        previous control's end before the new focus, as the page that is
        left is hidden."""
        return any("Old locusOfFocus is null or defunct" in line for line in self.lines()[since:])

    def mark(self):
        """A place in the log: what is said after it is what an action made
        Orca say."""
        return len(self.lines())

    def wait_for_speech(self, since, pred, timeout=10, settle=0.6):
        """Waits until an utterance after @since satisfies @pred, then a
        little longer, for the rest of what Orca says about the same event;
        returns everything said since @since."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            said = self.speech(since)
            if any(pred(u) for u in said):
                time.sleep(settle)
                return self.speech(since)
            time.sleep(0.1)
        return self.speech(since)

    def wait_ready(self, timeout=30):
        """Orca says it is on once it listens."""
        said = self.wait_for_speech(0, lambda u: True, timeout=timeout, settle=0.5)
        return bool(said)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.out.close()


def key(*keys):
    """Presses keys as a keyboard does ("Tab", "Return", "alt+Right",
    "space"), one after the other, through the X server."""
    subprocess.run(["xdotool", "key", "--delay", "120", *keys], check=True)


def focus_window(pid):
    """Makes the window of process @pid the active one, as a window manager
    does when a window opens after the screen reader. The tests' X server
    has no window manager: the keyboard goes to the window under the
    pointer, and a window that had it from its first frame on was never
    "activated" while Orca listened, so Orca ignored it. The pointer leaves
    the window and comes back into it."""
    subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(pid), "--name", "."],
                   check=True, timeout=20, stdout=subprocess.DEVNULL)
    subprocess.run(["xdotool", "mousemove", "1279", "1023", "sleep", "0.5",
                    "mousemove", "20", "400"], check=True, timeout=20)
    time.sleep(0.5)


def type_names(utterances):
    return [u for u in utterances if TYPE_NAME.search(u)]
