"""The texts the aligner's truth recordings speak: real Dutch lines of seed 003, and plain
English lines written for it (no digits: Festival says numbers as several words)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

SEED_003 = Path(__file__).resolve().parents[2] / "seeds" / "ai-report-2025-02-20-grok3-whisper.txt"

ENGLISH = [
    "Welcome back to the show, where we look at what happened in technology this week.",
    "Today we talk about a new language model, and about the people who build them.",
    "My guest has worked on speech software for many years.",
    "Thank you for having me, it is good to be here.",
    "Let us start with the news that everybody was talking about on Monday.",
    "A small company released a model that runs on an ordinary laptop.",
    "It does not need a graphics card, and it does not send anything to a server.",
    "That sounds too good to be true.",
    "It is not perfect, but for most everyday tasks it is surprisingly useful.",
    "I tried it on my old computer and it answered within a few seconds.",
    "What does that mean for the large companies that sell access to their models?",
    "I think they will have to offer something that a local model cannot do.",
    "Maybe longer documents, or better reasoning, or simply a friendly service.",
    "There is also the question of privacy, which matters a lot in schools and hospitals.",
    "Many teachers told me they would rather keep the work of their students on their own"
    " machines.",
    "Hospitals have even stricter rules about where their data may go.",
    "So a model that stays on the desk solves a real problem for them.",
    "Let us move on to the second story of the week.",
    "A newspaper announced that its journalists will use writing tools in the newsroom.",
    "The tools suggest headlines and help with the first research for an article.",
    "But every sentence that is published is still checked by a human editor.",
    "That seems like a sensible rule to me.",
    "The same newspaper is also in a court case against one of the model builders.",
    "They say their articles were used for training without permission.",
    "It is a strange situation, fighting a company in court while using similar tools at work.",
    "Well, I can understand it; they want fair payment, not a ban on the technology.",
    "How do you think the court case will end?",
    "Nobody knows, and it may take years before there is a final decision.",
    "In the meantime, other publishers are signing agreements with the same companies.",
    "Some of them receive money every year in exchange for access to their archives.",
    "Now, our guest works on software that listens to recordings and writes down what is said.",
    "Can you tell us how that works in simple words?",
    "The software cuts the sound into very short pieces and looks at the energy in each piece.",
    "Then a model guesses which sounds are being made, and which words fit those sounds best.",
    "The hard part is not the clear speech, it is the noise, the music and the laughter.",
    "And people who talk at the same time, of course.",
    "Yes, overlapping voices are still a difficult problem for every system I know.",
    "What about accents and dialects?",
    "They are much better than a few years ago, but rare dialects are still a challenge.",
    "The models learn from the recordings they are given, and some voices are heard less often.",
    "That brings us to the question of fairness, which we discussed in an earlier episode.",
    "Let me read a message from a listener who wrote to us last week.",
    "She asks whether she can trust the automatic transcripts of her favourite podcasts.",
    "My honest answer is that they are good enough to search and to skim.",
    "For a quote in a newspaper, you should always listen to the original recording.",
    "The times in such a transcript are often a little off, especially after long pauses.",
    "That is exactly what good alignment software should fix.",
    "It reads the text, listens to the audio, and finds where every word begins.",
    "Then you can click on a sentence and hear it immediately.",
    "That would have saved me many hours when I was a student.",
    "We are almost out of time, so let us finish with a short look ahead.",
    "Next week we will talk about batteries, electric bicycles and the energy grid.",
    "If you have questions, send them to us and we will try to answer them on the show.",
    "Thanks to our guest for the clear explanations.",
    "And thanks to all of you for listening, see you next week.",
    "Before we go, one more thing about the weather in the studio today.",
    "The heating was broken this morning, so we recorded this episode wearing our coats.",
    "If you hear a strange noise in the background, that was the repair man.",
    "He fixed it in the end, and now it is almost too warm in here.",
    "Goodbye, and enjoy the rest of your week.",
]

# Spoken before the text starts in the intro conditions (an advert the transcript lacks).
ENGLISH_ADVERT = [
    "This episode is brought to you by a company that sells very comfortable garden chairs.",
    "Their chairs are made of wood from local forests and they last for many summers.",
    "Order this month and you receive a cushion for free.",
    "Visit their shop in the city centre or call them during office hours.",
]
DUTCH_ADVERT = [
    "Deze aflevering wordt u aangeboden door een bakkerij uit het oosten van het land.",
    "Hun brood wordt elke ochtend vers gebakken met meel van molens uit de buurt.",
    "Bestel deze maand een taart en u krijgt er een doos koekjes gratis bij.",
    "Kom langs in de winkel of bel ons tijdens kantooruren.",
]
# Text that is in the transcript but never spoken (a hallucinated tail, like seed 003's).
ENGLISH_NOT_SPOKEN = ["Subtitles by the community of volunteers", "Thank you for watching"]
DUTCH_NOT_SPOKEN = ["Ondertiteling door de vrijwilligers van de omroep", "TV Gelderland 2021"]

MIN_WORDS, MAX_WORDS = 5, 45


@cache
def dutch_lines() -> tuple[str, ...]:
    """Seed 003's lines of 5-45 words, in order (real Dutch speech, as Whisper wrote it)."""
    lines: list[str] = []
    for row in SEED_003.read_text(encoding="utf-8").splitlines():
        if not row.startswith("[") or "]" not in row:
            continue
        text = row.split("]", 1)[1].strip()
        if MIN_WORDS <= len(text.split()) <= MAX_WORDS:
            lines.append(text)
    return tuple(lines)
