"""The annotator's commands as QActions with shortcuts: labelling, notes, corrections, undo."""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget

from meelezer.ui.actions import make_action
from meelezer.ui.icons import icon as themed_icon

# Marker-pen colours, readable under dark and light text; H uses the first.
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
    undo = undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    undo.setStatusTip("Undo the last change")
    redo = undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)])
    redo.setStatusTip("Redo what was undone")
    labels = tuple(
        make_action(window, f"Label as speaker {key}", str(key),
                    f"Label the selected lines (or, while playing, the line being spoken) "
                    f"as speaker {key}")
        for key in range(1, 10)
    )
    actions = AnnotationActions(
        undo=undo,
        redo=redo,
        label=labels,
        unlabel=make_action(window, "Remove speaker label", "0",
                            "Remove the speaker label of the selected lines"),
        fill_forward=make_action(window, "Label until the next labelled line…", "Shift+F",
                                 "Label from the selected line up to the next labelled line"),
        add_note=make_action(window, "Add &note", "N",
                             "Add a note at the current moment (or the selected line)",
                             themed_icon("note", window.palette())),
        add_bookmark=make_action(window, "Add &bookmark", "B",
                                 "Bookmark the current moment (or the selected line)",
                                 themed_icon("bookmark", window.palette())),
        highlight=make_action(window, "&Highlight as quote", "H",
                              "Mark the selected lines as a quote",
                              themed_icon("highlight", window.palette())),
        edit_line=make_action(window, "&Edit line text", "F2",
                              "Correct the selected line's text; the original is kept"),
        revert_line=make_action(window, "Re&vert line text",
                                tip="Put back the text the transcript had"),
        set_line_start=make_action(window, "Set line &start to now", "T",
                                   "Tap-to-sync: the selected (or next) line starts at the "
                                   "current playback moment"),
        find=make_action(window, "&Find…", QKeySequence.StandardKey.Find,
                         "Find words in this episode"),
        replace=make_action(window, "Find and &replace…", "Ctrl+H",
                            "Replace a word everywhere in this episode, e.g. a misheard name"),
        choose_show=make_action(window, "Set &show…",
                                tip="Choose the podcast this episode belongs to, so its "
                                "speakers are offered in the show's other episodes"),
    )
    for action in actions.all():
        window.addAction(action)
    return actions
