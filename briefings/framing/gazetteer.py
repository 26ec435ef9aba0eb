"""Word lists that tell people from places, organisations and ordinary words.

The extractive backend has no statistical model, so capitalised words are
sorted by lookup: a run like `West Germany` or `Kyiv Independent` is no
person because its last word names a place or an organisation, and a lone
`But` at the start of a sentence is no name because it is a function word.
The lists are broad and topic-neutral on purpose: hidden stories cover other
countries and other institutions than the first newsletter.
"""

from __future__ import annotations

from pathlib import Path

from briefings.framing.folding import fold


def _words(block: str) -> frozenset[str]:
    """Parse a comma/newline separated block into a lower-case set, each accented word also folded.

    Tokens are compared folded (`Università` as `universita`, see `folding`),
    so a word with an accent is kept both ways.
    """
    words = {w.strip().lower() for w in block.replace("\n", ",").split(",") if w.strip()}
    return frozenset(words | {fold(w) for w in words})


def word_set(block: str) -> frozenset[str]:
    """Parse a block of words separated by white space into a set (for lists of single words)."""
    return frozenset(block.split())


COUNTRIES = _words("""
Afghanistan, Albania, Algeria, Andorra, Angola, Argentina, Armenia, Australia, Austria, Azerbaijan,
Bahamas, Bahrain, Bangladesh, Barbados, Belarus, Belgium, Belize, Benin, Bhutan, Bolivia, Bosnia,
Herzegovina, Botswana, Brazil, Brunei, Bulgaria, Burkina, Burundi, Cambodia, Cameroon, Canada, Chad,
Chile, China, Colombia, Comoros, Congo, Croatia, Cuba, Cyprus, Czechia, Denmark, Djibouti, Dominica,
Ecuador, Egypt, Eritrea, Estonia, Eswatini, Ethiopia, Fiji, Finland, France, Gabon, Gambia, Georgia,
Germany, Ghana, Greece, Grenada, Guatemala, Guinea, Guyana, Haiti, Honduras, Hungary, Iceland, India,
Indonesia, Iran, Iraq, Ireland, Israel, Italy, Jamaica, Japan, Jordan, Kazakhstan, Kenya, Kiribati,
Kosovo, Kuwait, Kyrgyzstan, Laos, Latvia, Lebanon, Lesotho, Liberia, Libya, Liechtenstein, Lithuania,
Luxembourg, Madagascar, Malawi, Malaysia, Maldives, Mali, Malta, Mauritania, Mauritius, Mexico,
Micronesia, Moldova, Monaco, Mongolia, Montenegro, Morocco, Mozambique, Myanmar, Burma, Namibia, Nauru,
Nepal, Netherlands, Holland, Nicaragua, Niger, Nigeria, Norway, Oman, Pakistan, Palau, Palestine,
Panama, Paraguay, Peru, Philippines, Poland, Portugal, Qatar, Romania, Russia, Rwanda, Samoa,
Senegal, Serbia, Seychelles, Singapore, Slovakia, Slovenia, Somalia, Spain, Sudan, Suriname, Sweden,
Switzerland, Syria, Taiwan, Tajikistan, Tanzania, Thailand, Togo, Tonga, Tunisia, Turkey, Turkiye,
Turkmenistan, Tuvalu, Uganda, Ukraine, Uruguay, Uzbekistan, Vanuatu, Venezuela, Vietnam, Yemen, Zambia,
Zimbabwe, America, Britain, England, Scotland, Wales, Crimea, Donbas, Chechnya, Tibet, Kurdistan,
Transnistria, Abkhazia, Gaza, Kashmir, Greenland, Catalonia, Flanders, Bavaria, Siberia, Caucasus,
Balkans, Baltics, Scandinavia, Europe, Asia, Africa, Oceania, Antarctica, Arctic, Eurasia, Kremlin,
USSR, UK, US, USA, U.S., U.K., U.S.A., EU, E.U., Soviet, Union
""")

CITIES = _words("""
Minsk, Moscow, Kyiv, Kiev, Warsaw, Vilnius, Riga, Tallinn, Berlin, Paris, London, Rome, Madrid,
Lisbon, Brussels, Amsterdam, Vienna, Prague, Budapest, Bucharest, Sofia, Belgrade, Zagreb, Athens,
Ankara, Istanbul, Tbilisi, Yerevan, Baku, Astana, Almaty, Tashkent, Bishkek, Dushanbe, Ashgabat,
Beijing, Shanghai, Kong, Tokyo, Seoul, Pyongyang, Delhi, Mumbai, Karachi, Islamabad, Kabul,
Tehran, Baghdad, Damascus, Beirut, Amman, Jerusalem, Riyadh, Doha, Dubai, Cairo, Tripoli, Tunis,
Algiers, Rabat, Lagos, Abuja, Nairobi, Addis, Ababa, Khartoum, Johannesburg, Pretoria, Kinshasa,
Dakar, Accra, Washington, York, Angeles, Chicago, Boston, Houston, Miami, Atlanta, Seattle,
Philadelphia, Detroit, Denver, Dallas, Phoenix, Ottawa, Toronto, Montreal, Vancouver, Havana,
Caracas, Bogota, Lima, Santiago, Brasilia, Janeiro, Paulo, Aires, Canberra, Sydney, Melbourne,
Auckland, Wellington, Geneva, Zurich, Bern, Stockholm, Oslo, Copenhagen, Helsinki, Dublin,
Edinburgh, Manchester, Munich, Hamburg, Frankfurt, Cologne, Dusseldorf, Düsseldorf, Leipzig,
Dresden, Krakow, Gdansk, Lviv, Kharkiv, Odesa, Odessa, Dnipro, Mariupol, Donetsk, Luhansk,
Sevastopol, Gomel, Homel, Brest, Grodno, Hrodna, Vitebsk, Viciebsk, Mogilev, Mahiliou, Petersburg,
Strasbourg, Luxembourg, Hague, Milan, Naples, Barcelona, Valencia, Porto, Marseille, Lyon,
Bratislava, Ljubljana, Sarajevo, Skopje, Tirana, Podgorica, Chisinau, Reykjavik, Valletta,
Nicosia, Jakarta, Manila, Bangkok, Hanoi, Singapore, Taipei, Kolkata, Dhaka, Colombo, Kathmandu,
Sochi, Kazan, Novosibirsk, Vladivostok, Grozny, Brooklyn, Manhattan, Bronx, Queens, Hollywood,
Texas, California, Florida, Ohio, Nevada, Pennsylvania, Michigan, Wisconsin, Arizona, Virginia,
Carolina, Iowa, Massachusetts, Illinois, Colorado, Minnesota, Oregon, Kentucky, Tennessee,
Alabama, Louisiana, Missouri, Indiana, Maryland, Connecticut, Utah, Kansas, Nebraska, Oklahoma,
Arkansas, Mississippi, Montana, Idaho, Wyoming, Alaska, Hawaii, Maine, Vermont, Delaware,
Dakota, Hampshire, Jersey, Mexico
""")

REGION_WORDS = _words("""
North, South, East, West, Northern, Southern, Eastern, Western, Central, Middle, Upper, Lower,
New, Greater, Old, Far, Near
""")

DEMONYMS = _words("""
American, Americans, British, English, Scottish, Welsh, Irish, French, German, Germans, Italian,
Spanish, Portuguese, Dutch, Belgian, Swiss, Austrian, Polish, Czech, Slovak, Hungarian, Romanian,
Bulgarian, Greek, Turkish, Russian, Russians, Ukrainian, Ukrainians, Belarusian, Belarusians,
Belarussian, Lithuanian, Latvian, Estonian, Finnish, Swedish, Norwegian, Danish, Icelandic, Serbian,
Croatian, Bosnian, Slovenian, Albanian, Macedonian, Georgian, Armenian, Azerbaijani, Kazakh, Uzbek,
Chinese, Japanese, Korean, Indian, Pakistani, Afghan, Iranian, Iraqi, Syrian, Lebanese, Israeli,
Palestinian, Jordanian, Saudi, Egyptian, Libyan, Tunisian, Algerian, Moroccan, Nigerian, Kenyan,
Ethiopian, Sudanese, African, Canadian, Mexican, Cuban, Brazilian, Argentine, Argentinian, Chilean,
Colombian, Venezuelan, Peruvian, Australian, European, Europeans, Asian, Western, Eastern, Soviet,
Arab, Jewish, Muslim, Christian, Catholic, Orthodox, Protestant, Kurdish, Moldovan, Chechen, Tatar,
Democratic, Republican, Democrat, Democrats, Republicans, Conservative, Labour, Liberal, Green,
Socialist, Communist, Independent, Nordic, Baltic, Slavic, Latin, Transatlantic
""")

# A capitalised run ending in one of these is an organisation, place, event or title of a work.
ORG_WORDS = _words("""
Universidad, Universidade, Università, Université, Universität, Universiteit, Instituto, Institut, Istituto,
Banco, Banque, Ministerio, Ministère, Ministério, Partido, Parti, Partei, Fundación, Fundação, Fondation,
Stiftung, Verein, Gesellschaft, Compañía, Companhia, Société, Grupo, Groupe, Gruppe,
University, College, School, Academy, Institute, Institution, Center, Centre, Foundation, Fund, Trust,
Council, Committee, Commission, Ministry, Department, Office, Agency, Bureau, Authority, Service, Municipality,
Services, Board, Court, Tribunal, Parliament, Assembly, Congress, Senate, House, Chamber, Cabinet,
Government, Administration, Union, Party, Front, Movement, Initiative, Alliance, Coalition, League,
Association, Federation, Confederation, Confederación, Confédération, Organisation, Organization, Society,
Club, Group, Network, Forum, Church,
Mosque, Temple, Bank, Company, Corporation, Corp, Inc, Ltd, LLC, Holdings, Partners, Industries,
Airlines, Airways, Motors, Times, Post, News, Press, Journal, Weekly, Daily, Herald, Tribune, Gazette,
Telegraph, Guardian, Independent, Review, Magazine, Monitor, Radio, Television, TV, Channel, Media,
Images, Photo, Photos, Pictures, Wire, Reporter, Republic, Kingdom, States, Emirates, Islands,
Federation, Region, Province, County, District, Oblast, City, Town, Township, Village, Street, Avenue, Road,
Square, Bridge, Airport, Station, Stadium, Arena, Palace, Castle, Tower, River, Sea, Lake,
Ocean, Mountains, Valley, Forces, Army, Navy, Guard, Police, Militia, Brigade, Battalion, Regiment,
Command, War, Revolution, Conference, Summit, Festival, Games, Olympics, Cup, Championship, Prize,
Award, Awards, Week, Act, Treaty, Accord, Agreement, Plan, Program, Programme,
Project, Report, Index, Strategy, Declaration, Charter, Constitution, Convention, Protocol, Pact,
Doctrine, Prison, Colony, Camp, Hospital, Clinic, Museum, Library, Theatre, Theater, Gallery, Elementary,
Cathedral, Embassy, Consulate, Mission, Council, Secretariat, Directorate, Inspectorate, Watch,
International, Europe, Affairs, Policy, Studies, Research, Rights, Lab, Labs, Technologies, Systems,
Energy, Oil, Gas, Health, Healthcare, Care, Medical, Pharma, Mining, Motors, Steel, Foods, Bancorp,
Group, Capital, Security, Intelligence, Institute, Observatory, Census, Exchange,
Market, Markets, Bloc, Caucus, Platform, Office, Headquarters, Ltd., Inc., Co., Weekly, Digest,
Insider, Politico, Economist, Post-Gazette, Bulletin, Chronicle, Courier, Dispatch, Examiner, Express,
Mirror, Observer, Standard, Today, Week, Online, Blog, Podcast, Show, Hour, Gardens, Memorial, Plaza,
Piazza, Boulevard, Avenida, Calle, Rua, Praça, Brothers, Bros, Hermanos, Hnos, Irmãos, Fils, Figli, Söhne,
Electric, Energie, Energía, Democrats, Republicans, Socialists, Conservatives, Liberals, Greens, Solicitors,
Kardeşler, İnşaat, Highway, Expressway, Freeway, Motorway, SpA, S.A., GmbH, AG, plc, PLC, Pty, BV, NV, Srl, SAS,
Assurance, Insurance, Metals, Cells, Terminal, Bulvarı, Bulvari, Caddesi, Sokak, Sokağı, Mawatha, Strasse, Straße,
Platz, Café, Cafe, Caffè, Caffe, Trattoria, Bakery, Pharmacy
""")

# Well-known organisations, agencies and media named by one word or acronym.
ORGS = _words("""
NATO, UN, UNESCO, UNICEF, UNHCR, UNFCCC, OSCE, OECD, IMF, WTO, WHO, ICC, ICJ, EU, OPEC, ASEAN, BRICS,
KGB, FSB, GRU, SBU, CIA, FBI, NSA, DEA, ATF, IRS, EPA, FDA, CDC, NASA, Pentagon, Kremlin, Interpol,
Europol, Frontex, Viasna, Amnesty, Greenpeace, Reuters, AFP, AP, BBC, CNN, NPR, PBS, ABC, CBS, NBC,
MSNBC, Fox, Bloomberg, Politico, Axios, Vox, Breitbart, Facebook, Twitter, Google, Apple, Amazon,
Microsoft, Telegram, YouTube, Instagram, TikTok, WhatsApp, Meta, Netflix, Wikipedia, Belavia,
Gazprom, Rosneft, Belaruskali, Nexta, TUT.BY, Zerkalo, Meduza, RFE/RL, Euronews, Deutsche, Welle, DW,
Kommersant, Izvestia, TASS, RIA, BelTA, BELTA, Interfax, Xinhua, Al, Jazeera, Hamas, Hezbollah,
Taliban, Wagner, Rasmussen, Gallup, Ipsos, YouGov, Pew, Quinnipiac, GOP, DNC, RNC, SEC, CFPB, FEMA,
Medicare, Medicaid, Obamacare, Brexit, Getty, Shutterstock, Sputnik, RT, Euractiv, Kyiv, Guardian,
Telegraph, Times, Newsweek, Forbes, Fortune, Slate, Salon, HuffPost, Mediazona
""")

MONTHS_DAYS = _words("""
January, February, March, April, May, June, July, August, September, October, November, December,
Jan, Feb, Mar, Apr, Jun, Jul, Aug, Sep, Sept, Oct, Nov, Dec, Monday, Tuesday, Wednesday, Thursday,
Friday, Saturday, Sunday, Christmas, Easter, Ramadan, Hanukkah, Thanksgiving, Halloween
""")

# Titles written before a name; they become part of the role, not of the name.
TITLES = _words("""
Mr, Mrs, Ms, Miss, Mx, Dr, Prof, Professor, Sen, Senator, Rep, Representative, Gov, Governor, Gen,
General, Lt, Col, Colonel, Maj, Major, Capt, Captain, Sgt, Sergeant, Adm, Admiral, Cmdr, Commander,
President, Vice, Prime, Minister, Premier, Chancellor, Secretary, Ambassador, Envoy, Special,
Deputy, Chief, Judge, Justice, Mayor, Speaker, Chairman, Chairwoman, Chair, Director, Attorney,
King, Queen, Prince, Princess, Pope, Father, Sister, Brother, Rabbi, Imam, Rev, Reverend, Bishop,
Archbishop, Patriarch, Metropolitan, Sheikh, Sir, Dame, Lord, Lady, Count, Baron, Emir, Sultan,
Foreign, Defence, Defense, Interior, Finance, Justice, Economy, Health, Education, Culture, State,
Former, Acting, Interim, Leader, Opposition, Presidential, Candidate, Nominee, Officer, Inspector,
Detective, Constable, Commissioner, Councillor, Councilor, Councilman, Councilwoman, Alderman,
Congressman, Congresswoman, Assemblyman, Assemblywoman, Delegate, Lieutenant, Private, Corporal,
Marshal, Field, Supreme, Grand, High, Executive, Managing, Senior, Junior, Associate, Assistant,
Head, MP, MEP, MSP, MLA, MNA, MPP, MHA, TD,
Doctor, Mister, Madam, Dean, Provost, Rector, Councilmember, Councilwoman, Alderwoman, Alderperson,
Supervisor, Trustee, Selectman, Selectwoman, Superintendent, Magistrate, Sheriff, Pastor, Deacon, Cardinal,
Ayatollah, Chairperson, Solicitor, Auditor, Comptroller, Controller, Treasurer, Registrar, Ombudsman,
Assemblymember, Congressmember, Prosecutor, Mufti, Alhaji, Hon, Honourable, Honorable, Rt, Mme, Mlle, Herr,
Frau, Pres, Supt, Insp, Fr, Cllr, Cr, Cathaoirleach, Opanyin, Togbe, Alhaja, Hajia, Venerable, Ven
""")

NAME_SUFFIXES = _words("Jr, Jr., Sr, Sr., II, III, IV, PhD, MD, Esq")

# Particles inside names: `Ursula von der Leyen`, `Charles de Gaulle`, `José Ortega y Gasset` and the Portuguese
# `Catarina Moura e Silva` (`y` and `e` join two surnames).
NAME_PARTICLES = _words("""
de, van, von, der, den, da, di, du, del, della, la, le, les, los, las, dos, das, bin, ibn, al, el, ter,
ten, st, y, e, i, zu, af, mac, o, dela, delos, ni, ó, ní, nic, ua, ap, bint, binti, ben, do
""")

# Capitalised at the start of a sentence or in a headline, never a name.
FUNCTION_WORDS = _words("""
a, an, the, and, but, or, nor, yet, so, for, if, as, at, by, in, on, of, to, up, off, out, into,
onto, upon, with, within, without, about, above, across, after, against, along, amid, among, around,
before, behind, below, beneath, beside, besides, between, beyond, despite, during, except, following,
from, inside, like, near, over, past, per, since, through, throughout, till, toward, towards, under,
unlike, until, via, while, whilst, when, whenever, where, wherever, whether, which, who, whom, whose,
why, how, what, whatever, that, this, these, those, there, here, then, than, now, also, still, even,
just, only, already, again, ever, never, always, often, sometimes, meanwhile, however, moreover,
furthermore, nevertheless, nonetheless, instead, otherwise, therefore, thus, hence, indeed, perhaps,
maybe, although, though, because, unless, once, last, next, first, second, third, finally, today,
yesterday, tomorrow, tonight, earlier, later, soon, recently, i, we, you, he, she, it, they, me, us,
him, her, them, my, our, your, his, its, their, mine, ours, yours, theirs, one, some, any, all, both,
each, every, many, much, more, most, few, fewer, less, least, several, such, other, another, no, not,
none, nothing, nobody, everyone, everybody, someone, somebody, anyone, anything, everything, is, are,
was, were, be, been, being, am, do, does, did, has, have, had, will, would, shall, should, can, could,
may, might, must, yes, oh, well, please, thanks, read, subscribe, sign, watch, listen, see, photo,
image, article, video, update, updated, editor, note, related, advertisement, share, comment,
comments, click, follow, breaking, exclusive, opinion, analysis, explainer, live, more, top, new,
according, asked, said, says, told, added, noted, wrote, under, amid, ahead, behind, unlike, mr,
mrs, ms, dr, sen, rep, gov, gen, st, so-called, self-appointed, citizens,
protesters, officials, critics, supporters, opponents, observers, experts, analysts, lawmakers,
diplomats, voters, residents, everyone, both, neither, either
""")

# Head nouns of a role: `political analyst`, `former minister`, `the spokesperson`.
ROLE_NOUNS = _words("""
academic, assemblyman, assemblywoman, assemblymember, councilman, councilwoman, congresswoman, backbencher, crofter,
courier, herbalist, shopkeeper, baker, fisherman, fishermen, pensioner, electrician, plumber,
vicar, curate, chaplain, midfielder, striker, defender, goalkeeper, winger, pundit, planner, technician,
analyst, historian, journalist, activist, leader, president, minister, dictator, envoy, spokesperson,
spokesman, spokeswoman, advisor, adviser, deputy, candidate, member, members, coordinator, lecturer,
professor, researcher, scientist, economist, senator, governor, mayor, lawyer, attorney, official,
diplomat, ambassador, director, chief, head, founder, co-founder, chairman, chairwoman, chair, ceo,
executive, secretary, general, commander, officer, judge, prisoner, dissident, loyalist, opponent,
critic, supporter, ally, author, writer, editor, reporter, correspondent, pollster, strategist,
consultant, host, expert, scholar, fellow, teacher, doctor, physician, nurse, priest, bishop,
chancellor, premier, king, queen, prince, princess, sister, brother, wife, husband, daughter, son,
mother, father, widow, student, politician, lawmaker, legislator, congressman, congresswoman,
representative, delegate, campaigner, organizer, organiser, manager, owner, worker, farmer, resident,
voter, nominee, speaker, commissioner, prosecutor, investigator, inspector, aide, staffer,
negotiator, mediator, philosopher, sociologist, psychologist, commentator, observer, blogger,
columnist, broadcaster, presenter, anchor, producer, filmmaker, artist, musician, singer, actor,
actress, poet, novelist, athlete, coach, player, entrepreneur, businessman, businesswoman,
billionaire, banker, investor, trader, engineer, architect, economist, demographer, statistician,
lobbyist, regulator, auditor, treasurer, trustee, president-elect, vice-president, premier,
oligarch, warlord, militant, soldier, veteran, general, colonel, captain, sergeant, volunteer,
representative, councillor, councilor, alderman, sheriff, chaplain, rabbi, imam, pastor, monk, nun,
cardinal, pope, patriarch, metropolitan, cleric, theologian, lecturer, dean, principal, headteacher,
superintendent, administrator, director-general, secretary-general, rapporteur, ombudsman, envoy,
emissary, negotiator, mediator, playwright, photographer, designer, chef, pilot, driver, landlord,
tenant, parent, grandmother, grandfather, cousin, uncle, aunt, nephew, niece, fiancee, partner,
colleague, friend, neighbour, neighbor, predecessor, successor, rival, challenger, incumbent, figure,
founder, mp, mep, msp, mla, mna, mpp, mha, td,
deputy, defector, exile, emigre, refugee, survivor, witness, victim, detainee,
inmate, hostage, protester, demonstrator, unionist, shop steward, steward, economist, physicist,
biologist, chemist, epidemiologist, virologist, ecologist, climatologist, geologist, researcher,
specialist, practitioner, therapist, surgeon, dentist, pharmacist, veterinarian, midwife, paramedic,
firefighter, ranger, warden, guard, officer, agent, spy, informant, whistleblower, hacker, official,
bureaucrat, technocrat, apparatchik, propagandist, ideologue, cofounder, boss, mogul, tycoon, magnate,
heir, heiress, chairperson, spokesperson, press secretary, counsel, solicitor, barrister, jurist,
magistrate, clerk, registrar, senator-elect, governor-elect, mayor-elect, incumbent, contender
""")

# Roles that judge a debate from outside it.
OBSERVER_ROLES = _words("""
analyst, analysts, historian, researcher, scientist, economist, scholar, expert, professor, lecturer,
commentator, observer, sociologist, philosopher, pollster, fellow, academic, demographer,
statistician, political scientist
""")

FEMALE_WORDS = _words("""
she, her, hers, herself, mrs, ms, miss, madam, dame, lady, wife, widow, mother, daughter, sister,
grandmother, aunt, niece, queen, princess, actress, spokeswoman, chairwoman, congresswoman,
businesswoman, councilwoman, assemblywoman, woman, girl, heiress, fiancee, nun
""")

MALE_WORDS = _words("""
he, him, his, himself, mr, sir, lord, husband, widower, father, son, brother, grandfather, uncle,
nephew, king, prince, actor, spokesman, chairman, congressman, businessman, councilman, assemblyman,
man, boy, heir, monk
""")

# Common given names, by the gender of the pronoun that usually refers back to them: a table of
# names written in Latin script from many cultures (`data/given_names.tsv`: name, gender f|m|u,
# cultures). A `u` name (Sasha, Deniz, Ji-won) is a given name but says nothing of the person's
# gender. Each name is listed in its lower case and its accent-folded lower case, so `Rosângela`
# and `Rosangela` both count. Kept out: capitalised common words and places (Will, May, Hope, Can,
# Georgia, Milan), titles (Emir, Sultan) and Vietnamese men's names, which double as middle names
# after a family name (Hoang Duc Minh) and would cut the family name off as a title.
GIVEN_NAMES_FILE = Path(__file__).resolve().parent.parent / "data" / "given_names.tsv"


def _load_given_names(path: Path = GIVEN_NAMES_FILE) -> dict[str, frozenset[str]]:
    """Read the given-name table once: gender (`f`, `m`, `u`) -> lower-case names, accented and folded."""
    by_gender: dict[str, set[str]] = {"f": set(), "m": set(), "u": set()}
    with path.open(encoding="utf-8") as table:
        for line in table.read().splitlines()[1:]:
            if not line.strip():
                continue
            name, gender = line.split("\t")[:2]
            by_gender[gender].update({name.strip().lower(), fold(name.strip())})
    return {gender: frozenset(names) for gender, names in by_gender.items()}


_GIVEN_NAMES = _load_given_names()
FEMALE_FIRST_NAMES = _GIVEN_NAMES["f"]
MALE_FIRST_NAMES = _GIVEN_NAMES["m"]


class _GivenNames(frozenset[str]):
    """Given names, and compounds ending in one (`anne-marie`, `guy-roger`, `jean-baptiste`) as French and
    Congolese usage writes them; not after a particle (`al-hassan`, `ben-david` are surnames)."""

    def __contains__(self, word: object) -> bool:
        if frozenset.__contains__(self, word):
            return True
        if isinstance(word, str) and word.count("-") == 1:
            first, second = word.split("-")
            return len(first) >= 3 and first not in _PARTICLE_WORDS and frozenset.__contains__(self, second)
        return False


_PARTICLE_WORDS = NAME_PARTICLES | {"abu", "abd"}
FIRST_NAMES = _GivenNames(FEMALE_FIRST_NAMES | MALE_FIRST_NAMES | _GIVEN_NAMES["u"])
