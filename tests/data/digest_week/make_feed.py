"""Build `ten-debates.xml`: ten short fictional stories of 2026-W48, one debate each (original text).

With the shipped sample newsletter they make a week of eleven debates, the
size of week issue #14 measured. Run it again after editing STORIES.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

STORIES = [
    ("Should the Lesna dam be raised before the spring floods?", "lesna-dam", "Mon, 23 Nov 2026 09:00:00 +0000", [
        "The regional council of Lesna voted on Monday to study raising the old dam by four metres, a plan that has split farmers and engineers along the river.",
        "\"Every spring we lose fields and we lose houses. Raise the wall and stop pretending the river will behave,\" said Marta Kovalenok, head of the Lesna farmers' union.",
        "Her call was backed by council member Piotr Zhuk, who said the study should be finished by February.",
        "But hydrologist Alesia Brant, of the Halvinsk Water Institute, said a higher wall would only push the flood downstream. \"You do not solve a flood by moving it to your neighbour's village,\" Brant said.",
        "Fisherman Ilya Savin agreed with Brant and called for the old wetlands to be restored instead.",
    ]),
    ("Should the Charnets reactor run for another twenty years?", "charnets-reactor", "Mon, 23 Nov 2026 15:30:00 +0000", [
        "The operator of the Charnets nuclear plant asked regulators this week to extend the licence of its oldest reactor to 2046.",
        "\"The reactor is safe, it is paid for, and it keeps the lights on in three provinces,\" said plant director Oleg Vasilenka.",
        "Energy minister Katsiaryna Lis supported the request, saying the grid could not replace the reactor's output before 2035.",
        "Critics disagree. \"An old reactor is an old reactor, however often you repaint it,\" said Darya Mikhnevich, who leads the Green Varnia campaign.",
        "Physicist Tomas Rudak, a former inspector at the plant, echoed Mikhnevich and urged the regulator to order a full independent review first.",
    ]),
    ("Should schools teach in Varnian only?", "school-language", "Tue, 24 Nov 2026 08:15:00 +0000", [
        "A draft law that would make Varnian the only language of instruction in state schools from 2028 reached parliament on Tuesday.",
        "\"A country that cannot teach its children in its own language will not keep it for long,\" said deputy Andrei Sosna, who wrote the draft.",
        "Education minister Halina Pyrkh backed the bill but asked for a longer transition for rural schools.",
        "On the other side, teacher Viktar Lemesh said the law would push thousands of pupils out of class. \"You cannot switch a child's language by decree,\" Lemesh said.",
        "Parents' association chair Nadzeya Kruk sided with Lemesh and called for schools to choose for themselves.",
    ]),
    ("Should potash exports go through the northern port?", "potash-port", "Tue, 24 Nov 2026 17:45:00 +0000", [
        "Varnia's state potash company said on Tuesday it wants to move half of its exports to the northern port of Vorsk by next summer.",
        "\"Vorsk is closer, cheaper and ours. There is no reason to pay foreign terminals for what we can do at home,\" said company chairman Ruslan Hayeu.",
        "Transport minister Ales Charnou supported the plan and promised a new rail spur to the port.",
        "But shipping analyst Inga Roos said the port's channel was too shallow for the largest carriers. \"The numbers do not work until someone dredges that channel, and nobody has paid for it,\" Roos said.",
        "Port workers' leader Siarhei Muraveika also opposed the move, warning that Vorsk had no housing for the extra crews.",
    ]),
    ("Who should pay for the new Halvinsk stadium?", "halvinsk-stadium", "Wed, 25 Nov 2026 11:00:00 +0000", [
        "The city of Halvinsk unveiled designs on Wednesday for a 40,000-seat stadium by the river, with a price tag of 310 million.",
        "\"This stadium will bring the tournaments we have watched go elsewhere for twenty years,\" said mayor Yuras Zhybul, who wants the city budget to cover most of it.",
        "Football federation president Valeryia Dzemidava backed the mayor and said the federation would add a share from its television rights.",
        "Opponents say the money belongs elsewhere. \"We have hospitals with broken lifts and he wants a roof that opens,\" said city councillor Kanstantsin Haurylik.",
        "Economist Lidziya Shaban, of the Varnian Institute of Public Finance, agreed with Haurylik and called for private investors to carry the risk.",
    ]),
    ("Should the Baltic rail link run through Krasnaye?", "rail-link-route", "Wed, 25 Nov 2026 19:20:00 +0000", [
        "Planners presented two routes on Wednesday for the fast rail link to the Baltic coast, one through the town of Krasnaye and one around it.",
        "\"Put the line through Krasnaye and you give twenty thousand people a train to the sea,\" said Krasnaye mayor Zmitser Hryb.",
        "Regional governor Iryna Shved supported the town route and said it would cost less to build.",
        "Conservationist Maksim Taran opposed it, saying the town route crossed the last old-growth forest in the region. \"A forest that took four hundred years cannot be rebuilt in four,\" Taran said.",
        "Engineer Alena Vysotskaya took Taran's side and urged planners to choose the longer route around the forest.",
    ]),
    ("Should the government be able to switch off the internet?", "internet-shutdown", "Thu, 26 Nov 2026 10:05:00 +0000", [
        "A bill giving the security council power to shut down mobile internet during \"emergencies\" passed its first reading on Thursday.",
        "\"When there is a threat to public order, we cannot wait for a court to open on Monday,\" said security council secretary Mikalai Lapko.",
        "Digital rights lawyer Sviatlana Baran said the bill would be used against protests. \"An emergency is whatever they say it is. That is the whole point of the bill,\" Baran said.",
        "Telecom entrepreneur Yan Shylau joined Baran in calling for the bill to be withdrawn, saying shutdowns cost his sector millions a day.",
        "Deputy Raisa Hurko defended the bill and said it contained limits on how long a shutdown could last.",
    ]),
    ("Should conscription start at eighteen or twenty?", "conscription-age", "Thu, 26 Nov 2026 16:40:00 +0000", [
        "The defence ministry proposed on Thursday to raise the age of conscription from eighteen to twenty, so that young men can finish their studies first.",
        "\"A soldier who has finished his studies is a better soldier and a better citizen,\" said defence minister Uladzislau Kos.",
        "University rector Tatsiana Hlinskaya supported the proposal and said too many students drop out when they are called up.",
        "But retired general Pavel Kalina said the army would be short of men for two years. \"You cannot leave a gap of two whole year groups and call it reform,\" Kalina said.",
        "Reserve officers' league chairman Stsiapan Varona agreed with Kalina and urged the ministry to phase the change in.",
    ]),
    ("Should Narodny Bank merge with Agrobank?", "bank-merger", "Fri, 27 Nov 2026 09:30:00 +0000", [
        "The boards of Narodny Bank and Agrobank said on Friday they would seek a merger that would create the country's largest lender.",
        "\"Two middling banks become one strong one. Farmers get cheaper credit and savers get a safer bank,\" said Narodny Bank chief executive Anton Zhaleznyak.",
        "Agriculture minister Ulyana Barysenka backed the merger and said it would end years of losses at Agrobank.",
        "Competition regulator Hleb Auseenka said he would examine it closely. \"One bank holding forty per cent of all deposits is not a market, it is a monopoly,\" Auseenka said.",
        "Small business federation head Volha Tsishkevich sided with the regulator and called for the merger to be blocked.",
    ]),
    ("Should hunters be allowed to cull wolves in the Nalibaki forest?", "wolf-cull", "Sat, 28 Nov 2026 12:10:00 +0000", [
        "The forestry ministry proposed on Saturday to allow hunters to cull up to sixty wolves in the Nalibaki forest this winter after attacks on livestock.",
        "\"We lost ninety sheep in one month. I am not against wolves, I am against losing my farm,\" said shepherd Mikhas Ruban.",
        "Forestry minister Ihnat Pratasenya backed the cull and said the wolf population had doubled in five years.",
        "Biologist Aksana Zaitsava, who has studied the Nalibaki packs for a decade, opposed it. \"Shoot the old leaders and the young wolves go for the sheep even more,\" Zaitsava said.",
        "Wildlife guide Dzianis Shpak agreed with Zaitsava and called for the state to pay for fences and guard dogs instead.",
    ]),
]

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>The Varnia Week (test data: fictional people)</title>
<link>https://example.org/varnia-week/</link>
<description>Ten short fictional stories for one week; every person and place is invented.</description>
"""


def item(title: str, slug: str, date: str, paragraphs: list[str]) -> str:
    link = f"https://example.org/varnia-week/2026/11/{slug}"
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<item>\n<title>{escape(title)}</title>\n<link>{link}</link>\n<guid>{link}</guid>\n"
            f"<pubDate>{date}</pubDate>\n<description>{escape(paragraphs[0])}</description>\n"
            f"<content:encoded><![CDATA[{body}]]></content:encoded>\n</item>\n")


if __name__ == "__main__":
    feed = HEAD + "".join(item(*story) for story in STORIES) + "</channel>\n</rss>\n"
    Path(__file__).with_name("ten-debates.xml").write_text(feed, encoding="utf-8")
