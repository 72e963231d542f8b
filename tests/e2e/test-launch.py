#!/usr/bin/python3
# test-launch.py: a person starts Veto, sees it in their language, starts it
# again (one window, not two), and closes it; nothing on stderr.
#
# Copyright 2026 The Veto developers
# SPDX-License-Identifier: GPL-3.0-or-later

import subprocess
import sys

import veto_e2e as e2e

# "en", "fr", or a system locale such as "fr_FR.UTF-8" (a French desktop)
language = sys.argv[1] if len(sys.argv) > 1 else "en"
shown = "fr" if language.startswith("fr") else "en"
expected = {
    "en": ("Start", "Say No to Meta Training Its AI on You"),
    "fr": ("Commencer", "Dites non à l’entraînement de l’IA de Meta sur vos données"),
}[shown]

tap = e2e.Tap()
home = e2e.Home()
veto = e2e.Veto(home, language)
try:
    veto.wait_for_app()
    frames = veto.frames()
    tap.ok(len(frames) == 1, "one window opens")
    frame = frames[0]
    tap.ok(e2e.name_of(frame) == "Veto", f"the window is called Veto ({e2e.name_of(frame)!r})")

    heading = e2e.wait_for(frame, name=expected[1])
    tap.ok(heading is not None, f"the heading is in {language}")
    start = e2e.wait_for(frame, role="push button", name=expected[0])
    if not tap.ok(start is not None, f"the welcome page offers “{expected[0]}”"):
        print("# " + e2e.dump(frame).replace("\n", "\n# "))
    # the launcher asks GLib 2.74 for malloc instead of its slice allocator
    # (src/veto-launcher.c): tests/ui measure the heap with the same
    with open(f"/proc/{veto.proc.pid}/environ", "rb") as f:
        environ = f.read().split(b"\0")
    tap.ok(b"G_SLICE=always-malloc" in environ, "the window runs with G_SLICE=always-malloc")
    menu_name = {"en": "Main Menu", "fr": "Menu principal"}[shown]
    menu = e2e.wait_for(frame, role="push button", name=menu_name)
    tap.ok(menu is not None, f"the main menu button is called “{menu_name}”")

    # A second launch presents the first window and exits.
    second = subprocess.run([e2e.VETO], env=home.env(language), timeout=20,
                            capture_output=True, text=True)
    tap.ok(second.returncode == 0, f"a second launch exits 0 ({second.returncode})")
    tap.ok(len(veto.frames()) == 1, "still one window after a second launch")

    # A second launch with --catalog cannot change the open window's steps:
    # it says so and fails, rather than being silently ignored.
    catalog = e2e.BUILD + "/data/catalog/meta.steps"
    third = subprocess.run([e2e.VETO, "--catalog=" + catalog], env=home.env(language),
                           timeout=20, capture_output=True, text=True)
    tap.ok(third.returncode == 2, f"a second launch with --catalog exits 2 ({third.returncode})")
    tap.ok(catalog in third.stderr and "--catalog" in third.stderr,
           f"and says why ({third.stderr.strip()!r})")
    tap.ok(len(veto.frames()) == 1, "still one window after it")

    veto.close_cleanly(tap)
finally:
    veto.kill()
    home.cleanup()

tap.done()
