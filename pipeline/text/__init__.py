"""The lowest layer: Swedish text as every stage reads it.

Number formats (`numbers`), units of money and measure (`units`), years (`years`),
whitespace and hyphenation (`normalise`), and lemmas, cue phrases and named bodies
(`lexicon`). Layout, extract and validate all import from here; this package imports no
stage.
"""
