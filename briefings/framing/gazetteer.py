"""Word lists that tell people from places, organisations and ordinary words.

The extractive backend has no statistical model, so capitalised words are
sorted by lookup: a run like `West Germany` or `Kyiv Independent` is no
person because its last word names a place or an organisation, and a lone
`But` at the start of a sentence is no name because it is a function word.
The lists are broad and topic-neutral on purpose: hidden stories cover other
countries and other institutions than the first newsletter.
"""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    """Parse a comma/newline separated block into a lower-case set."""
    return frozenset(w.strip().lower() for w in block.replace("\n", ",").split(",") if w.strip())


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
Beijing, Shanghai, Hong, Kong, Tokyo, Seoul, Pyongyang, Delhi, Mumbai, Karachi, Islamabad, Kabul,
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
Council, Committee, Commission, Ministry, Department, Office, Agency, Bureau, Authority, Service,
Services, Board, Court, Tribunal, Parliament, Assembly, Congress, Senate, House, Chamber, Cabinet,
Government, Administration, Union, Party, Front, Movement, Initiative, Alliance, Coalition, League,
Association, Federation, Organisation, Organization, Society, Club, Group, Network, Forum, Church,
Mosque, Temple, Bank, Company, Corporation, Corp, Inc, Ltd, LLC, Holdings, Partners, Industries,
Airlines, Airways, Motors, Times, Post, News, Press, Journal, Weekly, Daily, Herald, Tribune, Gazette,
Telegraph, Guardian, Independent, Review, Magazine, Monitor, Radio, Television, TV, Channel, Media,
Images, Photo, Photos, Pictures, Wire, Reporter, Republic, Kingdom, States, Emirates, Islands,
Federation, Region, Province, County, District, Oblast, City, Town, Village, Street, Avenue, Road,
Square, Bridge, Airport, Station, Stadium, Arena, Palace, Castle, Tower, River, Sea, Lake,
Ocean, Mountains, Valley, Forces, Army, Navy, Guard, Police, Militia, Brigade, Battalion, Regiment,
Command, War, Revolution, Conference, Summit, Festival, Games, Olympics, Cup, Championship, Prize,
Award, Awards, Week, Act, Treaty, Accord, Agreement, Plan, Program, Programme,
Project, Report, Index, Strategy, Declaration, Charter, Constitution, Convention, Protocol, Pact,
Doctrine, Prison, Colony, Camp, Hospital, Clinic, Museum, Library, Theatre, Theater, Gallery,
Cathedral, Embassy, Consulate, Mission, Council, Secretariat, Directorate, Inspectorate, Watch,
International, Europe, Affairs, Policy, Studies, Research, Rights, Lab, Labs, Technologies, Systems,
Energy, Oil, Gas, Health, Healthcare, Care, Medical, Pharma, Mining, Motors, Steel, Foods, Bancorp,
Group, Capital, Security, Intelligence, Institute, Observatory, Census, Exchange,
Market, Markets, Bloc, Caucus, Platform, Office, Headquarters, Ltd., Inc., Co., Weekly, Digest,
Insider, Politico, Economist, Post-Gazette, Bulletin, Chronicle, Courier, Dispatch, Examiner, Express,
Mirror, Observer, Standard, Today, Week, Online, Blog, Podcast, Show, Hour, Gardens, Memorial, Plaza,
Piazza, Boulevard, Avenida, Calle, Rua, Praça, Brothers, Bros, Hermanos, Hnos, Irmãos, Fils, Figli, Söhne,
Electric, Energie, Energía
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
Head, MP, MEP, Doctor, Mister, Madam, Dean, Provost, Rector, Councilmember, Councilwoman, Alderwoman, Alderperson,
Supervisor, Trustee, Selectman, Selectwoman, Superintendent, Magistrate, Sheriff, Pastor, Deacon, Cardinal,
Ayatollah, Chairperson, Solicitor, Auditor, Comptroller, Controller, Treasurer, Registrar, Ombudsman,
Assemblymember, Congressmember, Prosecutor, Mufti, Alhaji, Hon, Honourable, Honorable, Rt, Mme, Mlle, Herr,
Frau, Pres, Supt, Insp, Fr, Cllr, Cathaoirleach
""")

NAME_SUFFIXES = _words("Jr, Jr., Sr, Sr., II, III, IV, PhD, MD, Esq")

# Particles inside names: `Ursula von der Leyen`, `Charles de Gaulle`.
NAME_PARTICLES = _words("""
de, van, von, der, den, da, di, du, del, della, la, le, les, los, las, dos, das, bin, ibn, al, el, ter,
ten, st, y, zu, af, mac, o, dela, delos, ni, ó, ní, nic, ua, ap, bint, ben
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
founder, mp, mep, deputy, defector, exile, emigre, refugee, survivor, witness, victim, detainee,
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

# Common given names, by the gender of the pronoun that usually refers back to them.
FEMALE_FIRST_NAMES = _words("""
Mary, Maria, Marie, Anna, Ana, Anne, Ann, Hanna, Hannah, Elizabeth, Elisabeth, Liz, Sarah, Sara,
Jennifer, Linda, Patricia, Barbara, Susan, Jessica, Karen, Nancy, Lisa, Betty, Margaret, Sandra,
Ashley, Kimberly, Emily, Donna, Michelle, Carol, Amanda, Melissa, Deborah, Stephanie, Rebecca, Laura,
Sharon, Cynthia, Kathleen, Amy, Angela, Helen, Helena, Brenda, Pamela, Nicole, Emma, Samantha,
Katherine, Catherine, Kate, Christine, Christina, Debra, Rachel, Carolyn, Janet, Virginia, Rose,
Julie, Julia, Joyce, Victoria, Kelly, Lauren, Joan, Evelyn, Olivia, Judith, Megan, Cheryl, Martha,
Andrea, Frances, Hillary, Nikki, Kamala, Nancy, Elaine, Jill, Ivanka, Melania, Michelle, Sheryl,
Ursula, Angela, Theresa, Giorgia, Kaja, Annalena, Roberta, Margrethe, Jacinda, Marine, Christine,
Olga, Volha, Svetlana, Sviatlana, Tatiana, Tatsiana, Tatyana, Natalia, Natalya, Nataliya, Irina,
Iryna, Elena, Alena, Alyona, Yelena, Ekaterina, Katsiaryna, Kateryna, Yulia, Yuliya, Julija, Ksenia,
Kseniya, Oksana, Lyudmila, Liudmila, Ludmila, Galina, Halina, Larisa, Larysa, Valentina, Valiantsina,
Nadezhda, Nadzeya, Nadia, Nadiya, Vera, Viera, Veronika, Marina, Maryna, Alesia, Alesya, Olesya,
Palina, Polina, Daria, Darya, Dasha, Sofia, Sophia, Zoya, Inna, Alla, Raisa, Lidia, Lidiya, Nina,
Ina, Ala, Hanna, Ganna, Mariya, Maryia, Marya, Yana, Jana, Viktoria, Viktoryia, Antanina, Ludmila,
Agnieszka, Katarzyna, Malgorzata, Magdalena, Joanna, Ewa, Zofia, Monika, Beata, Dorota, Ieva,
Ingrida, Kristina, Kristine, Kersti, Kaia, Sanna, Mette, Ingrid, Astrid, Sigrid, Greta, Heidi,
Petra, Eva, Jana, Lucie, Zuzana, Ilona, Katalin, Aylin, Zeynep, Fatima, Aisha, Ayesha, Leila,
Layla, Mariam, Maryam, Yasmin, Noor, Nour, Rania, Sheikh, Malala, Priya, Sunita, Indira, Sonia,
Mei, Li, Ying, Yuki, Aiko, Hana, Ji-yeon, Chloe, Sophie, Camille, Claire, Isabelle, Marion,
Monique, Francoise, Chantal, Giulia, Francesca, Chiara, Elena, Carmen, Lucia, Pilar, Isabel,
Ines, Beatriz, Dilma, Cristina, Gabriela, Claudia, Valeria, Daniela, Paula, Alice, Grace, Jane,
Janet, Jean, Joan, Judy, Kathy, Lucy, Lily, Molly, Nora, Ruth, Sally, Tina, Wendy, Abigail,
Alexandra, Alexis, Amber, Ava, Bella, Brittany, Caroline, Charlotte, Diana, Diane, Dorothy, Eleanor,
Ella, Erin, Fiona, Gloria, Harriet, Heather, Holly, Irene, Jacqueline, Jasmine, Jenna, Joanna, Josephine,
Kayla, Kristen, Leah, Madeleine, Madison, Maggie, Marilyn, Meghan, Melanie, Natalie, Paige, Penny,
Rosa, Rosie, Samira, Shirley, Stella, Susanna, Teresa, Valerie, Vanessa, Zara, Zoe, Tulsi, Elise, Ella
""")

MALE_FIRST_NAMES = _words("""
James, John, Robert, Michael, William, David, Richard, Joseph, Thomas, Charles, Christopher, Daniel,
Matthew, Anthony, Mark, Donald, Steven, Paul, Andrew, Joshua, Kenneth, Kevin, Brian, George, Edward,
Ronald, Timothy, Jason, Jeffrey, Ryan, Jacob, Gary, Nicholas, Eric, Jonathan, Stephen, Larry, Justin,
Scott, Brandon, Benjamin, Samuel, Frank, Gregory, Raymond, Alexander, Patrick, Jack, Dennis, Jerry,
Tyler, Aaron, Jose, Henry, Adam, Douglas, Nathan, Peter, Zachary, Kyle, Walter, Harold, Jeremy, Ethan,
Carl, Keith, Roger, Gerald, Christian, Terry, Sean, Arthur, Austin, Noah, Lawrence, Jesse, Joe, Bryan,
Billy, Jordan, Albert, Dylan, Bruce, Willie, Gabriel, Alan, Juan, Logan, Wayne, Ralph, Roy, Eugene,
Randy, Vincent, Russell, Louis, Philip, Bobby, Johnny, Bradley, Barack, Bill, Joe, Mike, Mitch, Ted,
Bernie, Marco, Rand, Chris, Jeb, Newt, Rudy, Reince, Kellyanne, Hunter, Rex, Jim, Tim, Tom, Bob, Dick,
Al, Ben, Dan, Dave, Don, Ed, Fred, Greg, Jeff, Jon, Ken, Matt, Nick, Pat, Pete, Phil, Rick, Rob, Ron,
Sam, Steve, Tony, Vladimir, Volodymyr, Uladzimir, Wladimir, Alexei, Aleksei, Alexey, Aliaksei,
Aliaksandr, Alyaksandr, Aleksandr, Aleksander, Alexandr, Oleksandr, Ales, Sergei, Sergey, Siarhei,
Serhiy, Serhii, Dmitry, Dmitri, Dzmitry, Dmytro, Andrei, Andrey, Andrej, Andrii, Andriy, Mikhail,
Mikhail, Mikalai, Mykola, Nikolai, Nikolay, Mikola, Ivan, Ivan, Yuri, Yury, Yurii, Iurii, Igor, Ihar,
Ihor, Oleg, Aleh, Oleh, Pavel, Pavlo, Paval, Viktor, Viktar, Victor, Vitaly, Vitali, Vital, Vitalii,
Valery, Valeri, Valer, Valeriy, Leonid, Leanid, Anatoly, Anatol, Anatolii, Boris, Barys, Gennady,
Hienadz, Evgeny, Yevgeny, Yauhen, Yevhen, Konstantin, Kanstantsin, Kostiantyn, Maxim, Maksim,
Maksym, Roman, Raman, Stanislav, Stanislau, Vyacheslav, Viachaslau, Franak, Frants, Zianon, Zenon,
Ryhor, Grigory, Hryhoriy, Ilya, Illia, Ilia, Artem, Artyom, Artsiom, Denis, Dzianis, Denys, Kirill,
Kiryl, Anton, Antos, Fedor, Fyodor, Fiodar, Pyotr, Piotr, Petro, Pyatro, Semyon, Symon, Stepan,
Stsiapan, Taras, Bohdan, Vasily, Vasil, Vasyl, Yaroslav, Yaraslau, Zmitser, Eduard, Edvard, Arkady,
Emmanuel, Olaf, Friedrich, Helmut, Gerhard, Wolfgang, Heiko, Frank-Walter, Klaus, Jurgen, Hans,
Karl, Heinz, Josep, Jens, Mark, Mette, Rishi, Keir, Boris, Nicolas, Francois, Jacques, Jean-Claude,
Jean-Luc, Pierre, Emmanuel, Giuseppe, Matteo, Mario, Silvio, Luigi, Pedro, Carlos, Luis, Jorge,
Javier, Antonio, Manuel, Miguel, Rafael, Fernando, Lula, Jair, Recep, Ahmet, Mehmet, Mustafa,
Mohammed, Muhammad, Mohamed, Ahmed, Ali, Hassan, Hussein, Omar, Khalid, Abdullah, Ibrahim, Yusuf,
Bashar, Benjamin, Yair, Naftali, Benny, Isaac, Moshe, Xi, Wang, Narendra, Rahul, Imran, Shinzo,
Fumio, Kim, Moon, Yoon, Recep, Viktor, Andrzej, Mateusz, Donald, Jaroslaw, Lech, Radoslaw, Tomasz,
Krzysztof, Piotr, Marcin, Pawel, Gitanas, Gabrielius, Vytautas, Valdas, Egils, Krisjanis, Edgars,
Kaja, Alar, Toomas, Jüri, Juri, Sauli, Alexander, Stefan, Jan, Jakub, Milos, Aleksandar, Vucic,
Zoran, Ilham, Nikol, Levan, Mikheil, Giorgi, Kassym-Jomart, Nursultan, Shavkat, Emomali, Sadyr,
Tokayev, Elon, Jeff, Warren, Larry, Sergey, Mark, Sundar, Satya, Tim, Jamie, Lloyd, Antony, Jake,
Gavin, Lindsey, Ron, Kevin, Chuck, Hakeem, Lindsey, Mitt, Marco, Josh, Rand, Ted, Dick, Jimmy,
Gerald, Lyndon, Franklin, Dwight, Abraham, Theodore, Woodrow, Winston, Neville, Harold, Tony,
Gordon, David, Rishi, Keir, Nigel, Jeremy, Michel, Charles, Olaf, Mark, Pedro, Giorgia, Kyriakos,
Alexis, Andrej, Ivo, Iosif, Joseph, Leon, Lev, Nikita, Yegor, Egor, Gleb, Lukas, Luka, Marko,
Martin, Max, Oliver, Oscar, Owen, Simon, Stanley, Victor, Wesley, Zach, Caleb, Colin, Craig,
Derek, Glenn, Graham, Howard, Ian, Ivan, Joel, Julian, Kurt, Leo, Liam, Lucas, Marcus, Mason,
Miles, Neil, Norman, Oscar, Philip, Ray, Rex, Rupert, Seth, Shane, Spencer, Stuart, Todd, Travis,
Trevor, Troy, Vernon, Wade, Warren, Wilson, Yusuf, Len, Pat, Alex, Lily, Nicolae, Ion, Vlad,
Dorin, Maia, Igor
""")

FIRST_NAMES = FEMALE_FIRST_NAMES | MALE_FIRST_NAMES
