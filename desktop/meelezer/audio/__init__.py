"""Listening to the audio: decoding for analysis (not playback), waveform peaks, speech
activity and loudness. No Qt in here; the UI reads the results through ``AudioAnalysis``."""
