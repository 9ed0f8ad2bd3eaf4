import pytest

from services.classify.normalize import normalize, squeeze


def test_case_accents_and_stripped_form() -> None:
    n = normalize("Ça COÛTE trop Cher")
    assert n.lower == "ça coûte trop cher"
    assert n.folded == "ca coute trop cher"


def test_leetspeak_masks_and_symbols() -> None:
    assert normalize("t'es un c0nnard").folded == "t'es un connard"
    assert normalize("f*ck this").folded == "fuck this"
    assert normalize("you @ss").folded == "you ass"
    assert normalize("b!tch").folded == "bitch"
    assert normalize("1d10t").folded == "idiot"


def test_numbers_that_are_not_leetspeak_stay() -> None:
    assert normalize("le bus de 5h, 20$ et le 1er").folded == "le bus de 5h, 20$ et le 1er"
    assert normalize("wow!!!").folded == "wow!!!"


def test_repeated_and_spaced_letters() -> None:
    assert normalize("TABARNAAAAK").folded == "tabarnak"
    assert normalize("c o n n a r d").folded == "connard"
    assert normalize("f.u.c.k").folded == "fuck"
    assert normalize("y a-t-il un bus").folded == "y a-t-il un bus"  # not spaced-out letters
    assert normalize("connnnard").squeezed == squeeze("connard") == "conard"


def test_placeholders() -> None:
    n = normalize("@bob_22 go to www.win.xyz or bit.ly/x, mail me a@b.com, call 514-555-1234 🚀😡")
    assert n.folded == "xmention go to xurl or xurl , mail me xemail , call xphone xemomoney xemoneg"
    assert (n.n_mentions, n.n_urls, n.n_emails, n.n_phones) == (1, 2, 1, 1)
    assert "xemomoney" in n.tokens and "xemoneg" in n.tokens


def test_french_phone_and_question_marks() -> None:
    n = normalize("appelle au 06 12 34 56 78?")
    assert n.n_phones == 1 and n.n_questions == 1


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("Voici le numéro du service client : 1-800-555-0100", "xtollfree"),
        ("call (888) 555-1234 for a refund", "xtollfree"),
        ("appelez le 0 800 123 456", "xtollfree"),
        ("son cell c'est le 514-555-0199", "xphone"),
        ("her number is 06 12 34 56 78", "xphone"),
    ],
)
def test_toll_free_numbers_are_not_personal_numbers(text: str, token: str) -> None:
    norm = normalize(text)
    assert token in norm.tokens
    assert norm.n_phones == (token == "xphone")
