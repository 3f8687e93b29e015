#!/usr/bin/python3
"""A minimal WebKitGTK browser for WebKitWebDriver: the Safari engine in the tests.

WebKit's MiniBrowser prints no console messages under automation and cannot be narrower than
about 450 px. This one accepts automation, lets the driver size its window down to phone widths,
and can report the page's console. The driver starts it with the inspector's address in the
environment and these arguments from the session's `webkitgtk:browserOptions`:

  --user-script=FILE  run FILE in every frame before the page's own scripts (as puppeteer's
                      evaluateOnNewDocument does), e.g. to delete a global
  --console           write each console call, uncaught error and unhandled rejection of the
                      pages to stdout at once, as `POS-FAQ-CONSOLE <level>: <text>` (WebKit's own
                      console-to-stdout setting is block-buffered in its web process, so lines
                      arrived late or at exit)
"""
import sys

import gi

gi.require_version('Gtk', '3.0')
gi.require_version('WebKit2', '4.1')
from gi.repository import Gtk, WebKit2  # noqa: E402

CONSOLE = r"""(() => {
  const post = (level, args) => {
    const text = args.map((a) => {
      if (typeof a === 'string') return a;
      if (a instanceof Error) return String(a);
      try { return JSON.stringify(a) ?? String(a); } catch { return String(a); }
    }).join(' ');
    try { window.webkit.messageHandlers.posFaqConsole.postMessage(`${level}: ${text}`); } catch {}
  };
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    const original = console[level];
    console[level] = function (...args) { post(level, args); return original.apply(this, args); };
  }
  addEventListener('error', (e) => post('pageerror', [e.message]));
  addEventListener('unhandledrejection', (e) => post('pageerror', [String(e.reason && e.reason.message || e.reason)]));
})();"""

scripts = [open(a.split('=', 1)[1], encoding='utf-8').read() for a in sys.argv[1:] if a.startswith('--user-script=')]
report_console = '--console' in sys.argv[1:]
if report_console:
    scripts.insert(0, CONSOLE)
# Ephemeral: no disk cache or storage carried from one run to the next.
context = WebKit2.WebContext.new_with_website_data_manager(WebKit2.WebsiteDataManager.new_ephemeral())
context.set_automation_allowed(True)
windows = []


def print_console(_manager, result):
    text = result.get_js_value().to_string().replace('\n', '\\n')
    print(f'POS-FAQ-CONSOLE {text}', flush=True)


def new_view(_session):
    settings = WebKit2.Settings()
    content = WebKit2.UserContentManager()
    if report_console:
        content.register_script_message_handler('posFaqConsole')
        content.connect('script-message-received::posFaqConsole', print_console)
    for source in scripts:
        content.add_script(WebKit2.UserScript(
            source, WebKit2.UserContentInjectedFrames.ALL_FRAMES,
            WebKit2.UserScriptInjectionTime.START, None, None))
    view = WebKit2.WebView(web_context=context, settings=settings, user_content_manager=content,
                           is_controlled_by_automation=True)
    window = Gtk.Window()
    window.set_default_size(1280, 900)
    # No minimum size of its own: the driver may ask for a 360 px phone.
    window.set_size_request(1, 1)
    window.add(view)

    def closed(_w):
        windows.remove(window)
        if not windows:
            Gtk.main_quit()

    window.connect('destroy', closed)
    view.connect('close', lambda _v: window.destroy())
    windows.append(window)
    window.show_all()
    return view


def on_automation(_context, session):
    info = WebKit2.ApplicationInfo()
    info.set_name('WebKitGTK')
    # The engine's own version, so that the session's browserVersion says which WebKitGTK ran.
    info.set_version(WebKit2.get_major_version(), WebKit2.get_minor_version(), WebKit2.get_micro_version())
    session.set_application_info(info)
    session.connect('create-web-view', new_view)


context.connect('automation-started', on_automation)
Gtk.main()
