"""The annotator's commands as QActions with shortcuts: labelling, notes, corrections, undo."""

from __future__ import annotations

import sys
from dataclasses import dataclass, fields

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget

from meelezer.ui.actions import make_action
from meelezer.ui.icons import set_themed_icon

# Marker-pen colours, readable under dark and light text; H uses the first. The names are
# translated where they are shown (AnnotationWiring.add_highlight_colors).
HIGHLIGHT_COLORS = {"Yellow": "#ffd54f", "Green": "#81c784", "Blue": "#64b5f6",
                    "Pink": "#f48fb1"}


@dataclass(frozen=True)
class AnnotationActions:
    undo: QAction
    redo: QAction
    label: tuple[QAction, ...]  # speaker keys 1–9, in order
    unlabel: QAction
    fill_forward: QAction
    add_note: QAction
    add_bookmark: QAction
    highlight: QAction
    edit_line: QAction
    revert_line: QAction
    set_line_start: QAction
    find: QAction
    replace: QAction
    choose_show: QAction

    def all(self) -> list[QAction]:
        actions: list[QAction] = []
        for field in fields(self):
            value = getattr(self, field.name)
            actions.extend(value if isinstance(value, tuple) else [value])
        return actions


def build_annotation_actions(window: QWidget, undo_stack: QUndoStack) -> AnnotationActions:
    translate = QCoreApplication.translate  # texts in the "MainWindow" context
    undo = undo_stack.createUndoAction(window, translate("MainWindow", "&Undo"))
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    undo.setStatusTip(translate("MainWindow", "Undo the last change"))
    redo = undo_stack.createRedoAction(window, translate("MainWindow", "&Redo"))
    # Spelled out: the platform's own Redo keys are Ctrl+Shift+Z on X11 (the same key twice,
    # which Qt reports as ambiguous and ignores) and lack Ctrl+Y, which Windows users expect.
    # Qt turns Ctrl into Cmd on macOS, where Cmd+Y is not Redo.
    redo_keys = ["Ctrl+Shift+Z"] if sys.platform == "darwin" else ["Ctrl+Shift+Z", "Ctrl+Y"]
    redo.setShortcuts([QKeySequence(keys) for keys in redo_keys])
    redo.setStatusTip(translate("MainWindow", "Redo what was undone"))
    labels = tuple(
        make_action(window, translate("MainWindow", "Label as speaker {key}").format(key=key),
                    str(key),
                    translate("MainWindow", "Label the selected lines (or, while playing, the "
                              "line being spoken) as speaker {key}").format(key=key))
        for key in range(1, 10)
    )
    actions = AnnotationActions(
        undo=undo,
        redo=redo,
        label=labels,
        unlabel=make_action(window, translate("MainWindow", "Remove speaker label"), "0",
                            translate("MainWindow",
                                      "Remove the speaker label of the selected lines")),
        fill_forward=make_action(
            window, translate("MainWindow", "Label until the next labelled line…"), "Shift+F",
            translate("MainWindow", "Label from the selected line up to the next labelled line")),
        add_note=make_action(
            window, translate("MainWindow", "Add &note"), "N",
            translate("MainWindow", "Add a note at the current moment (or the selected line)")),
        add_bookmark=make_action(
            window, translate("MainWindow", "Add &bookmark"), "B",
            translate("MainWindow", "Bookmark the current moment (or the selected line)")),
        highlight=make_action(
            window, translate("MainWindow", "&Highlight as quote"), "H",
            translate("MainWindow", "Mark the selected lines as a quote")),
        edit_line=make_action(
            window, translate("MainWindow", "&Edit line text"), "F2",
            translate("MainWindow", "Correct the selected line's text; the original is kept")),
        revert_line=make_action(
            window, translate("MainWindow", "Re&vert line text"),
            tip=translate("MainWindow", "Put back the text the transcript had")),
        set_line_start=make_action(
            window, translate("MainWindow", "Set line &start to now"), "T",
            translate("MainWindow", "Tap-to-sync: the selected (or next) line starts at the "
                      "current playback moment")),
        find=make_action(window, translate("MainWindow", "&Find…"), QKeySequence.StandardKey.Find,
                         translate("MainWindow", "Find words in this episode")),
        replace=make_action(
            window, translate("MainWindow", "Find and Rep&lace…"), "Ctrl+H",
            translate("MainWindow",
                      "Replace a word everywhere in this episode, e.g. a misheard name")),
        choose_show=make_action(
            window, translate("MainWindow", "Set sho&w…"),
            tip=translate("MainWindow", "Choose the podcast this episode belongs to, so its "
                          "speakers are offered in the show's other episodes")),
    )
    for action, name in ((actions.add_note, "note"), (actions.add_bookmark, "bookmark"),
                         (actions.highlight, "highlight")):
        set_themed_icon(action, name, window.palette())
    for action in actions.all():
        window.addAction(action)
    return actions
