"""The local server of the browser tests: a connection the browser closes early is not reported as an error."""

import browser_support as bs


def _fail(server, exc: BaseException) -> None:
    try:
        raise exc
    except BaseException:
        server.handle_error(None, ("127.0.0.1", 1))


def test_a_connection_closed_early_prints_nothing_and_other_errors_still_print(capsys):
    with bs._QuietServer(("127.0.0.1", 0), bs._QuietHandler) as server:
        _fail(server, BrokenPipeError(32, "Broken pipe"))
        _fail(server, ConnectionResetError(104, "Connection reset by peer"))
        assert capsys.readouterr().err == ""
        _fail(server, ValueError("a real fault"))
        assert "ValueError: a real fault" in capsys.readouterr().err
