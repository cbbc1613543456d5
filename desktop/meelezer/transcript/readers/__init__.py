"""One module per input format; each exposes sniff(text) and read(text, options)."""
