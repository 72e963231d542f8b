# veto_e2e.py: drive the real `veto` binary over AT-SPI, as a person would.
#
# Copyright 2026 The Veto developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Controls are found by their accessible role and name, never by widget
# internals. GTK 4.8 leaves the controls of hidden GtkStack pages (and of
# unrevealed revealers) on the accessibility bus, and sets SHOWING on none of
# the children, so the bus alone can't say what is on screen. Veto's pages
# therefore name themselves (their accessible label) and the wizard shows
# "Step N of M: <page>" in a label that is always on screen; tests read that
# label first and then only search inside the named page: a test only
# presses what a person could see.

import ctypes
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
gi.require_version("GLib", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

BUILD = os.environ["VETO_BUILD_ROOT"]
VETO = os.path.join(BUILD, "src", "veto")


class Tap:
    """A minimal TAP producer, so meson counts each check."""

    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, what):
        self.n += 1
        if cond:
            print(f"ok {self.n} {what}", flush=True)
        else:
            self.failed += 1
            print(f"not ok {self.n} {what}", flush=True)
        return cond

    def done(self):
        print(f"1..{self.n}", flush=True)
        sys.exit(1 if self.failed else 0)


def strip_markers(text):
    """A catalog text as Veto shows it: each [[source]] marker, and the
    space before it, removed."""
    return re.sub(r"\s*\[\[[a-z0-9-]+\]\]", "", text)


def card_lead(catalog, step, locale):
    """The line a card shows under a step's title: its description's first
    sentence (veto_step_card_split_lead())."""
    text = strip_markers(catalog.get_locale_string(f"Step {step}", "Description", locale))
    at = 0
    while True:
        at = text.find(". ", at)
        if at < 0:
            return text
        if at >= 24 and not text[at - 1].isupper():
            return text[:at + 1]
        at += 2


def bundled_catalog():
    """The catalog Veto was built with, every language kept: the facts a
    test expects come from it, in the language the test runs in."""
    catalog = GLib.KeyFile()
    catalog.load_from_file(os.path.join(BUILD, "data", "catalog", "meta.steps"),
                           GLib.KeyFileFlags.KEEP_TRANSLATIONS)
    return catalog


class Home:
    """A private home: the person's files, and a browser that only records."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="veto-e2e-")
        self.opened = os.path.join(self.root, "opened.txt")
        for d in ("state", "config", "data/applications", "cache", "runtime"):
            os.makedirs(os.path.join(self.root, d), exist_ok=True)
        os.chmod(os.path.join(self.root, "runtime"), 0o700)
        # A recording https handler: "the browser" writes the URL it was given.
        rec = os.path.join(self.root, "record-url")
        with open(rec, "w") as f:
            f.write('#!/bin/sh\nprintf "%%s\\n" "$@" >> "%s"\n' % self.opened)
        os.chmod(rec, 0o755)
        with open(os.path.join(self.root, "data/applications/record-url.desktop"), "w") as f:
            f.write("[Desktop Entry]\nType=Application\nName=Recorder\n"
                    f"Exec={rec} %u\nMimeType=x-scheme-handler/https;x-scheme-handler/http;\n")
        with open(os.path.join(self.root, "config/mimeapps.list"), "w") as f:
            f.write("[Default Applications]\n"
                    "x-scheme-handler/https=record-url.desktop\n"
                    "x-scheme-handler/http=record-url.desktop\n")

    def env(self, language):
        env = dict(os.environ)
        env.update({
            "HOME": self.root,
            "XDG_STATE_HOME": os.path.join(self.root, "state"),
            "XDG_CONFIG_HOME": os.path.join(self.root, "config"),
            "XDG_DATA_HOME": os.path.join(self.root, "data"),
            "XDG_CACHE_HOME": os.path.join(self.root, "cache"),
            "LC_ALL": "C.UTF-8",
            "LANGUAGE": language,
            "GDK_BACKEND": "x11",
            "GSK_RENDERER": "cairo",
            "GDK_DEBUG": "gl-disable",
            "GTK_A11Y": "atspi",
        })
        env.pop("G_DEBUG", None)  # the app runs as a person runs it
        env.pop("G_SLICE", None)
        if "." in language:
            # A system locale ("fr_FR.UTF-8"), as a desktop session sets it,
            # not generated on the test machine: no LC_ALL, no LANGUAGE.
            for var in ("LC_ALL", "LANGUAGE", "LC_MESSAGES"):
                env.pop(var, None)
            env["LANG"] = language
        return env

    def write_progress(self, text):
        """The person's progress file, as an earlier Veto left it."""
        os.makedirs(os.path.join(self.root, "state", "veto"), mode=0o700, exist_ok=True)
        with open(os.path.join(self.root, "state", "veto", "progress.ini"), "w", encoding="utf-8") as f:
            f.write(text)

    def progress(self):
        path = os.path.join(self.root, "state", "veto", "progress.ini")
        if not os.path.exists(path):
            return ""
        with open(path, encoding="utf-8") as f:
            return f.read()

    def opened_urls(self):
        if not os.path.exists(self.opened):
            return []
        with open(self.opened) as f:
            return [line.strip() for line in f if line.strip()]

    def cleanup(self):
        shutil.rmtree(self.root, ignore_errors=True)


def _die_with_parent():
    # If the test itself dies, its Veto must not linger on the shared session
    # bus: the next test's Veto would find it and hand over to it.
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


class Veto:
    """One running `veto` process and its accessible tree."""

    def __init__(self, home, language="en", args=()):
        self.stderr_path = os.path.join(home.root, f"stderr-{time.monotonic_ns()}.txt")
        self.stderr_file = open(self.stderr_path, "w")
        self.proc = subprocess.Popen([VETO, *args], env=home.env(language),
                                     stdout=subprocess.DEVNULL, stderr=self.stderr_file,
                                     preexec_fn=_die_with_parent)
        self.app = None

    def wait_for_app(self, timeout=20):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f"veto exited early with {self.proc.returncode}: {self.stderr()}")
            desktop = Atspi.get_desktop(0)
            for i in range(desktop.get_child_count()):
                child = desktop.get_child_at_index(i)
                try:
                    if child is not None and child.get_process_id() == self.proc.pid:
                        if self.frames():
                            self.app = child
                            return child
                        self.app = child
                except gi.repository.GLib.Error:
                    continue
            time.sleep(0.1)
        raise TimeoutError("veto did not appear on the accessibility bus")

    def frames(self):
        if self.app is None:
            return []
        out = []
        for i in range(self.app.get_child_count()):
            c = self.app.get_child_at_index(i)
            if c is not None and c.get_role() == Atspi.Role.FRAME:
                out.append(c)
        return out

    def stderr(self):
        self.stderr_file.flush()
        with open(self.stderr_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def close(self, timeout=10):
        """Closes the window with its close button; Veto then exits."""
        frame = self.frames()[0]
        button = [n for n in find_all(frame, role="push button")
                  if name_of(n) in ("Close", "Fermer")][0]
        click(button)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(timeout=5)
            return None

    def close_cleanly(self, tap, when=""):
        """Closes the window; checks that Veto exits 0 and says nothing on stderr."""
        suffix = f" ({when})" if when else ""
        tap.ok(self.close() == 0, "closing the window quits cleanly" + suffix)
        err = self.stderr()
        if not tap.ok(err.strip() == "", "nothing on stderr" + suffix):
            print("# " + err.replace("\n", "\n# "))

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def showing(node):
    try:
        states = node.get_state_set()
        return states.contains(Atspi.StateType.SHOWING) and states.contains(Atspi.StateType.VISIBLE)
    except gi.repository.GLib.Error:
        return False


def focused(root):
    """The control that has the keyboard focus, if it is under @root."""
    for node in walk(root):
        try:
            if node.get_state_set().contains(Atspi.StateType.FOCUSED):
                return node
        except gi.repository.GLib.Error:
            pass
    return None


def children(node):
    """A node's children, skipping those that went away while asked for."""
    try:
        n = node.get_child_count()
    except gi.repository.GLib.Error:
        return
    for i in range(n):
        try:
            yield node.get_child_at_index(i)
        except gi.repository.GLib.Error:
            continue


def walk(node, depth=0):
    """Depth-first over the accessible tree."""
    if node is None or depth > 60:
        return
    yield node
    for child in children(node):
        yield from walk(child, depth + 1)


def role_name(node):
    try:
        return node.get_role_name()
    except gi.repository.GLib.Error:
        return ""


def name_of(node):
    if node is None:
        return ""
    try:
        return node.get_name() or ""
    except gi.repository.GLib.Error:
        return ""


def description_of(node):
    """A control's accessible description: what it says beside its name."""
    if node is None:
        return ""
    try:
        return node.get_description() or ""
    except gi.repository.GLib.Error:
        return ""


def text_of(node):
    """A label's text: GTK 4.8 puts it in the name, some in the Text iface."""
    name = name_of(node)
    if name:
        return name
    try:
        t = node.get_text_iface()
        if t is not None:
            return t.get_text(0, -1)
    except Exception:
        pass
    return ""


def find_all(root, role=None, name=None, contains=None):
    out = []
    for node in walk(root):
        if role is not None and role_name(node) != role:
            continue
        txt = text_of(node)
        if name is not None and txt != name:
            continue
        if contains is not None and contains not in txt:
            continue
        out.append(node)
    return out


def wait_for(root, role=None, name=None, contains=None, timeout=10):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = find_all(root, role, name, contains)
        if found:
            return found[0]
        time.sleep(0.1)
    return None


def click(node):
    """Press a control as a person would.

    Buttons are pressed through their AT-SPI action. GTK 4.8 gives check
    boxes and list rows no action (and no working grab_focus), so those get
    a real mouse click in their middle, synthesised by the X server; only
    call this on a control of the page on screen, whose extents are current.
    GTK 4 knows no screen coordinates (it warns when asked), so this takes
    window coordinates: under Xvfb, with no window manager, the window sits
    at the origin of the screen."""
    action = node.get_action_iface()
    if action is not None and action.get_n_actions() > 0:
        return action.do_action(0)
    component = node.get_component_iface()
    if component is None:
        raise RuntimeError(f"{role_name(node)} '{name_of(node)}' can't be pressed")
    e = component.get_extents(Atspi.CoordType.WINDOW)
    if e.width <= 0 or e.height <= 0:
        raise RuntimeError(f"{role_name(node)} '{name_of(node)}' is not on screen")
    return Atspi.generate_mouse_event(e.x + e.width // 2, e.y + e.height // 2, "b1c")


def press_keys(spec):
    """Presses a shortcut such as '<Control>q' through XTest: the modifiers
    are locked by mask around the key, which is sent by its keysym (a
    keycode depends on the keyboard map)."""
    mods = []
    while spec.startswith("<"):
        end = spec.index(">")
        mods.append(spec[1:end])
        spec = spec[end + 1:]
    masks = {"Shift": 1 << 0, "Control": 1 << 2, "Alt": 1 << 3}
    mask = 0
    for m in mods:
        mask |= masks[m]
    keysym = ord(spec) if len(spec) == 1 else {
        "Return": 0xff0d, "Tab": 0xff09, "Escape": 0xff1b, "F10": 0xffc7,
        "Home": 0xff50, "Left": 0xff51, "Up": 0xff52, "Right": 0xff53, "Down": 0xff54,
        "Page_Up": 0xff55, "Page_Down": 0xff56, "End": 0xff57,
    }[spec]
    if mask:
        Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.LOCKMODIFIERS)
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
    if mask:
        Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.UNLOCKMODIFIERS)


def wait_for_menu_item(app, name, timeout=10):
    """The item @name of the menu just opened: a popover is a window of its
    own, so it is looked for in the whole application; its label's
    mnemonic underscore is not part of the name."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for node in walk(app):
            if name_of(node).replace("_", "") == name and role_name(node) != "label":
                return node
        time.sleep(0.1)
    return None


def type_text(text):
    """Types @text through XTest, one keysym after another."""
    Atspi.generate_keyboard_event(0, text, Atspi.KeySynthType.STRING)


def dump(root):
    """The showing tree as text, for failure messages."""
    lines = []
    for node in walk(root):
        lines.append(f"{role_name(node)}: {text_of(node)!r}")
    return "\n".join(lines)


CONTROL_ROLES = ("push button", "toggle button", "check box", "radio button", "switch",
                 "text", "entry", "combo box", "slider", "spin button", "link")


# GTK 4.8 names an accessible that has no name of its own after its type
# ("GtkStackPage", "GtkListBox", "AdwGizmo"), and Orca says that name.
TYPE_NAME = re.compile(r"^(?:Gtk|Adw|Gdk)[A-Z][A-Za-z]+$")
# Roles Orca never says as they are: fillers and scroll panes are layout
# to it, and scroll bars never take the focus. Their accessibles are GTK's
# and libadwaita's own children (a check button's indicator, a scrolled
# window's bars, a header bar's boxes), which GTK 4.8 offers no way to name.
SILENT_ROLES = ("filler", "scroll bar", "scroll pane")


def _walk_entries(node, in_entry=False, depth=0):
    """walk(), with whether each node is inside a text entry."""
    if node is None or depth > 60:
        return
    yield node, in_entry
    inside = in_entry or role_name(node) in ("text", "entry")
    for child in children(node):
        yield from _walk_entries(child, inside, depth + 1)


def unnamed_controls(root, seen=None):
    """The controls shown under @root that a screen reader could not name:
    no name, or GTK's type name ("GtkFlowBoxChild") instead of one; and any
    other accessible a screen reader would say by its type name (a stack
    page, a list, a popover). @seen, a list, receives the names of all the
    controls looked at."""
    bad = []
    for node, in_entry in _walk_entries(root):
        role = role_name(node)
        # an entry's own parts (AdwEntryRow's pencil) are read as the entry
        if not in_entry and role not in SILENT_ROLES and TYPE_NAME.match(name_of(node)):
            bad.append(f"{role} “{name_of(node)}”")
            continue
        if role not in CONTROL_ROLES and role != "list item":
            continue
        name = name_of(node)
        if seen is not None:
            seen.append(name)
        if role == "list item":
            # a list item only matters if it is read out as a type name
            if name.startswith("Gtk"):
                bad.append(f"{role} “{name}”")
            continue
        if not name.strip() or name.startswith("Gtk"):
            bad.append(f"{role} “{name}”")
    return bad


def unselected_rows(root):
    """The Tab stops under @root that Orca says "not selected": list items
    of a list, which GTK 4.8 offers to select whatever the list's
    selection mode, and which Veto never selects. A row that leads on is a
    button (veto_row_new_link()); one that only shows, a group."""
    bad = []
    for node in walk(root):
        if role_name(node) != "list item":
            continue
        try:
            states = node.get_state_set()
            parent = node.get_parent()
        except gi.repository.GLib.Error:
            continue
        if states.contains(Atspi.StateType.FOCUSABLE) and parent is not None \
           and parent.get_selection_iface() is not None:
            bad.append(f"list item “{name_of(node)}”")
    return bad
