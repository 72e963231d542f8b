#!/usr/bin/python3
# test-orca.py: what Orca, the screen reader, says to a person who uses Veto
# with the keyboard alone: the first run from the welcome page to
# Facebook's objection, marking it sent, the wizard's summary, and a
# returning person's first screen. Asserted on Orca's own log of what it
# speaks: the page is spoken after each page change, the step's new state
# after "Mark as Sent", the summary's figures, the overview's figures and
# dates; then, Meta having never answered, the overdue objection and the
# complaint to make; and never a GTK or libadwaita type name.
#
# Copyright 2026 The Veto developers
# SPDX-License-Identifier: GPL-3.0-or-later

import sys
import time

import veto_orca as orca

orca.private_session(sys.argv)

import veto_e2e as e2e  # noqa: E402  (connects to the private bus)

language = sys.argv[1] if len(sys.argv) > 1 else "en"
fr = language == "fr"
T = {
    "welcome": "Bienvenue" if fr else "Welcome",
    "start": "Commencer" if fr else "Start",
    "region_page": "Où vous vivez" if fr else "Where You Live",
    "apps_page": "Vos applications" if fr else "Your Apps",
    "use_facebook": "J’utilise Facebook" if fr else "I use Facebook",
    "open_form": "Copier le texte et ouvrir le formulaire" if fr else "Copy the Text and Open the Form",
    "mark_submitted": "Marquer comme envoyée" if fr else "Mark as Sent",
    "answer": "J’ai reçu la réponse de Meta" if fr else "I Got Meta’s Answer",
    "sent": "Envoyée" if fr else "Submitted",
    "answer_due": "Réponse attendue au plus tard le" if fr else "Answer due by",
    "summary": "Récapitulatif" if fr else "Summary",
    "objections_sent": "Oppositions envoyées" if fr else "Objections sent",
    # the summary's other figures, each with its label
    "confirmed": "Confirmées par Meta" if fr else "Confirmed by Meta",
    "still_open": "Démarches à faire" if fr else "Steps still open",
    "next_recheck": "Prochaine vérification" if fr else "Next recheck",
    # the overview's heading: Facebook has one objection in the EU
    "heading": "1 sur 1 opposition envoyée" if fr else "1 of 1 objection sent",
    "resume": "Reprendre où vous en étiez" if fr else "Continue Where You Left Off",
    "sent_on": "envoyée le" if fr else "sent on",
    "overdue": "délai dépassé depuis le" if fr else "overdue since",
    "no_answer_state": "Sans réponse dans le délai" if fr else "No Answer in Time",
    "complain": "Porter plainte" if fr else "Complain",
    # the region page's lines under its question
    "region_intro": "Vos droits en dépendent" if fr else "Your rights depend on it",
    "button": "bouton" if fr else "button",
    # what Orca says of a list item a list offers to select
    "not_selected": "non sélectionné" if fr else "not selected",
    "copy": "Copier le texte" if fr else "Copy Text",
    # the complaint to paste, with the person's own date
    "complaint_sent": "opposition envoyée le 1er octobre 2026" if fr else "objection sent on October 1, 2026",
    "complaint_due": "sa réponse était due au plus tard le" if fr else "its answer was due by",
}

tap = e2e.Tap()
missing = orca.missing_tools()
if missing:
    # build-aux/dev installs them; a machine without them cannot run this
    print(f"1..0 # SKIP not installed: {', '.join(missing)}")
    sys.exit(0)

catalog = e2e.bundled_catalog()
locale = "fr" if fr else None
step_title = catalog.get_locale_string("Step facebook-object", "Title", locale)
complaint_title = catalog.get_locale_string("Step complain-cnil", "Title", locale)
complaint_url = catalog.get_string("Step complain-cnil", "Url")


def lead_of(step):
    return e2e.card_lead(catalog, step, locale)

home = e2e.Home()
reader = orca.Orca(home, language)
heard = []      # everything Orca said, for the transcript and the type-name check


def transcript(what, said):
    heard.extend(said)
    print(f"# {what}:")
    for u in said:
        # a label's text may have line breaks: one line of output each
        flat = " ⏎ ".join(" ".join(line.split()) for line in u.split("\n"))
        print(f"#   « {flat} »")


def spoken(said, text):
    return any(text in u for u in said)


def act(keys, what, until, timeout=10):
    """Presses @keys and returns what Orca said about it, once something
    said satisfies @until (a text, or a predicate)."""
    pred = until if callable(until) else (lambda u: until in u)
    mark = reader.mark()
    orca.key(*keys)
    said = reader.wait_for_speech(mark, pred, timeout=timeout)
    transcript(what, said)
    return said


def tab_and_back(what, until, heard):
    """Tabs away from the focus and back, as a person does who heard
    nothing when the window opened. Orca finds the window at the first key
    press, and that first Tab is sometimes handled before it has: then it
    says nothing of where the Tab went. A person tabs again; so does this,
    up to twice, while @heard (a predicate over what was said: the first
    Tab's stop, or the page around the focus) fails; everything heard
    counts, as it does for the person."""
    def once(what):
        # a person listens to where the Tab went before going back: Orca,
        # when late, skips a focus that has already moved on
        said = act(["Tab"], what, lambda u: not u.endswith(" "), timeout=10)
        return said + act(["shift+Tab"], what + ", back", until, timeout=20)

    said = once(what)
    for _ in range(2):
        if heard(said):
            break
        print("# Orca said nothing of the first Tab: Tab and back again")
        said += once(what + ", again")
    return said


def page_spoken(said, mark, page, what):
    """The page's name was spoken after a page change; or, when Orca had
    lost the previous focus and so read no container, the focused control
    is at least inside the page named @page on the bus, where Orca reads it
    from."""
    if spoken(said, page):
        return tap.ok(True, f"{what}, the page “{page}” is spoken")
    if reader.lost_focus(mark):
        now = e2e.focused(frame)
        node, names = now, []
        while node is not None:
            names.append(e2e.name_of(node))
            try:
                node = node.get_parent()
            except Exception:
                break
        print("# Orca had lost the previous focus, and read no container")
        return tap.ok(page in names, f"{what}, the focus is inside the page “{page}” ({names[:1]})")
    return tap.ok(False, f"{what}, the page “{page}” is spoken")


def tab_to(frame, name, what, limit=8):
    """Tabs forward until the focus is on the control @name: a person
    listens to each stop; the test reads the focus from AT-SPI."""
    said = []
    for _ in range(limit):
        now = e2e.focused(frame)
        if now is not None and e2e.name_of(now) == name:
            break
        mark = reader.mark()
        orca.key("Tab")
        # Orca echoes the key ("tab ", with a space) before it says the focus
        said += reader.wait_for_speech(mark, lambda u: not u.endswith(" "), timeout=5)
    transcript(what, said)
    now = e2e.focused(frame)
    return now is not None and e2e.name_of(now) == name


def close_cleanly(when):
    """Closes the window: Veto exits 0 and says nothing on stderr but
    GTK 4.8's warning when Orca asks where a control is on the screen, which
    GTK cannot tell on X11 (Orca asks for every focused control)."""
    tap.ok(veto.close() == 0, f"closing the window quits cleanly ({when})")
    err = [line for line in veto.stderr().splitlines()
           if line.strip() and "Screen coordinates not supported" not in line]
    if not tap.ok(not err, f"nothing on stderr ({when})"):
        print("# " + "\n# ".join(err))


veto = None
try:
    ready = reader.wait_ready()
    if not ready and reader.other_orca():
        # one Orca per user: this machine's own screen reader runs
        print("1..0 # SKIP another Orca runs for this user")
        raise SystemExit(0)
    tap.ok(ready, "Orca runs and speaks")
    transcript("Orca starts", reader.speech())

    mark = reader.mark()
    veto = e2e.Veto(home, language)
    veto.wait_for_app(timeout=60)
    frame = veto.frames()[0]
    orca.focus_window(veto.proc.pid)
    # GTK 4.8 tells no screen reader that its window became active: Orca
    # finds the active window at the first key press, and says nothing of
    # the focus that was there before. A person who hears nothing tabs away
    # and back.
    reader.wait_for_speech(mark, lambda u: False, timeout=2, settle=0)
    transcript("Veto opens", reader.speech(mark))
    said = tab_and_back("Tab and back", T["start"], lambda said: spoken(said, T["welcome"]))
    tap.ok(spoken(said, T["welcome"]), f"the first page is spoken: “{T['welcome']}”")
    tap.ok(spoken(said, T["start"]), f"with the focused button “{T['start']}”")

    mark = reader.mark()
    said = act(["Return"], "Start", "radio")
    page_spoken(said, mark, T["region_page"], "after Start")
    region = catalog.get_locale_string("Region eu", "Name", "fr" if fr else None)
    tap.ok(spoken(said, region), f"and the focused choice “{region}”")
    tap.ok(any("radio" in u for u in said), "as a radio button")
    tap.ok(spoken(said, T["region_intro"]), f"with the lines under the question: “{T['region_intro']} …”")

    said = act(["space"], "choosing the region", lambda u: True)
    # the choice is read with its new state, and the page can go on
    mark = reader.mark()
    said = act(["alt+Right"], "Next", T["use_facebook"])
    page_spoken(said, mark, T["apps_page"], "after Next")
    tap.ok(spoken(said, T["use_facebook"]), f"and the focused switch “{T['use_facebook']}”")
    takes = e2e.strip_markers(catalog.get_locale_string("App facebook", "Description", "fr" if fr else None))
    tap.ok(spoken(said, takes), f"with what Meta takes from the app: “{takes}”")
    now = e2e.focused(frame)
    tap.ok(now is not None and e2e.role_name(now) in ("switch", "check box", "toggle button"),
           f"the switch itself is the app's Tab stop, not its row ({e2e.role_name(now) if now else None})")

    act(["space"], "using Facebook", lambda u: True)
    # the page lays out the account rows Facebook now has
    time.sleep(2)
    mark = reader.mark()
    said = act(["alt+Right"], "Next", T["open_form"])
    page_spoken(said, mark, "Facebook", "after Next")
    page_spoken(said, mark, step_title, "on Facebook's page, its first step")
    tap.ok(spoken(said, T["open_form"]), f"and the focused button “{T['open_form']}”")
    lead = lead_of("facebook-object")
    tap.ok(spoken(said, lead), f"with the card's line under its title: “{lead[:40]}…”")

    act(["Return"], "opening the form", lambda u: True, timeout=5)
    end = time.monotonic() + 10
    while not home.opened_urls() and time.monotonic() < end:
        time.sleep(0.1)
    tap.ok(len(home.opened_urls()) == 1, "the form was opened in the browser")

    tap.ok(tab_to(frame, T["mark_submitted"], "to Mark as Sent"), f"Tab reaches “{T['mark_submitted']}”")
    said = act(["Return"], "Mark as Sent", T["answer"])
    tap.ok(spoken(said, T["answer"]), f"after Mark as Sent, the focus is spoken: “{T['answer']}”")
    tap.ok(spoken(said, T["sent"]), f"with the step's new state “{T['sent']}”")
    tap.ok(spoken(said, T["answer_due"]), f"and when Meta's answer is due: “{T['answer_due']} …”")

    mark = reader.mark()
    said = act(["alt+Right"], "Next, to the summary", T["objections_sent"])
    page_spoken(said, mark, T["summary"], "after Next")
    tap.ok(any(T["objections_sent"] in u and "1" in u for u in said) or
           any(T["objections_sent"] in u for u in said) and spoken(said, "1"),
           f"with its figure: “{T['objections_sent']}” and 1")
    colon = "\u00a0: " if fr else ": "
    for label, figure in ((T["objections_sent"], "1"), (T["confirmed"], "0")):
        tap.ok(spoken(said, f"{label}{colon}{figure}."), f"the summary says “{label}{colon}{figure}.”")
    tap.ok(spoken(said, T["still_open"] + colon) and spoken(said, T["next_recheck"] + colon),
           f"and “{T['still_open']}” and “{T['next_recheck']}”, each with its value")

    close_cleanly("first run")

    mark = reader.mark()
    veto = e2e.Veto(home, language)
    veto.wait_for_app(timeout=60)
    orca.focus_window(veto.proc.pid)
    reader.wait_for_speech(mark, lambda u: False, timeout=2, settle=0)
    said = tab_and_back("a second run: Tab and back", T["resume"],
                        lambda said: any(u.startswith(step_title) for u in said))
    tap.ok(spoken(said, T["resume"]), f"a returning person hears the overview's “{T['resume']}”")
    tap.ok(spoken(said, T["heading"]), f"with the heading's figure “{T['heading']}”")
    tap.ok(spoken(said, T["sent_on"]) or spoken(said, T["answer_due"]),
           "with their objection's date")
    # the first Tab reached the objection's row, which leads to its card
    at = next((i for i, u in enumerate(said) if u.startswith(step_title)), None)
    tap.ok(at is not None and any(T["button"] in u for u in said[at:at + 2]),
           f"the objection's row is read as a button ({said[at:at + 2] if at is not None else None})")
    close_cleanly("second run")

    # Later still: Meta never answered an objection sent on 1 October. The
    # overview leads with it and with the complaint; Continue goes there.
    home.write_progress("[Veto]\nFormat=2\nRegion=eu\nApps=facebook;\n\n"
                        "[Account facebook 1]\n\n"
                        "[Step facebook-object 1]\nState=submitted\nSubmitted=2026-10-01\n"
                        "SubmittedEntered=2026-10-02T18:00:00Z\nUpdated=2026-10-02T18:00:00Z\n\n"
                        "[End]\n")
    mark = reader.mark()
    veto = e2e.Veto(home, language)
    veto.wait_for_app(timeout=60)
    frame = veto.frames()[0]
    orca.focus_window(veto.proc.pid)
    reader.wait_for_speech(mark, lambda u: False, timeout=2, settle=0)
    said = tab_and_back("Meta never answered: Tab and back", T["resume"],
                        lambda said: any(u.startswith(step_title) for u in said))
    tap.ok(spoken(said, T["overdue"]), f"the overdue objection is heard with its date (“{T['overdue']} …”)")
    at = next((i for i, u in enumerate(said) if u.startswith(step_title)), None)
    tap.ok(at is not None and any(T["button"] in u for u in said[at:at + 2]),
           f"the overdue objection's row is read as a button ({said[at:at + 2] if at is not None else None})")
    mark = reader.mark()
    said = act(["Return"], "Continue", T["no_answer_state"])
    page_spoken(said, mark, step_title, "after Continue, the objection's card")
    tap.ok(spoken(said, T["complain"]), f"its focused button is “{T['complain']}”")
    tap.ok(spoken(said, T["no_answer_state"]), f"with the state “{T['no_answer_state']}”")
    tap.ok(not any(".." in u for u in said), "each sentence ends once")

    # the complaint: to its card, what it says, and the authority's page
    mark = reader.mark()
    orca.key("Return")
    # the card's title, then its button and what it says: all of it
    reader.wait_for_speech(mark, lambda u: complaint_title in u, timeout=15)
    reader.wait_for_speech(mark, lambda u: False, timeout=2, settle=0)
    said = reader.speech(mark)
    transcript("Complain", said)
    page_spoken(said, mark, complaint_title, "after Complain, the complaint's card")
    now = e2e.focused(frame)
    tap.ok(now is not None and e2e.name_of(now) in " ".join(said),
           f"the focus is on the complaint's card, and said ({e2e.name_of(now) if now else None})")
    lead = lead_of("complain-cnil")
    tap.ok(spoken(said, lead), f"with the card's line under its title: “{lead[:40]}…”")
    opened = len(home.opened_urls())
    act(["Return"], "opening the authority's page", lambda u: True, timeout=5)
    end = time.monotonic() + 10
    while len(home.opened_urls()) == opened and time.monotonic() < end:
        time.sleep(0.1)
    tap.ok(home.opened_urls()[opened:] == [complaint_url],
           f"its focused button opens the CNIL's page ({home.opened_urls()[opened:]})")
    # the complaint to paste in the CNIL's form, as the card shows it
    tap.ok(tab_to(frame, T["copy"], "to Copy Text", limit=12), f"Tab reaches “{T['copy']}”")
    said = act(["Tab"], "the complaint to paste", lambda u: T["complaint_sent"] in u
               or T["complaint_sent"].replace(" ", "\u00a0") in u.replace(" ", "\u00a0"))
    flat = [u.replace("\u00a0", " ") for u in said]
    tap.ok(spoken(flat, T["complaint_sent"]), f"the complaint is heard with the day the objection was sent: “{T['complaint_sent']}”")
    tap.ok(spoken(flat, T["complaint_due"]), f"and when Meta's answer was due: “{T['complaint_due']} …”")
    close_cleanly("Meta never answered")

    # a list item GTK's lists offer to select, which no row of Veto is
    unselected = [u for u in heard if u.strip(" .") == T["not_selected"]]
    tap.ok(not unselected, f"no row is said “{T['not_selected']}” ({len(unselected)} times)")
    bad = orca.type_names(heard)
    if not tap.ok(not bad and heard, f"no GTK or libadwaita type name in the {len(heard)} utterances"):
        print("# type names: " + " | ".join(bad))
finally:
    if veto is not None:
        veto.kill()
    reader.stop()
    if tap.failed:
        print("# Orca's log: " + reader.log_path)
    else:
        home.cleanup()

tap.done()
