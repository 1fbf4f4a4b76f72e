"""Rendering: one lifecycle for every render, in this process, in parts, or resumed.

:mod:`.lifecycle` is the one sequence a render goes through (lock, up to
date, replaceable, stage, render, assemble, deliver, record) for a
:class:`.request.RenderRequest`; the one-process render (:mod:`.render`), the
split render (:mod:`.split`) and ``watch``'s resumed render (:mod:`.resume`)
differ only in how they draw. :mod:`.keys` identifies a render and keeps its
records; :mod:`.incremental` is the beat cache (its manifest and checks:
:mod:`.beat_cache`); :mod:`.snapshots` the paused
copies ``watch`` resumes; :mod:`.tasks` runs work lists in worker processes
prepared by :mod:`.process_env`; :mod:`.results` is what renders report.
"""
