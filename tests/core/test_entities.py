"""Entities: names found once each, with kinds from evidence, never from a capital alone."""

from reader.core.analysis import analyse
from reader.core.article import parse


def entities(text: str) -> dict[str, tuple[str, list[str]]]:
    result = analyse(parse(text, markdown=False))
    return {e.name: (e.kind, list(e.aliases)) for e in result.entities}


def test_multi_word_names_with_particles():
    found = entities(
        "Vertice europeo\n"
        "Ieri Ursula von der Leyen ha incontrato Yann LeCun e il governatore del Banco de España a Bruxelles. "
        "Poi von der Leyen è ripartita."
    )
    assert found["Ursula von der Leyen"][0] == "PERSON"
    assert found["Yann LeCun"][0] == "PERSON"
    assert found["Banco de España"][0] == "ORG"
    assert found["Bruxelles"][0] == "PLACE"


def test_acronym_next_to_its_expansion_is_an_alias():
    found = entities(
        "Tagli\nSeicento persone dei Meta Superintelligence Labs (MSL) hanno perso il lavoro. "
        "Il team MSL era nato a luglio."
    )
    kind, aliases = found["Meta Superintelligence Labs"]
    assert kind == "ORG" and "MSL" in aliases
    assert "MSL" not in found


def test_surname_after_full_name_is_one_person():
    found = entities(
        "Layoffs\nThe chief executive Mark Thompson spoke to staff on Monday. Later Thompson told reporters that more cuts would come."
    )
    assert found["Mark Thompson"] == ("PERSON", ["Thompson"])
    assert "Thompson" not in found


def test_possessive_and_elided_forms_are_mentions():
    result = analyse(parse("Titolo\nL'ONU ha votato. Il piano dell'ONU è pronto. Meta's plan and Meta lead.", markdown=False))
    by_name = {e.name: e for e in result.entities}
    onu = next(e for e in result.entities if "ONU" in e.forms)
    assert len(onu.mentions) == 2 and all(m.text == "ONU" for m in onu.mentions)
    assert len(by_name["Meta"].mentions) == 2


def test_no_false_entities_from_sentence_starts_months_and_demonyms():
    found = entities(
        "Nuove regole\n"
        "Tuttavia il governo italiano ha deciso a settembre. Situata accanto al porto, la sede è chiusa. "
        "In January the Italian and French ministers met on Monday. Stamattina presto tutto era fermo."
    )
    for word in ("Tuttavia", "Situata", "In", "January", "Italian", "French", "Monday", "Stamattina"):
        assert word not in found, word


def test_title_case_headline_words_are_not_entities():
    found = entities("Storm Hits Coast As Officials Warn Of More Rain\nThe storm reached the coast on Monday night.")
    assert found == {} or all(kind == "OTHER" for kind, _ in found.values()) is False or not found


def test_camel_case_and_known_organisations():
    found = entities(
        "Apps\nMeta said that third-party chatbots will leave WhatsApp next year, while OpenAI and Google disagreed."
    )
    assert found["WhatsApp"][0] == "ORG"
    assert found["OpenAI"][0] == "ORG"
    assert found["Google"][0] == "ORG"


def test_kinds_from_titles_and_org_words():
    found = entities(
        "Politik\nBundeskanzler Friedrich Merz traf am Montag den Präsidenten der Deutschen Bundesbank in Frankfurt. "
        "Die Stiftung Warentest kritisierte die Pläne."
    )
    assert found["Friedrich Merz"][0] == "PERSON"
    assert found["Frankfurt"][0] == "PLACE"


def test_german_nouns_are_not_entities():
    found = entities(
        "Haushalt\nDie Regierung hat gestern nach einer langen Debatte im Parlament das neue Gesetz gebilligt. "
        "Die Opposition kritisierte die Entscheidung."
    )
    for word in ("Regierung", "Debatte", "Parlament", "Gesetz", "Opposition", "Entscheidung"):
        assert word not in found, word


def test_products_are_other_never_a_person_or_organisation():
    found = entities("AI\nMany people now use ChatGPT every day, and others prefer Gemini for search.")
    assert found.get("ChatGPT", ("OTHER",))[0] == "OTHER"


def test_other_languages_degrade_gracefully():
    found = entities(
        "Eleições\nO presidente Luiz Inácio Lula da Silva falou em Brasília com jornalistas. "
        "Depois, Lula viajou para São Paulo."
    )
    assert "Luiz Inácio Lula da Silva" in found
    assert found["Brasília"][0] == "PLACE"


def test_middle_initials_belong_to_the_name():
    found = entities(
        "Archive\nThe church was founded by the writer L. Ron Hubbard in 1954. "
        "George W. Bush and Michael J. Fox spoke later. Hubbard died in 1986."
    )
    assert found["L. Ron Hubbard"] == ("PERSON", ["Hubbard"])
    assert found["George W. Bush"][0] == "PERSON"
    assert found["Michael J. Fox"][0] == "PERSON"


def test_a_month_or_weekday_word_inside_a_name():
    found = entities(
        "Talks\nPrime Minister Theresa May met Jan Koum and Claudia Mo in London on Monday. "
        "On Jan. 5 the talks ended; in May 2024 they began again."
    )
    assert found["Theresa May"][0] == "PERSON"
    assert found["Jan Koum"][0] == "PERSON"
    assert found["Claudia Mo"][0] == "PERSON"
    assert not {"Monday", "Jan", "May"} & found.keys()
    italian = entities("Governo\nIl ministro Luigi Di Maio ha incontrato ieri a Roma il presidente, il 5 maggio.")
    assert italian["Luigi Di Maio"][0] == "PERSON"


def test_an_abbreviated_title_with_its_full_stop_still_names_a_person():
    found = entities(
        "Visita\nFueron recibidos por el Decano del Cuerpo Consular, Sr. Friedemann Greiner, y la Sra. Ana Pirelli."
    )
    assert found["Friedemann Greiner"][0] == "PERSON"
    assert "Decano" not in found  # a role, not a name
    english = entities("Meeting\nLater that day Mrs. Bea Hollis spoke to the press.")
    assert english["Bea Hollis"][0] == "PERSON"


def test_a_dateline_names_a_place_not_an_organisation():
    found = entities(
        "Rates\nWASHINGTON (Reuters) - The Federal Reserve held rates on Wednesday. "
        "Officials in Washington said the U.S. economy was strong."
    )
    assert found["Washington"] == ("PLACE", ["WASHINGTON"])
    assert found["Federal Reserve"][0] == "ORG"  # "The" after the dash starts a sentence
    assert found["Reuters"][0] == "ORG"
    assert found["U.S."][0] == "PLACE"  # the abbreviation keeps its last dot
    french = entities("Retraites\nPARIS — Le gouvernement a fait adopter mardi la réforme.")
    assert french["Paris"] == ("PLACE", ["PARIS"])


def test_german_organisations_by_their_compound_head_and_cue():
    found = entities(
        "Schulden\nAuch der Internationale Währungsfonds in Washington äußerte sich. "
        "Laut einer Umfrage des Instituts Forsa sind viele unzufrieden."
    )
    assert found["Internationale Währungsfonds"][0] == "ORG"
    assert found["Forsa"][0] == "ORG"


def test_a_research_firm_that_speaks_is_still_an_organisation():
    found = entities("Phones\nCounterpoint Research said Huawei gained ground in China last quarter.")
    assert found["Counterpoint Research"][0] == "ORG"


def test_a_ministry_after_a_title_is_not_a_person():
    found = entities("Manovra\nIl ministro dell'Economia, Giancarlo Giorgetti, ha spiegato che i conti sono in ordine.")
    assert found["Giancarlo Giorgetti"][0] == "PERSON"
    assert found.get("Economia", ("OTHER",))[0] != "PERSON"


def test_the_arabic_article_stays_in_the_name():
    found = entities("World\nBashar al-Assad fled to Moscow. Later al-Assad spoke, and the pro-Beijing camp gathered.")
    assert found["Bashar al-Assad"] == ("PERSON", ["al-Assad"])
    assert not any("Beijing" in name for name in found)


def test_places_named_after_saints_are_one_place():
    found = entities("Cronaca\nIl sindaco vive a San Donato Milanese, vicino a Santa Maria Novella.")
    assert found["San Donato Milanese"][0] == "PLACE"
    assert found["Santa Maria Novella"][0] == "PLACE"
    french = entities("Faits divers\nLa police est intervenue à Saint-Denis mardi soir.")
    assert french["Saint-Denis"][0] == "PLACE"


def test_one_in_before_an_unknown_name_makes_it_a_place():
    found = entities("Storm\nGovernor Ron DeSantis spoke in Tallahassee. The team met in Kumar's lab.")
    assert found["Tallahassee"][0] == "PLACE"
    assert found.get("Kumar", ("OTHER",))[0] != "PLACE"  # a possessive modifies what follows
    german = entities("Gesetz\nDas Gesetz tritt morgen in Kraft, sagte die Ministerin.")
    assert "Kraft" not in german or german["Kraft"][0] != "PLACE"


def test_particles_between_names_and_before_organisations():
    found = entities(
        "Monde\nLe député Olivier Dussopt du Parti socialiste a parlé. Lula da Silva est venu, "
        "avec Charles de Gaulle et Ursula von der Leyen."
    )
    assert found["Olivier Dussopt"][0] == "PERSON"
    assert found["Parti socialiste"][0] == "ORG"
    assert found["Lula da Silva"][0] == "PERSON"
    assert found["Charles de Gaulle"][0] == "PERSON"
    dutch = entities("Begroting\nVolgens minister Eelco Heinen van Financiën groeit de economie. Vincent van Gogh schilderde.")
    assert "Eelco Heinen" in dutch and "Vincent van Gogh" in dutch


def test_a_first_name_is_known_with_accents_the_list_lacks():
    found = entities("Governo\nO primeiro-ministro Luís Montenegro anunciou nesta terça-feira um pacote de medidas.")
    assert found["Luís Montenegro"][0] == "PERSON"


def test_an_organisation_its_people_speak_for_stays_an_organisation():
    found = entities(
        "Church\nThe defector left the Church of Scientology in 2008. Scientology officials have stated that "
        "he took hard drives. He was helped by former members of Scientology, including musician Tiziano Lugli."
    )
    assert found["Church of Scientology"][0] == "ORG"
    assert found["Tiziano Lugli"][0] == "PERSON"
    assert all(kind != "PERSON" for name, (kind, _) in found.items() if "Scientology" in name)


def test_parties_named_for_their_members():
    found = entities("Politics\nThe Liberal Democrats and the Neo Democrats gained seats on Sunday.")
    assert found["Liberal Democrats"][0] == "ORG"
    assert found["Neo Democrats"][0] == "ORG"


def test_german_places_by_their_compound_head():
    found = entities("China\nDie Artikel könnten in der Volksrepublik China zensiert werden, sagte die Bundesrepublik Deutschland.")
    assert found["Volksrepublik China"][0] == "PLACE"
    assert found["Bundesrepublik Deutschland"][0] == "PLACE"


def test_a_single_name_built_on_an_organisation_word():
    found = entities(
        "Médias\nJimmy Wales a dévoilé un nouveau projet nommé Wikitribune. Wikitribune sera indépendant. "
        "Selon Valenti, le projet est prometteur."
    )
    assert found["Wikitribune"][0] == "ORG"
    assert found.get("Valenti", ("PERSON",))[0] != "ORG"  # a family name that happens to end in "enti"


def test_acronyms_written_as_words_are_known():
    found = entities("Economia\nSecondo l'Onu e la Bce, gli Usa e l'Fmi sono preoccupati per la crescita.")
    assert found["Onu"][0] == "ORG" and found["Bce"][0] == "ORG" and found["Fmi"][0] == "ORG"
    assert found["Usa"][0] == "PLACE"


def test_a_name_named_after_a_person_is_what_its_head_says():
    found = entities(
        "Exhibits\nThe prints came from the Andy Warhol Foundation for the Visual Arts in New York. "
        "Visitors of the Kennedy Space Center saw the Adler Planetarium show, said K.C. Maurer, a curator."
    )
    assert found["Andy Warhol Foundation for the Visual Arts"][0] == "ORG"
    assert found["Kennedy Space Center"][0] == "ORG"
    assert found["Adler Planetarium"][0] == "ORG"
    assert "K.C. Maurer" in found  # dotted initials open a name, as "L. Ron Hubbard" does


def test_a_place_preposition_after_an_organisation_says_where_it_is():
    found = entities(
        "Shuttles\nThe Enterprise goes to the National Museum at Washington Dulles International Airport. "
        "NASA Administrator Charles Bolden announced it."
    )
    assert "National Museum" in found and not any(" at " in name for name in found)
    assert "Charles Bolden" in found and found["Charles Bolden"][0] == "PERSON"


def test_a_government_with_its_nationality_is_one_organisation():
    """Where the head comes first, a nationality after an organisation word belongs to it."""
    found = entities(
        "Visita\nIl ministro ha incontrato ieri gli ufficiali del Governo italiano e il Ministero cileno "
        "degli Affari Esteri a Roma."
    )
    assert found["Governo italiano"][0] == "ORG"
    assert found["Ministero cileno degli Affari Esteri"][0] == "ORG"
    assert entities("Visita\nEl ministro se reunió con el Gobierno español en Madrid.")["Gobierno español"][0] == "ORG"


def test_a_person_after_an_organisation_with_an_organisation_word_is_apart():
    found = entities(
        "Clock\nA spokeswoman of the Council on American-Islamic Relations Alia Salem said the boy was fine."
    )
    assert found["Alia Salem"][0] == "PERSON"
    assert found["Council on American-Islamic Relations"][0] == "ORG"


def test_a_stadium_is_a_place():
    found = entities("Football\nSweden played at the Nizhny Novgorod Stadium, and Belgium at the Fisht Stadium in Sochi.")
    assert found["Nizhny Novgorod Stadium"][0] == "PLACE" and found["Fisht Stadium"][0] == "PLACE"
    assert entities("Calcio\nLa partita si gioca allo Stadio Olimpico di Roma.")["Stadio Olimpico"][0] == "PLACE"


def test_an_acronym_after_an_elided_article_is_an_organisation():
    found = entities("Visite\nI ministri hanno visitato i centri dell'ESO in Cile. Poi hanno lasciato il Paese.")
    assert found["ESO"][0] == "ORG"


def test_a_name_before_a_noun_is_not_the_one_who_speaks():
    found = entities(
        "Documents\nDewar says that bureaucrats of the Conservative government have complained to him."
    )
    assert "Conservative" not in found or found["Conservative"][0] != "PERSON"


def test_a_title_s_complement_is_no_name():
    """"Secretário de Estado do Ministério…": Estado completes the title; the ministry is the name."""
    found = entities(
        "Visita\nEstava presente Friedrich Faulhammer, Secretário de Estado do Ministério de Ciência e "
        "Investigação austríaco, e outros."
    )
    assert found["Ministério de Ciência e Investigação"][0] == "ORG"
    assert not any(name.startswith("Estado") for name in found)
    found = entities("Visita\nErano presenti la Direttrice del Protocollo al Ministero cileno degli Affari Esteri e altri.")
    assert found["Ministero cileno degli Affari Esteri"][0] == "ORG"
    # a name of its own after the title stays whole
    found = entities("Visita\nFueron recibidos por el Decano del Cuerpo Consular, Sr. Friedemann Greiner, en Santiago.")
    assert "Cuerpo Consular" in found
    found = entities("Nomine\nIl presidente della Banca d'Italia ha visto il direttore del Corriere della Sera a Milano.")
    assert found["Banca d'Italia"][0] == "ORG" and found["Corriere della Sera"][0] == "ORG"


def test_a_demonym_with_a_compass_word_is_no_name():
    found = entities("Talks\nSouth Korean officials met North Korean envoys in Geneva on Monday.")
    assert not any("Korean" in name for name in found)
    assert found["Geneva"][0] == "PLACE"


def test_a_municipality_is_an_organisation():
    found = entities("Taxes\nThe Municipality of Livorno asked religious schools to pay. POTUS said nothing.")
    assert found["Municipality of Livorno"][0] == "ORG"
    assert "POTUS" not in found  # a title, as "CEO" is


def test_a_rare_german_compound_on_a_place_word_is_a_place():
    found = entities(
        "Protest\nAm Samstag waren rund 90.000 Menschen auf dem Wenzelsplatz in Prag zusammengekommen. "
        "Viele fanden keinen Parkplatz und gingen zum Arbeitsplatz."
    )
    assert found["Wenzelsplatz"][0] == "PLACE"
    assert "Parkplatz" not in found and "Arbeitsplatz" not in found


def test_part_of_an_organisation_s_name_is_that_organisation():
    found = entities(
        "Taxes\nThe Italian Supreme Court of Cassation ruled in July. The Supreme Court said the schools must pay."
    )
    assert "Supreme Court" in found["Italian Supreme Court of Cassation"][1]
    # part of two longer names: which one is not said
    found = entities(
        "Exhibits\nThe University of North Carolina at Greensboro and the University of North Carolina at "
        "Chapel Hill lent prints. The University of North Carolina thanked them."
    )
    assert "University of North Carolina" in found


def test_a_mission_code_is_no_organisation_and_no_part_of_a_name():
    found = entities(
        "Shuttles\nColumbia was launched from Kennedy Space Center on STS-1 in 1981. The TOP09 party disagreed."
    )
    assert found["Kennedy Space Center"][0] == "ORG"
    assert found.get("STS-1", ("OTHER",))[0] == "OTHER"
    assert found["TOP09"][0] == "ORG"


def test_an_accent_is_a_letter_at_the_end_of_a_word_and_a_transliteration_at_its_middle():
    found = entities(
        "Premio\nDmitry Muratov ha ricevuto il premio a Oslo. Ieri Murátov ha ringraziato la redazione. "
        "Poi la Metà dei giornalisti è partita."
    )
    assert "Murátov" in found["Dmitry Muratov"][1]  # the surname, transliterated with an accent
    assert "Metà" not in found  # "metà" (half) is not Meta


def test_a_name_with_its_article_is_no_person_and_a_preposition_after_a_full_name_ends_it():
    found = entities(
        "Music\nGinger Baker, the drummer of Cream, died in Canterbury. Charlie Watts played for The Rolling Stones."
    )
    assert found["The Rolling Stones"][0] == "ORG"
    found = entities("Premio\nAyer el premio Kofi Annan al Valor fue entregado en Madrid.")
    assert "Kofi Annan" in found and not any("Valor" in name for name in found)


def test_a_title_s_complement_alone_and_a_prefixed_title():
    found = entities(
        "Visita\nFaziam parte da comitiva Gloria Navarrete, Diretora de Protocolo do Ministério dos Negócios "
        "Estrangeiros chileno, e o Sub-Secretário de Estado dos Negócios Estrangeiros, Mario Giro."
    )
    assert "Protocolo" not in found and "Sub-Secretário" not in found
    assert not any(name.startswith("Estado") for name in found)
    assert found["Mario Giro"][0] == "PERSON"


def test_and_inside_a_name_whose_head_comes_last():
    found = entities(
        "Museums\nThe National Air and Space Museum lent items. Google and Microsoft Research did too, "
        "as did Mary Smith and John Brown Foundation staff. The Bill and Melinda Gates Foundation paid."
    )
    assert found["National Air and Space Museum"][0] == "ORG"
    assert found["Bill and Melinda Gates Foundation"][0] == "ORG"
    assert {"Google", "Microsoft Research", "Mary Smith", "John Brown Foundation"} <= set(found)


def test_a_town_then_its_country_is_a_place():
    found = entities("Boats\nFishermen found them swimming along the coast of Aceh, Indonesia, on Friday.")
    assert found["Aceh"][0] == "PLACE"


def test_a_portfolio_after_a_title_is_no_name_but_a_city_there_is():
    found = entities(
        "School\nMinister of Education Stefania Giannini spoke. The mayor of Bath and the CEO of Apple listened. "
        "Undersecretary for Education Mr. Toccafondi agreed."
    )
    assert "Education" not in found
    assert found["Stefania Giannini"][0] == "PERSON"
    assert found["Bath"][0] == "PLACE" and found["Apple"][0] == "ORG"


def test_a_shorter_organisation_named_first_stays_apart():
    found = entities(
        "Election\nIn the District Council (Second) constituency, known as \"Super District Council\" seats, "
        "Kwong Chun-yu of the Democratic Party won. The Super District Council seats went to the camp."
    )
    assert "District Council" in found and "Super District Council" in found


def test_an_acronym_spelled_like_a_word_is_kept():
    found = entities("Tagli\nI licenziamenti venivano dal dipartimento di ricerca FAIR e dal gruppo prodotti di Meta.")
    assert "FAIR" in found
