#!/usr/bin/python3
"""A minimal WebKitGTK browser for WebKitWebDriver (the Safari engine in the tests).

WebKit's MiniBrowser prints no console messages under automation and cannot be narrower than
about 450 px. This one accepts automation, sizes its window to whatever the driver asks (down
to phone widths), and writes every console message to stdout, where the tests read them.
WebKitWebDriver starts it with the inspector's address in the environment.
"""
import gi

gi.require_version('Gtk', '3.0')
gi.require_version('WebKit2', '4.1')
from gi.repository import Gtk, WebKit2  # noqa: E402

context = WebKit2.WebContext.get_default()
context.set_automation_allowed(True)
windows = []


def new_view(_session):
    settings = WebKit2.Settings()
    settings.set_enable_write_console_messages_to_stdout(True)
    settings.set_enable_developer_extras(False)
    view = WebKit2.WebView(web_context=context, settings=settings, is_controlled_by_automation=True)
    window = Gtk.Window()
    window.set_default_size(1280, 900)
    # No minimum size of its own: the driver may ask for a 360 px phone.
    window.set_size_request(1, 1)
    window.add(view)
    window.connect('destroy', lambda _w: windows.remove(window) or (not windows and Gtk.main_quit()))
    view.connect('close', lambda _v: window.destroy())
    windows.append(window)
    window.show_all()
    return view


def on_automation(_context, session):
    info = WebKit2.ApplicationInfo()
    info.set_name('pos-faq-webkit-shell')
    info.set_version(WebKit2.get_major_version(), WebKit2.get_minor_version(), WebKit2.get_micro_version())
    session.set_application_info(info)
    session.connect('create-web-view', new_view)


context.connect('automation-started', on_automation)
Gtk.main()
