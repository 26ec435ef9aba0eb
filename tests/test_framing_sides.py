"""Sides beyond two camps, observers by role, neutrality, and cues that hold (fictional people and places)."""

from __future__ import annotations

from briefings.framing import frame_text

THREE_WAY = """\
Lakeside council splits three ways over the marina plan

LAKESIDE, May 2 - The council will vote next week on whether to build a marina on the north shore.

Councillor Anna Brekke, who wrote the measure, said the marina would bring visitors all year. \
"A town that turns its back on the lake turns its back on its future," Brekke said.

Her sharpest opponent is Tomas Lindqvist, who chairs the shore residents' association. \
Lindqvist said the marina would ruin the last quiet beach. "Nobody here asked for this," he said.

A third position has gained ground. Councillor Ida Solheim has proposed an amendment under which \
the marina would be half the size. "Build the small one first and see who comes," Solheim said.

Petra Holm, who studies coastal planning at the University of Lakeside, said the evidence from other \
towns was mixed. "Some marinas fill up and some never do," the researcher said.

Judge Karl Emberg, who heard an earlier challenge, said the plan's wisdom was not a question for the court. \
"We rule on the law, not on the lake," Emberg said.
"""


def _sides(text: str) -> dict[str, str | None]:
    return {f.name: f.side for f in frame_text(text).figures}


def test_three_positions_stay_apart() -> None:
    side = _sides(THREE_WAY)
    assert len({side["Anna Brekke"], side["Tomas Lindqvist"], side["Ida Solheim"]}) == 3
    assert None not in (side["Anna Brekke"], side["Tomas Lindqvist"], side["Ida Solheim"])


def test_who_studies_a_field_is_an_observer() -> None:
    assert _sides(THREE_WAY)["Petra Holm"] == "observer"


def test_a_neutral_judge_has_no_side() -> None:
    assert _sides(THREE_WAY).get("Karl Emberg") is None


OPPONENTS = """\
Ferry fare rise divides the island

The island's ferry company raised fares by a fifth on Monday. Director Lars Moen said the boats were old \
and the company backed the rise. "We cannot run 40-year-old engines on goodwill," Moen said.

Opponents were not persuaded. Eva Rask, a fisherman's widow, said the fare cut the island off. \
"I visit my grandchildren half as often now," Rask said.

Jon Tveit, who runs the island shop, said deliveries had already fallen. "The vans come twice a week instead \
of four times," Tveit said.
"""


def test_a_collective_cue_carries_to_the_holders_that_follow() -> None:
    side = _sides(OPPONENTS)
    assert side["Eva Rask"] == side["Jon Tveit"]
    assert side["Lars Moen"] != side["Eva Rask"]


NO_EVIDENCE = """\
Town weighs a new bus depot

Mayor Ola Strand backs the depot plan. "The buses need a home," Strand said.

The depot would cost 40 million kroner and open in 2027.

The site was a timber yard until 1990.

Berit Sand, a baker on the square, said she had lived in the town for 30 years. \
"I open at six every morning," Sand said.
"""


def test_no_side_when_only_sentence_order_places_a_holder() -> None:
    side = _sides(NO_EVIDENCE)
    assert side["Ola Strand"] is not None
    assert side["Berit Sand"] is None


RESPONSES = """\
Port levy splits the coast

Harbour master Sven Aas backs the levy on cargo ships. "The quay is crumbling," Aas said.

The levy drew a sharp response from shippers. Liv Berg, who runs a freight line, said it would drive ships \
to other ports. "We will simply sail past," Berg said.

The fishermen's union has made a similar argument. Nils Vang, its chairman, said boats would pay twice. \
"We already pay for the ice and the crane," Vang said.
"""


def test_a_sharp_response_parts_and_a_similar_argument_joins() -> None:
    side = _sides(RESPONSES)
    assert side["Liv Berg"] == side["Nils Vang"]
    assert side["Sven Aas"] != side["Liv Berg"]
    assert None not in side.values()


AMENDMENT = """\
Budget bill splits the opposition

The government sent parliament a bill on Monday to cut fuel subsidies. Finance Minister Rosa Dlamini \
said the subsidies cost more than the health budget. "We cannot pay for petrol and clinics both," Dlamini said.

Opposition leader Tomas Nkosi said his party would vote against the bill. "It is a tax on the poor," Nkosi said.

Thandi Mokoena, an opposition member, has proposed an amendment that would phase the cut over three years. \
"Slower, not never," Mokoena said.

Speaker Ana Botha declined to take sides, saying the house would decide.
"""


def test_an_amendment_is_a_third_position_and_a_speaker_who_declines_sides_has_none() -> None:
    side = _sides(AMENDMENT)
    assert len({side["Rosa Dlamini"], side["Tomas Nkosi"], side["Thandi Mokoena"]}) == 3
    assert side.get("Ana Botha") is None


DOUBTS = """\
Four-day school week splits a valley

The school board wants a four-day week. Board chair Lise Morin said it would keep teachers. \
"We lose five teachers a year," Morin said.

Parents are far less sure. Claude Petit, a father of three, said nobody would watch the children on Fridays. \
"Who pays for the fifth day?" Petit said.

Rene Blais, a farmer, said the opposite. "My children work the farm on Fridays anyway," Blais said.
"""


def test_less_sure_parts_from_the_proposal_and_the_opposite_parts_again() -> None:
    side = _sides(DOUBTS)
    assert side["Lise Morin"] != side["Claude Petit"]
    assert side["Rene Blais"] != side["Claude Petit"]


FURIOUS = """\
City bans scooters from the old town

Mayor Ines Vidal backs the ban on rental scooters. "The pavements are for people," Vidal said.

Riders were furious. Oskar Lind, who rents scooters to tourists, said he would lose his business. \
"I have six staff," Lind said.
"""


def test_a_furious_group_comes_in_against() -> None:
    side = _sides(FURIOUS)
    assert side["Oskar Lind"] is not None
    assert side["Ines Vidal"] != side["Oskar Lind"]


def test_voted_for_the_order_is_a_cue_of_its_own() -> None:
    side = _sides(
        "County keeps the forest road closed\n\n"
        "Commissioner Ann Hale, who wrote the closure order, said the creek had recovered. "
        "\"The salmon are back,\" Hale said.\n\n"
        "Hunters were not persuaded. Dale Porter, a hunter, said older hunters were shut out. "
        "\"I am not walking eight miles,\" Porter said.\n\n"
        "The third commissioner, Sam Ortega, said he had voted for the order but wanted a yearly review. "
        "\"Five years is a long time,\" Ortega said.\n"
    )
    assert side["Ann Hale"] == side["Sam Ortega"] != side["Dale Porter"]


def test_a_researcher_who_urges_an_outcome_is_on_that_side() -> None:
    side = _sides(
        "State weighs a ban on phones in schools\n\n"
        "Education Secretary Mia Lund backs the ban. \"Children need to look up,\" Lund said.\n\n"
        "Parents' leader Omar Haddad opposes the ban. \"We need to reach our children,\" Haddad said.\n\n"
        "Eva Brandt, who studies adolescent health at the University of Bergen, urged lawmakers to pass the ban "
        "before autumn. \"The evidence on sleep alone is enough,\" Brandt said.\n"
    )
    assert side["Eva Brandt"] not in (None, "observer")
    assert side["Eva Brandt"] == side["Mia Lund"] != side["Omar Haddad"]


VOTES = """\
Riverside council to vote on the ferry subsidy

RIVERSIDE, June 3 - The council votes on Thursday on a subsidy for the night ferry.

Councillor Mia Dahl, who wrote the measure, said the ferry kept the island connected. \
"Without it the island empties after dark," Dahl said.

Councillor Anders Lund said the subsidy would take money from the schools. \
"I will vote against it, and I expect others to do the same," Lund said.

Councillor Kari Holt said she had read the costs twice. \
"I will vote for the subsidy. The island has waited long enough," Holt said.

Councillor Erik Sund said he had doubts about the timetable. \
"I will not vote for it as written. Ask me again in a month," Sund said.
"""


def test_a_vote_stated_in_a_holders_own_words_places_them() -> None:
    side = _sides(VOTES)
    assert side["Anders Lund"] is not None and side["Kari Holt"] is not None
    assert side["Anders Lund"] != side["Kari Holt"]
    assert side["Kari Holt"] == side["Mia Dahl"]


def test_a_negated_vote_states_no_position() -> None:
    side = _sides(VOTES)
    assert side.get("Erik Sund") is None


BACKING = """\
Hillside tower divides the town

HILLSIDE, July 9 - A developer wants to build a 14-storey tower on the old market site.

Jonas Vik, the developer's director, said the town needed the flats. "We can house a hundred families," Vik said.

The plan has the backing of Siri Ness, a teacher who runs a tenants' group. \
"My pupils' parents cannot find a flat," Ness said.

Opposition is led by the Old Town Society. Its chair, Tor Hauge, said the tower would loom over the church. \
"It is simply too tall," Hauge said.
"""


def test_backing_joins_and_an_opposition_led_by_parts() -> None:
    side = _sides(BACKING)
    assert side["Siri Ness"] == side["Jonas Vik"]
    assert side["Tor Hauge"] is not None and side["Tor Hauge"] != side["Jonas Vik"]


MEDIATOR = """\
Ferry strike enters second week

BAYTOWN, Aug 4 - Ferry crews stayed out for a second week over pay.

Union leader Ole Brun said the crews would not go back for less than eight percent. \
"Eight or nothing," Brun said.

Transport minister Eli Fjeld said both sides had good reasons and urged them to accept mediation. \
"I would urge the union and the company to sit down with a mediator this week," Fjeld said.

The union rejected the idea. Its deputy, Leif Moe, said a mediator would only split the difference. \
"We did not strike for half," Moe said.
"""


def test_who_urges_both_sides_is_no_observer_and_a_rejected_compromise_is_no_middle() -> None:
    side = _sides(MEDIATOR)
    assert side["Eli Fjeld"] != "observer"
    assert side["Leif Moe"] != "compromise"


OWN_AMENDMENT = """\
Northfield council weighs the car-free square

NORTHFIELD, Sept 1 - The council votes this month on closing the market square to cars.

Councillor Rita Alm, who wrote the measure, said the square belonged to people. \
"Cars have had it for fifty years," Alm said.

Shopkeepers are furious. Hans Berg, who runs a hardware shop on the square, said deliveries would stop. \
"My customers carry paint, not handbags," Berg said.

Councillor Nora Falk said her amendment would keep the square open to cars before ten in the morning. \
"Deliveries at dawn, people by day," Falk said.

Councillor Emil Krog said he had listened to both the shops and the cafes. \
"I'll vote for Councillor Falk's amendment," Krog said.
"""


def test_a_holders_own_amendment_and_a_vote_for_it_form_the_middle() -> None:
    side = _sides(OWN_AMENDMENT)
    assert side["Nora Falk"] == "compromise"
    assert side["Emil Krog"] == "compromise"
    assert side["Rita Alm"] != side["Hans Berg"]


GROUPS = """\
Harbour town splits over a ferry levy

PORTLAND, June 3 - The port board will charge every ferry passenger a levy of two pounds from July.

Mara Quist, the board's finance director, said the levy would pay for a new breakwater. \
"The harbour wall is older than anyone in this room," Quist said.

Ferry operators, who carry about a million passengers a year between the islands, have opposed the levy \
since it was first floated in March.

Owen Pask, who runs one of the three island ferry operators, said his winter trade would not survive it. \
"We are the lifeline, not the luxury," Pask said.

Lena Rudd, a deckhand who has worked the crossing for twenty years, sided with the operators. \
"No passengers, no crews," she said.
"""


def test_a_group_opening_a_long_sentence_speaks_for_its_member_and_one_who_sides_with_it() -> None:
    side = _sides(GROUPS)
    assert side["Owen Pask"] is not None and side["Owen Pask"] != side["Mara Quist"]
    assert side["Lena Rudd"] == side["Owen Pask"]


def test_a_scholar_who_holds_an_office_is_a_party() -> None:
    text = ("University splits over closing its arts faculty\n\n"
            'Professor Ivo Marek, the rector, said the faculty would close next year. "We cannot pay for it," Marek '
            'said.\n\nBut Dana Kolar, a historian who teaches there, said the closure was wrong. "It is our memory," '
            "Kolar said.")
    side = _sides(text)
    assert side["Ivo Marek"] not in (None, "observer")


def test_an_office_holder_who_tells_both_sides_what_to_do_stands_between_them() -> None:
    text = ("Dock strike looms\n\n"
            'Union leader Sam Odi said the men would strike on Monday. "Ten percent or nothing," Odi said.\n\n'
            'But Ada Venn, the port\'s chief executive, said the company could pay five. "Five is fair," Venn said.\n\n'
            "Deputy Minister Rui Sol said both sides should agree to binding arbitration. "
            '"Nobody wins a strike," Sol said.\n\n'
            "Mia Tan, an economist at the university, said both sides had a point. "
            '"The numbers are close," the economist said.')
    side = _sides(text)
    assert side["Rui Sol"] == "compromise"
    assert side["Mia Tan"] == "observer"


def test_a_planner_at_a_university_who_has_studied_the_question_is_an_observer() -> None:
    text = ("Market move splits traders\n\n"
            'Governor Ada Obi said the market would move in May. "It is decided," Obi said.\n\n'
            'But Chidi Eze, who chairs the traders\' union, said the move would ruin them. "We stay," Eze said.\n\n'
            "Uche Nwosu, a planner at the University of Lagos who has studied market moves for a decade, said such "
            'moves often failed. "Roads come first," Nwosu said.')
    assert _sides(text)["Uche Nwosu"] == "observer"


MIDDLE_ALLIES = """\
Harbour board weighs the dredging contract

PORTVIK, June 3 - The harbour board meets on Friday to decide whether to renew the dredging contract.

Harbour master Ole Brandt supports the renewal. "The channel silts up every winter," Brandt said.

Opponents were not persuaded. Kari Nystad, who chairs the fishermen's association, wants the contract scrapped. \
"The dredgers have emptied our spawning grounds," Nystad said.

Councillor Eva Strand wants a compromise: a contract renewed for one year only, with an independent survey of \
the seabed. "One year, then we look," Strand said.

Those words were echoed by Jonas Vik, who heads the harbour pilots' association. He sided with the councillor, \
saying the pilots could live with a short contract if the survey was published.
"""


def test_who_sides_with_the_middle_camp_by_role_is_in_it() -> None:
    side = _sides(MIDDLE_ALLIES)
    assert side["Eva Strand"] == "compromise"
    assert side["Jonas Vik"] == "compromise"
    assert side["Ole Brandt"] != side["Kari Nystad"]


NOT_EVERY = """\
Pool closure splits the village

ARNES, July 9 - The parish council has voted to close the outdoor pool for good.

Council chair Mette Holst said the repairs would cost more than a new sports hall. \
"We cannot keep patching a pool that leaks," Holst said.

Not every parent agreed. Sindre Aas, a father of three, said the children had nowhere else to swim. \
"Close the pool and you close the summer," Aas said.

Middle ways were scarce. Councillor Rune Dahl has taken a middle course, proposing to keep the pool open \
for two more summers while a new one is planned. "Two summers buys us time," Dahl said.
"""


def test_not_every_member_of_a_group_agreeing_parts_the_next_holder_and_a_middle_course_is_the_middle() -> None:
    side = _sides(NOT_EVERY)
    assert side["Mette Holst"] != side["Sindre Aas"]
    assert side["Rune Dahl"] == "compromise"


def test_a_scientist_at_a_university_named_mayor_is_an_observer() -> None:
    text = ("Lithium contract goes to the Senate\n\nEnergy Minister Marco Paz backs the contract. \"It is a good "
            "deal,\" Paz said.\n\nOpponents were not persuaded. Rosa Vela, an opposition deputy, wants it "
            "rejected. \"It is a blank cheque,\" Vela said.\n\nDr. Lucía Ugarte, a hydrogeologist at the Universidad "
            "Mayor de San Andrés, said the water figures were unproven. \"Drill the wells first,\" she said.")
    assert _sides(text)["Lucía Ugarte"] == "observer"
    doctor = text.replace("a hydrogeologist at the Universidad Mayor de San Andrés",
                          "a pulmonologist at Saint-Pierre University Hospital")
    assert _sides(doctor)["Lucía Ugarte"] != "observer"  # a university hospital's doctor is no outside judge


def test_on_his_side_joins_the_holder_before() -> None:
    text = ("Bread subsidy cut divides Tunis\n\nCommerce Minister Leila Amri wants the subsidy replaced with cash. "
            "\"The poor will get more,\" Amri said.\n\nBut union leader Mongi Sassi opposes the plan. \"Bread is not a "
            "luxury,\" Sassi said.\n\nThe bakers are on his side. Nabil Trabelsi, who heads the bakers' federation, "
            "said: \"Many of us will close.\"")
    side = _sides(text)
    assert side["Nabil Trabelsi"] == side["Mongi Sassi"] != side["Leila Amri"]


HALL_MEETING = """\
Second-homes premium divides the hall

PWLLHELI, Feb. 9 - Hundreds came to the first public meeting on the council's plan to raise the premium.

Councillor Dafydd Evans, the cabinet member for housing, opened by defending the plan. "Three hundred \
percent from April," Evans said. He said he would read Councillor Rhian Hughes's proposal carefully, but \
that her amendment would cost the council a year.

Jonathan Hale, who chairs the second-home owners' group, wants the premium left alone. "Doubling it won't \
make a single house affordable," Hale said.

Sian Prydderch, a teacher who leads a housing group, was applauded. "Don't tell me it is too much. \
Vote for it on March 5," she said.
"""


def test_a_vote_urged_a_plan_defended_and_someone_elses_amendment() -> None:
    side = _sides(HALL_MEETING)
    assert side["Dafydd Evans"] not in (None, "compromise")  # `her amendment` in his words is Hughes's
    assert side["Sian Prydderch"] == side["Dafydd Evans"]


MINE_DEAL = """\
Gold mine terms go to parliament

BISHKEK, April 6 - The government published new terms for the mine on Monday.

Minister Kubat Osmonov backs the new terms. "Forty percent is a fair share," Osmonov said.

Andrew Kerr, the operator's chief executive, said the draft had been written without the company and that \
it would not sign it.

Adil Sadykov, a lawmaker from the region, said the concession should be revoked. "Cancel the concession and \
let the state run the mine," Sadykov said.
"""


def test_refusing_to_sign_and_wanting_a_thing_revoked_are_positions() -> None:
    side = _sides(MINE_DEAL)
    assert side["Andrew Kerr"] is not None and side["Adil Sadykov"] is not None
    assert side["Kubat Osmonov"] != side["Andrew Kerr"]
    assert side["Kubat Osmonov"] != side["Adil Sadykov"]


CABINET_SPLIT = """\
Cabinet split over the food price cap

BUCHAREST, Nov. 5 - The coalition is divided over whether to extend the cap on food markups.

Agriculture Minister Florin Barsan wants the cap extended for a year. "The cap protects pensioners," Barsan said.

Economy Minister Radu Stanescu says the cap has outlived its purpose. "A price control is a painkiller," \
Stanescu said.

Consumer groups see it the other way. Elena Vasile, who heads a consumer association, said the cap should stay. \
"Families need it," Vasile said.

Senator Vasile Toma has tabled a bill to make the cap permanent, and accused the economy minister of working \
for the hypermarkets.

Economists are less sure that either outcome will matter. Simona Rusu, who teaches at the Bucharest University \
of Economic Studies, said the effect was small. "The numbers are small," Rusu said.
"""


def test_see_it_the_other_way_parts_an_accused_minister_is_apart_and_doubting_economists_are_observers() -> None:
    side = _sides(CABINET_SPLIT)
    assert side["Elena Vasile"] != side["Radu Stanescu"]
    assert side["Vasile Toma"] != side["Radu Stanescu"]
    assert side["Simona Rusu"] == "observer"


def test_too_before_an_adjective_is_no_alliance_and_a_walkout_spokesman_is_no_official() -> None:
    text = ("Doctors walk out over quota\n\nVice Minister Lee Jae-won said the government would not back down. "
            "\"The numbers have not changed,\" Lee said.\n\nThe trainees say the plan ignores the real problem: "
            "too few doctors choose paediatrics. Dr. Kim Min-jun, a resident who has become a spokesman for the "
            "walkout, said the increase must be withdrawn. \"Fix the pay first,\" Kim said.")
    side = _sides(text)
    assert side["Kim Min-jun"] != side["Lee Jae-won"]


ASSEMBLY = """\
Face-recognition bill splits the assembly

KARACHI, June 2 - The provincial assembly debated a bill on police cameras.

Home Minister Mir Arbab Nizamani, who moved the bill, said street crime had left citizens with no patience. \
"We have the cameras," Nizamani said.

Councilmember Ana Ortega and Councilmember Darnell Whitaker will speak at the next session.

Whitaker, who represents the city centre, wants the bill passed quickly. "We need it now," Whitaker said.

Police Chief Gerald Pruitt makes the same case in numbers. "We are short of officers," Pruitt said.

Opposition members said the bill went far beyond catching criminals. Barrister Usman Abro of the Pakistan \
Tehreek-e-Insaf said nothing stopped the police from tracking journalists. "Withdraw it," Abro said.
"""


def test_the_same_case_joins_the_last_speaker_a_mover_backs_his_bill_and_opposition_members_oppose() -> None:
    side = _sides(ASSEMBLY)
    assert "Tehreek-e-Insaf" not in side  # a party after `of the Pakistan`, not a person
    assert side["Gerald Pruitt"] == side["Darnell Whitaker"] == side["Mir Arbab Nizamani"]
    assert side["Usman Abro"] != side["Mir Arbab Nizamani"]


THIRD_GROUP = """\
Low-emission zone stage splits Brussels

BRUSSELS, Oct. 3 - The region must decide whether to ban older diesel vans in January.

Mobility Minister Hélène Moreau wants the ban to start on time. "Clean air cannot wait," Moreau said.

But Tom Claes, who runs a parcel firm in Anderlecht, wants a two-year delay. "My vans are paid off," Claes said.

A third group says both sides are arguing about the wrong tool. Koen Janssens, a member of parliament, wants the \
bans replaced by a per-kilometre charge. "Charge by the kilometre," Janssens said.

The idea has found a supporter in Lieve Maes, who manages a fleet of 210 vans. "A charge lets us plan," she said.
"""


def test_a_third_group_is_the_middle_and_a_supporter_of_its_idea_joins_it() -> None:
    side = _sides(THIRD_GROUP)
    assert side["Koen Janssens"] == side["Lieve Maes"] == "compromise"
    assert side["Hélène Moreau"] != side["Tom Claes"]


def test_an_object_pronoun_is_not_the_clauses_own_subject() -> None:
    text = ("Pension vote nears\n\nMinister Diego Montes has called the amendment unaffordable. \"It would break the "
            "budget,\" Montes said.\n\nBut union leader Gustavo Lara wants it passed. \"Vote yes,\" Lara said.\n\n"
            "Sen. Juan Pablo Ferrer, usually no friend of the minister, sided with him.")
    side = _sides(text)
    assert side["Juan Pablo Ferrer"] == side["Diego Montes"] != side["Gustavo Lara"]


def test_voted_no_and_voted_yes_are_cues() -> None:
    text = ("County leaves the vote-centre program\n\nThe commissioners' court voted 3-2 on Tuesday to return to "
            "precinct polling places.\n\nCommissioner Dale Kruger, the measure's sponsor, said precincts were "
            "easier to audit. \"Voters know their precinct,\" Kruger said.\n\nCommissioner Rosa Ybarra, who "
            "represents the east side, voted no. \"We are fixing what is not broken,\" Ybarra said.\n\n"
            "Commissioner Jen Hart voted yes. \"Precincts are simpler,\" Hart said.")
    side = _sides(text)
    assert side["Rosa Ybarra"] != side["Dale Kruger"] == side["Jen Hart"]


def test_backing_an_office_holders_call_is_a_relation_not_a_stance_on_the_plan() -> None:
    from briefings.framing.side_cues import FOR_ACT

    assert FOR_ACT.search("she backed the plan")
    assert not FOR_ACT.search("she backed the mayor's call for equal cuts")


def test_the_academic_senate_makes_no_observer() -> None:
    text = ("Arts faculty may close\n\nRector Martin Kral wants the faculty closed. \"It costs too much,\" Kral said."
            "\n\nBut Jakub Simek, a student who chairs the student chamber of the academic senate, wants it kept. "
            "\"We chose this city,\" Simek said.")
    assert _sides(text)["Jakub Simek"] not in (None, "observer")


CONDITIONAL_SUPPORT = """\
Fish farm permit splits the fjord

SEYDISFJORDUR, May 4 - The licensing authority will decide next month on an open-net salmon farm.

Farm manager Einar Bjarnason backs the permit. "Sixty jobs are waiting," Bjarnason said.

Opponents were not persuaded. Sigrun Olafsdottir, who leads the anglers' association, wants it refused. \
"Open nets kill wild salmon," she said.

Mayor Helga Jonsdottir has not said no to farming in the fjord. Councillor Arni Sveinsson sided with her, \
saying the council could accept a farm with closed pens but not the open nets in the draft.

A second councillor, Bjorn Haraldsson, shares a surname, but not a party, with the manager. He wants the \
permit granted. "The fjord can carry it," Haraldsson said.
"""


def test_support_with_a_condition_is_the_middle_and_so_is_the_one_it_sides_with() -> None:
    side = _sides(CONDITIONAL_SUPPORT)
    assert side["Arni Sveinsson"] == "compromise"
    assert side["Helga Jonsdottir"] == "compromise"
    assert side["Einar Bjarnason"] != side["Sigrun Olafsdottir"]
    assert side["Bjorn Haraldsson"] != "compromise"  # `a surname, but not a party` is no condition on support


def test_what_officials_say_of_someone_does_not_make_them_a_stance_holder() -> None:
    text = ("Union calls strike over cocoa price\n\nUnion leader Kofi Mensah rejected the price. \"Not one bag will "
            "move,\" Mensah said.\n\nThe board's chief executive, Yaw Boateng, is expected to meet union leaders "
            "later this month, officials said.\n\nBoard official Ama Owusu said the price was final. \"Sell now,\" "
            "Owusu said.")
    side = _sides(text)
    assert side.get("Yaw Boateng") is None
    assert side["Kofi Mensah"] != side["Ama Owusu"]


def test_breaking_with_someone_parts_them() -> None:
    text = ("Union split over strike\n\nUnion president Mario Aguilar has campaigned for a strike. \"We were left "
            "no choice,\" Aguilar said.\n\nThe vice-president, Ana Rios, has broken publicly with Aguilar and urges "
            "members to vote for mediation. \"Not in March,\" Rios said.")
    side = _sides(text)
    assert side["Mario Aguilar"] != side["Ana Rios"]


def test_a_condition_from_one_who_calls_for_a_measure_is_their_camps_terms() -> None:
    text = CONDITIONAL_SUPPORT.replace(
        "A second councillor", "Councillor Olaf Berg called for the authority to refuse the permit. He said he "
        "still supported farming, but only if the nets were closed.\n\nA second councillor")
    side = _sides(text)
    assert side["Olaf Berg"] != "compromise"
    assert side["Arni Sveinsson"] == "compromise"


PROXIED = """\
Harbour levy goes to a vote

PORTVIK, March 3 - The council votes on Thursday on a levy on cruise passengers.

Councillor Lene Aas, who wrote the levy, said the town could no longer carry the cost of the crowds. \
"Every ship leaves us the bill," Aas said.

Nils Berg, who runs the ferry company, opposes the levy and said it would drive the ships to other ports. \
"They will simply sail past us," Berg said.

Mayor Hanne Strand has said little in public. Her office said on Monday that she would vote for the levy.

Councillor Ole Dahl has given no interviews. His spokesman said he would vote against it.
"""


def test_an_office_stating_a_persons_vote_places_them() -> None:
    side = _sides(PROXIED)
    assert side["Hanne Strand"] is not None and side["Ole Dahl"] is not None
    assert side["Hanne Strand"] != side["Ole Dahl"]
    assert side["Hanne Strand"] == side["Lene Aas"]
    assert side["Ole Dahl"] == side["Nils Berg"]


def test_wanting_a_measure_withdrawn_is_a_position_against_it() -> None:
    text = PROXIED.replace("Nils Berg, who runs the ferry company, opposes the levy and said",
                           "Nils Berg, who runs the ferry company, wants the levy withdrawn and said")
    side = _sides(text)
    assert side["Nils Berg"] is not None and side["Nils Berg"] != side["Lene Aas"]


def test_opposing_unless_a_condition_is_met_is_the_middle_and_voted_down_is_against() -> None:
    text = PROXIED.replace("His spokesman said he would vote against it.",
                           "His spokesman said he would vote against the levy unless it was halved.") + (
        "\nTrond Lie, who chairs the ship agents' association, said the levy should be voted down.\n")
    side = _sides(text)
    assert side["Ole Dahl"] == "compromise"
    assert side["Trond Lie"] is not None and side["Trond Lie"] != side["Lene Aas"]


CLINIC = """\
Clinic merger splits the town

KILMORE, June 4 - The health board wants to merge the Kilmore clinic into the county hospital.

Dr. Ruth Doyle, the board's chief officer, said the merger would bring better care. "One strong hospital beats two \
weak ones," Doyle said.

Councillor Sean Byrne, who chairs the clinic action group, called for the plan to be withdrawn. \
"We were never asked," Byrne said.

"I drove that road for thirty years."

The words were those of Tom Hayes, a retired driver, who drew the loudest cheer and wants the clinic left as it is.

Independent TD Maura Quinn missed the meeting. Her constituency office said she would vote against the merger.

Ann Kerr, who two weeks ago was calling for the plan to be withdrawn, now backs the merger. "I was wrong," Kerr said.
"""


def test_what_a_holder_wants_kept_or_withdrawn_and_an_office_for_the_person_just_named() -> None:
    side = _sides(CLINIC)
    for name in ("Sean Byrne", "Tom Hayes", "Maura Quinn"):
        assert side[name] is not None and side[name] != side["Ruth Doyle"], name
    assert side["Ann Kerr"] != side["Sean Byrne"]  # what she called for two weeks ago is no position now
