"""--aspect on the command line: a work laid out for another screen, its own files."""

import dataclasses

from clitools import run

from whysigmoid import catalog
from whysigmoid.delivery.movies.info import probe
from whysigmoid.delivery.movies.poster import poster_path


def test_a_vertical_dark_render_has_its_size_name_poster_and_gallery(tmp_path):
    media = tmp_path / "m"
    args = ("-q", "preview", "--theme", "dark", "--aspect", "9:16", "--media-dir", media)
    result = run("render", "JustActivation", *args)
    assert result.exit_code == 0, result.output
    video = media / "preview" / "just_activation-dark-9x16.mp4"
    assert str(video) in result.output.splitlines()
    assert "at preview (480x854@15)" in result.output  # the progress line says the real size
    info = probe(video, count_frames=False)
    assert (info.width, info.height) == (480, 854)
    assert poster_path(video).is_file() and video.with_suffix(".vtt").is_file()

    page = run("gallery", *args)
    assert page.exit_code == 0, page.output
    html = (media / "preview" / "index-dark-9x16.html").read_text()
    assert 'src="just_activation-dark-9x16.mp4"' in html
    assert "aspect-ratio: 9 / 16" in html


def test_a_work_without_a_layout_for_the_screen_is_refused_before_rendering(tmp_path, monkeypatch):
    # TowerFunctions as if it had only its 16:9 layout: the catalog the CLI looks works up in
    only_wide = dataclasses.replace(catalog.find_work("TowerFunctions"), aspects=("16:9",))
    works = tuple(only_wide if w.name == only_wide.name else w for w in catalog.WORKS)
    monkeypatch.setattr(catalog, "WORKS", works)
    media = tmp_path / "m"
    result = run(
        "render", "JustActivation", "TowerFunctions", "--aspect", "1:1", "--media-dir", media
    )
    assert result.exit_code == 2
    assert "TowerFunctions has no 1:1 layout yet (it has 16:9)" in result.output
    assert not media.exists()
