#!/usr/bin/python3
# test-links.py: a person checks the steps' links from the main menu,
# opened with F10 (its items are made then). The window starts without
# libsoup and GMime and loads them, with Veto's network module, only then:
# the real binary as the README starts it, a local catalog (--catalog)
# whose pages a web server on 127.0.0.1 serves, over AT-SPI.
#
# Copyright 2026 The Veto developers
# SPDX-License-Identifier: GPL-3.0-or-later

import http.server
import os
import sys
import threading
import time

import veto_e2e as e2e

language = sys.argv[1] if len(sys.argv) > 1 else "en"
fr = language == "fr"
T = {
    "menu": "Menu principal" if fr else "Main Menu",
    "check": "Vérifier les liens" if fr else "Check Links",
    "look": "Démarches dont les liens sont à vérifier" if fr else "Steps whose links need a look",
    "answer": "Démarches dont les liens répondent" if fr else "Steps whose links answer",
}

requests = []


class Handler(http.server.BaseHTTPRequestHandler):
    def reply(self, body):
        requests.append(self.path)
        status = 200 if self.path in ("/form", "/source") else 404
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return body

    def do_HEAD(self):
        self.reply(b"")

    def do_GET(self):
        self.wfile.write(self.reply(b"fine"))

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_address[1]}"

tap = e2e.Tap()
home = e2e.Home()
catalog = os.path.join(home.root, "local.steps")
with open(catalog, "w", encoding="utf-8") as f:
    step = ("[Step facebook-{id}]\nApp=facebook\nTitle={title}\nDescription=d\nKind=form\n"
            "Regions=all\nPerAccount=true\nConfidence=high\nLastVerified=2026-10-02\n"
            "RecheckDays=180\nUrl={base}{path}\nSources={base}/source;\n\n")
    f.write("[Catalog]\nFormat=1\nVersion=1\nPublished=2026-11-29\nName=Test\n\n"
            "[Region eu]\nName=EU\nDescription=d\n\n"
            "[App facebook]\nName=Facebook\nDescription=d\n\n"
            + step.format(id="works", title="A form that works", base=base, path="/form")
            + step.format(id="gone", title="A form that is gone", base=base, path="/gone"))


def mapped(pid, name):
    with open(f"/proc/{pid}/maps") as f:
        return name in f.read()


def wait_for_label(root, text, timeout=15):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for node in e2e.walk(root):
            if e2e.role_name(node) == "label" and e2e.text_of(node) == text:
                return node
        time.sleep(0.1)
    return None


veto = e2e.Veto(home, language, args=("--catalog=" + catalog,))
try:
    veto.wait_for_app()
    frame = veto.frames()[0]
    pid = veto.proc.pid
    tap.ok(e2e.wait_for(frame, role="push button", name=T["menu"]) is not None, "the window is up")
    for lib in ("libsoup-3.0", "libgmime-3.0", "libveto-net"):
        tap.ok(not mapped(pid, lib), f"it has not loaded {lib}")

    # F10 opens the main menu, whose items are made only then
    e2e.press_keys("F10")
    item = e2e.wait_for_menu_item(veto.app, T["check"])
    if not tap.ok(item is not None, f"the main menu offers “{T['check']}”"):
        print("# " + e2e.dump(veto.app).replace("\n", "\n# "))
        raise SystemExit(tap.done())
    e2e.click(item)

    gone = wait_for_label(frame, "A form that is gone")
    works = wait_for_label(frame, "A form that works")
    if not tap.ok(gone is not None and works is not None, "the links page lists both steps"):
        print("# " + e2e.dump(frame).replace("\n", "\n# "))

    def group_of(node):
        while node is not None:
            if e2e.name_of(node) in (T["look"], T["answer"]):
                return e2e.name_of(node)
            node = node.get_parent()
        return None

    # the verdicts come in as the server answers
    end = time.monotonic() + 15
    while time.monotonic() < end and not (group_of(gone) == T["look"] and group_of(works) == T["answer"]):
        time.sleep(0.2)
        gone = wait_for_label(frame, "A form that is gone", 1) or gone
        works = wait_for_label(frame, "A form that works", 1) or works
    tap.ok(group_of(gone) == T["look"], f"the form that is gone needs a look ({group_of(gone)!r})")
    tap.ok(group_of(works) == T["answer"], f"the form that works answers ({group_of(works)!r})")
    tap.ok("/gone" in requests and "/form" in requests, f"the server was asked ({sorted(set(requests))})")
    tap.ok(mapped(pid, "libveto-net") and mapped(pid, "libsoup-3.0"),
           "the network module and libsoup are loaded now")

    veto.close_cleanly(tap)
finally:
    if veto.proc.poll() not in (None, 0):
        print(f"# veto exited with {veto.proc.returncode}:\n# " + veto.stderr().replace("\n", "\n# "))
    veto.kill()
    server.shutdown()
    home.cleanup()

tap.done()
