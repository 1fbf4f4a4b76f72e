"""What a render makes of a work, and the pages and decks made from renders.

Every output implements :class:`.base.Output`: videos of every format
(:mod:`.video`), stills (:mod:`.still`), chosen-beats clips (:mod:`.clip`)
and decks' slides (:mod:`.deck`). From the rendered files come deck files
(:func:`.deck.write_deck`, with reveal.js inlined by :mod:`.revealjs`, PDF
handouts by :mod:`.handout`) and the gallery page (:mod:`.gallery`).
:mod:`.quality` lists the qualities a work renders at.
"""
