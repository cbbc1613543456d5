"""One module per output format; each exposes write(transcript) -> str."""
