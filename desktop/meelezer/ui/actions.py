"""Every command of the main window as a QAction with its shortcut, defined in one place.

Menus, toolbar buttons and the keyboard-shortcut sheet all use these objects, so a shortcut
shown anywhere is the one that works.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from meelezer.ui.icons import set_themed_icon


@dataclass(frozen=True)
class WindowActions:
    open_episode: QAction
    library: QAction
    export_episode: QAction
    export_episode_annotations: QAction
    export_annotations: QAction
    import_annotations: QAction
    quit: QAction
    play_pause: QAction
    back_5: QAction
    forward_5: QAction
    back_30: QAction
    forward_30: QAction
    previous_line: QAction
    next_line: QAction
    slower: QAction
    faster: QAction
    normal_speed: QAction
    volume_up: QAction
    volume_down: QAction
    mute: QAction
    loop_line: QAction
    follow_playback: QAction
    back_to_playback: QAction
    go_to_time: QAction
    text_bigger: QAction
    text_smaller: QAction
    text_normal: QAction
    preferences: QAction
    shortcuts: QAction
    open_log_folder: QAction
    about: QAction

    def all(self) -> list[QAction]:
        return [getattr(self, field.name) for field in fields(self)]


def make_action(
    parent: QObject,
    text: str,  # already translated
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    tip: str = "",
    icon: QIcon | None = None,
    checkable: bool = False,
) -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        # Without this, a focused child (the transcript list) could take arrow keys first.
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    if icon is not None:
        action.setIcon(icon)
    action.setCheckable(checkable)
    tip = tip or text.replace("&", "").rstrip("…")
    shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip} ({shown})" if shown else tip)
    action.setStatusTip(tip)
    return action


def build_actions(window: QWidget) -> WindowActions:
    """The window's actions, their texts translated in the "MainWindow" context."""
    style = window.style()
    translate = QCoreApplication.translate


    def icon(pixmap: QStyle.StandardPixmap) -> QIcon:
        return style.standardIcon(pixmap)

    sp = QStyle.StandardPixmap
    actions = WindowActions(
        open_episode=make_action(
            window, translate("MainWindow", "&Open…"), QKeySequence.StandardKey.Open,
            translate("MainWindow", "Open an episode: its audio and transcript")),
        library=make_action(
            window, translate("MainWindow", "&Library…"), "Ctrl+L",
            translate("MainWindow", "All your episodes, and search across their text and notes")),
        export_episode=make_action(
            window, translate("MainWindow", "&Export…"), "Ctrl+E",
            translate("MainWindow", "Save the episode with your corrections, speakers and notes "
                      "as a Markdown note, subtitles, JSON or text")),
        export_episode_annotations=make_action(
            window, translate("MainWindow", "&Back up this episode's annotations…"),
            tip=translate("MainWindow", "Save this episode's speakers, notes, corrections and "
                          "times to one file that another Meelezer can import")),
        export_annotations=make_action(
            window, translate("MainWindow", "Back up &all annotations…"),
            tip=translate("MainWindow", "Save every episode's annotations to one file")),
        import_annotations=make_action(
            window, translate("MainWindow", "&Import annotations…"),
            tip=translate("MainWindow", "Add annotations from a backup file to the episodes "
                          "of this library")),
        quit=make_action(window, translate("MainWindow", "&Quit"), QKeySequence.StandardKey.Quit),
        play_pause=make_action(window, translate("MainWindow", "&Play"), "Space",
                               translate("MainWindow", "Play or pause")),
        back_5=make_action(window, translate("MainWindow", "Back 5 seconds"), "Left"),
        forward_5=make_action(window, translate("MainWindow", "Forward 5 seconds"), "Right"),
        back_30=make_action(window, translate("MainWindow", "Back 30 seconds"), "Shift+Left"),
        forward_30=make_action(window, translate("MainWindow", "Forward 30 seconds"),
                               "Shift+Right"),
        previous_line=make_action(window, translate("MainWindow", "Previous line"), "Alt+Up"),
        next_line=make_action(window, translate("MainWindow", "Next line"), "Alt+Down"),
        slower=make_action(window, translate("MainWindow", "Slower"), "["),
        faster=make_action(window, translate("MainWindow", "Faster"), "]"),
        normal_speed=make_action(window, translate("MainWindow", "Normal speed"), "="),
        volume_up=make_action(window, translate("MainWindow", "Volume up"), "Ctrl+Up"),
        volume_down=make_action(window, translate("MainWindow", "Volume down"), "Ctrl+Down"),
        mute=make_action(window, translate("MainWindow", "Mute"), "M",
                         icon=icon(sp.SP_MediaVolume), checkable=True),
        loop_line=make_action(
            window, translate("MainWindow", "Loop current line"), "L",
            translate("MainWindow", "Repeat the current line until you turn this off"),
            checkable=True),
        follow_playback=make_action(
            window, translate("MainWindow", "Follow playback"), "Ctrl+Shift+F",
            translate("MainWindow", "Keep the line being spoken in view"), checkable=True),
        back_to_playback=make_action(
            window, translate("MainWindow", "Back to playback"), "Ctrl+Return",
            translate("MainWindow", "Scroll back to the line being spoken and follow it again")),
        go_to_time=make_action(
            window, translate("MainWindow", "&Go to time…"), "Ctrl+G",
            translate("MainWindow", "Jump to a time such as 1:02:03")),
        text_bigger=make_action(window, translate("MainWindow", "&Larger text"),
                                QKeySequence.StandardKey.ZoomIn),
        text_smaller=make_action(window, translate("MainWindow", "&Smaller text"),
                                 QKeySequence.StandardKey.ZoomOut),
        text_normal=make_action(window, translate("MainWindow", "&Normal text size"), "Ctrl+0"),
        preferences=make_action(window, translate("MainWindow", "Prefere&nces…"),
                                QKeySequence.StandardKey.Preferences),
        shortcuts=make_action(window, translate("MainWindow", "&Keyboard shortcuts"), "F1"),
        open_log_folder=make_action(
            window, translate("MainWindow", "Open &log folder"),
            tip=translate("MainWindow", "Show the folder with Meelezer's log, to look at or "
                          "send along with a problem report")),
        about=make_action(window, translate("MainWindow", "&About Meelezer")),
    )
    # Our own SVGs, drawn in the palette's text colour so they suit light and dark themes.
    for action, name in ((actions.play_pause, "play"), (actions.back_5, "skip-back"),
                         (actions.forward_5, "skip-forward"),
                         (actions.previous_line, "previous-line"),
                         (actions.next_line, "next-line"), (actions.loop_line, "loop")):
        set_themed_icon(action, name, window.palette())
    # Ctrl+= too: on most keyboards + needs Shift, so Ctrl++ is really Ctrl+Shift+=.
    bigger = actions.text_bigger.shortcut()
    actions.text_bigger.setShortcuts([bigger, QKeySequence("Ctrl+=")])
    actions.export_episode_annotations.setEnabled(False)  # until an episode is open
    for action in actions.all():
        window.addAction(action)  # shortcuts work even when no menu shows the action
    return actions
