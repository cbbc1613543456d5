"""The timeline under the transcript: the whole episode, and a zoomed window at the playhead."""
