"""Rules for risk written in English."""

from __future__ import annotations

from bot.safety.rules.rule import Rule

RULES: tuple[Rule, ...] = (
    Rule(
        "suicide_in_english",
        r"kill myself|"
        r"end my life|"
        r"want to die|"
        r"suicidal|"
        r"take my (own )?life|"
        r"kill(ing)? myself|"
        r"end it all|"
        r"don t want to (live|be alive)|"
        r"dont want to (live|be alive|be here)|"
        r"better off (if i (was|were) )?dead|"
        r"better off without me",
        catches=(
            "i want to kill myself",
            "i dont want to live anymore",
            "everyone is better off without me",
        ),
        ignores=(
            "i want to go home",
        ),
    ),
    Rule(
        "farewell_in_english",
        r"this is goodbye|"
        r"written (letters|a letter) for|"
        r"this is my goodbye|"
        r"(tomorrow|then) you (will )?find me|"
        r"gone for good|"
        r"done for good|"
        r"wake up tomorrow",
        catches=(
            "this is goodbye",
            "tomorrow you find me",
        ),
        ignores=(
            "see you tomorrow",
        ),
    ),
    Rule(
        "means_in_english",
        r"(whole|entire) bottle of pills|"
        r"took (all|a lot of|too many) (of )?(my )?pills|"
        r"(going|gonna) to jump|"
        r"(have|got) a plan to|"
        r"(gun|knife|rope|pills|blade) (\w+ ){0,8}(on )?myself|"
        r"(drive|crash) (my )?(car )?into|"
        r"finally going to do it|"
        r"edge of the (roof|bridge|building)|"
        r"(he|she) (\w+ )?(jump|jumps) (from|off) (the )?(flat|roof|bridge|building)|"
        r"(have|got) (the|a) knife",
        catches=(
            "i took all my pills",
            "i am going to jump",
            "i am standing on the edge of the roof",
        ),
        ignores=(
            "i am going to the shop",
        ),
    ),
    Rule(
        "self_harm_in_english",
        r"hurt myself|"
        r"cut myself|"
        r"cut (her|his|my|their) (arm|arms|wrist|wrists|leg|legs)\b|"
        r"starv(e|ing) myself",
        catches=(
            "i cut myself again",
            "i am starving myself",
        ),
        ignores=(
            "i cut my hair yesterday",
        ),
    ),
    Rule(
        "danger_in_english",
        r"(is|keeps) hitting me|"
        r"(scared|afraid) (he|she|they) (will|ll|might) kill me|"
        r"(will|going to|gonna|ll) kill me|"
        r"(follows|following|stalking|stalks) me|"
        r"knows where i (sleep|live)|"
        r"(beat|beats|hits|hurt|hurts|rape|raped) me\b|"
        r"(use|used) it on me",
        catches=(
            "my husband keeps hitting me",
            "he is going to kill me",
        ),
        ignores=(
            "my dog follows the cat everywhere",
        ),
    ),
)
