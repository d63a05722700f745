#!/usr/bin/env python3
"""Builds the structured records of the built-in corpus from the facts written down here.

Owns assets/corpus/{meetings,events,organisations,people,topics}.json. Every fact below carries
the citations that support it, as (source, paragraph) pairs into the cleaned paragraphs that
tools/build_sources.py writes; the paragraphs are quoted in comments where a reading matters.

Usage:
    python3 tools/build_records.py           # write the five files
    python3 tools/build_records.py --check   # exit 1 if a file is not what this script gives
"""

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__
from corpus_json import render as render_json  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "corpus"
FORMAT = "entente-corpus/1"

E7 = "eu-7th-cyber-dialogue"
R7 = "rok-7th-cyber-policy-consultation"
E6 = "eu-6th-cyber-dialogue"
R5 = "rok-5th-cyber-policy-consultation"
N2 = "news-2nd-digital-partnership-council"

CYBER = "eu-rok-cyber-dialogue"
DPC = "eu-rok-digital-partnership-council"


def c(source, *paragraphs):
    """Citations of several paragraphs of one source."""
    return [{"source": source, "paragraph": p} for p in paragraphs]


def date(value, precision, cite, how=None, end=None):
    fact = {"value": value}
    if end:
        fact["end"] = end
    fact["precision"] = precision
    fact["provenance"] = "inferred" if how and how.startswith("INFERRED:") else "stated"
    if how:
        fact["how"] = how.removeprefix("INFERRED:").strip()
    fact["cite"] = cite
    return fact


def place(city, cite, country=None, venue=None):
    fact = {"city": city}
    if country:
        fact["country"] = country
    if venue:
        fact["venue"] = venue
    fact["provenance"] = "stated"
    fact["cite"] = cite
    return fact


def fmt(value, cite, inferred_how=None, how=None):
    fact = {"value": value}
    fact["provenance"] = "inferred" if inferred_how else "stated"
    if inferred_how or how:
        fact["how"] = inferred_how or how
    fact["cite"] = cite
    return fact


def st(text, cite):
    return {"text": text, "cite": cite}


def topic(tid, summary, cite):
    return {"topic": tid, "summary": summary, "cite": cite}


def org(oid, cite, note=None):
    ref = {"organisation": oid}
    if note:
        ref["note"] = note
    ref["cite"] = cite
    return ref


def head(person, role, title, organisation, cite):
    h = {"person": person, "role": role, "title": title}
    if organisation:
        h["organisation"] = organisation
    h["cite"] = cite
    return h


def delegation(side, heads=(), members=(), notes=()):
    d = {"side": side}
    if heads:
        d["heads"] = list(heads)
    if members:
        d["members"] = list(members)
    if notes:
        d["notes"] = list(notes)
    return d


def meeting(**m):
    """Orders a meeting's fields as the model declares them and drops empty ones."""
    order = [
        "id", "series", "edition", "title", "short_title", "names", "date", "place", "format",
        "co_located", "delegations", "observers", "topics", "outcomes", "next_meeting",
        "notes", "accounts",
    ]
    unknown = set(m) - set(order)
    if unknown:
        sys.exit(f"unknown meeting fields {unknown}")
    return {k: m[k] for k in order if m.get(k) not in (None, [], "")}


MEETINGS = [
    meeting(
        id="eu-rok-cyber-5",
        series=CYBER,
        edition=5,
        title="5th EU–ROK Cyber Dialogue",
        short_title="5th Cyber Dialogue",
        names=[
            {"side": "rok", "name": "Cyber Policy Consultation", "cite": c(R5, 1, 3, 7)},
        ],
        date=date(
            "2019-06-28",
            "day",
            c(R5, 1, 4),
            how="INFERRED: The ROK account gives \"June 28, local time\" without a year (¶1). "
            "The year is 2019 from the page's own date line (\"Date 2019-07-01\", in the raw "
            "text above ¶1) and from ¶4, which says the ROK strategy and the EU Council "
            "decision shared at the meeting \"had been announced respectively in April and "
            "May 2019\".",
        ),
        place=place("Brussels", c(R5, 1), country="Belgium"),
        format=fmt(
            "in-person",
            c(R5, 1),
            inferred_how="The ROK account says the meetings were held \"in Brussels, the "
            "Kingdom of Belgium, on June 28, local time\" (¶1); no source says how they were "
            "held, so in person is inferred from the stated place.",
        ),
        co_located=[
            {
                "event": "rok-eu-ct-working-group-2",
                "text": "The Ministry of Foreign Affairs held the 2nd meeting of the ROK-EU "
                "Specialised Working Group on Counter-Terrorism in Brussels on the same day, "
                "following the Consultation.",
                "cite": c(R5, 1, 5),
            }
        ],
        delegations=[
            delegation(
                "rok",
                heads=[
                    head("kim-gunn", "head", "Ambassador for International Security Affairs",
                         None, c(R5, 2)),
                ],
                members=[org("rok-mofa", c(R5, 1), note="held the Consultation")],
                notes=[
                    st("The account names no organisation for Kim Gunn; it says the Ministry "
                       "of Foreign Affairs held the Consultation.", c(R5, 1, 2)),
                ],
            ),
            delegation(
                "eu",
                heads=[
                    head("pawel-herczynski", "head", "Director for Security and Defence",
                         "eeas", c(R5, 2)),
                ],
                members=[org("eeas", c(R5, 2))],
            ),
        ],
        topics=[
            topic("cyber-policy-strategy",
                  "The two sides shared their cybersecurity strategies and policies, among "
                  "them the ROK's National Cybersecurity Strategy (April 2019) and the EU's "
                  "Council decision on restrictive measures against cyber-attacks (May 2019).",
                  c(R5, 3, 4)),
            topic("diplomatic-responses",
                  "The two sides shared the contents of the EU's Council decision concerning "
                  "restrictive measures against cyber-attacks threatening the Union or its "
                  "Member States, announced in May 2019.",
                  c(R5, 4)),
            topic("cyber-norms",
                  "Among major current issues, they discussed the United Nations discussions "
                  "on cybersecurity norms.",
                  c(R5, 4)),
            topic("confidence-building-measures",
                  "Confidence-building measures were among the major current cybersecurity "
                  "issues discussed.",
                  c(R5, 4)),
            topic("capacity-building",
                  "Capability-building on cybersecurity was among the major current issues "
                  "discussed.",
                  c(R5, 4)),
            topic("cybercrime",
                  "Responses to cybercrime were among the major current issues discussed.",
                  c(R5, 4)),
            topic("open-secure-cyberspace",
                  "The two sides reaffirmed their commitment to cooperation in creating an "
                  "open and safe cyberspace.",
                  c(R5, 3)),
            topic("multilateral-cooperation",
                  "The account says the meetings are seen to have served as opportunities to seek "
                  "ways to respond jointly on multilateral platforms, including the UN and "
                  "the ARF.",
                  c(R5, 7)),
            topic("regional-fora",
                  "The account names the ARF among the platforms for joint responses; at the "
                  "co-located Working Group meeting the two sides reviewed agenda they could "
                  "cooperate on at the ARF Inter-Sessional Meeting on Counter-Terrorism and "
                  "Transnational Crime, to be co-chaired by the EU.",
                  c(R5, 6, 7)),
            topic("counter-terrorism",
                  "At the co-located Working Group meeting the two sides assessed the terrorist "
                  "threat environment and discussed the relocation of foreign terrorist "
                  "fighters, preventing and countering violent extremism, and countering the "
                  "financing of terrorism.",
                  c(R5, 1, 5, 6)),
        ],
        outcomes=[
            st("The two sides reaffirmed their commitment to cooperation in creating an open "
               "and safe cyberspace.", c(R5, 3)),
            st("The ROK account says the Consultation and the Working Group meeting are seen "
               "to have served to reaffirm the two sides' similar positions on cybersecurity "
               "and counter-terrorism, and to seek bilateral cooperation and ways to respond "
               "jointly on multilateral platforms, including the UN and the ARF.", c(R5, 7)),
        ],
        notes=[
            st("The only account of the 5th meeting is the ROK's, and it is marked "
               "\"* unofficial translation\".", c(R5, 8)),
            st("The ROK account calls the meeting the \"Cyber Policy Consultation\"; no EU "
               "account of the 5th is among the sources. It is taken as the 5th of the series "
               "the EU calls \"Cyber Dialogue\" because the numbering runs on: the EU calls "
               "the meetings of 2020 and 2025 its 6th and 7th \"Cyber Dialogue\", and the ROK "
               "calls the 2025 meeting its 7th \"Cyber Policy Consultation\", following the "
               "6th session of 2020.",
               c(R5, 1) + c(E6, 1) + c(E7, 1) + c(R7, 1, 3)),
            st("The Consultation \"was also attended by officials of cybersecurity- and "
               "counter-terrorism-related agencies\"; the account does not say of which side.",
               c(R5, 2)),
        ],
        accounts=[{"source": R5, "side": "rok"}],
    ),
    meeting(
        id="eu-rok-cyber-6",
        series=CYBER,
        edition=6,
        title="6th EU–ROK Cyber Dialogue",
        short_title="6th Cyber Dialogue",
        names=[
            {"side": "eu", "name": "Cyber Dialogue", "cite": c(E6, 1)},
            {"side": "rok", "name": "Cyber Policy Consultation", "cite": c(R7, 1, 3)},
        ],
        date=date(
            "2020-11-24",
            "day",
            c(E6, 1, 5) + c(R7, 3),
            how="INFERRED: The EU account of the 6th gives \"On November 24\" without a year "
            "(its ¶1). The year is 2020 because the ROK account of the 7th says the 6th "
            "session was \"held virtually during the COVID-19 pandemic in 2020\" (its ¶3), "
            "and the EU account of the 6th announces the next dialogue \"in 2021\" (its ¶5).",
        ),
        format=fmt(
            "virtual",
            c(R7, 3),
            how="Stated in the ROK account of the 7th (its ¶3: \"the 6th session held "
            "virtually during the COVID-19 pandemic in 2020\"), not in the EU account of the "
            "6th, which names no place or format.",
        ),
        delegations=[
            delegation(
                "eu",
                heads=[
                    head("wiktor-staniecki", "chair",
                         "Acting Deputy Head of the Security and Defence Policy Division",
                         "eeas", c(E6, 4)),
                ],
                members=[
                    org("eeas", c(E6, 4)),
                    org("european-commission", c(E6, 4),
                        note="representatives from Commission services"),
                    org("cert-eu", c(E6, 4)),
                ],
            ),
            delegation(
                "rok",
                heads=[
                    head("kang-yoo-sik", "head", "Director of International Security Division",
                         "rok-mofa", c(E6, 4)),
                ],
                members=[org("rok-mofa", c(E6, 4))],
            ),
        ],
        observers=[
            org("eu-member-states", c(E6, 4),
                note="EU Member States participated in the Dialogue as observers."),
        ],
        topics=[
            topic("cyber-threat-landscape",
                  "Both delegations shared views on recent cybersecurity developments and "
                  "progress, globally and in their regions, especially with reference to the "
                  "threat landscape.",
                  c(E6, 2)),
            topic("emerging-technologies",
                  "They exchanged views on developments concerning the geopolitical aspects of "
                  "emerging technologies.",
                  c(E6, 2)),
            topic("capacity-building",
                  "They explored potential areas for further cooperation within capacity "
                  "building projects.",
                  c(E6, 2)),
            topic("confidence-building-measures",
                  "They explored cooperation on implementing confidence building measures "
                  "contributing to stability in cyberspace.",
                  c(E6, 2)),
            topic("diplomatic-responses",
                  "The Dialogue allowed for exchanges on diplomatic responses to malicious "
                  "cyber activities and on possible avenues for cooperation in this area.",
                  c(E6, 2)),
            topic("programme-of-action",
                  "Both sides underlined their support to the establishment of a Programme of "
                  "Action on advancing responsible State behavior in cyberspace within the "
                  "United Nations.",
                  c(E6, 2)),
            topic("cyber-norms",
                  "The Programme of Action they supported is one on advancing responsible "
                  "State behavior in cyberspace.",
                  c(E6, 2)),
            topic("multilateral-cooperation",
                  "They recalled the importance of international cooperation on cyber issues "
                  "and supported the establishment of a Programme of Action within the United "
                  "Nations.",
                  c(E6, 2)),
            topic("open-secure-cyberspace",
                  "Both reaffirmed their commitment to an open, free, stable and secure "
                  "cyberspace.",
                  c(E6, 2)),
            topic("cyber-international-security",
                  "The Programme of Action they supported would plot a path to consensus on "
                  "cyber issues in the context of international security within the United "
                  "Nations.",
                  c(E6, 2)),
        ],
        outcomes=[
            st("Both sides reaffirmed their commitment to an open, free, stable and secure "
               "cyberspace.", c(E6, 2)),
            st("They confirmed their continued bilateral cooperation, including through annual "
               "dialogues.", c(E6, 2)),
            st("They underlined their support to the establishment of a Programme of Action on "
               "advancing responsible State behavior in cyberspace within the United Nations.",
               c(E6, 2)),
        ],
        next_meeting={
            "event": "eu-rok-cyber-next-brussels-2021",
            "text": "The European Union will host the next EU-Republic of Korea Cyber Dialogue "
            "in Brussels in 2021.",
            "cite": c(E6, 5),
        },
        notes=[
            st("The EU account names no place and no format; the ROK account of the 7th says "
               "the 6th session was held virtually during the COVID-19 pandemic in 2020.",
               c(E6, 1) + c(R7, 3)),
            st("The EU account announced the next Dialogue for Brussels in 2021. None of these "
               "sources reports a dialogue between the 6th and the 7th: the 7th was held in Seoul on "
               "20 May 2025, and the ROK account says it followed the 6th session of 2020.",
               c(E6, 5) + c(E7, 1) + c(R7, 1, 3)),
            st("The Dialogue was preceded the same year by Track 1.5 EU-Republic of Korea "
               "Cyber Consultations organised by the EU Cyber Direct project and the National "
               "Security Research Institute (NSR).", c(E6, 3)),
        ],
        accounts=[{"source": E6, "side": "eu"}],
    ),
    meeting(
        id="eu-rok-dpc-2",
        series=DPC,
        edition=2,
        title="2nd EU–ROK Digital Partnership Council",
        short_title="2nd Digital Partn. Council",
        date=date(
            "2024-03-26",
            "day",
            c(N2, 2, 6, 7),
            how="INFERRED: The news item gives \"On 26 March\" without a year (¶2). It says "
            "the first Council took place in Seoul on 23 June 2023 (¶7) and that the next is "
            "scheduled for 2025 (¶6), so the March between them is March 2024.",
        ),
        place=place("Brussels", c(N2, 1, 2), country="Belgium"),
        format=fmt(
            "in-person",
            c(N2, 1, 2),
            inferred_how="The news item says the Council was held in Brussels (¶1, ¶2); it "
            "does not say how, so in person is inferred from the stated place.",
        ),
        delegations=[
            delegation(
                "eu",
                heads=[
                    head("thierry-breton", "co-chair", "Commissioner for the Internal Market",
                         "european-commission", c(N2, 2)),
                ],
            ),
            delegation(
                "rok",
                heads=[
                    head("lee-jong-ho", "co-chair",
                         "Minister for Science and Information and Communication Technology",
                         "rok-msit", c(N2, 2)),
                ],
            ),
        ],
        topics=[
            topic("semiconductors",
                  "The parties pledged continued cooperation on semiconductors; the Council "
                  "stressed the need for innovation cooperation and the exchange of "
                  "information on semiconductors and their supply chains, and launched the "
                  "Joint EU-Republic of Korea Semiconductors Researchers Forum.",
                  c(N2, 3, 5)),
            topic("quantum",
                  "Quantum computing is among the key technologies in which the parties "
                  "pledged to strengthen their continued cooperation.",
                  c(N2, 3)),
            topic("5g-6g",
                  "5G is among the key technologies for continued cooperation, and a call for "
                  "research proposals in Radio Access Networks and 6G technology has been "
                  "issued.",
                  c(N2, 3, 5)),
            topic("artificial-intelligence",
                  "AI is among the key technologies for continued cooperation; the parties "
                  "reasserted the critical importance of the AI communication channel "
                  "established in 2023.",
                  c(N2, 3, 5)),
            topic("cyber-information-sharing",
                  "Cybersecurity is among the key technologies for continued cooperation, and "
                  "the parties agreed to share important information on cybersecurity trends.",
                  c(N2, 3, 4)),
            topic("network-connectivity",
                  "Network connectivity was added as a new key area for collaboration; the EU "
                  "has incorporated undersea cable connectivity projects in the Arctic to "
                  "ensure trusted and secure data flows with third countries.",
                  c(N2, 3, 5)),
            topic("sme-digitalisation",
                  "The parties agreed to share \"best practices for SME digitalisation and ICT "
                  "standardisation\".",
                  c(N2, 4)),
            topic("ict-standardisation",
                  "The parties agreed to share \"best practices for SME digitalisation and ICT "
                  "standardisation\".",
                  c(N2, 4)),
            topic("horizon",
                  "Negotiations to include the Republic of Korea in the EU Horizon program for "
                  "funding and research have been successfully finalised.",
                  c(N2, 4)),
            topic("digital-rights",
                  "Sharing a common vision of a fair, safe and secure internet, both partners "
                  "aim to pursue it through the implementation of the Declaration for the "
                  "Future of Internet and the European Declaration on Digital Rights and "
                  "Principles.",
                  c(N2, 5)),
        ],
        outcomes=[
            st("The parties pledged to strengthen their continued cooperation in key "
               "technologies such as semiconductors, quantum computing, 5G, AI and "
               "cybersecurity, and added new key areas for collaboration, such as network "
               "connectivity.", c(N2, 3)),
            st("They agreed to share important information on cybersecurity trends, best "
               "practices for SME digitalisation and ICT standardisation.", c(N2, 4)),
            st("Negotiations to include the Republic of Korea in the EU Horizon program for "
               "funding and research have been successfully finalised.", c(N2, 4)),
            st("The Council launched the Joint EU-Republic of Korea Semiconductors Researchers "
               "Forum for researchers from both regions.", c(N2, 5)),
            st("A call for research proposals in Radio Access Networks and 6G technology has "
               "been issued.", c(N2, 5)),
            st("The parties reasserted the critical importance of the AI communication channel "
               "between the two regions, established in 2023.", c(N2, 5)),
            st("Both partners aim to pursue a fair, safe and secure internet through the "
               "implementation of the Declaration for the Future of Internet and the European "
               "Declaration on Digital Rights and Principles.", c(N2, 5)),
            st("The EU has incorporated undersea cable connectivity projects in the Arctic to "
               "ensure trusted and secure data flows with third countries.", c(N2, 5)),
        ],
        next_meeting={
            "event": "eu-rok-dpc-next-seoul-2025",
            "text": "The next Digital Partnership Council is scheduled to take place in 2025 in "
            "Seoul.",
            "cite": c(N2, 6),
        },
        notes=[
            st("The only account is a third-party news item, which calls the meeting the "
               "\"Second Digital Partnership Council\"; no account by either side is among "
               "the sources.", c(N2, 1, 2)),
            st("The news item places the EU–Korea partnership within the EU's larger Strategy "
               "for cooperation and strengthening of EU partnerships in the Indo-Pacific "
               "region.", c(N2, 7)),
        ],
        accounts=[{"source": N2}],
    ),
    meeting(
        id="eu-rok-cyber-7",
        series=CYBER,
        edition=7,
        title="7th EU–ROK Cyber Dialogue",
        short_title="7th Cyber Dialogue",
        names=[
            {"side": "eu", "name": "Cyber Dialogue", "cite": c(E7, 1, 6)},
            {"side": "rok", "name": "Cyber Policy Consultation", "cite": c(R7, 1, 9)},
        ],
        date=date(
            "2025-05-20",
            "day",
            c(E7, 1) + c(R7, 1),
            how="Stated in the EU account (its ¶1: \"On 20 May 2025\"). The ROK account gives "
            "\"Tuesday, May 20\" without a year (its ¶1); 20 May 2025 was a Tuesday.",
        ),
        place=place("Seoul", c(E7, 1) + c(R7, 1), country="Republic of Korea",
                    venue="Ministry of Foreign Affairs"),
        format=fmt("in-person", c(E7, 1) + c(R7, 3)),
        delegations=[
            delegation(
                "rok",
                heads=[
                    head("youn-jong-kwon", "chair", "Director-General for International "
                         "Security", "rok-mofa", c(R7, 1)),
                ],
                members=[
                    org("rok-mofa", c(R7, 1, 2)),
                    org("ncsc", c(R7, 2),
                        note="the National Intelligence Service’s National Cyber Security "
                        "Center"),
                    org("supreme-prosecutors-office", c(R7, 2)),
                    org("knpa", c(R7, 2)),
                    org("kisa", c(R7, 2)),
                ],
                notes=[
                    st("The ROK account says participants \"included\" representatives of "
                       "these bodies, each responsible for cybersecurity policy in their "
                       "respective institutions.", c(R7, 2)),
                ],
            ),
            delegation(
                "eu",
                heads=[
                    head("maciej-stadejek", "head", "Director for Security and Defence Policy",
                         "eeas", c(R7, 1)),
                ],
                members=[
                    org("eeas", c(R7, 1, 2)),
                    org("european-commission", c(R7, 2)),
                ],
            ),
        ],
        topics=[
            topic("cyber-threat-landscape",
                  "Both sides assessed the intensifying cybersecurity threat environment and "
                  "the characteristics of the threats posed by major actors, and stressed "
                  "close coordination to counter them.",
                  c(E7, 2) + c(R7, 3, 4)),
            topic("north-korea-cyber-threats",
                  "Both accounts name North Korea among the major actors; the ROK account "
                  "cites cryptocurrency theft by North Korea.",
                  c(E7, 2) + c(R7, 4)),
            topic("cyber-policy-strategy",
                  "The ROK account says the meeting served to exchange views on cybersecurity "
                  "policy trends and response frameworks.",
                  c(R7, 3)),
            topic("multilateral-cooperation",
                  "Both accounts report discussion of stronger collaboration in multilateral "
                  "fora, particularly the United Nations.",
                  c(E7, 3) + c(R7, 5)),
            topic("un-oewg",
                  "The two sides agreed to work closely together toward building consensus at "
                  "the upcoming 11th substantive session of the OEWG on ICTs, scheduled for "
                  "July 7–11.",
                  c(E7, 3) + c(R7, 5)),
            topic("cybercrime",
                  "Both accounts stress enhanced international cooperation in cybercrime "
                  "investigations; the ROK account adds that the Budapest Convention and the "
                  "UN convention against cybercrime adopted in 2024 were discussed as key "
                  "frameworks for international legal cooperation.",
                  c(E7, 3) + c(R7, 6)),
            topic("malicious-cyber-activities",
                  "The two sides exchanged views on countering malicious cyber activities "
                  "through multilateral mechanisms such as the Counter Ransomware Initiative "
                  "and the Pall Mall Process.",
                  c(E7, 4) + c(R7, 7)),
            topic("counter-ransomware",
                  "The Counter Ransomware Initiative (CRI) is named as a multilateral mechanism "
                  "for countering malicious cyber activities.",
                  c(E7, 4) + c(R7, 7)),
            topic("commercial-spyware",
                  "The Pall Mall Process on commercial spyware is named as a multilateral "
                  "mechanism for countering malicious cyber activities.",
                  c(E7, 4) + c(R7, 7)),
            topic("regional-fora",
                  "They reviewed cybersecurity policy discussions in regional and "
                  "international bodies, including NATO, the OSCE and the ASEAN Regional "
                  "Forum.",
                  c(E7, 4) + c(R7, 7)),
            topic("capacity-building",
                  "Recognising the importance of supporting capacity-building efforts among "
                  "regional partners, both sides shared updates on their cyber "
                  "capacity-building programs and explored potential areas for collaboration.",
                  c(E7, 5) + c(R7, 8)),
            topic("open-secure-cyberspace",
                  "Both accounts tie the capacity-building collaboration to promoting a "
                  "peaceful, secure, and open cyberspace.",
                  c(E7, 5) + c(R7, 8)),
            topic("cyber-international-security",
                  "Both reaffirmed that cybersecurity has become an integral and independent "
                  "pillar of international security.",
                  c(E7, 6) + c(R7, 9)),
            topic("emerging-technologies",
                  "They agreed to keep developing the Cyber Policy Consultation as a platform "
                  "to address a broad range of cybersecurity issues driven by emerging "
                  "technologies.",
                  c(E7, 6) + c(R7, 9)),
        ],
        outcomes=[
            st("Both sides stressed the importance of close coordination to effectively "
               "counter the threats posed by major actors (the EU account: \"emphasised the "
               "importance\"; the ROK account: \"agreed on the importance\").",
               c(E7, 2) + c(R7, 4)),
            st("They agreed to work closely together toward building consensus at the 11th "
               "substantive session of the UN OEWG on ICTs, scheduled for July 7–11.",
               c(E7, 3) + c(R7, 5)),
            st("They reaffirmed that cybersecurity has become an integral and independent "
               "pillar of international security.", c(E7, 6) + c(R7, 9)),
            st("They agreed to continue developing the Cyber Policy Consultation as a "
               "comprehensive dialogue platform, bringing together key stakeholders to "
               "address a broad range of cybersecurity issues driven by emerging "
               "technologies.", c(E7, 6) + c(R7, 9)),
        ],
        next_meeting={
            "event": "eu-rok-cyber-next-brussels",
            "text": "The EU will host the next EU-Republic of Korea Cyber Dialogue in "
            "Brussels (no date given).",
            "cite": c(E7, 6),
        },
        notes=[
            st("The accounts differ on when the last in-person meeting was. The EU account "
               "calls this \"the first in-person meeting since 2020\" (its ¶1). The ROK account "
               "calls it \"the first in-person consultation in five years, following the 6th "
               "session held virtually during the COVID-19 pandemic in 2020\" (its ¶3). None "
               "of these sources reports an in-person meeting in 2020.",
               c(E7, 1) + c(R7, 3)),
            st("The ROK account gives the date as \"Tuesday, May 20\" without a year; the EU "
               "account gives \"20 May 2025\".", c(R7, 1) + c(E7, 1)),
            st("The EU account also uses the ROK's name once: both sides \"agreed to continue "
               "developing the Cyber Policy Consultation\".", c(E7, 6)),
            st("Only the EU account announces the next meeting (in Brussels). Only the ROK "
               "account names the venue, the heads of delegation and the participating "
               "organisations, cryptocurrency theft by North Korea, and the Budapest "
               "Convention and the 2024 UN convention against cybercrime.",
               c(E7, 6) + c(R7, 1, 2, 4, 6)),
        ],
        accounts=[{"source": E7, "side": "eu"}, {"source": R7, "side": "rok"}],
    ),
]


def event(eid, kind, title, description, cite, series=None, edition=None, date_=None,
          place_=None, organisations=(), topics=()):
    e = {"id": eid, "kind": kind, "title": title}
    if series:
        e["series"] = series
    if edition:
        e["edition"] = edition
    if date_:
        e["date"] = date_
    if place_:
        e["place"] = place_
    e["description"] = description
    if organisations:
        e["organisations"] = list(organisations)
    if topics:
        e["topics"] = list(topics)
    e["cite"] = cite
    return e


DPC2_DATE_HOW = (
    "the Second Digital Partnership Council met on 26 March 2024 (the news item gives "
    "\"26 March\" without a year; 2024 because the first Council met on 23 June 2023 and the "
    "next is scheduled for 2025)"
)

EVENTS = [
    event(
        "eu-rok-cyber-dialogues-since-2014", "mentioned",
        "Regular EU–ROK cyber dialogues since 2014",
        "The European Union and the Republic of Korea have pursued regular cyber dialogues "
        "since 2014. They aim at strengthening cooperation on bilateral, regional and global "
        "issues, including international security in relation to cyberspace, internet "
        "governance, cybersecurity, cyber capacity building in third countries, and "
        "combatting cybercrime.",
        c(E6, 3),
        series=CYBER,
        date_=date("2014", "year", c(E6, 3)),
        topics=["cyber-international-security", "internet-governance", "capacity-building",
                "cybercrime"],
    ),
    event(
        "eu-rok-track-1-5-cyber-consultations-2020", "mentioned",
        "Track 1.5 EU–Republic of Korea Cyber Consultations (2020)",
        "Track 1.5 EU-Republic of Korea Cyber Consultations, organised by the EU Cyber Direct "
        "project and the National Security Research Institute (NSR), preceded the 6th Cyber "
        "Dialogue the same year. This form of bilateral exchange allows for discussions "
        "between experts from academia, think tanks, the private sector and governments.",
        c(E6, 3),
        date_=date(
            "2020", "year", c(E6, 3) + c(R7, 3),
            how="INFERRED: The EU account of the 6th says the Dialogue \"was preceded this "
            "year\" by the consultations (its ¶3); the ROK account of the 7th says the 6th "
            "was held in 2020 (its ¶3).",
        ),
        organisations=["eu-cyber-direct", "nsr"],
    ),
    event(
        "rok-eu-ct-working-group-2", "mentioned",
        "2nd meeting of the ROK–EU Specialised Working Group on Counter-Terrorism",
        "Held by the ROK Ministry of Foreign Affairs in Brussels together with the 5th Cyber "
        "Policy Consultation, which it followed. The two sides shared assessments on the "
        "current terrorist threat environment and discussed ways to work together on "
        "counter-terrorism in Asia and Europe, and such matters as the relocation of foreign "
        "terrorist fighters, preventing and countering violent extremism, and countering the "
        "financing of terrorism. They also reviewed agenda they could cooperate on at the ARF "
        "Inter-Sessional Meeting on Counter-Terrorism and Transnational Crime.",
        c(R5, 1, 5, 6, 7),
        series="rok-eu-ct-working-group",
        edition=2,
        date_=date(
            "2019-06-28", "day", c(R5, 1, 4),
            how="INFERRED: The ROK account gives \"June 28, local time\" for both meetings, "
            "without a year (¶1); 2019 from the page's own date line (\"Date 2019-07-01\", raw "
            "text) and from ¶4 (\"announced respectively in April and May 2019\").",
        ),
        place_=place("Brussels", c(R5, 1), country="Belgium"),
        organisations=["rok-mofa"],
        topics=["counter-terrorism"],
    ),
    event(
        "arf-ism-ct-tc", "planned",
        "ARF Inter-Sessional Meeting on Counter-Terrorism and Transnational Crime",
        "An ASEAN Regional Forum (ARF) Inter-Sessional Meeting on Counter-Terrorism and "
        "Transnational Crime, to be co-chaired by the EU. At the 2019 Working Group meeting "
        "the ROK and the EU reviewed an agenda they could cooperate on there. No date is given.",
        c(R5, 6),
        organisations=["arf"],
        topics=["counter-terrorism", "regional-fora"],
    ),
    event(
        "eu-rok-cyber-next-brussels-2021", "planned",
        "Next EU–ROK Cyber Dialogue (Brussels, 2021)",
        "Announced in the EU account of the 6th: \"The European Union will host the next "
        "EU-Republic of Korea Cyber Dialogue in Brussels in 2021.\" None of these sources reports "
        "such a meeting: the next one they report, the 7th, was held in Seoul on 20 May 2025, and the "
        "ROK account says it followed the 6th session of 2020.",
        c(E6, 5) + c(E7, 1) + c(R7, 1, 3),
        series=CYBER,
        date_=date("2021", "year", c(E6, 5)),
        place_=place("Brussels", c(E6, 5), country="Belgium"),
    ),
    event(
        "eu-rok-cyber-next-brussels", "planned",
        "Next EU–ROK Cyber Dialogue (Brussels)",
        "Announced in the EU account of the 7th: \"The EU will host the next EU-Republic of "
        "Korea Cyber Dialogue in Brussels.\" No date is given.",
        c(E7, 6),
        series=CYBER,
        place_=place("Brussels", c(E7, 6), country="Belgium"),
    ),
    event(
        "eu-rok-dpc-1", "mentioned",
        "1st EU–ROK Digital Partnership Council",
        "The first Digital Partnership Council between the EU and the Republic of Korea took "
        "place in Seoul on 23 June 2023.",
        c(N2, 7),
        series=DPC,
        edition=1,
        date_=date("2023-06-23", "day", c(N2, 7)),
        place_=place("Seoul", c(N2, 7), country="Republic of Korea"),
    ),
    event(
        "eu-rok-dpc-next-seoul-2025", "planned",
        "Next EU–ROK Digital Partnership Council (Seoul, 2025)",
        "The next Digital Partnership Council is scheduled to take place in 2025 in Seoul.",
        c(N2, 6),
        series=DPC,
        date_=date("2025", "year", c(N2, 6)),
        place_=place("Seoul", c(N2, 6), country="Republic of Korea"),
    ),
    event(
        "oewg-ict-11th-session", "planned",
        "11th substantive session of the UN OEWG on ICTs",
        "The upcoming 11th substantive session of the UN Open-ended Working Group on "
        "Information and Communication Technologies (OEWG on ICTs), scheduled for July 7–11. "
        "At the 7th Cyber Dialogue both sides agreed to work closely together toward building "
        "consensus there.",
        c(E7, 3) + c(R7, 5),
        date_=date(
            "2025-07-07", "day", c(E7, 1, 3) + c(R7, 5),
            end="2025-07-11",
            how="INFERRED: Both accounts of the 7th give \"July 7–11\" without a year (EU "
            "account ¶3, ROK account ¶5) and call the session \"upcoming\" at the meeting "
            "of 20 May 2025 (EU account ¶1), so July 2025.",
        ),
        organisations=["oewg-ict", "un"],
        topics=["un-oewg"],
    ),
    event(
        "un-cybercrime-convention-2024", "mentioned",
        "UN convention against cybercrime adopted (2024)",
        "The United Nations convention against cybercrime, adopted in 2024. At the 7th meeting "
        "the two sides discussed it and the Budapest Convention as key frameworks for "
        "international legal cooperation (ROK account).",
        c(R7, 6),
        date_=date("2024", "year", c(R7, 6)),
        organisations=["un"],
        topics=["cybercrime"],
    ),
    event(
        "rok-national-cybersecurity-strategy-2019", "mentioned",
        "ROK National Cybersecurity Strategy announced",
        "The ROK's National Cybersecurity Strategy, announced in April 2019; the two sides "
        "shared its contents at the 5th Cyber Policy Consultation.",
        c(R5, 4),
        date_=date("2019-04", "month", c(R5, 4)),
        topics=["cyber-policy-strategy"],
    ),
    event(
        "eu-council-cyber-sanctions-decision-2019", "mentioned",
        "EU Council decision on restrictive measures against cyber-attacks",
        "The EU's Council decision concerning restrictive measures against cyber-attacks "
        "threatening the Union or its Member States, announced in May 2019; the two sides "
        "shared its contents at the 5th Cyber Policy Consultation.",
        c(R5, 4),
        date_=date("2019-05", "month", c(R5, 4)),
        organisations=["eu-council"],
        topics=["diplomatic-responses"],
    ),
    event(
        "eu-rok-semiconductors-researchers-forum", "mentioned",
        "Launch of the Joint EU–Republic of Korea Semiconductors Researchers Forum",
        "The Second Digital Partnership Council launched the Joint EU-Republic of Korea "
        "Semiconductors Researchers Forum for researchers from both regions.",
        c(N2, 5),
        date_=date(
            "2024-03-26", "day", c(N2, 2, 5, 6, 7),
            how="INFERRED: The Forum was launched by the Second Digital Partnership Council "
            "(¶5); " + DPC2_DATE_HOW + ".",
        ),
        topics=["semiconductors"],
    ),
    event(
        "eu-rok-ran-6g-call", "mentioned",
        "Call for research proposals in Radio Access Networks and 6G",
        "Reported with the Second Digital Partnership Council: a call for research proposals "
        "in Radio Access Networks and 6G technology has been issued. No date is given.",
        c(N2, 5),
        topics=["5g-6g"],
    ),
    event(
        "eu-rok-ai-communication-channel", "mentioned",
        "EU–ROK AI communication channel established",
        "The AI communication channel between the EU and the Republic of Korea was "
        "established in 2023; the Second Digital Partnership Council reasserted its critical "
        "importance.",
        c(N2, 5),
        date_=date("2023", "year", c(N2, 5)),
        topics=["artificial-intelligence"],
    ),
    event(
        "eu-japan-digital-partnership", "mentioned",
        "EU–Japan Digital Partnership",
        "The EU signed a Digital Partnership with Japan in 2022.",
        c(N2, 7),
        date_=date("2022", "year", c(N2, 7)),
    ),
    event(
        "eu-singapore-digital-partnership", "mentioned",
        "EU–Singapore Digital Partnership",
        "The EU signed a Digital Partnership with Singapore in 2023.",
        c(N2, 7),
        date_=date("2023", "year", c(N2, 7)),
    ),
    event(
        "rok-horizon-association", "mentioned",
        "Negotiations on Korea's inclusion in Horizon finalised",
        "Reported with the Second Digital Partnership Council: \"negotiations to include the "
        "country in the EU Horizon program for funding and research have also been "
        "successfully finalised\", to ensure the implementation of the joint ventures. No "
        "date is given.",
        c(N2, 4),
        topics=["horizon"],
    ),
]


def organisation(oid, name, side, kind, cite, acronym=None, aliases=(), parent=None):
    o = {"id": oid, "name": name}
    if acronym:
        o["acronym"] = acronym
    if aliases:
        o["aliases"] = list(aliases)
    o["side"] = side
    o["kind"] = kind
    if parent:
        o["parent"] = parent
    o["cite"] = cite
    return o


ORGANISATIONS = [
    organisation("eeas", "European External Action Service", "eu", "service",
                 c(R7, 1, 2) + c(E6, 4) + c(R5, 2), acronym="EEAS"),
    organisation("european-commission", "European Commission", "eu", "institution",
                 c(R7, 2) + c(E6, 4), acronym="EC", aliases=["Commission services"]),
    organisation("cert-eu", "Computer Emergency Response Team for the EU institutions", "eu",
                 "service", c(E6, 4), acronym="CERT-EU"),
    organisation("eu-member-states", "EU Member States", "eu", "group",
                 c(E6, 4) + c(R5, 4), aliases=["Member States"]),
    organisation("eu-council", "Council of the European Union", "eu", "institution",
                 c(R5, 4), aliases=["Council"]),
    # "the EU Cyber Direct project": the text says no more of who runs it.
    organisation("eu-cyber-direct", "EU Cyber Direct", "other", "other", c(E6, 3),
                 aliases=["EU Cyber Direct project"]),
    organisation("rok-mofa", "Ministry of Foreign Affairs", "rok", "ministry",
                 c(R7, 1, 2) + c(E6, 4) + c(R5, 1),
                 aliases=["ROK Ministry of Foreign Affairs"]),
    organisation("nis", "National Intelligence Service", "rok", "agency", c(R7, 2)),
    organisation("ncsc", "National Cyber Security Center", "rok", "agency", c(R7, 2),
                 acronym="NCSC", parent="nis"),
    organisation("supreme-prosecutors-office", "Supreme Prosecutors’ Office", "rok",
                 "institution", c(R7, 2), aliases=["Supreme Prosecutors' Office"]),
    organisation("knpa", "Korean National Police Agency", "rok", "agency", c(R7, 2)),
    organisation("kisa", "Korea Internet & Security Agency", "rok", "agency", c(R7, 2),
                 acronym="KISA", aliases=["Korea Internet and Security Agency"]),
    organisation("rok-msit", "Ministry of Science and ICT", "rok", "ministry", c(N2, 2)),
    organisation("nsr", "National Security Research Institute", "other", "research",
                 c(E6, 3), acronym="NSR"),
    organisation("un", "United Nations", "multilateral", "international",
                 c(E7, 3) + c(R7, 5, 6) + c(E6, 2) + c(R5, 4, 7), acronym="UN"),
    organisation("oewg-ict",
                 "Open-ended Working Group on Information and Communication Technologies",
                 "multilateral", "forum", c(E7, 3) + c(R7, 5), acronym="OEWG",
                 aliases=["OEWG on ICTs",
                          "UN Open-ended Working Group on Information and Communication "
                          "Technologies"],
                 parent="un"),
    organisation("nato", "North Atlantic Treaty Organization", "multilateral",
                 "international", c(E7, 4) + c(R7, 7), acronym="NATO"),
    organisation("osce", "Organization for Security and Co-operation in Europe",
                 "multilateral", "international", c(E7, 4) + c(R7, 7), acronym="OSCE"),
    organisation("arf", "ASEAN Regional Forum", "multilateral", "forum",
                 c(E7, 4) + c(R7, 7) + c(R5, 6, 7), acronym="ARF"),
    organisation("cri", "Counter Ransomware Initiative", "multilateral", "initiative",
                 c(E7, 4) + c(R7, 7), acronym="CRI"),
    organisation("pall-mall-process", "Pall Mall Process", "multilateral", "initiative",
                 c(E7, 4) + c(R7, 7)),
]


def person(pid, name, roles, honorific=None, aliases=()):
    p = {"id": pid, "name": name}
    if honorific:
        p["honorific"] = honorific
    if aliases:
        p["aliases"] = list(aliases)
    p["roles"] = roles
    return p


def role(title, organisation, side, meeting_, cite):
    r = {"title": title}
    if organisation:
        r["organisation"] = organisation
    r["side"] = side
    r["meeting"] = meeting_
    r["cite"] = cite
    return r


PEOPLE = [
    person("kim-gunn", "Kim Gunn", [
        role("Ambassador for International Security Affairs", None, "rok", "eu-rok-cyber-5",
             c(R5, 2)),
    ], honorific="Mr."),
    person("pawel-herczynski", "Pawel Herczynski", [
        role("Director for Security and Defence", "eeas", "eu", "eu-rok-cyber-5", c(R5, 2)),
    ], honorific="Mr."),
    person("wiktor-staniecki", "Wiktor Staniecki", [
        role("Acting Deputy Head of the Security and Defence Policy Division", "eeas", "eu",
             "eu-rok-cyber-6", c(E6, 4)),
    ], honorific="Mr"),
    person("kang-yoo-sik", "KANG Yoo-sik", [
        role("Director of International Security Division", "rok-mofa", "rok",
             "eu-rok-cyber-6", c(E6, 4)),
    ], honorific="Mr", aliases=["Kang Yoo-sik"]),
    person("thierry-breton", "Thierry Breton", [
        role("Commissioner for the Internal Market", "european-commission", "eu",
             "eu-rok-dpc-2", c(N2, 2)),
    ]),
    person("lee-jong-ho", "Lee Jong-Ho", [
        role("Minister for Science and Information and Communication Technology", "rok-msit",
             "rok", "eu-rok-dpc-2", c(N2, 2)),
    ], honorific="Dr"),
    person("youn-jong-kwon", "Youn Jong Kwon", [
        role("Director-General for International Security", "rok-mofa", "rok",
             "eu-rok-cyber-7", c(R7, 1)),
    ], honorific="Mr."),
    person("maciej-stadejek", "Maciej Stadejek", [
        role("Director for Security and Defence Policy", "eeas", "eu", "eu-rok-cyber-7",
             c(R7, 1)),
    ], honorific="Mr."),
]


def t(tid, label, aliases=(), parent=None):
    topic_ = {"id": tid, "label": label}
    if aliases:
        topic_["aliases"] = list(aliases)
    if parent:
        topic_["parent"] = parent
    return topic_


TOPICS = [
    t("cyber-threat-landscape", "Cyber threat landscape",
      ["threat landscape", "cyber threats", "threat environment"]),
    t("north-korea-cyber-threats", "North Korean cyber threats",
      ["North Korea", "cryptocurrency theft", "crypto theft"], parent="cyber-threat-landscape"),
    t("cyber-policy-strategy", "Cybersecurity policies and strategies",
      ["cyber policy", "cybersecurity strategy", "National Cybersecurity Strategy",
       "policy trends", "response frameworks"]),
    t("cyber-information-sharing", "Cybersecurity trends and information sharing",
      ["cybersecurity trends", "information sharing", "cybersecurity cooperation"]),
    t("multilateral-cooperation", "Multilateral cooperation",
      ["multilateral fora", "United Nations", "UN", "international cooperation"]),
    t("un-oewg", "UN Open-ended Working Group on ICTs",
      ["OEWG", "OEWG on ICTs", "Open-ended Working Group", "substantive session"],
      parent="multilateral-cooperation"),
    t("programme-of-action", "UN Programme of Action on responsible State behaviour",
      ["PoA", "Programme of Action", "Program of Action"], parent="multilateral-cooperation"),
    t("regional-fora", "Regional and international fora (NATO, OSCE, ARF)",
      ["NATO", "OSCE", "ARF", "ASEAN Regional Forum", "regional bodies"],
      parent="multilateral-cooperation"),
    t("cyber-norms", "Cyber norms and responsible State behaviour",
      ["norms", "responsible state behaviour", "responsible state behavior",
       "cybersecurity norms"]),
    t("confidence-building-measures", "Confidence-building measures",
      ["CBMs", "CBM", "confidence building", "stability in cyberspace"]),
    t("capacity-building", "Cyber capacity building",
      ["capacity building", "capacity-building", "capability-building",
       "capability building", "capacity development"]),
    t("cybercrime", "Cybercrime and international cooperation",
      ["cybercrime investigations", "Budapest Convention", "UN convention against cybercrime",
       "cybercrime convention", "legal cooperation"]),
    t("malicious-cyber-activities", "Countering malicious cyber activities",
      ["malicious cyber activities", "cyber-attacks"]),
    t("counter-ransomware", "Counter ransomware",
      ["ransomware", "Counter Ransomware Initiative", "CRI"],
      parent="malicious-cyber-activities"),
    t("commercial-spyware", "Commercial spyware",
      ["spyware", "Pall Mall Process"], parent="malicious-cyber-activities"),
    t("diplomatic-responses", "Diplomatic responses and restrictive measures",
      ["cyber sanctions", "sanctions", "restrictive measures", "diplomatic responses"],
      parent="malicious-cyber-activities"),
    t("open-secure-cyberspace", "An open, secure cyberspace",
      ["open cyberspace", "free cyberspace", "secure cyberspace", "peaceful cyberspace",
       "safe cyberspace"]),
    t("cyber-international-security", "Cybersecurity and international security",
      ["international security", "pillar of international security"]),
    t("emerging-technologies", "Emerging technologies",
      ["emerging tech", "geopolitics of technology"]),
    t("counter-terrorism", "Counter-terrorism",
      ["terrorism", "CT", "foreign terrorist fighters", "violent extremism",
       "terrorist financing", "Specialised Working Group"]),
    t("internet-governance", "Internet governance", ["internet"]),
    t("semiconductors", "Semiconductors",
      ["chips", "supply chains", "Semiconductors Researchers Forum"]),
    t("quantum", "Quantum computing", ["quantum"]),
    t("5g-6g", "5G and 6G", ["5G", "6G", "Radio Access Networks", "RAN"]),
    t("artificial-intelligence", "Artificial intelligence",
      ["AI", "AI communication channel"]),
    t("network-connectivity", "Network connectivity and undersea cables",
      ["connectivity", "undersea cables", "submarine cables", "data flows", "Arctic"]),
    t("sme-digitalisation", "SME digitalisation",
      ["SMEs", "SME digitalization", "small and medium-sized enterprises"]),
    t("ict-standardisation", "ICT standardisation",
      ["standards", "standardisation", "standardization", "ICT standardization"]),
    t("horizon", "Horizon research programme",
      ["Horizon", "Horizon Europe", "research funding", "research programme"]),
    t("digital-rights", "Digital rights and the future of the internet",
      ["Declaration for the Future of the Internet", "Declaration for the Future of Internet",
       "European Declaration on Digital Rights and Principles", "digital principles"]),
]

FILES = {
    "meetings.json": ("meetings", MEETINGS),
    "events.json": ("events", EVENTS),
    "organisations.json": ("organisations", ORGANISATIONS),
    "people.json": ("people", PEOPLE),
    "topics.json": ("topics", TOPICS),
}


def render(key, records):
    return render_json({"format": FORMAT, key: records})


def main():
    stale = []
    for name, (key, records) in FILES.items():
        text = render(key, records)
        path = OUT / name
        if "--check" in sys.argv:
            if path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    if stale:
        sys.exit(f"out of date: {', '.join(stale)}: run tools/build_records.py")


if __name__ == "__main__":
    main()
