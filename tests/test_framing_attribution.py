"""Attribution styles, one small story each (written for these tests; people are fictional)."""

from __future__ import annotations

import pytest

from briefings.framing import frame_text


def speakers(text: str) -> dict[str, str | None]:
    """Quote text (first words) -> speaker name, for a story."""
    return {q.text[:24]: q.speaker for q in frame_text(text).quotes}


def speaker_of(text: str, start: str) -> str | None:
    frame = frame_text(text)
    hits = [q.speaker for q in frame.quotes if q.text.startswith(start)]
    assert hits, f"no quote starts with {start!r}: {[q.text for q in frame.quotes]}"
    return hits[0]


CASES = {
    "x_said": (
        'Mayor Tomas Ekdahl defended the budget.\n\n"We cannot keep patching roads every spring," Ekdahl said.',
        "We cannot keep", "Tomas Ekdahl",
    ),
    "said_x_appositive": (
        'The plan drew fire on Monday.\n\n"Nobody asked the farmers," said Irena Vostrikova, a former deputy '
        "minister of agriculture.",
        "Nobody asked", "Irena Vostrikova",
    ),
    "x_told": (
        'Dr. Samuel Okonjo ran the clinic for a decade.\n\n"The queue starts at five in the morning," Okonjo told '
        "a local radio station.",
        "The queue starts", "Samuel Okonjo",
    ),
    "colon": (
        'Port workers stayed out for a third day. Their leader, Bram Hoekstra, was blunt: "We will not go back '
        'for less than we had last year."',
        "We will not go back", "Bram Hoekstra",
    ),
    "name_colon": (
        'Analysts split on the figures.\n\nLucia Ferrante-Moretti: "The numbers are worse than they look, and '
        'they look bad."',
        "The numbers are worse", "Lucia Ferrante-Moretti",
    ),
    "pronoun": (
        "Historian Marta Kowalczyk has studied the dispute for years.\n\n"
        '"Every generation rediscovers this quarrel," she said.',
        "Every generation", "Marta Kowalczyk",
    ),
    "pronoun_gender": (
        "Councillor Peter Lindqvist proposed the cut. Councillor Anna Berglund opposed it.\n\n"
        '"This is a bad trade for the district," he said.',
        "This is a bad trade", "Peter Lindqvist",
    ),
    "role_only": (
        "Jonas Petraitis, a transport researcher at a university in Kaunas, has modelled the route.\n\n"
        '"The second option moves fewer people for more money," the researcher said.',
        "The second option", "Jonas Petraitis",
    ),
    "speaker_in_next_sentence": (
        "The vote is on Thursday.\n\n"
        '"We were promised a park and we got a car park." Those were the words of Hana Novakova, who '
        "leads the residents' association.",
        "We were promised", "Hana Novakova",
    ),
    "continued_paragraph": (
        'Minister Alvaro Quiroga spoke after the meeting. "The deal is done," Quiroga said. '
        '"Now the hard part starts."',
        "Now the hard part", "Alvaro Quiroga",
    ),
    "quote_alone_after_speaker": (
        '"We gave them three years," said union organiser Keisha Brandt.\n\n"Three years is enough."',
        "Three years is enough", "Keisha Brandt",
    ),
    "according_to": (
        'The shortfall is growing "every single month", according to treasurer Oskar Lind.',
        "every single month", "Oskar Lind",
    ),
    "embedded_partial": (
        'Senator Dana Whitfield called the proposal "a tax on breathing" and vowed to block it.',
        "a tax on breathing", "Dana Whitfield",
    ),
    "curly_quotes": (
        "Engineer Mikko Saarinen inspected the bridge.\n\n“It will stand another fifty years,” Saarinen said.",
        "It will stand", "Mikko Saarinen",
    ),
    "signature_dash": (
        "Readers wrote in.\n\n“The bus never comes on time and nobody answers the phone.” ― Rosa Delgado",
        "The bus never comes", "Rosa Delgado",
    ),
    "surname_before_full_name": (
        'Halvorsen has a reply. "We are not the problem here," Halvorsen said. '
        "Ingrid Halvorsen, who chairs the board, spoke after the vote.",
        "We are not the problem", "Ingrid Halvorsen",
    ),
    "british_single_quotes": (
        "Transport secretary Helen Ashworth defended the timetable.\n\n"
        "‘We will not be rushed into this,’ she said. ‘The safety case comes first.’",
        "The safety case", "Helen Ashworth",
    ),
    "split_by_attribution": (
        '"We are ready," Tobias Rendell said, "but not at any price."',
        "but not at any price", "Tobias Rendell",
    ),
    "said_role_then_name": (
        '"The figures do not add up," said the finance minister, Gerda Holmqvist.',
        "The figures do not", "Gerda Holmqvist",
    ),
    "replied_colon": (
        'Asked whether the deal would survive, Prime Minister Aino Virtanen replied: "It has to."',
        "It has to", "Aino Virtanen",
    ),
    "present_tense_tells": (
        'Economist Raj Patel runs the model. "We have done the maths," Patel tells me. "It works."',
        "It works", "Raj Patel",
    ),
    "pronoun_after_the_one_person_named_before": (
        'Kari Lund told the council the road must close. "Enough," Lund said. Those words were echoed by '
        'Mei Tan, who runs the bakery and is no relation of the assemblyman. She added: "We lose trade."',
        "We lose trade", "Mei Tan",
    ),
    "shared_surname_alone_keeps_meaning_the_first": (
        'Mayor Ana Horvat wants the pier rebuilt. "It is our front door," Horvat said. The pier was built in 1961 '
        'by her grandfather, Josip Horvat. "Nobody else will pay for it," Horvat said.',
        "Nobody else will pay", "Ana Horvat",
    ),
    "shared_surname_with_a_title_is_the_one_who_bore_it": (
        'Ivo Park runs the ferry. "We sail at dawn," Park said. Professor Lena Park, no relation, studies the '
        'tides. "Dawn is the worst hour," Professor Park said.',
        "Dawn is the worst", "Lena Park",
    ),
    "particle_surname_with_ms_or_mr": (
        'Minister Sonia Ben Salem wants the tax. "It is overdue," Ms Ben Salem said. Karim Ben Salem, no relation, '
        'runs the bakers\' union. "It will close shops," Mr Ben Salem said.',
        "It will close shops", "Karim Ben Salem",
    ),
    "a_relative_brought_in_does_not_take_the_surname": (
        'Omar Haddad sells bread in the old town. His father, Rami Haddad, opened the shop in 1979. '
        'Haddad put it simply: "When bread goes up, everything goes up."',
        "When bread goes up", "Omar Haddad",
    ),
    "a_first_surname_used_alone": (
        'Ana Paz Mamani runs the utility. "The plant is safe," Paz said. Rubén Mamani Condori leads the farmers. '
        '"Our wells are dry," Mamani said.',
        "Our wells are dry", "Rubén Mamani Condori",
    ),
    "pronoun_after_a_subject_with_a_role_before_the_name": (
        'Councillor Lieve Janssens wants the ban kept. "It works," Janssens said.\n\nTransport economist Isabelle '
        'Maes of the university says each camp has a point.\n\n"The ban has a cliff edge," she said.',
        "The ban has a cliff", "Isabelle Maes",
    ),
    "a_trade_named_by_its_field": (
        'Dr Luyando Banda, who lectures in economics at the University of Zambia, doubts the estimate. '
        '"The debate is about a number," the economist said.',
        "The debate is about", "Luyando Banda",
    ),
    "a_quote_paragraph_then_its_speaker_saying_it_again": (
        'Minister Ilze Berzina wants the switch now.\n\n"We are asking for time."\n\nTatjana Orlova, director of a '
        'school in Riga, has repeated those words at every meeting this summer.',
        "We are asking for time", "Tatjana Orlova",
    ),
    "pronoun_after_a_subject_behind_an_opening_phrase": (
        'Mayor Paul Hagen wants the cuts. "We must," Hagen said.\n\nBack on Lake Street, Marcus Ellis has finished '
        'his coffee. He has a meeting at nine.\n\n"If they cut us, I will still be here," he said.',
        "If they cut us", "Marcus Ellis",
    ),
    "a_quote_paragraph_then_that_was_x": (
        'Critics were not persuaded.\n\n"Nobody has seen the model."\n\nThat was Rodrigo Saavedra, an opposition '
        'deputy from Santa Cruz.',
        "Nobody has seen", "Rodrigo Saavedra",
    ),
    "a_quote_paragraph_then_the_warning_came_from_x": (
        'Mine owners were alarmed. "We would stop hiring," said Tom Reid, who runs a mine.\n\n'
        '"If this goes through, we shelve the new shaft."\n\nThe warning came from Mrs Ruth Phiri, manager of '
        'Kafue Copper.',
        "If this goes through", "Ruth Phiri",
    ),
}


@pytest.mark.parametrize("text,start,speaker", CASES.values(), ids=CASES.keys())
def test_attribution_style(text: str, start: str, speaker: str) -> None:
    assert speaker_of(text, start) == speaker


def test_quote_spanning_paragraphs_is_one_quote() -> None:
    text = (
        "Nadia Rahimi runs the shelter.\n\n"
        '"We opened with ten beds and now we have forty.\n\n'
        '"Every one of them is full tonight," Rahimi said.'
    )
    frame = frame_text(text)
    assert len(frame.quotes) == 1
    assert frame.quotes[0].text.startswith("We opened with ten beds")
    assert frame.quotes[0].text.endswith("full tonight,")
    assert frame.quotes[0].speaker == "Nadia Rahimi"


def test_scare_quote_without_a_person_has_no_speaker() -> None:
    frame = frame_text('The so-called "reform" passed on Tuesday after a short debate in the assembly.')
    assert [q.speaker for q in frame.quotes] == [None]


def test_places_and_organisations_are_no_figures() -> None:
    text = (
        "The Baltic Policy Institute published a report from Riga on Monday. The European Union said it "
        'would study it. "The numbers are clear," said Edgars Kalnins, an economist at the institute.'
    )
    names = [f.name for f in frame_text(text).figures]
    assert names == ["Edgars Kalnins"]


def test_transliterated_surname_joins_the_full_name() -> None:
    text = (
        "Opposition leader Sviatlana Tsikhanouskaya spoke in Vilnius. Later, Tikhanovskaya repeated the "
        'call: "Free them all."'
    )
    frame = frame_text(text)
    assert [f.name for f in frame.figures] == ["Sviatlana Tsikhanouskaya"]
    assert frame.quotes[0].speaker == "Sviatlana Tsikhanouskaya"


def test_a_role_noun_finds_the_person_whose_role_says_it_as_a_verb() -> None:
    text = ('Dr. Ana Bhatt, who researches library policy at Leeds University, spoke last.\n\n'
            '"Volunteer libraries can work," the researcher said.')
    assert speaker_of(text, "Volunteer libraries") == "Ana Bhatt"


def test_a_borough_named_after_someone_is_a_place() -> None:
    from briefings.framing import frame_text

    text = ('In Benito Juárez, the reaction was calmer. "We have tanks," said Rosa Ortiz, a resident.')
    assert [f.name for f in frame_text(text).figures] == ["Rosa Ortiz"]


def test_mrs_before_a_shared_surname_is_the_woman_and_a_dash_aside_keeps_the_subject() -> None:
    text = ('Sheila Hartley, 78, held up a sign. Her husband, Dennis Hartley, died last year.\n\n'
            '"Where am I meant to go now?" Mrs Hartley said.\n\n'
            'Karol Nowak - no relation to the minister - said the bill was wrong. "It breaks the law," he said.')
    assert speaker_of(text, "Where am I meant") == "Sheila Hartley"
    assert speaker_of(text, "It breaks the law") == "Karol Nowak"


def test_he_said_after_a_paragraph_that_brings_someone_in_is_that_person() -> None:
    text = ('"The route is safe," said Glen Moss, the energy minister.\n\n'
            'Not everyone agrees. Darren Cole, a band councillor, has been pushing for a deal. He runs the '
            'nation\'s development office.\n\n'
            '"Take the valley off the table and we can talk," he said.')
    frame = frame_text(text)
    assert {q.text.split()[0]: q.speaker for q in frame.quotes}["Take"] == "Darren Cole"


@pytest.mark.parametrize(
    "intro",
    ["Ana Ruiz, who studies fisheries governance at a university, said the dispute was about money.",
     "Dr Ana Ruiz, a senior lecturer in local government at the university, has read dozens of plans."],
)
def test_the_researcher_or_the_academic_is_the_one_whose_role_is_scholarship(intro: str) -> None:
    text = (f'Trawling\n\nCAPE TOWN - {intro}\n\nMark Dube, a skipper, disagreed. "It ends us," Dube said.\n\n'
            '"The figures are sound, and so are the job figures," the researcher added. '
            '"Decide this under the new law," the academic said.')
    assert speaker_of(text, "The figures are sound") == "Ana Ruiz"
    assert speaker_of(text, "Decide this") == "Ana Ruiz"


def test_what_follows_according_to_a_name_is_what_they_say_not_their_role() -> None:
    frame = frame_text('Schools\n\nQUEBEC - According to Ana Ruiz, students in well-run programs reach strong French. '
                       'According to Marc Roy, director of the school board, the law is fine. "Fine," Roy said.')
    roles = {f.name: f.role for f in frame.figures}
    assert roles.get("Ana Ruiz") is None and roles.get("Marc Roy") == "director of the school board", roles
