"""What the voices of the test episodes say: Dutch lines from the seed transcript, English
sentences written for them (and more put together from parts), and short interjections.

Each pool is shuffled with a fixed seed and cut into disjoint parts, so the second episode of
a show says new things with the same voices.
"""

from __future__ import annotations

import itertools
import random
import re
from functools import cache
from pathlib import Path

SEED_TRANSCRIPT = (Path(__file__).resolve().parents[2] / "seeds"
                   / "ai-report-2025-02-20-grok3-whisper.txt")

INTERJECTIONS = {
    "en": ("yes", "right", "yeah", "exactly", "okay", "sure", "really?", "I see", "true",
           "no", "of course", "absolutely"),
    "nl": ("ja", "precies", "klopt", "oké", "nee", "echt?", "inderdaad", "zeker", "ja ja",
           "goed", "tuurlijk", "nou"),
}

ENGLISH_WRITTEN = (
    "Welcome back to the show, it is good to have you all here again.",
    "Today we are talking about the long road from a rough idea to a finished product.",
    "I have to admit that I did not see that coming at all.",
    "That is a fair point, but I think the numbers tell a different story.",
    "Let me read you the question one of our listeners sent in last week.",
    "She asked whether any of this will still matter in five years.",
    "Honestly, I think it matters more than ever.",
    "We tried the new version on the train this morning and it kept crashing.",
    "The battery lasted for about two hours, which is not great.",
    "My daughter uses it for her homework and she loves it.",
    "What surprised me most was how quiet the room became when the results came in.",
    "There is a small bakery on the corner that opens at six in the morning.",
    "We should probably move on to the next topic before we run out of time.",
    "I went back and read the original paper, and it is actually quite short.",
    "The authors make one claim in the abstract and a much weaker one in the conclusion.",
    "So the headline was not exactly wrong, it was just very optimistic.",
    "Can you explain that again for the people who are listening in the car?",
    "Imagine you have a box of old photographs and no idea who is in them.",
    "Now imagine a program that sorts them by face in a couple of minutes.",
    "That sounds useful until you think about who else might want to do that.",
    "The city council voted on the plan last night, and it passed by a single vote.",
    "Nobody in the room wanted to be the one to say no.",
    "Our producer is waving at me, which usually means we are running late.",
    "I think we need to be careful not to promise too much here.",
    "The weather has been strange all year, warm in January and cold in May.",
    "My grandfather used to say that the best tools are the ones you forget you are using.",
    "That is a lovely way to put it.",
    "I tested it with three different microphones and got three different answers.",
    "The cheapest one did best, which tells you something about the test.",
    "We will put a link to the article in the show notes.",
    "If you have a question, send us a message and we will try to answer it next time.",
    "Before we go, one small correction from last week's episode.",
    "I said the bridge was built in nineteen twenty, but it was nineteen twenty four.",
    "Thanks to everyone who wrote in to point that out.",
    "It reminds me of the early days of the internet, when everything felt possible.",
    "People built strange little websites just because they could.",
    "Some of those websites are still online, which I find oddly comforting.",
    "The interview is coming up after a short break.",
    "Our guest today has spent twenty years studying how people listen.",
    "Listening turns out to be much harder than talking.",
    "Most of us are already planning our answer while the other person is still speaking.",
    "I am guilty of that, I will admit it.",
    "The trick, she says, is to wait one second longer than feels comfortable.",
    "Let us try that right now and see what happens.",
    "That was the longest second of my life.",
    "The funny thing is that it works on the radio as well.",
    "A pause makes people lean in, it makes them curious about what comes next.",
    "We have a few minutes left, so let us do the listener questions.",
    "The first one is about the garden, of all things.",
    "Someone wants to know whether tomatoes really need that much sun.",
    "I have no idea, but my neighbour grows them on a dark balcony and they do fine.",
    "That is the most scientific answer we have given all year.",
    "On that note, thank you for listening, and see you next week.",
    "The train was forty minutes late, so I read the whole report on the platform.",
    "It is three hundred pages long, but the summary fits on a postcard.",
    "They interviewed more than two thousand people in six countries.",
    "The results were remarkably similar everywhere they looked.",
    "People trust their local newspaper more than any national broadcaster.",
    "I find that encouraging, to be honest.",
    "It means that small things done well still count for something.",
)

# Parts put together into further sentences, so long episodes never run out of new text.
_SUBJECTS = ("The new model", "Our guest", "The committee", "My neighbour", "The company",
             "Every listener", "The research team", "That small startup", "The city council",
             "A friend of mine", "The museum", "Our producer", "The school board",
             "The football club", "My brother", "The local library", "The hospital",
             "The whole department", "An old colleague", "The government")
_VERBS = ("wrote a long report about", "keeps talking about", "was surprised by",
          "spent the whole week on", "asked me about", "never really understood",
          "changed its mind on", "published a paper on", "made a short film about",
          "could not stop laughing about", "had strong opinions on", "quietly gave up on",
          "sent us a letter about", "finally agreed on", "is worried about",
          "started a podcast about", "went to a conference on", "voted against",
          "is writing a book about", "got very excited about")
_OBJECTS = ("the price of electricity", "open source software", "the weather in the north",
            "self driving cars", "the new train timetable", "the history of the harbour",
            "bicycle lanes in the city centre", "the old windmill", "artificial intelligence",
            "the summer festival", "the water quality of the lake", "remote work",
            "the cost of housing", "a forgotten painter", "the migration of birds",
            "the future of radio", "cheap flights", "the village bakery", "solar panels",
            "the school lunches", "a very old computer", "the tides", "privacy online",
            "the local elections", "the recycling rules")
_TAILS = ("last week.", "this morning.", "again.", "and nobody noticed.", "for the third time.",
          "before the summer.", "in front of everyone.", "without telling anyone.",
          "at the worst possible moment.", "over a cup of coffee.", "on live radio.",
          "during the holidays.", "with a lot of enthusiasm.", "for almost an hour.",
          "in the middle of the night.")
_JOINS = (", and", ", but", ", while", ", so")


@cache
def english_sentences() -> tuple[str, ...]:
    """The written sentences, then sentences put together from parts (short and long)."""
    rng = random.Random(20261203)
    combos = list(itertools.product(_SUBJECTS, _VERBS, _OBJECTS, _TAILS))
    rng.shuffle(combos)
    built: list[str] = []
    for index, (subject, verb, thing, tail) in enumerate(combos[:3000]):
        sentence = f"{subject} {verb} {thing} {tail}"
        if index % 5 == 4:  # every fifth a long one: two clauses
            other = combos[-index]
            sentence = (f"{subject} {verb} {thing}{_JOINS[index % len(_JOINS)]} "
                        f"{other[0].lower()} {other[1]} {other[2]} {other[3]}")
        elif index % 7 == 3:  # and some short ones
            sentence = f"{subject} {verb} {thing}."
        built.append(sentence)
    return ENGLISH_WRITTEN + tuple(built)


_CUE = re.compile(r"^\[\s*[0-9.:]+\s*-->\s*[0-9.:]+\s*\]\s*(?P<text>.*)$")


@cache
def dutch_sentences() -> tuple[str, ...]:
    """Lines of the seed transcript with 4 to 30 words, each once (its last two lines are
    Whisper hallucinations and left out)."""
    texts = [match["text"].strip() for line in SEED_TRANSCRIPT.read_text("utf-8").splitlines()
             if (match := _CUE.match(line.strip()))][:-2]
    return tuple(dict.fromkeys(text for text in texts if 4 <= len(text.split()) <= 30))


def sentence_part(language: str, part: int, parts: int = 2, seed: int = 0) -> list[str]:
    """Part ``part`` (1-based) of ``parts`` disjoint parts of a language's sentences, in an
    order fixed by ``seed`` (one per show)."""
    pool = list(english_sentences() if language == "en" else dutch_sentences())
    random.Random(seed).shuffle(pool)
    size = len(pool) // parts
    return pool[(part - 1) * size: part * size]
