"""The given-name table: loads once, covers many cultures, and keeps every name the old inline lists knew."""

from __future__ import annotations

import unicodedata

from briefings.framing.gazetteer import FEMALE_FIRST_NAMES, FIRST_NAMES, GIVEN_NAMES_FILE, MALE_FIRST_NAMES, word_set
from briefings.framing.people import gender_of

# The names of the inline lists this table replaced, by the gender `gender_of` gave them (a name in
# both lists was ambiguous, which a `u` row now says).
OLD_FEMALE = word_set("""
    abigail agnieszka aiko aisha ala alena alesia alesya alexandra alice alla alyona amanda amber amy ana
    andrea angela ann anna annalena anne antanina ashley astrid ava ayesha aylin barbara beata beatriz bella
    betty brenda brittany camille carmen carol caroline carolyn catherine chantal charlotte cheryl chiara chloe
    christina christine claire claudia cristina cynthia daniela daria darya dasha deborah debra diana diane
    dilma donna dorota dorothy ekaterina elaine eleanor elena elisabeth elise elizabeth ella emily emma erin
    eva evelyn ewa fatima fiona frances francesca francoise gabriela galina ganna giulia gloria grace greta
    halina hana hanna hannah harriet heather heidi helen helena hillary holly ieva ilona ina indira ines ingrid
    ingrida inna irene irina iryna isabel isabelle ivanka jacinda jacqueline jana jane janet jasmine jean jenna
    jennifer jessica ji-yeon jill joan joanna josephine joyce judith judy julia julie julija kaia kamala karen
    katalin katarzyna kate kateryna katherine kathleen kathy katsiaryna kayla kelly kersti kimberly kristen
    kristina kristine ksenia kseniya larisa larysa laura lauren layla leah leila li lidia lidiya linda lisa
    liudmila liz lucia lucie lucy ludmila lyudmila madeleine madison magdalena maggie malala malgorzata
    margaret margrethe maria mariam marie marilyn marina marine marion mariya martha mary marya maryam maryia
    maryna megan meghan mei melania melanie melissa michelle molly monika monique nadezhda nadia nadiya nadzeya
    nancy natalia natalie nataliya natalya nicole nikki nina noor nora nour oksana olesya olga olivia paige
    palina pamela patricia paula penny petra pilar polina priya rachel raisa rania rebecca roberta rosa rose
    rosie ruth sally samantha samira sandra sanna sara sarah sharon sheikh sheryl shirley sigrid sofia sonia
    sophia sophie stella stephanie sunita susan susanna svetlana sviatlana tatiana tatsiana tatyana teresa
    theresa tina tulsi ursula valentina valeria valerie valiantsina vanessa vera veronika victoria viera
    viktoria viktoryia virginia volha wendy yana yasmin yelena ying yuki yulia yuliya zara zeynep zoe zofia
    zoya zuzana
""")
OLD_MALE = word_set("""
    aaron abdullah abraham adam ahmed ahmet al alan alar albert aleh aleksandar aleksander aleksandr aleksei
    ales alex alexander alexandr alexei alexey ali aliaksandr aliaksei alyaksandr anatol anatolii anatoly
    andrei andrej andrew andrey andrii andriy andrzej anthony anton antonio antony antos arkady artem arthur
    artsiom artyom austin barack barys bashar ben benjamin benny bernie bill billy bob bobby bohdan boris
    bradley brandon brian bruce bryan caleb carl carlos charles chris christian christopher chuck colin craig
    dan daniel dave david denis dennis denys derek dick dmitri dmitry dmytro don donald dorin douglas dwight
    dylan dzianis dzmitry ed edgars eduard edvard edward egils egor elon emmanuel emomali eric ethan eugene
    evgeny fedor fernando fiodar franak francois frank frank-walter franklin frants fred friedrich fumio fyodor
    gabriel gabrielius gary gavin gennady george gerald gerhard giorgi gitanas giuseppe gleb glenn gordon
    graham greg gregory grigory hakeem hans harold hassan heiko heinz helmut henry hienadz howard hryhoriy
    hunter hussein ian ibrahim igor ihar ihor ilham ilia illia ilya imran ion iosif isaac iurii ivan ivo jack
    jacob jacques jair jake jakub james jamie jan jaroslaw jason javier jean-claude jean-luc jeb jeff jeffrey
    jens jeremy jerry jesse jim jimmy joe joel john johnny jon jonathan jordan jorge jose josep joseph josh
    joshua juan julian jurgen juri justin jüri kanstantsin karl kassym-jomart keir keith kellyanne ken kenneth
    kevin khalid kim kirill kiryl klaus konstantin kostiantyn krisjanis krzysztof kurt kyle kyriakos larry
    lawrence leanid lech len leo leon leonid lev levan liam lindsey lloyd logan louis lucas luigi luis luka
    lukas lula lyndon maia maksim maksym manuel marcin marco marcus mario mark marko martin mason mateusz matt
    matteo matthew max maxim mehmet michael michel miguel mikalai mike mikhail mikheil mikola miles milos mitch
    mitt mohamed mohammed moon moshe muhammad mustafa mykola naftali narendra nathan neil neville newt nicholas
    nick nicolae nicolas nigel nikita nikol nikolai nikolay noah norman nursultan olaf oleg oleh oleksandr
    oliver omar oscar owen pat patrick paul paval pavel pavlo pawel pedro pete peter petro phil philip pierre
    piotr pyatro pyotr radoslaw rafael rahul ralph raman rand randy ray raymond recep reince rex richard rick
    rishi rob robert roger roman ron ronald roy rudy rupert russell ryan ryhor sadyr sam samuel satya sauli
    scott sean semyon sergei sergey serhii serhiy seth shane shavkat shinzo siarhei silvio simon spencer
    stanislau stanislav stanley stefan stepan stephen steve steven stsiapan stuart sundar symon taras ted terry
    theodore thomas tim timothy todd tokayev tom tomasz tony toomas travis trevor troy tyler uladzimir valdas
    valer valeri valeriy valery vasil vasily vasyl vernon viachaslau victor viktar viktor vincent vital vitali
    vitalii vitaly vlad vladimir volodymyr vucic vyacheslav vytautas wade walter wang warren wayne wesley
    william willie wilson winston wladimir wolfgang woodrow xi yair yaraslau yaroslav yauhen yegor yevgeny
    yevhen yoon yuri yurii yury yusuf zach zachary zenon zianon zmitser zoran
""")
OLD_BOTH = word_set("alexis giorgia kaja lily mette")


def _rows() -> list[list[str]]:
    lines = GIVEN_NAMES_FILE.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["name", "gender", "cultures"]
    return [line.split("\t") for line in lines[1:] if line.strip()]


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def _gender(name: str) -> str | None:
    low = name.lower()
    if low in FEMALE_FIRST_NAMES and low not in MALE_FIRST_NAMES:
        return "f"
    if low in MALE_FIRST_NAMES and low not in FEMALE_FIRST_NAMES:
        return "m"
    return "u" if low in FIRST_NAMES else None


def test_table_loads_with_three_thousand_names() -> None:
    rows = _rows()
    assert len(rows) >= 3000
    assert all(len(row) == 3 and row[1] in ("f", "m", "u") and row[2].strip() for row in rows)
    assert not FEMALE_FIRST_NAMES & MALE_FIRST_NAMES


def test_no_duplicate_after_folding() -> None:
    folded = [_fold(row[0]) for row in _rows()]
    assert len(folded) == len(set(folded))


def test_names_from_other_cultures_have_their_gender() -> None:
    for name in ("Juliana", "Tereza", "Rosângela", "Rosangela", "Yumiko", "Adaeze", "Ngozi", "Rosalind", "Aoife"):
        assert _gender(name) == "f", name
    for name in ("Eduardo", "Kenji", "Takeshi", "Emeka", "Chinedu", "Youssef", "Karim", "Darren", "Yusuf",
                 "Mohamed", "Mohammed", "Muhammad"):
        assert _gender(name) == "m", name
    for name in ("Sasha", "Ji-won"):
        assert _gender(name) == "u", name


def test_pronoun_resolution_uses_the_table() -> None:
    assert gender_of("Ngozi Okonjo-Iweala") == "f"
    assert gender_of("Rosângela da Silva") == "f"
    assert gender_of("Kenji Tanaka") == "m"
    assert gender_of("Sasha Petrov") is None


def test_every_old_list_member_keeps_its_gender() -> None:
    for name in OLD_FEMALE:
        assert _gender(name) == "f", name
    for name in OLD_MALE:
        assert _gender(name) == "m", name
    for name in OLD_BOTH:
        assert _gender(name) == "u", name


def test_capitalised_common_words_are_no_given_names() -> None:
    for word in ("will", "may", "june", "hope", "faith", "joy", "summer", "art", "guy", "said", "can", "an", "my"):
        assert word not in FIRST_NAMES, word
