#!/usr/bin/python3
# test-why.py: a person in Switzerland opens "Why do we say this?" on a
# step of a format-4 catalog (tests/data/format4.steps, --catalog): each
# sentence they are shown is listed with its sources, their publisher,
# kind and what was read when; the Swiss-only sentence is there and the
# UK-only one is not; "Open" hands the source's address to the browser.
# The real binary, over AT-SPI.
#
# Copyright 2026 The Veto developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys
import time

import gi

gi.require_version("GLib", "2.0")
from gi.repository import GLib  # noqa: E402

import veto_e2e as e2e  # noqa: E402

language = sys.argv[1] if len(sys.argv) > 1 else "en"
fr = language == "fr"
locale = "fr" if fr else None
T = {
    "details": "Détails" if fr else "Details",
    "why": "Pourquoi disons-nous cela\u202f?" if fr else "Why do we say this?",
    "read_notes": ("D’après nos notes de recherche du 2\u00a0décembre\u00a02026\u202f; lien non vérifié en ligne."
                   if fr else "From our research notes of December 2, 2026; link not checked live yet."),
    "read_copy": ("Lu le 7\u00a0décembre\u00a02026 (copie conservée)\u202f; lien non vérifié en ligne."
                  if fr else "Read on December 7, 2026 (stored copy); link not checked live yet."),
    "guide": "guide",
    "meta": "page de Meta" if fr else "Meta’s own page",
    "card_line": ("Sources lues le 5\u00a0décembre\u00a02026, certaines seulement dans nos notes de recherche du 2\u00a0décembre\u00a02026\u202f; liens non vérifiés en ligne."
                  if fr else "Sources read on December 5, 2026, some only in our research notes of December 2, 2026; links not checked live yet."),
}

source = os.path.join(os.environ.get("G_TEST_SRCDIR", os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                      "data", "format4.steps")
catalog = GLib.KeyFile()
catalog.load_from_file(source, GLib.KeyFileFlags.KEEP_TRANSLATIONS)
step_title = catalog.get_locale_string("Step facebook-object", "Title", locale)


def shown(key):
    """A claim text as shown: the value without its markers."""
    value = catalog.get_locale_string("Step facebook-object", key, locale)
    out = []
    for line in value.split("\n"):
        parts = []
        rest = line
        while "[[" in rest:
            before, _, after = rest.partition("[[")
            parts.append(before.rstrip())
            rest = after.partition("]]")[2]
        parts.append(rest)
        out.append([p.strip() for p in parts if p.strip()])
    return out


swiss = shown("Description-ch")[0][0]
british = shown("Caveats-uk")[0][0]
first = shown("Description")[0][0]
frc = catalog.get_string("Source frc-guide", "Publisher")
frc_url = catalog.get_string("Source frc-guide", "Url")
meta = catalog.get_string("Source meta-help", "Publisher")

tap = e2e.Tap()
home = e2e.Home()
home.write_progress("[Veto]\nFormat=2\nRegion=ch\nApps=facebook;\n\n"
                    "[Account facebook 1]\nLabel=Perso\n\n[End]\n")


def labels(root):
    return [e2e.text_of(n) for n in e2e.walk(root) if e2e.role_name(n) == "label"]


def find_card(frame, timeout=15):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for node in e2e.walk(frame):
            if e2e.role_name(node) in ("panel", "grouping") and e2e.name_of(node) == step_title:
                return node
        time.sleep(0.2)
    return None


veto = e2e.Veto(home, language, args=("--catalog=" + source,))
try:
    veto.wait_for_app()
    frame = veto.frames()[0]

    card = find_card(frame, 3)
    if card is None:
        # from the overview to the app's page
        facebook = [n for n in e2e.walk(frame) if e2e.name_of(n) == "Facebook"
                    and e2e.role_name(n) in ("list item", "push button", "row", "page tab", "label")]
        if facebook:
            e2e.click(facebook[0])
        card = find_card(frame)
    if not tap.ok(card is not None, "the step's card is shown"):
        print("# " + e2e.dump(frame).replace("\n", "\n# "))
        raise SystemExit(tap.done())

    details = e2e.wait_for(card, role="push button", name=T["details"])
    if details is not None:
        e2e.click(details)
    e2e.wait_for(card, role="label", contains=T["card_line"])
    card_labels = labels(card)
    tap.ok(not any("[[" in text for text in card_labels), "no marker is shown on the card")
    tap.ok(swiss in card_labels, "the card shows the Swiss-only sentence to a person in Switzerland")
    tap.ok(not any(british in text for text in card_labels), "and not the UK-only caveat")
    line = [t for t in card_labels if T["card_line"] in t]
    if not tap.ok(line, "the card says what was read, and that the links were not checked live"):
        print("# " + "\n# ".join(card_labels))
    why = e2e.wait_for(card, role="push button", name=T["why"])
    if not tap.ok(why is not None, f"the card offers “{T['why']}”"):
        print("# " + e2e.dump(card).replace("\n", "\n# "))
        raise SystemExit(tap.done())
    e2e.click(why)

    dialog = None
    end = time.monotonic() + 10
    while dialog is None and time.monotonic() < end:
        frames = veto.frames()
        dialog = frames[1] if len(frames) > 1 else None
        time.sleep(0.1)
    if not tap.ok(dialog is not None, "it opens a window of its own"):
        raise SystemExit(tap.done())

    e2e.wait_for(dialog, role="label", name=swiss)
    texts = labels(dialog)
    tap.ok(first in texts, f"it lists the description's first sentence ({first!r})")
    tap.ok(swiss in texts, "and the sentence shown only in Switzerland")
    tap.ok(british not in texts, "but not the one shown only in the UK")
    tap.ok(not any("[[" in t for t in texts), "no marker is shown")
    tap.ok(f"{frc} — {T['guide']}" in texts, "the Swiss sentence's source is named, with its kind in words")
    tap.ok(f"{meta} — {T['meta']}" in texts, "Meta's own page is said to be Meta's")
    tap.ok(T["read_notes"] in texts, "a source known from our notes only says so, and that its link was not checked")
    tap.ok(T["read_copy"] in texts, "a source whose stored copy was read says when")
    if not tap.ok(any(t.startswith("“Meta répond") or t.startswith("«\u202fMeta répond") for t in texts),
                  "the passage is quoted in the source's own language"):
        print("# " + "\n# ".join(texts))

    buttons = [n for n in e2e.find_all(dialog, role="push button") if e2e.name_of(n) == ("Ouvrir " if fr else "Open ") + frc]
    if tap.ok(buttons, "each source has a button to open it, named after its publisher"):
        e2e.click(buttons[0])
        end = time.monotonic() + 10
        while frc_url not in home.opened_urls() and time.monotonic() < end:
            time.sleep(0.1)
        tap.ok(frc_url in home.opened_urls(), f"the browser was given the source's address ({home.opened_urls()})")

    e2e.press_keys("Escape")
    end = time.monotonic() + 5
    while len(veto.frames()) > 1 and time.monotonic() < end:
        time.sleep(0.1)
    tap.ok(len(veto.frames()) == 1, "Escape closes it")

    veto.close_cleanly(tap)
finally:
    if veto.proc.poll() not in (None, 0):
        print(f"# veto exited with {veto.proc.returncode}:\n# " + veto.stderr().replace("\n", "\n# "))
    veto.kill()
    home.cleanup()

tap.done()
