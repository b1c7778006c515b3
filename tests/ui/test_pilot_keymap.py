"""A config file can rebind any key by its id; clashes and unknown ids are reported."""

from reader.core.settings import load_settings
from tests.screen import screen_text
from tests.ui.conftest import ready


async def test_rebinding_a_key_by_its_id(sample_app):
    app = sample_app(keys={"reader.next_quote": "z"})
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("z")
        assert app.screen.article.current == app.screen.analysis.quotes[0].block
        assert "quote 1 of" in screen_text(app)
        assert "z Quote" in screen_text(app)  # the footer shows the new key


async def test_clash_and_unknown_id_are_reported_on_start_and_defaults_kept(sample_app):
    app = sample_app(keys={"reader.next_quote": "j", "reader.no_such_thing": "y"})
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        messages = " ".join(n.message for n in app._notifications)
        assert "reader.next_quote" in messages and "reader.next_paragraph" in messages
        assert "unknown binding id 'reader.no_such_thing'" in messages
        await pilot.press("j")
        assert app.screen.article.current == 1  # j still moves by paragraph
        await pilot.press("right_square_bracket")
        assert "quote 1 of" in screen_text(app)


def test_config_file_problems_are_listed(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[keys]\n"reader.next_quote" = ""\n[shortcuts]\nx = 1\n[export]\nfolder = "~/n"\n', encoding="utf-8")
    settings = load_settings(path)
    assert any("unknown setting 'shortcuts'" in p for p in settings.problems)
    assert any("keys.reader.next_quote" in p for p in settings.problems)
    assert settings.export_folder is not None and settings.export_folder.name == "n"
    path.write_text("[keys\n", encoding="utf-8")
    assert "not valid TOML" in load_settings(path).problems[0]
