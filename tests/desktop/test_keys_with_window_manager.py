"""The keyboard tests of tests/gui again, under a window manager on the xcb platform.

The platform decides the standard key bindings (on X11 Redo is Ctrl+Shift+Z, which once made
the redo action's two shortcuts the same key) and focus follows window activation.
"""

from gui.test_keyboard_focus import (  # noqa: F401  (collected here too)
    test_after_adding_a_speaker_the_keys_go_to_the_transcript,
    test_escape_from_a_note_being_written_keeps_the_text,
    test_escape_in_any_panel_returns_to_the_transcript,
    test_escape_while_renaming_a_speaker_cancels_the_rename,
    test_f2_and_ctrl_f_put_the_cursor_in_their_field,
    test_n_puts_the_cursor_in_the_new_note,
    test_no_single_key_shortcut_fires_while_a_text_field_has_focus,
    test_no_two_actions_share_a_key_sequence,
    test_redo_from_the_keyboard,
)
