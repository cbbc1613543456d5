"""Who is speaking: voice embeddings per transcript line, grouping lines by voice, voice
profiles per show and checking hand labels. Pure code (no Qt, no store); the API is
described in each module and summed up in docs of the issue ("Who is speaking")."""
