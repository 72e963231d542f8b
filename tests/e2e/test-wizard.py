#!/usr/bin/python3
# test-wizard.py: a person's first run over AT-SPI, as they would click it:
# welcome → where you live → apps → Facebook's checklist → open the official
# form (a recording "browser" must receive exactly the catalog's address) →
# mark it submitted → close; then start Veto again and find the overview
# showing that objection as sent.
#
# Copyright 2026 The Veto developers
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import sys
import time

import veto_e2e as e2e

language = sys.argv[1] if len(sys.argv) > 1 else "en"
fr = language == "fr"
T = {
    "start": "Commencer" if fr else "Start",
    "next": "Suivant" if fr else "Next",
    "region_page": "Où vous vivez" if fr else "Where You Live",
    "apps_page": "Vos applications" if fr else "Your Apps",
    "overview": "Vue d’ensemble" if fr else "Overview",
    "use_facebook": "J’utilise Facebook" if fr else "I use Facebook",
    "open_form": "Copier le texte et ouvrir le formulaire" if fr else "Copy the Text and Open the Form",
    "mark_submitted": "Marquer comme envoyée" if fr else "Mark as Sent",
    "answer": "J’ai reçu la réponse de Meta" if fr else "I Got Meta’s Answer",
    "answer_due": "Réponse attendue au plus tard le" if fr else "Answer due by",
    "waiting": "En attente de Meta" if fr else "Waiting for Meta",
    "sent_on": "envoyée le" if fr else "sent on",
    # the wizard's progress under the header bar, counting every page
    "step_re": r".+ — étape (\d+) sur (\d+)" if fr else r".+ — step (\d+) of (\d+)",
}

# The facts come from the catalog the app was built with, in the same language.
catalog = e2e.bundled_catalog()
loc = "fr" if fr else None
step_title = catalog.get_locale_string("Step facebook-object", "Title", loc)
form_url = catalog.get_string("Step facebook-object", "Url")
region_name = catalog.get_locale_string("Region eu", "Name", loc)

tap = e2e.Tap()
home = e2e.Home()


def header(frame):
    """What the window says: the page's title (in the header bar) and, in
    the wizard, where the person is ("Getting started — step 2 of 4", then
    "Facebook — step 4 of 5"), as a page number. This is how a person (and
    this test) knows which page is on screen."""
    labels = [e2e.text_of(n) for n in e2e.walk(frame) if e2e.role_name(n) == "label"]
    for text in labels:
        m = re.fullmatch(T["step_re"], text)
        if m:
            return labels, int(m.group(1))
    return labels, None


def wait_for_page(frame, title, timeout=10):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        labels, n = header(frame)
        # the header bar's title comes first in the tree
        if n is not None and labels and labels[0] == title:
            return n
        # outside the wizard there is no "Step N of M": look for the title alone
        if title == T["overview"] and any(e2e.text_of(x) == title for x in e2e.find_all(frame, role="label")):
            return 0
        time.sleep(0.1)
    return None


def page(frame, name, timeout=10):
    """The page's own subtree: controls are only looked for in there.

    Looked for again until found: the page that was left is removed from
    the window once the slide is over, and a walk of the tree at that
    moment can miss its neighbour, as a screen reader's would."""
    end = time.monotonic() + timeout
    while True:
        for node in e2e.walk(frame):
            if e2e.role_name(node) in ("panel", "grouping") and e2e.name_of(node) == name:
                return node
        if time.monotonic() >= end:
            return None
        time.sleep(0.1)


def audit(root, what):
    """Every control of the page on screen has a name a screen reader reads."""
    # Looked at again when one is unnamed: during the slide the page just
    # left is being destroyed, and its buttons lose their names on the way
    # out. A control that stays unnamed for a second fails.
    for attempt in range(5):
        seen = []
        bad = e2e.unnamed_controls(root, seen) if root is not None else ["(no page)"]
        if not bad or root is None:
            break
        time.sleep(0.25)
    if not tap.ok(not bad and seen, f"{what}: all {len(seen)} controls are named"):
        print("# unnamed: " + ", ".join(bad))
    rows = e2e.unselected_rows(root) if root is not None else []
    if not tap.ok(not rows, f"{what}: no Tab stop is a list item a screen reader says “not selected”"):
        print("# " + ", ".join(rows))


def press(root, role, name, what):
    node = e2e.wait_for(root, role=role, name=name)
    if not tap.ok(node is not None, f"{what}: found {role} “{name}”"):
        print("# " + e2e.dump(root).replace("\n", "\n# "))
        raise SystemExit(tap.done())
    e2e.click(node)
    return node


def header_button(frame, name):
    # the header's Next button; pages' own buttons are searched in their page
    for node in e2e.find_all(frame, role="push button", name=name):
        return node
    return None


veto = e2e.Veto(home, language)
try:
    veto.wait_for_app()
    frame = veto.frames()[0]

    tap.ok(wait_for_page(frame, "Bienvenue" if fr else "Welcome") == 1, "the wizard opens on its first step")
    audit(frame, "welcome")
    press(page(frame, "Bienvenue" if fr else "Welcome"), "push button", T["start"], "welcome")

    tap.ok(wait_for_page(frame, T["region_page"]) == 2, "step 2 is where you live")
    region = page(frame, T["region_page"])
    audit(frame, "where you live")
    # one of five: radios, not check boxes
    press(region, "radio button", region_name, "region")
    time.sleep(0.3)
    tap.ok("Region=eu" in home.progress(), "the region is saved at once")
    e2e.click(header_button(frame, T["next"]))

    tap.ok(wait_for_page(frame, T["apps_page"]) == 3, "step 3 is your apps")
    apps = page(frame, T["apps_page"])
    audit(frame, "your apps")
    switch = None
    for role in ("switch", "toggle button", "check box"):
        switch = e2e.wait_for(apps, role=role, name=T["use_facebook"], timeout=1)
        if switch:
            break
    if not tap.ok(switch is not None, f"a switch “{T['use_facebook']}”"):
        print("# " + e2e.dump(apps).replace("\n", "\n# "))
        raise SystemExit(tap.done())
    e2e.click(switch)
    time.sleep(0.5)
    tap.ok("Apps=facebook;" in home.progress(), "Facebook is saved as used")
    e2e.click(header_button(frame, T["next"]))

    if not tap.ok(wait_for_page(frame, "Facebook") == 4, "step 4 is Facebook's checklist"):
        print("# labels: %r" % (header(frame),))
    facebook = page(frame, "Facebook")
    audit(frame, "Facebook's checklist")
    card = None
    for node in e2e.walk(facebook):
        if e2e.name_of(node) == step_title and e2e.role_name(node) in ("panel", "grouping"):
            card = node
            break
    tap.ok(card is not None, f"the step “{step_title}” is shown")

    press(card, "push button", T["open_form"], "the objection form")
    end = time.monotonic() + 10
    while not home.opened_urls() and time.monotonic() < end:
        time.sleep(0.1)
    opened = home.opened_urls()
    tap.ok(opened == [form_url], f"the browser received exactly the catalog's form ({opened})")
    tap.ok(f"FormUrl={form_url}" in home.progress(), "the form's address is recorded")

    press(card, "push button", T["mark_submitted"], "marking it sent")
    time.sleep(0.5)
    tap.ok("State=submitted" in home.progress(), "the step is saved as submitted")
    # the pressed button is gone: the focus is on what the state asks next,
    # and a screen reader hears the state with it
    end = time.monotonic() + 5
    now = None
    while time.monotonic() < end:
        now = e2e.focused(frame)
        if now is not None and e2e.name_of(now) == T["answer"]:
            break
        time.sleep(0.1)
    tap.ok(now is not None and e2e.name_of(now) == T["answer"],
           f"the focus moved to “{T['answer']}” ({e2e.name_of(now) if now else None})")
    tap.ok(now is not None and T["answer_due"] in e2e.description_of(now),
           f"which says when Meta's answer is due ({e2e.description_of(now) if now else None})")
    # the toast that says so, with its close button, and the card's new
    # menu buttons
    audit(frame, "after marking it sent")

    veto.close_cleanly(tap, "first run")

    # Later: Veto opens on the overview, where the objection waits for Meta.
    veto = e2e.Veto(home, language)
    veto.wait_for_app()
    frame = veto.frames()[0]
    tap.ok(wait_for_page(frame, T["overview"]) is not None, "a second run opens on the overview")
    overview = page(frame, T["overview"])
    audit(frame, "the overview")
    # the main menu: a popover, a window of its own
    e2e.press_keys("F10")
    tap.ok(e2e.wait_for(veto.app, role="menu") is not None, "F10 opens the main menu")
    audit(veto.app, "the main menu")
    e2e.press_keys("Escape")
    waiting = e2e.wait_for(overview, role="list", contains=T["waiting"])
    tap.ok(waiting is not None, f"the overview has a list “{T['waiting']}”")
    row = e2e.wait_for(waiting, contains=step_title) if waiting else None
    tap.ok(row is not None, "the objection is listed as waiting for Meta")
    sent = e2e.wait_for(waiting, contains=T["sent_on"]) if waiting else None
    tap.ok(sent is not None, f"with the day it was sent ({e2e.text_of(sent) if sent else None})")

    veto.close_cleanly(tap, "second run")
finally:
    veto.kill()
    home.cleanup()

tap.done()
