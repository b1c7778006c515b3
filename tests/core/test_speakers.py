"""Speakers of quotations, in the five languages and their usual patterns."""

import pytest

from reader.core.analysis import analyse
from reader.core.article import parse


def speakers(text: str) -> list[str | None]:
    result = analyse(parse(text, markdown=False))
    return [q.speaker for q in result.quotes]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Vertice a Roma\nIl ministro dell'Economia Giancarlo Giorgetti ha detto: «La manovra è pronta e sarà approvata presto». Poi è partito.",
            "Giancarlo Giorgetti",
        ),
        (
            "Summit in London\n\"We will not raise taxes this year,\" said Rachel Reeves, the chancellor, on Monday in London.",
            "Rachel Reeves",
        ),
        (
            "Sommet à Paris\n« Nous ne céderons rien sur les retraites », a déclaré Emmanuel Macron mardi à Paris.",
            "Emmanuel Macron",
        ),
        (
            "Gipfel in Berlin\n„Wir werden die Schuldenbremse einhalten“, sagte Friedrich Merz am Dienstag in Berlin.",
            "Friedrich Merz",
        ),
        (
            "Cumbre en Madrid\n«No vamos a subir los impuestos este año», dijo Pedro Sánchez el lunes en Madrid.",
            "Pedro Sánchez",
        ),
        (
            "Summit\nAccording to Olaf Scholz, \"the coalition will hold until the very end of the term\".",
            "Olaf Scholz",
        ),
        (
            "Retraites\n« C'est une victoire pour la France », a déclaré le ministre du Travail, Olivier Dussopt.",
            "Olivier Dussopt",
        ),
        (
            "Vivienda\n\"Es un día histórico\", ha afirmado el presidente del Gobierno, Pedro Sánchez, en Madrid.",
            "Pedro Sánchez",
        ),
        (
            "Retraites\nLe texte a été adopté. Pour Marine Le Pen, « ce texte est une honte pour le pays ».",
            "Marine Le Pen",
        ),
        (
            "Governo\n«Andremo avanti», ha dichiarato la presidente del Consiglio, Giorgia Meloni.",
            "Giorgia Meloni",
        ),
        (
            "Wahl\n„Wir haben die Wahl gewonnen“, erklärte der Spitzenkandidat der CDU, Hendrik Wüst, am Abend.",
            "Hendrik Wüst",
        ),
        (
            "Incendi\n«Abbiamo mobilitato tutti i mezzi disponibili», fa sapere la Protezione civile.",
            "Protezione civile",
        ),
    ],
)
def test_speech_verbs_and_attribution(text, expected):
    assert speakers(text) == [expected]


def test_surname_and_pronoun_resolve_to_the_full_name():
    text = (
        "Talks resume\n"
        "Angela Merkel met the delegation on Monday. Merkel said: \"We are closer than ever before to a deal.\"\n"
        "\"There is still a lot of work to do,\" she said."
    )
    assert speakers(text) == ["Angela Merkel", "Angela Merkel"]


def test_unnamed_speaker_is_none():
    text = "Layoffs\nA former employee said: \"It was chaos from the first day to the last.\""
    assert speakers(text) == [None]


def test_spokesperson_speaks_for_the_organisation():
    text = "Layoffs at Acme\nUn portavoce di Google ha risposto: «La ricerca resta uno dei nostri pilastri fondamentali»."
    assert speakers(text) == ["Google"]


def test_no_cue_means_no_speaker():
    text = "Policy\nThe plan aims to \"reduce external sharing and increase internal work\" before the summer."
    assert speakers(text) == [None]


def test_a_pronoun_after_the_quotation_is_its_own_sentence_subject():
    text = (
        "Retraites\n"
        "Marine Le Pen a dénoncé « un texte injuste et brutal ». La Première ministre Élisabeth Borne "
        "estime de son côté que « le compromis est encore possible », explique-t-elle dans un entretien."
    )
    assert speakers(text) == ["Marine Le Pen", "Élisabeth Borne"]


def test_a_speech_verb_with_no_subject_goes_on_with_the_last_speaker():
    text = (
        "Vivienda\nEl líder de Vox, Santiago Abascal, fue tajante: “Derogaremos esta ley en cuanto gobernemos”. "
        "“No lo permitiremos nunca”, añadió."
    )
    assert speakers(text) == ["Santiago Abascal", "Santiago Abascal"]


def test_a_name_inside_a_quotation_is_not_the_next_ones_speaker():
    text = (
        "Talks in Rome\n"
        "Giorgia Meloni arrived early. \"We thank Ursula von der Leyen for her patience today,\" she said. "
        "\"The deal will be signed next week in Brussels.\""
    )
    assert speakers(text) == ["Giorgia Meloni", "Giorgia Meloni"]


def test_a_pronoun_stands_for_who_spoke_not_for_whoever_came_first():
    text = (
        "Visita a Roma\n"
        "Seduto accanto a Giorgia Meloni, Pedro Sánchez ha detto che l'incontro è andato bene. "
        "«È stata una giornata molto utile per entrambi i paesi», ha aggiunto lui."
    )
    assert speakers(text) == ["Pedro Sánchez"]


def test_a_quotation_without_a_cue_goes_on_with_the_one_before():
    text = (
        "Strike at the port\n"
        "\"We will not accept these cuts to our pensions,\" said Maria Lopes, the union's leader.\n"
        "\"Our members have waited for three years already.\"\n"
        "The company did not answer."
    )
    assert speakers(text) == ["Maria Lopes", "Maria Lopes"]


def test_a_new_cue_is_not_a_continuation():
    text = (
        "Strike at the port\n"
        "\"We will not accept these cuts to our pensions,\" said Maria Lopes, the union's leader.\n"
        "John Carter, the port's director, replied: \"The cuts are needed to keep the port open.\""
    )
    assert speakers(text) == ["Maria Lopes", "John Carter"]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Layoffs\nGeneral Motors cut 2,000 jobs in Detroit on Monday. \"We regret the decision but the market has changed,\" the company said.",
            "General Motors",
        ),
        (
            "Tagli\nLa Fiat ha tagliato 2.000 posti a Torino. «Ci dispiace, ma il mercato è cambiato molto», ha detto l'azienda.",
            "Fiat",
        ),
        (
            # the ministry named before, not the organisation named last
            "Gesundheit\nDas Bundesministerium für Gesundheit hat neue Regeln beschlossen. Die Charité sei bereit. „Wir werden die Regeln sofort umsetzen“, teilte das Ministerium mit.",
            "Bundesministerium für Gesundheit",
        ),
        (
            "Salud\nEl Ministerio de Sanidad aprobó nuevas reglas. La empresa Pfizer ya las conoce. «Aplicaremos las reglas de inmediato», dijo el ministerio.",
            "Ministerio de Sanidad",
        ),
        (
            # what one reads on a site is what the site says
            "Nouveau service\nL'association Framasoft a lancé un service de courriel. « Nous voulons un web libre et ouvert à tous », peut-on lire sur son site.",
            "Framasoft",
        ),
        (
            "Servicio\nLa Fundación Mozilla lanzó un nuevo servicio. «Queremos una web libre y abierta para todos», se lee en el sitio de la fundación.",
            "Fundación Mozilla",
        ),
        (
            "Layoffs\nGeneral Motors cut 2,000 jobs in Detroit on Monday. \"We regret the decision but the market has changed,\" a company in Ohio said.",
            None,
        ),
        (
            "Layoffs\nWorkers protested in Detroit on Monday. \"We regret the decision but the market has changed,\" the company said.",
            None,
        ),
    ],
)
def test_a_noun_for_an_organisation_speaks_for_the_one_named_before(text, expected):
    """"The company said" credits the organisation named last (or the ministry for "the
    ministry"); "a company" is none the text names, and with none named before, nobody."""
    assert speakers(text) == [expected]


def test_a_statement_announced_in_the_sentence_before_is_its_author_s():
    """"X issued a statement. «…»": the quotation is X's, not the previous speaker's."""
    text = (
        "Budget\nMayor Tom Smith said: \"The budget is balanced and the city will grow again.\"\n"
        "The opposition disagreed. Councillor Jane Doe issued a statement on Tuesday. "
        "\"The mayor has hidden the real deficit from the voters.\""
    )
    assert speakers(text) == ["Tom Smith", "Jane Doe"]
    text = (
        "Bilancio\nIl sindaco Tom Smith ha detto: «Il bilancio è in ordine e la città crescerà di nuovo».\n"
        "L'opposizione non è d'accordo. La consigliera Anna Bianchi ha diffuso una nota martedì. "
        "«Il sindaco ha nascosto il vero deficit agli elettori»."
    )
    assert speakers(text) == ["Tom Smith", "Anna Bianchi"]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Roma\nIl ministro Carlo Nordio ha parlato ieri. «La riforma è pronta – dichiara Nordio – e sarà "
            "approvata entro l'estate», ha concluso.",
            "Carlo Nordio",
        ),
        (
            "Sommet\nLe ministre Gabriel Attal était à Lyon. « Nous allons agir vite, a ajouté Attal, et sans attendre »",
            "Gabriel Attal",
        ),
    ],
)
def test_an_aside_inside_the_marks_names_the_speaker(text, expected):
    assert speakers(text) == [expected]


def test_a_line_of_dialogue_is_said_by_the_one_the_aside_names_or_the_one_before():
    text = (
        "Madrid\nEl periodista Iñaki Gabilondo habló ayer en la radio.\n"
        "—Es una ley injusta y la vamos a cambiar —dijo—. Y lo haremos pronto en el Congreso."
    )
    assert speakers(text) == ["Iñaki Gabilondo", "Iñaki Gabilondo"]


def test_a_subject_that_is_no_name_leaves_the_speaker_empty():
    """"…," the band said: someone the text does not name, not the person named before."""
    text = (
        "Music\nGinger Baker, the drummer of Cream, died on Sunday. "
        "\"He was a genius of rhythm and a difficult man,\" the band said in a statement."
    )
    assert speakers(text) == [None]


def test_a_role_no_one_was_seen_with_stands_for_the_person_named_last():
    text = "Tennis\nJasmine Paolini ha vinto a Roma. «È stata una settimana incredibile per me», ha detto la tennista."
    assert speakers(text) == ["Jasmine Paolini"]


def test_a_headline_quotation_the_body_quotes_again_has_the_body_s_speaker():
    text = (
        "North Korea puts military in 'quasi-state of war'\n"
        "The army must prepare for a \"quasi-state of war\", the Korean Central News Agency said on Friday."
    )
    assert speakers(text) == ["Korean Central News Agency", "Korean Central News Agency"]


def test_according_to_the_agency():
    text = (
        "Alert\nAccording to the Korean Central News Agency, the army must prepare a \"quasi-state of war\" "
        "along the border."
    )
    assert speakers(text) == ["Korean Central News Agency"]


def test_a_paragraph_crowded_with_quotations_names_no_speakers():
    """Past 40 quotations in one paragraph it is no prose: they are found, speakers left empty."""
    from reader.core.analysis.speakers import CROWDED

    said = 'Maria Rossi said "we will rebuild the harbour quickly" and then "the quays held better than feared".'
    crowded = " ".join([said] * (CROWDED // 2 + 1))
    doc = parse("Harbour\n\n" + said + "\n\n" + crowded + "\n", markdown=False)
    quotes = analyse(doc).quotes
    assert [q.speaker for q in quotes if q.block == 1] == ["Maria Rossi", "Maria Rossi"]
    crowded_quotes = [q for q in quotes if q.block == 2]
    assert len(crowded_quotes) > CROWDED and all(q.speaker is None for q in crowded_quotes)
